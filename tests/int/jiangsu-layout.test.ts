/**
 * The jiangsu-12 layout renders the seed (汾阳市 019, 2024, 13-table layout imported as facts) from
 * the same facts as the other layouts: the twelve tables satisfy every rule check-disclosure runs
 * on a published Jiangsu document (sums within rounding of 万元), their totals are the ledger's,
 * and `export --layout jiangsu-12` writes them, and its document.
 */
import Decimal from 'decimal.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LedgerService } from '../../src/app/ledger-service';
import { loadDisclosure } from '../../src/app/disclosures';
import { exportDisclosure } from '../../src/cli/export';
import { JIANGSU_TABLE_IDS, renderJiangsu12 } from '../../src/domain/disclosure/layouts/jiangsu-12';
import type { FigureSet } from '../../src/domain/disclosure/check-core';
import type { GenericTable } from '../../src/domain/disclosure/table';
import { jiangsuFindings } from '../../src/interchange/jiangsu-rules';
import { loadSeed } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase();
let service: LedgerService;

beforeAll(async () => {
  service = new LedgerService(ledger.store);
  await loadSeed(service, ledger.store, ledger.db.appPool);
});

async function rendered() {
  const { facts, reference } = await loadDisclosure(
    ledger.db.appPool,
    { departmentCode: '019', fiscalYear: 2024, moneyUnit: 'wan-yuan' },
    service.references.current,
  );
  return { facts, layout: renderJiangsu12(facts, reference) };
}

/** The rendered tables as the checker takes a published document's (万元, 2 decimals). */
const figureSet = (tables: GenericTable[]): FigureSet => ({
  tables,
  halfUnit: '0.005',
  narrative: {},
  projectForms: [],
  procurement: null,
  agencyOperatingScope: null,
  sanGong: null,
});

test('the rendered tables pass the Jiangsu rules: no inconsistency, only 万元 rounding', async () => {
  const { layout } = await rendered();
  const tables = JIANGSU_TABLE_IDS.map((id) => layout.tables[id]);
  const findings = jiangsuFindings(figureSet(tables));
  expect(findings.filter((f) => f.kind === 'inconsistency')).toEqual([]);
  // The checker's rules did run on them: one figure changed is found.
  const js06 = tables[5]!;
  const broken = {
    ...js06,
    rows: js06.rows.map((r, i) => (i === 1 ? { ...r, cells: [r.cells[0]!, '1.00'] } : r)),
  };
  const again = jiangsuFindings(figureSet(tables.map((t) => (t.id === 'js06' ? broken : t))));
  expect(again.some((f) => f.kind === 'inconsistency')).toBe(true);
});

/** The ledger's lines now (the published 1,256.36万元 and the seed's later 追加), in 万元. */
const ledgerTotal = (facts: Awaited<ReturnType<typeof rendered>>['facts']) =>
  facts.lines
    .reduce((s, l) => s.plus(l.amount), new Decimal(0))
    .div(10000)
    .toFixed(2);

test("the totals are the ledger's, fiscal money on both sides of table 4", async () => {
  const { facts, layout } = await rendered();
  const total = ledgerTotal(facts);
  expect(total).toBe('1268.36');
  const at = (id: (typeof JIANGSU_TABLE_IDS)[number], key: string, column = 'amount') => {
    const t = layout.tables[id];
    return t.rows.find((r) => r.key === key)?.cells[t.keys.indexOf(column)] ?? null;
  };
  expect(at('js01', 'revenue.total')).toBe(total);
  expect(at('js01', 'spending.total')).toBe(total);
  expect(at('js04', 'revenue.total')).toBe(at('js05', 'total'));
  expect(at('js03', 'total', 'total')).toBe(total);
  expect(at('js01', 'purpose.reserve')).toBeNull();
  expect(layout.tables.js05.rows.some((r) => r.code?.length === 7)).toBe(true);
});

test('export --layout jiangsu-12 --format csv writes the twelve tables', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'js12-'));
  const files = await exportDisclosure(
    ledger.db.appPool,
    { unit: '019', year: 2024, format: 'csv', out, layout: 'jiangsu-12' },
    service.references.current,
  );
  expect(files.map((f) => path.basename(f))).toEqual(JIANGSU_TABLE_IDS.map((id) => `${id}.csv`));
  const js01 = fs.readFileSync(path.join(out, 'js01.csv'), 'utf8');
  expect(js01).toContain(`收入合计,${ledgerTotal((await rendered()).facts)}`);
  fs.rmSync(out, { recursive: true, force: true });
});

test('export --layout jiangsu-12 --format html and pdf write the document of the layout', async () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'js12-doc-'));
  const write = (format: 'html' | 'pdf') =>
    exportDisclosure(
      ledger.db.appPool,
      { unit: '019', year: 2024, format, out, layout: 'jiangsu-12' },
      service.references.current,
    );
  expect((await write('html')).map((f) => path.basename(f))).toEqual(['disclosure.html']);
  const html = fs.readFileSync(path.join(out, 'disclosure.html'), 'utf8');
  expect(html.match(/<table class="data"/g)).toHaveLength(12);
  expect(html).toContain('<td>收入合计</td>');
  expect((await write('pdf')).map((f) => path.basename(f))).toEqual(['disclosure.pdf']);
  expect(fs.readFileSync(path.join(out, 'disclosure.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  fs.rmSync(out, { recursive: true, force: true });
});
