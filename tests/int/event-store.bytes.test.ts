import fc from 'fast-check';
import { LedgerService } from '../../src/app/ledger-service';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';

/**
 * The hash's byte form must never change. Migration 0005 rebuilt ledger_event_bytes by string
 * concatenation instead of jsonb_build_array (0001); these tests hold the new definition to the
 * old one, written out here, byte for byte.
 */
const ORIGINAL_FORM = `convert_to(jsonb_build_array(
    global_position, stream_id, stream_version, event_id::text, type, schema_version, data, metadata,
    to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
    to_char(effective_date, 'YYYY-MM-DD'))::text, 'UTF8')`;
const CURRENT_FORM = `ledger_event_bytes(global_position, stream_id, stream_version, event_id, type, schema_version,
    data, metadata, recorded_at, effective_date)`;

const ledger = useLedgerDatabase();

test('given the seeded ledger, every event has the same canonical bytes under both definitions', async () => {
  await loadSeed(new LedgerService(ledger.store), ledger.store, ledger.db.appPool);
  const { rows } = await ledger.db.ownerPool.query(
    `SELECT count(*)::int AS events, count(*) FILTER (WHERE ${ORIGINAL_FORM} IS DISTINCT FROM ${CURRENT_FORM})::int AS differ
       FROM events`,
  );
  expect(rows[0].events).toBeGreaterThan(40);
  expect(rows[0].differ).toBe(0);
});

test('any stream id, type, JSON data, metadata and dates give the same bytes under both definitions', async () => {
  const text = fc
    .string({ unit: 'binary', minLength: 1, maxLength: 12 })
    .filter((s) => !s.includes('\u0000'));
  // jsonb cannot hold \u0000 in strings; everything else (quotes, controls, astral planes) is fair
  // game.
  const json = fc.jsonValue({ maxDepth: 3 }).filter((v) => !JSON.stringify(v).includes('\\u0000'));
  await fc.assert(
    fc.asyncProperty(
      fc.record({
        position: fc.bigInt({ min: 1n, max: 2n ** 62n }),
        stream: text,
        version: fc.bigInt({ min: 1n, max: 2n ** 62n }),
        id: fc.uuid(),
        type: text,
        schemaVersion: fc.integer({ min: 1, max: 1000 }),
        data: fc.dictionary(text, json, { maxKeys: 4 }),
        metadata: fc.dictionary(text, json, { maxKeys: 3 }),
        at: fc.date({
          min: new Date('1990-01-01'),
          max: new Date('2100-01-01'),
          noInvalidDate: true,
        }),
        effective: fc.option(
          fc.date({
            min: new Date('1990-01-01'),
            max: new Date('2100-01-01'),
            noInvalidDate: true,
          }),
        ),
      }),
      async (e) => {
        const { rows } = await ledger.db.ownerPool.query(
          `WITH x AS (SELECT $1::bigint AS global_position, $2::text AS stream_id, $3::bigint AS stream_version,
                             $4::uuid AS event_id, $5::text AS type, $6::int AS schema_version, $7::jsonb AS data,
                             $8::jsonb AS metadata, $9::timestamptz AS recorded_at, $10::date AS effective_date)
           SELECT ${ORIGINAL_FORM} = ${CURRENT_FORM} AS same FROM x`,
          [
            e.position.toString(),
            e.stream,
            e.version.toString(),
            e.id,
            e.type,
            e.schemaVersion,
            JSON.stringify(e.data),
            JSON.stringify(e.metadata),
            e.at.toISOString(),
            e.effective ? e.effective.toISOString().slice(0, 10) : null,
          ],
        );
        expect(rows[0].same).toBe(true);
      },
    ),
    { numRuns: 300 },
  );
});
