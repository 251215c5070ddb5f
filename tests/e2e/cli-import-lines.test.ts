import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../../src/app/ledger-service';
import { shippedReference, type BudgetCommand } from '../../src/domain';
import { EventStore } from '../../src/events/event-store';
import { syntheticRows, templateProjects, toCsv } from '../../bench/synthetic';
import { WORKERS_FROM_BYTES } from '../../src/cli/import-lines';
import { freshDatabase, type TestDatabase } from '../support/db';
import { cleanEnv, runCli } from '../support/cli';

/**
 * `import-lines` as a user runs it, on a department file large enough for the CLI to check and
 * decide its units on worker threads (WORKERS_FROM_BYTES): the real process, the real pool.
 */
const YEAR = 2024;
const UNITS = 12;
const PER_UNIT = 3000;
const unitCode = (u: number) => `E${String(u + 1).padStart(3, '0')}`;

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
let dir: string;

async function countOf(type: string): Promise<number> {
  const { rows } = await db.ownerPool.query<{ n: string }>(
    'SELECT count(*) AS n FROM events WHERE type = $1',
    [type],
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  db = await freshDatabase();
  env = cleanEnv({ DATABASE_URL: db.url });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-lines-'));
  const store = new EventStore(db.appPool);
  const service = new LedgerService(store);
  const actor = { actor: 'admin:test' };
  for (let u = 0; u < UNITS; u++) {
    const code = unitCode(u);
    await service.registerUnit(
      {
        type: 'RegisterBudgetUnit',
        data: {
          unitCode: code,
          name: `测试单位${code}`,
          kind: 'administrative',
          departmentCode: 'E',
          registeredAt: '2023-12-01',
        },
      },
      actor,
    );
    await service.execute(
      code,
      YEAR,
      {
        type: 'OpenFiscalYear',
        data: { fiscalYear: YEAR, openedAt: '2023-12-01' },
      } as BudgetCommand,
      actor,
    );
    for (const p of templateProjects('019001')) {
      await service.execute(
        code,
        YEAR,
        {
          type: 'RegisterProject',
          data: {
            project: {
              code: p,
              name: `项目${p}`,
              category: 'specific-goal',
              attribute: 'one-off',
              period: '1年',
            },
            registeredAt: '2023-12-01',
          },
        },
        actor,
      );
    }
  }
  await store.close();
}, 120_000);

afterAll(async () => {
  fs.rmSync(dir, { recursive: true, force: true });
  await db.drop();
});

const rows = () =>
  Array.from({ length: UNITS }, (_, u) =>
    syntheticRows(unitCode(u), '019001', PER_UNIT, shippedReference(YEAR), u),
  ).flat();

test('given a file of one bad line among 36,000 of twelve units, the CLI reports that line and applies nothing', async () => {
  const data = rows();
  data[PER_UNIT * 7 + 41]!.dept_econ_code = '39999';
  const file = path.join(dir, 'bad.csv');
  fs.writeFileSync(file, toCsv(data));
  expect(fs.statSync(file).size).toBeGreaterThanOrEqual(WORKERS_FROM_BYTES);
  const r = await runCli(
    [
      'import-lines',
      file,
      '--unit',
      'E',
      '--year',
      String(YEAR),
      '--kind',
      'allocation',
      '--date',
      '2024-01-31',
    ],
    env,
  );
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('1 error in 36000 lines; nothing applied');
  expect(r.stdout).toMatch(
    new RegExp(`line ${PER_UNIT * 7 + 41 + 2} \\[dept_econ_code\\]: code.unknown`),
  );
  expect(await countOf('InitialBudgetAllocated')).toBe(0);
});

test('given the same file without the bad line, every unit is allocated once; importing it again appends nothing', async () => {
  const file = path.join(dir, 'good.csv');
  fs.writeFileSync(file, toCsv(rows()));
  const args = [
    'import-lines',
    file,
    '--unit',
    'E',
    '--year',
    String(YEAR),
    '--kind',
    'allocation',
    '--date',
    '2024-01-31',
    '--json',
  ];
  const first = await runCli(args, env);
  expect(first.stderr).toBe('');
  expect(first.code).toBe(0);
  const report = JSON.parse(first.stdout) as {
    ok: boolean;
    rows: number;
    commands: { unitCode: string; lines: number; status: string }[];
  };
  expect(report).toMatchObject({ ok: true, rows: UNITS * PER_UNIT });
  expect(report.commands.map((c) => [c.unitCode, c.lines, c.status])).toEqual(
    Array.from({ length: UNITS }, (_, u) => [unitCode(u), PER_UNIT, 'applied']),
  );
  expect(await countOf('InitialBudgetAllocated')).toBe(UNITS);
  const { rows: lines } = await db.ownerPool.query<{ n: string }>(
    "SELECT count(*) AS n FROM postings WHERE event_type = 'InitialBudgetAllocated'",
  );
  expect(Number(lines[0]!.n)).toBe(UNITS * PER_UNIT);

  const again = await runCli(args, env);
  expect(again.code).toBe(0);
  expect(
    (JSON.parse(again.stdout) as typeof report).commands.every(
      (c) => c.status === 'already-imported',
    ),
  ).toBe(true);
  expect(await countOf('InitialBudgetAllocated')).toBe(UNITS);
});
