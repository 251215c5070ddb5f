import fc from 'fast-check';
import { LedgerService } from '../../src/app/ledger-service';
import { lineId, upcast, type LineDelta } from '../../src/domain';
import { loadSeed } from '../../src/seed/run';
import { rebuildProjections } from '../../src/projections/rebuild';
import { useLedgerDatabase } from '../support/db';

/**
 * Migration 0006 made postings a view: per-line rows (line_postings) for events of up to 100
 * lines, one posting_sets row for larger events whose lines are unnested from the event, the
 * line key's columns read from each line's lineId. These tests hold the view to what the domain
 * reads in the same events (src/domain/budget/schema.ts upcast), on both sides of the threshold.
 */
const ledger = useLedgerDatabase();

const LINE_EVENTS = ['InitialBudgetAllocated', 'CarryOverRecorded', 'AdjustmentApproved'];
const COLUMNS = `global_position::text AS position, ordinal, line_id, unit_code, fiscal_year, fund_source, functional_code, kind,
                 dept_econ_code, gov_econ_code, project_code, origin, delta::text AS delta`;

/**
 * The postings the domain reads in a stream's events (upcast from any schema version), as view
 * rows.
 */
async function postingsOfEvents(streamPrefix: string): Promise<unknown[]> {
  const { rows } = await ledger.db.ownerPool.query(
    `SELECT global_position::text AS position, type, schema_version, data FROM events
      WHERE type = ANY($1::text[]) AND starts_with(stream_id, $2) ORDER BY global_position`,
    [LINE_EVENTS, streamPrefix],
  );
  return rows.flatMap((e) =>
    (upcast(e.type, e.schema_version, e.data) as { lines: LineDelta[] }).lines.map(
      ({ lineId, line, delta }, i) => ({
        position: e.position,
        ordinal: i + 1,
        line_id: lineId,
        unit_code: line.unitCode,
        fiscal_year: line.fiscalYear,
        fund_source: line.fundSource,
        functional_code: line.functionalCode,
        kind: line.kind,
        dept_econ_code: line.deptEconCode,
        gov_econ_code: line.govEconCode,
        project_code: line.projectCode,
        origin: line.origin,
        delta,
      }),
    ),
  );
}

test('given the seeded ledger, the postings view holds exactly the lines its events carry, in order', async () => {
  await loadSeed(new LedgerService(ledger.store), ledger.store, ledger.db.appPool);
  const expected = await postingsOfEvents('budget-');
  expect(expected.length).toBeGreaterThan(40);
  const { rows } = await ledger.db.appPool.query(
    `SELECT ${COLUMNS} FROM postings ORDER BY global_position, ordinal`,
  );
  expect(rows).toEqual(expected);
});

test('given an event stored at schema version 1 (each line with its key), the view reads it the same way', async () => {
  const line = {
    unitCode: 'V1',
    fiscalYear: 2024,
    fundSource: 'general-public',
    functionalCode: '2010301',
    kind: 'project',
    deptEconCode: '30201',
    govEconCode: '50201',
    projectCode: '项目 A|1%',
    origin: 'current',
  } as const;
  const id = lineId(line);
  expect(id).toContain('%7C1%25');
  await ledger.store.append('budget-V1-2024', [
    {
      type: 'InitialBudgetAllocated',
      schemaVersion: 1,
      data: {
        allocationId: 'a',
        allocatedAt: '2024-01-01',
        documentNumber: null,
        lines: [{ lineId: id, line, delta: '12.50' }],
      },
    },
  ]);
  const { rows } = await ledger.db.appPool.query(
    `SELECT ${COLUMNS} FROM postings WHERE unit_code = 'V1' ORDER BY global_position, ordinal`,
  );
  expect(rows).toEqual(await postingsOfEvents('budget-V1-'));
  expect(rows[0]).toMatchObject({ project_code: '项目 A|1%', delta: '12.50' });
});

test('given an event of more than 100 lines, it is one posting set whose lines the view reads from the event; rebuild agrees', async () => {
  const lines = Array.from({ length: 150 }, (_, i) => {
    const line = {
      unitCode: 'BIG',
      fiscalYear: 2024,
      fundSource: 'general-public',
      functionalCode: String(2010101 + i),
      kind: i % 2 ? 'project' : 'personnel',
      deptEconCode: '30101',
      govEconCode: '50101',
      projectCode: i % 2 ? `P-${i}/é` : null,
      origin: 'current',
    } as const;
    return { lineId: lineId(line), delta: `${i + 1}.05` };
  });
  const small = [{ lineId: lines[0]!.lineId, delta: '-1.05' }];
  await ledger.store.append('budget-BIG-2024', [
    {
      type: 'InitialBudgetAllocated',
      schemaVersion: 2,
      data: { allocationId: 'big', allocatedAt: '2024-01-01', documentNumber: null, lines },
    },
    {
      type: 'AdjustmentApproved',
      schemaVersion: 2,
      data: {
        adjustmentId: 'a',
        adjustmentType: 'decrease',
        documentNumber: 'd',
        effectiveDate: '2024-02-01',
        approvedBy: 'r',
        approvedAt: '2024-02-01',
        lines: small,
      },
    },
  ]);
  const counts = await ledger.db.ownerPool.query(
    `SELECT (SELECT count(*)::int FROM posting_sets WHERE unit_code = 'BIG') AS sets, (SELECT count(*)::int FROM line_postings WHERE unit_code = 'BIG') AS rows`,
  );
  expect(counts.rows[0]).toEqual({ sets: 1, rows: 1 });
  const read = async () =>
    (
      await ledger.db.appPool.query(
        `SELECT ${COLUMNS} FROM postings WHERE fiscal_year = 2024 AND unit_code = 'BIG' ORDER BY global_position, ordinal`,
      )
    ).rows;
  const before = await read();
  expect(before).toHaveLength(151);
  expect(before).toEqual(await postingsOfEvents('budget-BIG-'));
  expect(before[1]).toMatchObject({ project_code: 'P-1/é', delta: '2.05' });
  await rebuildProjections(ledger.db.ownerPool);
  expect(await read()).toEqual(before);
});

test('given the same lines stored at schema versions 2 and 3, in per-line rows and in posting sets, the view reads the same postings', async () => {
  const key = (i: number) =>
    ({
      unitCode: 'VV',
      fiscalYear: 2024,
      fundSource: 'unit-funds',
      functionalCode: String(2010101 + i),
      kind: i % 3 ? 'project' : 'public',
      deptEconCode: '30201',
      govEconCode: '50201',
      projectCode: i % 3 ? `项目|${i}%` : null,
      origin: 'current',
    }) as const;
  const objects = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      lineId: lineId(key(i)),
      delta: `${i + 1}.${String(i % 100).padStart(2, '0')}`,
    }));
  const pairs = (n: number) => objects(n).map((l) => [l.lineId, l.delta]);
  const stored = (version: 2 | 3, n: number) =>
    ({
      type: 'InitialBudgetAllocated',
      schemaVersion: version,
      data: {
        allocationId: `a-${version}-${n}`,
        allocatedAt: '2024-01-01',
        documentNumber: null,
        lines: version === 2 ? objects(n) : pairs(n),
      },
    }) as const;
  await ledger.store.append('budget-VV-2024', [
    stored(2, 3),
    stored(3, 3),
    stored(2, 130),
    stored(3, 130),
  ]);
  const counts = await ledger.db.ownerPool.query(
    `SELECT (SELECT count(*)::int FROM posting_sets WHERE unit_code = 'VV') AS sets, (SELECT count(*)::int FROM line_postings WHERE unit_code = 'VV') AS rows`,
  );
  expect(counts.rows[0]).toEqual({ sets: 2, rows: 6 });
  const { rows } = await ledger.db.appPool.query(
    `SELECT ${COLUMNS} FROM postings WHERE fiscal_year = 2024 AND unit_code = 'VV' ORDER BY global_position, ordinal`,
  );
  expect(rows).toHaveLength(266);
  expect(rows).toEqual(await postingsOfEvents('budget-VV-'));
  const positions = [...new Set(rows.map((r) => r.position as string))];
  const ofEvent = (p: string) =>
    rows.filter((r) => r.position === p).map(({ position: _p, ...rest }) => rest);
  expect(ofEvent(positions[1]!)).toEqual(ofEvent(positions[0]!));
  expect(ofEvent(positions[3]!)).toEqual(ofEvent(positions[2]!));
  expect(ofEvent(positions[3]!)[1]).toMatchObject({ project_code: '项目|1%', delta: '2.01' });
});

test('a project coded "-" is not "no project": its lines keep the code through the lineId, in per-line rows and in sets', async () => {
  const key = (i: number, projectCode: string | null) =>
    ({
      unitCode: 'DASH',
      fiscalYear: 2024,
      fundSource: 'general-public',
      functionalCode: String(2010101 + i),
      kind: projectCode === null ? 'public' : 'project',
      deptEconCode: '30201',
      govEconCode: '50201',
      projectCode,
      origin: 'current',
    }) as const;
  const entries = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      lineId: lineId(key(i, i % 2 ? '-' : null)),
      delta: '1.00',
    }));
  await ledger.store.append('budget-DASH-2024', [
    {
      type: 'InitialBudgetAllocated',
      schemaVersion: 2,
      data: {
        allocationId: 'small',
        allocatedAt: '2024-01-01',
        documentNumber: null,
        lines: entries(4),
      },
    },
    {
      type: 'CarryOverRecorded',
      schemaVersion: 2,
      data: {
        carryOverId: 'big',
        recordedAt: '2024-01-01',
        documentNumber: null,
        lines: entries(120),
      },
    },
  ]);
  const { rows } = await ledger.db.appPool.query(
    `SELECT event_type, project_code, count(*)::int AS n FROM postings WHERE unit_code = 'DASH' GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  expect(rows).toEqual([
    { event_type: 'CarryOverRecorded', project_code: '-', n: 60 },
    { event_type: 'CarryOverRecorded', project_code: null, n: 60 },
    { event_type: 'InitialBudgetAllocated', project_code: '-', n: 2 },
    { event_type: 'InitialBudgetAllocated', project_code: null, n: 2 },
  ]);
});

test('a project code of any text survives the lineId: ledger_uri_decode inverts encodeURIComponent', async () => {
  // Well-formed Unicode only: encodeURIComponent refuses lone surrogates, and so does a line id.
  const text = fc
    .string({ unit: 'grapheme', minLength: 1, maxLength: 16 })
    .filter((s) => !s.includes('\u0000'));
  await fc.assert(
    fc.asyncProperty(fc.array(text, { minLength: 1, maxLength: 20 }), async (codes) => {
      const { rows } = await ledger.db.appPool.query<{ decoded: string[] }>(
        'SELECT array_agg(ledger_uri_decode(c) ORDER BY n) AS decoded FROM unnest($1::text[]) WITH ORDINALITY AS u(c, n)',
        [codes.map(encodeURIComponent)],
      );
      expect(rows[0]!.decoded).toEqual(codes);
    }),
    { numRuns: 50 },
  );
});
