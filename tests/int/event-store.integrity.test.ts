import { randomUUID } from 'node:crypto';
import { checkDigest, ledgerDigest, verifyLedger } from '../../src/events/integrity';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase('test');

async function seedLog() {
  const a = await ledger.store.append('budget-019001-2024', [
    {
      type: 'BudgetAllocated',
      data: { line: '2010301/30101', amount: '366600.00' },
      effectiveDate: '2024-01-10',
    },
    {
      type: 'BudgetAllocated',
      data: { line: '2010301/30102', amount: '12.34' },
      effectiveDate: '2024-01-10',
    },
  ]);
  const b = await ledger.store.append('budget-019002-2024', [
    { type: 'BudgetAllocated', data: { amount: '1.00' } },
  ]);
  const c = await ledger.store.append('budget-019001-2024', [
    { type: 'AdjustmentApproved', data: { amount: '5.00' } },
  ]);
  return { a, b, c };
}

/**
 * As the superuser, with the immutability triggers switched off: what a forger with full access
 * does.
 */
async function tamper(sql: string, params: unknown[]): Promise<void> {
  const client = await ledger.db.ownerPool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SET LOCAL session_replication_role = replica');
    await client.query(sql, params);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

describe('the log is immutable', () => {
  test.each([
    ['UPDATE', "UPDATE events SET data = '{}'"],
    ['DELETE', 'DELETE FROM events'],
    ['TRUNCATE', 'TRUNCATE events CASCADE'],
  ])('%s is refused for the service role', async (_op, sql) => {
    await seedLog();
    await expect(ledger.db.appPool.query(sql)).rejects.toMatchObject({ code: '42501' }); // insufficient_privilege
    expect((await ledger.db.ownerPool.query('SELECT count(*)::int n FROM events')).rows[0].n).toBe(
      4,
    );
  });

  test.each([
    ['UPDATE', "UPDATE events SET data = '{}'"],
    ['DELETE', 'DELETE FROM events'],
    ['TRUNCATE', 'TRUNCATE events CASCADE'],
  ])('%s is refused even for the table owner, by trigger', async (_op, sql) => {
    await seedLog();
    await expect(ledger.db.ownerPool.query(sql)).rejects.toMatchObject({ code: 'BL003' });
    expect((await ledger.db.ownerPool.query('SELECT count(*)::int n FROM events')).rows[0].n).toBe(
      4,
    );
  });

  test('stream heads are derived from the log and cannot be written', async () => {
    await seedLog();
    // A view over the log: not updatable (55000), and not granted to the role anyway.
    await expect(ledger.db.appPool.query('DELETE FROM streams')).rejects.toMatchObject({
      code: expect.stringMatching(/^(42501|55000)$/),
    });
    const { rows } = await ledger.db.appPool.query(
      "SELECT version FROM streams WHERE stream_id = 'budget-019001-2024'",
    );
    expect(rows[0].version).toBe('3');
  });
});

describe('tamper evidence', () => {
  test('an intact ledger verifies', async () => {
    await seedLog();
    const r = await verifyLedger(ledger.db.appPool);
    expect(r).toMatchObject({ ok: true, eventsChecked: 4n, streamsChecked: 2n, firstBroken: null });
  });

  test('a row changed as superuser with triggers disabled is named by verify and by a kept digest', async () => {
    const { a, c } = await seedLog();
    const kept = await ledgerDigest(ledger.db.appPool, c.events[0].globalPosition);
    expect((await checkDigest(ledger.db.appPool, kept.digest, kept.position)).ok).toBe(true);

    const victim = a.events[1];
    await tamper(
      `UPDATE events SET data = jsonb_set(data, '{amount}', '"99.99"') WHERE global_position = $1`,
      [victim.globalPosition],
    );

    const v = await verifyLedger(ledger.db.appPool);
    expect(v.ok).toBe(false);
    expect(v.firstBroken).toMatchObject({
      globalPosition: victim.globalPosition,
      streamId: 'budget-019001-2024',
      streamVersion: 2n,
      problem: 'content-altered',
    });
    const check = await checkDigest(ledger.db.appPool, kept.digest, kept.position);
    expect(check.ok).toBe(false);
    expect(check.firstBroken?.globalPosition).toBe(victim.globalPosition);
  });

  test('recomputing the altered row’s own hash still breaks the chain at the next event', async () => {
    const { a } = await seedLog();
    const victim = a.events[0];
    await tamper(
      `UPDATE events SET data = '{"amount":"1.00"}',
         hash = ledger_event_hash(prev_hash, global_position, stream_id, stream_version, event_id, type,
                                  schema_version, '{"amount":"1.00"}', metadata, recorded_at, effective_date)
       WHERE global_position = $1`,
      [victim.globalPosition],
    );
    const v = await verifyLedger(ledger.db.appPool);
    expect(v.firstBroken).toMatchObject({
      globalPosition: a.events[1].globalPosition,
      problem: 'chain-broken',
    });
  });

  test('a deleted event shows as a version gap at the next one', async () => {
    const { a, c } = await seedLog();
    await tamper('DELETE FROM events WHERE global_position = $1', [a.events[1].globalPosition]);
    expect((await verifyLedger(ledger.db.appPool)).firstBroken).toMatchObject({
      globalPosition: c.events[0].globalPosition,
      problem: 'version-gap',
    });
  });

  test('a deleted last event leaves an intact, shorter chain: the kept digest catches it', async () => {
    const { b } = await seedLog();
    const kept = await ledgerDigest(ledger.db.appPool, await ledger.store.settledPosition());
    await tamper('DELETE FROM events WHERE global_position = $1', [b.events[0].globalPosition]);
    const check = await checkDigest(ledger.db.appPool, kept.digest, kept.position);
    expect(check.ok).toBe(false);
    expect(check.actual).not.toBe(kept.digest);
  });

  test('the digest is stable, covers a prefix of the log, and refuses unknown positions', async () => {
    const { a, c } = await seedLog();
    const early = await ledgerDigest(ledger.db.appPool, a.events[1].globalPosition);
    await ledger.store.append('budget-019003-2024', [{ type: 'X', data: {} }]);
    expect(await ledgerDigest(ledger.db.appPool, a.events[1].globalPosition)).toEqual(early);
    const late = await ledgerDigest(ledger.db.appPool, c.events[0].globalPosition);
    expect(late.digest).not.toBe(early.digest);
    expect(late.streams).toBe(2n);
    expect(early.digest).toMatch(/^[0-9a-f]{64}$/);
    await expect(ledgerDigest(ledger.db.appPool, 999_999n)).rejects.toThrow(/no event at position/);
  });
});

describe('the canonical byte form (defined once, in SQL)', () => {
  test('quotes, backslashes, CJK and control characters have one exact encoding', async () => {
    const id = '00000000-0000-4000-8000-000000000001';
    const { rows } = await ledger.db.ownerPool.query(
      `SELECT convert_from(ledger_event_bytes(7, 'budget-019-2024', 3, $1, 'Noted', 1, $2::jsonb, $3::jsonb,
               '2024-01-10T08:00:00.123456+08:00', '2024-01-01'), 'UTF8') AS text`,
      [
        id,
        JSON.stringify({ z: 'say "hi"\\ 汾阳\n', a: ['1.00', null, true] }),
        JSON.stringify({ actor: '审批局' }),
      ],
    );
    // Keys sorted by jsonb (length, then bytes), times in UTC with microseconds, UTF-8 kept as is.
    expect(rows[0].text).toBe(
      `[7, "budget-019-2024", 3, "${id}", "Noted", 1, {"a": ["1.00", null, true], "z": "say \\"hi\\"\\\\ 汾阳\\n"}, ` +
        `{"actor": "审批局"}, "2024-01-10T00:00:00.123456Z", "2024-01-01"]`,
    );
  });

  test('the stored hash is SHA-256(prev ‖ bytes), chained from 32 zero bytes', async () => {
    const r = await ledger.store.append(`canon-${randomUUID()}`, [
      { type: 'A', data: { t: '汾阳' } },
      { type: 'B', data: { t: 'x' } },
    ]);
    const { rows } = await ledger.db.ownerPool.query(
      `SELECT encode(prev_hash, 'hex') prev, encode(hash, 'hex') hash,
              encode(sha256(prev_hash || ledger_event_bytes(global_position, stream_id, stream_version, event_id, type,
                     schema_version, data, metadata, recorded_at, effective_date)), 'hex') recomputed
         FROM events WHERE stream_id = $1 ORDER BY stream_version`,
      [r.streamId],
    );
    expect(rows[0].prev).toBe('0'.repeat(64));
    expect(rows[1].prev).toBe(rows[0].hash);
    for (const row of rows) expect(row.hash).toBe(row.recomputed);
    expect(r.events.map((e) => e.hash)).toEqual(rows.map((x) => x.hash));
  });
});
