/**
 * The Putuo budgets of the corpus (data/corpus: real published Shanghai-layout documents, 部门 and
 * 单位 variants, 元 with 2 decimals, 2025 and 2026): each imports from its PDF and from its text
 * into an empty ledger, and the ledger's export in the document's own layout (`--layout
 * shanghai-9` with the document's variant and decimals) reproduces every printed figure of its
 * nine tables. The figures compared are the document's own cells as the table reader reads them
 * (from the PDF, or from the pdfplumber text), not the importer's fitted lines. The 决算 of the
 * corpus is refused as final accounts.
 */
import { LedgerService } from '../../src/app/ledger-service';
import { compareTables } from '../../src/domain/disclosure/layouts/compare';
import type { ShanghaiStyle } from '../../src/domain/disclosure/layouts/shanghai-9';
import { exportedTables, importCorpus, publishedDocument } from '../support/corpus';
import { useLedgerDatabase } from '../support/db';

const DEPT = '321';

const DEPT_STYLE: ShanghaiStyle = { variant: 'department', decimals: 2 };
const UNIT_STYLE: ShanghaiStyle = { variant: 'unit', decimals: 2 };
/** The functional 款/项 the commerce commission prints that the 2025 lists lack. */
const COMMERCE =
  '20113, 2011301, 2011302, 2011350, 2011399, 20605, 2060503, 21508, 2150899, 21699, 2169999';
/**
 * Each document, its year, how it prints (data/corpus/README.md) and the codes its year's lists
 * lack, which the import adopts from the document's own columns instead of refusing the year.
 */
const DOCUMENTS: [string, number, ShanghaiStyle, string | null][] = [
  ['putuo-government-office-2025-dept-budget', 2025, DEPT_STYLE, null],
  ['putuo-government-office-2025-unit-budget', 2025, UNIT_STYLE, null],
  ['putuo-commerce-commission-2025-dept-budget', 2025, DEPT_STYLE, COMMERCE],
  ['putuo-commerce-commission-2025-unit-budget', 2025, UNIT_STYLE, COMMERCE],
  [
    'putuo-justice-bureau-2026-dept-budget',
    2026,
    DEPT_STYLE,
    '20406, 2040601, 2040604, 2040605, 2040607, 2040613, 2040699',
  ],
];
/** The nine tables as the parser names them, in the layout's order. */
const PARSED_IDS = ['sh01', 'sh02', 't03', 't04', 't05', 't08', 'sh07', 't06', 'sh09'];

const ledger = useLedgerDatabase('test');

describe.each(DOCUMENTS)('%s', (name, year, style, adopted) => {
  test.each(['pdf', 'text'] as const)(
    'imports from its %s into an empty ledger; the export in its own layout prints every figure of its tables',
    async (from) => {
      const document = await publishedDocument(name, from);
      // Nothing of the document is left unread: no table, row or column the reader did not
      // understand.
      expect(document.issues).toEqual([]);
      const tables = PARSED_IDS.map((id) => document.tables.find((t) => t.id === id)!);
      expect(tables.every((t) => t !== undefined)).toBe(true);

      const service = new LedgerService(ledger.store);
      const report = await importCorpus(service, ledger.store, name, from, DEPT, year);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.steps.every((s) => s.status === 'applied')).toBe(true);
      const adopt = report.steps.filter((s) => s.summary.startsWith('AdoptReferenceCodes'));
      if (adopted === null) expect(adopt).toEqual([]);
      else expect(adopt.map((s) => s.summary)).toEqual([expect.stringContaining(`(${adopted})`)]);

      const rendered = await exportedTables(ledger.db.appPool, service, {
        unit: DEPT,
        year,
        layout: 'shanghai-9',
        shanghaiStyle: style,
      });
      const cmp = compareTables(tables, rendered);
      expect(cmp.mismatches).toEqual([]);
      expect(cmp.printed).toBeGreaterThan(100);
      // As printed: the totals of table 1, in 元 with their 分.
      const total = tables[0]!.rows.find((r) => r.key === 'grandTotal')!;
      const renderedTotal = rendered[0]!.rows.find((r) => r.key === 'grandTotal')!;
      expect(renderedTotal.cells[1]).toBe(total.cells[1]!.replace(/,/g, ''));
    },
    180_000,
  );
});

test('the 2024 部门决算 of the corpus is refused as final accounts, nothing appended', async () => {
  const service = new LedgerService(ledger.store);
  const name = 'putuo-social-work-dept-2024-dept-final-accounts';
  const report = await importCorpus(service, ledger.store, name, 'text', DEPT, 2024);
  expect(report.ok).toBe(false);
  expect(report.problems.map((p) => p.message).join('\n')).toMatch(/部门决算.*budgets/);
  const n = await ledger.db.ownerPool.query('SELECT count(*)::int AS n FROM events');
  expect(n.rows[0].n).toBe(0);
});
