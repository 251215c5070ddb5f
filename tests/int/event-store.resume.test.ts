/**
 * Resuming the log from a position no event has: one burnt by an append that rolled back, or one
 * beyond the head. The reader (catch-up reads and the subscriptions' feed alike, both through
 * readAllBatch) resumes after the last event below it, never from the start of the log (it used
 * to replay everything from position 1).
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();

async function positionsAfter(after: bigint): Promise<bigint[]> {
  const out: bigint[] = [];
  for await (const e of ledger.store.readAll(after, 3)) out.push(e.globalPosition);
  return out;
}

/** An append whose transaction rolls back: its positions are taken from the sequence, unused. */
async function burnPositions(): Promise<void> {
  const client = new pg.Client({ connectionString: ledger.db.serviceUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `SELECT ledger_append($1, 'any', NULL, ARRAY[$2::uuid, $3::uuid], ARRAY['Lost', 'Lost'],
         ARRAY[1, 1], ARRAY['{}'::jsonb, '{}'::jsonb], ARRAY['{}'::jsonb, '{}'::jsonb],
         ARRAY[NULL::date, NULL::date])`,
      [`burnt-${randomUUID()}`, randomUUID(), randomUUID()],
    );
    await client.query('ROLLBACK');
  } finally {
    await client.end();
  }
}

test('a burnt position resumes after the last event before it; beyond the head reads nothing', async () => {
  const stream = `resume-${randomUUID()}`;
  await ledger.store.append(stream, [
    { type: 'A', data: {} },
    { type: 'B', data: {} },
  ]);
  await burnPositions();
  await ledger.store.append(stream, [
    { type: 'C', data: {} },
    { type: 'D', data: {} },
  ]);
  const [a, b, c, d] = (await positionsAfter(0n)) as [bigint, bigint, bigint, bigint];
  expect(b - a).toBe(1n);
  expect(c - b).toBe(3n); // two positions burnt between them

  expect(await positionsAfter(b + 1n)).toEqual([c, d]);
  expect(await positionsAfter(b + 2n)).toEqual([c, d]);
  expect(await positionsAfter(b)).toEqual([c, d]);
  expect(await positionsAfter(a)).toEqual([b, c, d]);
  expect(await positionsAfter(d)).toEqual([]);
  expect(await positionsAfter(d + 1000n)).toEqual([]);
  expect(await positionsAfter(2n ** 62n)).toEqual([]);
});
