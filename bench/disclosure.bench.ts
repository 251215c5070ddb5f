/**
 * npm run bench:disclosure — building one unit-year's disclosure at a point in time, in a ledger
 * of 1,000,000 events (1,000 synthetic units), the measured unit-year holding 10,000 of them.
 *
 * Three figures per round, interleaved so that machine noise hits all alike:
 * - as of a random past position (the time-travel path: postings bounded by the log order key);
 * - as of now (no bound);
 * - the baseline: one direct SQL aggregation of the same postings (what any disclosure needs at
 *   least), as of the same past position.
 * Printed as p50/p95 and as ratios (past ÷ now, past ÷ SQL).
 * Targets: past ≤ 1.5 × now; p95 < 50 ms.
 *
 * Settings (defaults): BENCH_EVENTS (1000000), BENCH_UNITS (1000), BENCH_UNIT_EVENTS (10000),
 * BENCH_SAMPLES (200).
 */
import pg from 'pg';
import { loadDisclosure } from '../src/app/disclosures';
import { ReferenceLists } from '../src/domain';
import { createPool } from '../src/events/database';
import seedLines from '../data/seed/fenyang-2024/lines.json';
import { benchDatabase, printTable } from './support';

const TOTAL = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const UNITS = Number(process.env.BENCH_UNITS ?? 1000);
const UNIT_EVENTS = Number(process.env.BENCH_UNIT_EVENTS ?? 10_000);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const DEPT = 'B900';
const TARGET = 'B900001';

// The seed's 41 real lines are the templates: real codes, so the builder classifies everything.
const TEMPLATES = seedLines.lines.map(({ amount: _a, unitCode: _u, ...line }) => line);

/**
 * Appends `events` single-line allocation events to one unit-year stream, through ledger_append
 * (hash chain, idempotency, projections by trigger: the real write path, minus the domain's
 * decide, which this benchmark is not about), in batches of 100.
 */
const GENERATE = `
DO $$
DECLARE
  tpl jsonb := $TEMPLATES$::jsonb;
  n_tpl integer := jsonb_array_length($TEMPLATES$::jsonb);
  b integer; k integer; line jsonb; ids uuid[]; datas jsonb[];
BEGIN
  FOR b IN 0 .. (%EVENTS% / 100) - 1 LOOP
    ids := '{}'; datas := '{}';
    FOR k IN 1 .. 100 LOOP
      line := (tpl -> ((b * 100 + k) % n_tpl)) || jsonb_build_object('unitCode', '%UNIT%');
      ids := ids || gen_random_uuid();
      datas := datas || jsonb_build_object('allocationId', 'bench-' || b || '-' || k, 'allocatedAt', '2024-01-15',
        'documentNumber', NULL, 'lines', jsonb_build_array(jsonb_build_object(
          'lineId', concat_ws('|', '%UNIT%', line->>'fiscalYear', line->>'fundSource', line->>'functionalCode', line->>'kind',
                              line->>'deptEconCode', line->>'govEconCode', coalesce(line->>'projectCode', '-'), line->>'origin'),
          'line', line, 'delta', ((b * 7 + k) % 997 + 1)::text || '.00')));
    END LOOP;
    PERFORM ledger_append('budget-%UNIT%-2024', 'any', NULL, ids, array_fill('InitialBudgetAllocated'::text, ARRAY[100]),
      array_fill(1, ARRAY[100]), datas, array_fill('{"actor":"bench"}'::jsonb, ARRAY[100]),
      array_fill(('2024-01-01'::date + (b % 360))::date, ARRAY[100]), false);
  END LOOP;
END $$`;

async function generate(owner: pg.Pool): Promise<void> {
  const templates = `'${JSON.stringify(TEMPLATES).replaceAll("'", "''")}'`;
  const sqlFor = (unit: string, events: number) =>
    GENERATE.replaceAll('$TEMPLATES$', templates)
      .replaceAll('%UNIT%', unit)
      .replaceAll('%EVENTS%', String(events));
  await owner.query(`SELECT * FROM ledger_append('unit-${TARGET}', 'no_stream', NULL, ARRAY[gen_random_uuid()], ARRAY['BudgetUnitRegistered'], ARRAY[1],
    ARRAY['{"unitCode":"${TARGET}","name":"基准测试单位","kind":"administrative","parentUnitCode":null,"departmentCode":"${DEPT}","staffing":{"authorized":10,"actual":10},"registeredAt":"2023-12-01"}'::jsonb],
    ARRAY['{}'::jsonb], ARRAY['2023-12-01'::date])`);
  const others = UNITS - 1;
  const perOther = Math.max(100, Math.ceil((TOTAL - UNIT_EVENTS) / others / 100) * 100);
  const started = Date.now();
  // The measured unit's events are spread through the log, between the other units' batches.
  const slices = 10;
  for (let u = 0; u < others; u++) {
    await owner.query(sqlFor(`S${String(u).padStart(6, '0')}`, perOther));
    if (u % Math.ceil(others / slices) === 0)
      await owner.query(sqlFor(TARGET, UNIT_EVENTS / slices));
    if (u % 100 === 0)
      console.error(
        `generated ${u}/${others} units (${Math.round((Date.now() - started) / 1000)} s)`,
      );
  }
  await owner.query('ANALYZE');
}

async function time<T>(fn: () => Promise<T>): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

const BASELINE_SQL = `SELECT p.fund_source, p.functional_code, p.kind, p.dept_econ_code, p.gov_econ_code, p.project_code, p.origin, sum(p.delta)
  FROM postings p
 WHERE p.fiscal_year = 2024 AND p.unit_code = $1
   AND (p.transaction_id, p.global_position) <= ((SELECT transaction_id FROM events WHERE global_position = $2), $2)
 GROUP BY 1, 2, 3, 4, 5, 6, 7`;

async function main(): Promise<void> {
  const db = await benchDatabase('bench_disclosure');
  const owner = createPool(db.url, { max: 2 });
  const pool = createPool(db.serviceUrl, { max: 4 });
  try {
    await generate(owner);
    const { rows } =
      await owner.query(`SELECT count(*)::bigint AS total, (SELECT count(*) FROM events WHERE stream_id = 'budget-${TARGET}-2024') AS unit,
      (SELECT array_agg(global_position ORDER BY global_position) FROM events WHERE stream_id = 'budget-${TARGET}-2024') AS positions FROM events`);
    const positions: string[] = rows[0].positions;
    console.error(
      `ledger: ${rows[0].total} events; unit-year ${TARGET} 2024: ${rows[0].unit} events`,
    );
    const past: number[] = [];
    const now: number[] = [];
    const sql: number[] = [];
    const req = { departmentCode: DEPT, fiscalYear: 2024 };
    const references = ReferenceLists.shipped();
    await loadDisclosure(pool, req, references); // warm caches and plans
    for (let i = 0; i < SAMPLES; i++) {
      const p = BigInt(positions[Math.floor(Math.random() * positions.length)]);
      past.push(
        await time(() => loadDisclosure(pool, { ...req, at: { position: p } }, references)),
      );
      now.push(await time(() => loadDisclosure(pool, req, references)));
      sql.push(await time(() => pool.query(BASELINE_SQL, [TARGET, p.toString()])));
    }
    const row = (name: string, xs: number[]) => [
      name,
      pct(xs, 50).toFixed(1),
      pct(xs, 95).toFixed(1),
    ];
    console.log(
      `\ndisclosure of one unit-year (${rows[0].unit} events) in a ledger of ${rows[0].total} events, ${SAMPLES} samples, ms\n`,
    );
    printTable(
      ['what', 'p50 ms', 'p95 ms'],
      [
        row('disclosure as of a random past position', past),
        row('disclosure as of now', now),
        row('baseline: one direct SQL aggregation of the same postings', sql),
      ],
    );
    const r1 = pct(past, 50) / pct(now, 50);
    const r2 = pct(past, 50) / pct(sql, 50);
    console.log(
      `\nratio past ÷ now (p50): ${r1.toFixed(2)} (target ≤ 1.5: ${r1 <= 1.5 ? 'met' : 'MISSED'})`,
    );
    console.log(`ratio past ÷ direct SQL (p50): ${r2.toFixed(2)}`);
    console.log(
      `p95 as of past: ${pct(past, 95).toFixed(1)} ms (target < 50 ms: ${pct(past, 95) < 50 ? 'met' : 'MISSED'})`,
    );
  } finally {
    await pool.end();
    await owner.end();
    await db.close();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
