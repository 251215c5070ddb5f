import { LedgerService } from '../../src/app/ledger-service';
import { loadDisclosure } from '../../src/app/disclosures';
import { importDisclosure } from '../../src/app/import-disclosure';
import { LedgerReferences } from '../../src/app/reference-codes';
import {
  ReferenceIndex,
  withAdoptedCodes,
  type AdoptedCode,
  type AdoptReferenceCodes,
} from '../../src/domain';
import { compareTables } from '../../src/domain/disclosure/layouts/compare';
import {
  renderShanghai9,
  SHANGHAI_TABLE_IDS,
} from '../../src/domain/disclosure/layouts/shanghai-9';
import { importLines, type ImportLinesOptions } from '../../src/import/import-lines';
import { toCsv, type SyntheticRow } from '../../bench/synthetic';
import { ImportWorkers } from '../../src/import/workers';
import { parseDisclosure } from '../../src/interchange';
import { useLedgerDatabase } from '../support/db';
import { base, factsOf, line, linesOf, plan, ref } from '../support/shanghai-doc';
import { shanghaiText } from '../support/shanghai-text';

/**
 * Given a published document that prints functional 款 and 项 the year's reference data lacks,
 * when it is imported, then those codes are taken from the document's own code and name columns,
 * recorded first (ReferenceCodesAdopted on the year's reference stream, with the document and line
 * each was seen on), and the document's figures are reproduced with them; another process learns
 * them from the log. The document: the Shanghai sample's tables plus lines on such codes
 * (tests/support/shanghai-doc.ts).
 */
const NEW: AdoptedCode[] = [
  {
    classification: 'functional',
    code: '2010699',
    name: '其他财政事务支出',
    level: '项',
    source: 'test',
  },
  {
    classification: 'functional',
    code: '20199',
    name: '其他一般公共服务支出',
    level: '款',
    source: 'test',
  },
  {
    classification: 'functional',
    code: '2019999',
    name: '其他一般公共服务支出',
    level: '项',
    source: 'test',
  },
];
const wide = new ReferenceIndex(withAdoptedCodes(ref.data, NEW));
const extra = [
  line('general-public', '2010699', 'public', '30201', '50000.00'),
  line('business-income', '2019999', 'personnel', '30101', '70000.00'),
];
const text = shanghaiText(renderShanghai9(factsOf(base, extra), wide));
const parsed = parseDisclosure(text);
const ledger = useLedgerDatabase();
let service: LedgerService;

beforeAll(() => {
  service = new LedgerService(ledger.store);
});

test('the plan adopts the three codes first, named as the document prints them, each with its line', () => {
  const p = plan(text);
  expect(p.problems).toEqual([]);
  expect(p.ok).toBe(true);
  const first = p.steps[0]!;
  expect(first.command.type).toBe('AdoptReferenceCodes');
  const codes = (first.command as AdoptReferenceCodes).data.codes;
  expect(codes.map((c) => [c.code, c.name, c.level])).toEqual(
    NEW.map((c) => [c.code, c.name, c.level]),
  );
  for (const c of codes) {
    const m = /^sh\.txt sha256:0{12} line (\d+) \((.+)\)$/.exec(c.source)!;
    expect(m).not.toBeNull();
    expect(text.split('\n')[Number(m[1]) - 1]).toContain(
      c.code.length === 5
        ? `${c.code.slice(0, 3)} | ${c.code.slice(3)} |  | ${c.name}`
        : `| ${c.code.slice(5)} | ${c.name}`,
    );
    expect(m[2]).toBe('2025年预算单位收入预算总表');
  }
  // The plan reproduces the document with the adopted codes.
  const cmp = compareTables(
    parsed.tables,
    SHANGHAI_TABLE_IDS.map((id) => renderShanghai9(factsOf(p), wide).tables[id]),
  );
  expect(cmp.mismatches).toEqual([]);
  expect(
    linesOf(p).some(
      (l) => l.line.functionalCode === '2019999' && l.line.fundSource === 'business-income',
    ),
  ).toBe(true);
});

test("importing records the codes, then the lines that use them; the ledger's disclosure prints them by name; re-importing appends nothing", async () => {
  expect(service.references.index(2025).entry('functional', '2010699')).toBeUndefined();
  const r = await importDisclosure(service, ledger.store, {
    fileName: 'sh-new-codes.txt',
    text,
    departmentCode: '311',
    fiscalYear: 2025,
  });
  expect(r.problems).toEqual([]);
  expect(r.ok).toBe(true);
  expect(r.steps[0]!.summary).toMatch(/^AdoptReferenceCodes 2025: 3 /);

  const { rows } = await ledger.db.ownerPool.query(
    "SELECT stream_id, data, metadata FROM events WHERE type = 'ReferenceCodesAdopted'",
  );
  expect(rows).toHaveLength(1);
  expect(rows[0].stream_id).toBe('reference-2025');
  expect(rows[0].metadata.documentRef).toBe(`sh-new-codes.txt sha256:${r.sha256}`);
  expect(rows[0].data.codes.map((c: AdoptedCode) => c.source)).toEqual(
    NEW.map(() =>
      expect.stringMatching(
        new RegExp(`^sh-new-codes\\.txt sha256:${r.sha256.slice(0, 12)} line \\d+ \\(`),
      ),
    ),
  );
  expect(service.references.index(2025).entry('functional', '2019999')?.source).toMatch(
    /^ADOPTED from sh-new-codes\.txt/,
  );

  const { facts } = await loadDisclosure(
    ledger.db.appPool,
    {
      departmentCode: '311',
      fiscalYear: 2025,
      moneyUnit: 'yuan',
    },
    service.references.current,
  );
  const rendered = renderShanghai9(facts, service.references.index(2025));
  expect(
    compareTables(
      parsed.tables,
      SHANGHAI_TABLE_IDS.map((id) => rendered.tables[id]),
    ).mismatches,
  ).toEqual([]);
  expect(rendered.tables.sh02.rows.find((row) => row.code === '20199')?.cells[3]).toBe(
    '其他一般公共服务支出',
  );

  const count = async () =>
    Number((await ledger.db.ownerPool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const before = await count();
  const again = await importDisclosure(service, ledger.store, {
    fileName: 'sh-new-codes.txt',
    text,
    departmentCode: '311',
    fiscalYear: 2025,
  });
  expect(again.ok).toBe(true);
  expect(again.steps.every((s) => s.status === 'already-imported')).toBe(true);
  expect(await count()).toBe(before);
});

test('a process that starts on this ledger learns the adopted codes from the log', async () => {
  const fresh = new LedgerReferences(); // as a fresh process has them: the year's files only
  expect(fresh.index(2025).entry('functional', '2010699')).toBeUndefined();
  expect(await fresh.load(ledger.store)).toBe(1);
  expect(fresh.index(2025).name('functional', '2010699')).toBe('其他财政事务支出');
  expect(
    fresh
      .index(2025)
      .children('functional', '20199')
      .map((e) => e.code),
  ).toEqual(['2019999']);
});

test('a code the ledger already has under another name is refused, and nothing is appended', async () => {
  const count = async () =>
    Number((await ledger.db.ownerPool.query('SELECT count(*) AS n FROM events')).rows[0].n);
  const before = await count();
  const command: AdoptReferenceCodes = {
    type: 'AdoptReferenceCodes',
    data: {
      fiscalYear: 2025,
      adoptedAt: '2025-02-01',
      codes: [{ ...NEW[0]!, name: '财政其他支出' }],
    },
  };
  await expect(service.adoptCodes(command, { actor: 'admin:test' })).rejects.toMatchObject({
    details: { ruleId: 'code.adopt-conflict' },
  });
  expect(await count()).toBe(before);
});

/**
 * The same codes through import-lines, whose units are checked and decided on worker threads for
 * large files (ImportWorkers): each unit's task carries the service's lists, so a thread judges a
 * file against the codes the main thread would, whatever it loaded itself.
 */
describe('a line file on the adopted codes, on this thread and through a worker pool', () => {
  let pool: ImportWorkers;
  let unitCode: string;

  beforeAll(async () => {
    pool = new ImportWorkers(2);
    const { rows } = await ledger.db.ownerPool.query<{ stream_id: string }>(
      "SELECT DISTINCT stream_id FROM events WHERE stream_id LIKE 'budget-311%-2025' ORDER BY 1",
    );
    unitCode = /^budget-(\d+)-2025$/.exec(rows[0]!.stream_id)![1]!;
  });

  afterAll(() => pool.close());

  /**
   * Lines of the unit on each adopted 项 and on a 项 of the year's files, at 30201 办公费 (`yuan`:
   * the first line's amount, which makes another file).
   */
  const file = (yuan = '100.00'): Buffer => {
    const row = (functionalCode: string, amount: string): SyntheticRow => ({
      unit_code: unitCode,
      fiscal_year: '2025',
      fund_source: 'general-public',
      functional_code: functionalCode,
      kind: 'public',
      dept_econ_code: '30201',
      gov_econ_code: ref.governmentCodesFor('30201', 'administrative')![0]!,
      project_code: '',
      origin: 'current',
      amount,
    });
    return Buffer.from(
      toCsv([row('2010699', yuan), row('2019999', '200.00'), row('2010601', '300.00')]),
    );
  };
  const importWith = (s: LedgerService, o: Partial<ImportLinesOptions> = {}) =>
    importLines(s, ledger.store, {
      fileName: 'adopted-lines.csv',
      bytes: file(),
      unitCode,
      fiscalYear: 2025,
      kind: 'allocation',
      allocationId: 'adopted-lines',
      actor: 'officer:311-import',
      date: '2025-02-01',
      ...o,
    });

  test('given the service that adopted them, when the file is checked on this thread and through the pool, then both accept every line alike; imported through the pool, it is applied', async () => {
    const main = await importWith(service, { dryRun: true });
    const pooled = await importWith(service, { dryRun: true, workers: pool });
    expect(main.errors).toEqual([]);
    expect(main.ok).toBe(true);
    expect(pooled).toEqual(main);
    expect(pooled.commands.map((c) => [c.unitCode, c.lines, c.status])).toEqual([
      [unitCode, 3, 'would-apply'],
    ]);

    const applied = await importWith(service, { workers: pool });
    expect(applied.errors).toEqual([]);
    expect(applied.commands.map((c) => [c.unitCode, c.lines, c.status])).toEqual([
      [unitCode, 3, 'applied'],
    ]);
  });

  test('given a process that learnt the codes from the log, its pool accepts the file as this one did; given lists without them, this thread and the pool refuse the same two lines', async () => {
    const learnt = new LedgerReferences();
    await learnt.load(ledger.store);
    const again = await importWith(new LedgerService(ledger.store, learnt), { workers: pool });
    expect(again.errors).toEqual([]);
    expect(again.commands.map((c) => c.status)).toEqual(['already-imported']);

    const unaware = new LedgerService(ledger.store);
    const opts = { allocationId: 'adopted-lines-unaware', dryRun: true, bytes: file('150.00') };
    const main = await importWith(unaware, opts);
    const pooled = await importWith(unaware, { ...opts, workers: pool });
    expect(pooled).toEqual(main);
    expect(main.ok).toBe(false);
    expect(main.errors.map((e) => [e.line, e.column, e.ruleId])).toEqual([
      [2, 'functional_code', 'code.unknown'],
      [3, 'functional_code', 'code.unknown'],
    ]);
  });
});
