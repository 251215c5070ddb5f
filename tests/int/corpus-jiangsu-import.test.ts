/**
 * The Jiangsu budgets of the corpus (data/corpus: real published 12-table provincial documents,
 * 万元 with 2 decimals, 2017, 2018 and 2019): each imports from its PDF and from its text into an
 * empty ledger, and the ledger's export in the layout (`--layout jiangsu-12`) reproduces every
 * printed figure of its twelve tables. The figures compared are the document's own cells as the
 * table reader reads them (from the PDF, or from the pdfplumber text), not the importer's fitted
 * lines.
 */
import { LedgerService } from '../../src/app/ledger-service';
import { compareTables } from '../../src/domain/disclosure/layouts/compare';
import { JIANGSU_TABLE_IDS } from '../../src/domain/disclosure/layouts/jiangsu-12';
import type { GenericTable } from '../../src/domain/disclosure/table';
import { exportedTables, importCorpus, publishedDocument } from '../support/corpus';
import { useLedgerDatabase } from '../support/db';

const DEPT = '401';

/**
 * Each document and its year (data/corpus/README.md). The 2017 documents' 机关运行经费 (table 11)
 * counts project running costs by 款, as that year's definition did (data/reference/2017/policy.json).
 */
const DOCUMENTS: [string, number][] = [
  ['jiangsu-npc-standing-committee-office-2019-dept-budget-tables', 2019],
  ['jiangsu-cppcc-office-2018-dept-budget-tables', 2018],
  ['jiangsu-high-court-2018-dept-budget', 2018],
  ['jiangsu-npc-standing-committee-office-2017-dept-budget', 2017],
  ['jiangsu-party-committee-office-2017-dept-budget-tables', 2017],
];

const ledger = useLedgerDatabase('test');

describe.each(DOCUMENTS)('%s', (name, year) => {
  test.each(['pdf', 'text'] as const)(
    'imports from its %s into an empty ledger; the export in the jiangsu-12 layout prints every figure of its tables',
    async (from) => {
      const document = await publishedDocument(name, from);
      expect(document.layout).toBe('jiangsu-12');
      const tables = JIANGSU_TABLE_IDS.map((id) => document.tables.find((t) => t.id === id)!);
      expect(tables.every((t) => t !== undefined)).toBe(true);

      const service = new LedgerService(ledger.store);
      const report = await importCorpus(service, ledger.store, name, from, DEPT, year);
      expect(report.problems).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.steps.every((s) => s.status === 'applied')).toBe(true);

      const rendered = await exportedTables(ledger.db.appPool, service, {
        unit: DEPT,
        year,
        layout: 'jiangsu-12',
      });
      const cmp = compareTables(tables, rendered);
      expect(cmp.mismatches).toEqual([]);
      // Coded tables print 科目编码 and 科目名称 as the document does (names of the year's lists).
      const names = (ts: GenericTable[], id: string, at: (t: GenericTable) => number) => {
        const t = ts.find((x) => x.id === id)!;
        return t.rows.filter((r) => r.code).map((r) => `${r.code} ${r.cells[at(t)]}`);
      };
      for (const id of ['js05', 'js06', 'js07', 'js08', 'js10', 'js11'])
        expect(names(rendered, id, (t) => t.keys.indexOf('item'))).toEqual(
          names(tables, id, () => 0),
        );
      expect(cmp.printed).toBeGreaterThan(50);
    },
    180_000,
  );
});
