/**
 * The Jiangsu 12-table document (export --layout jiangsu-12 --format pdf / html) of a department
 * imported from a real Jiangsu budget of the corpus: the PDF, read back with the project's own
 * PDF reader and table reader (pdfToText, parseDisclosure — what reads the published documents),
 * gives the twelve tables figure for figure as rendered; the HTML prints the twelve tables, every
 * amount of them as printed.
 */
import { LedgerService } from '../../src/app/ledger-service';
import { renderExport } from '../../src/app/export';
import { compareTables } from '../../src/domain/disclosure/layouts/compare';
import { JIANGSU_TABLE_IDS, renderJiangsu12 } from '../../src/domain/disclosure/layouts/jiangsu-12';
import { loadDisclosure } from '../../src/app/disclosures';
import { printedJiangsuTables } from '../../src/export/jiangsu-tables';
import { renderJiangsuPdf } from '../../src/export/pdf/document';
import { sep } from '../../src/export/outline';
import { parseDisclosure } from '../../src/interchange';
import { pdfToText } from '../../src/interchange/pdf';
import { importCorpus } from '../support/corpus';
import { useLedgerDatabase } from '../support/db';

const ledger = useLedgerDatabase('file');

/** The 2018 CPPCC budget (公开01–12表) and the 2017 NPC budget (the 2017 definitions). */
describe.each([
  ['jiangsu-cppcc-office-2018-dept-budget-tables', 2018, '江苏省政协办公厅', '401'],
  ['jiangsu-npc-standing-committee-office-2017-dept-budget', 2017, '江苏省人大常委会办公厅', '402'],
])('%s, imported, as its jiangsu-12 document', (name, year, unitName, DEPT) => {
  const opts = { unit: DEPT, year, layout: 'jiangsu-12' as const };
  let service: LedgerService;
  /** The ledger's position after the import: the documents show it. */
  let position: string;
  beforeAll(async () => {
    service = new LedgerService(ledger.store);
    const report = await importCorpus(service, ledger.store, name, 'text', DEPT, year);
    expect(report).toMatchObject({ ok: true });
    const head = await ledger.db.ownerPool.query<{ p: string }>(
      'SELECT max(global_position)::text AS p FROM events',
    );
    position = head.rows[0]!.p;
    // The digest is of the settled log, which a transaction elsewhere on the server can hold
    // back for a moment.
    while ((await ledger.store.settledPosition()) < BigInt(position))
      await new Promise((r) => setTimeout(r, 50));
  }, 180_000);

  /** The layout's tables as the ledger renders them at that position. */
  async function rendered() {
    const built = await loadDisclosure(
      ledger.db.appPool,
      {
        departmentCode: DEPT,
        fiscalYear: year,
        at: { position: BigInt(position) },
        moneyUnit: 'wan-yuan',
      },
      service.references.current,
    );
    return renderJiangsu12(built.facts, built.reference);
  }

  test('the PDF reads back as the twelve tables it was rendered from, figure for figure', async () => {
    // At the import's position, which the last page names with the digest there.
    const files = await renderExport(
      ledger.db.appPool,
      { ...opts, asOf: position, format: 'pdf' },
      service.references.current,
    );
    const pdf = files['disclosure.pdf'] as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text, pages } = await pdfToText(pdf);
    // The cover: <部门><year>年部门预算, 部门, the point of the ledger it shows.
    expect(pages[0]!.lines.join('')).toContain(`${unitName}${year}年部门预算`);
    expect(pages[0]!.lines.join('')).toContain(`部门：${unitName}`);
    expect(pages[0]!.lines.join('')).toContain(`账本时点 ${position}`);
    const parsed = parseDisclosure(text);
    expect(parsed.layout).toBe('jiangsu-12');
    expect(parsed.unitName).toBe(unitName);
    const layout = await rendered();
    const read = JIANGSU_TABLE_IDS.map((id) => parsed.tables.find((t) => t.id === id)!);
    expect(read.map((t) => t?.title)).toEqual(
      JIANGSU_TABLE_IDS.map((id) => layout.tables[id].title),
    );
    const cmp = compareTables(
      read,
      JIANGSU_TABLE_IDS.map((id) => layout.tables[id]),
    );
    expect(cmp.mismatches).toEqual([]);
    expect(cmp.printed).toBeGreaterThan(50);
    // Codes and names of the coded tables as rendered (no page break joins or splits a name).
    for (const id of ['js05', 'js06', 'js07', 'js08', 'js10', 'js11'] as const) {
      const names = (rows: { code: string | null; cells: (string | null)[] }[]) =>
        rows.filter((r) => r.code).map((r) => `${r.code} ${r.cells[0]}`);
      expect([id, names(read.find((t) => t.id === id)!.rows)]).toEqual([
        id,
        names(layout.tables[id].rows),
      ]);
    }
    expect(parsed.issues.filter((i) => i.severity !== 'info')).toEqual([]);
    // The last page: the ledger position the document shows.
    const last = pages.at(-1)!.lines.join('\n');
    expect(last).toContain(`账本位置：${position}`);
    expect(last).toMatch(/账本摘要（SHA-256）：[0-9a-f]{64}/);
  }, 180_000);

  test('a table longer than a page goes on over the next, its header again, and reads back whole', async () => {
    const layout = await rendered();
    // Table 6 with 60 more 款 under a 类 of its own (399): more rows than an A4 page holds.
    const t = layout.tables.js06;
    const items = Array.from({ length: 60 }, (_, i) => ({
      role: 'item' as const,
      code: `399${String(i + 10)}`,
      key: `399${String(i + 10)}`,
      cells: [`测试款${i + 10}`, `${i + 1}.25`],
    }));
    const group = { role: 'group' as const, code: '399', key: null, cells: ['测试类', '1905.00'] };
    const long = {
      ...layout,
      tables: { ...layout.tables, js06: { ...t, rows: [...t.rows, group, ...items] } },
    };
    const { text, pages } = await pdfToText(await renderJiangsuPdf(long, {}));
    const on = pages.filter((p) => p.lines.some((l) => l.startsWith(t.title)));
    expect(on.length).toBeGreaterThan(1);
    for (const p of on.slice(1)) {
      expect(p.lines).toContain(`${t.title}（续）`);
      expect(p.lines).toContain('科目编码 科目名称 金额');
    }
    const parsed = parseDisclosure(text);
    const read = JIANGSU_TABLE_IDS.map((id) => parsed.tables.find((x) => x.id === id)!);
    expect(
      compareTables(
        read,
        JIANGSU_TABLE_IDS.map((id) => long.tables[id]),
      ).mismatches,
    ).toEqual([]);
    const js06 = read[5]!.rows.filter((r) => r.code?.startsWith('399'));
    expect(js06.map((r) => `${r.code} ${r.cells[0]}`)).toEqual(
      [group, ...items].map((r) => `${r.code} ${r.cells[0]}`),
    );
    expect(parsed.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  }, 180_000);

  test('the HTML prints the twelve tables with their titles, 部门 and every amount as printed', async () => {
    const files = await renderExport(
      ledger.db.appPool,
      { ...opts, asOf: position, format: 'html' },
      service.references.current,
    );
    const html = files['disclosure.html'] as string;
    expect(html).toContain(`<h1>${unitName}${year}年部门预算</h1>`);
    const sections = html.split('<section class="disclosure-table').slice(1);
    expect(sections).toHaveLength(12);
    const printed = printedJiangsuTables(await rendered());
    let amounts = 0;
    printed.forEach((t, i) => {
      const s = sections[i]!;
      expect(s).toContain(`id="${t.id}"`);
      expect(s).toContain(`<h3 class="table-title">${t.title}</h3>`);
      expect(s).toContain(`<span>部门：${unitName}</span><span>单位：万元</span>`);
      // Every amount cell, in the order printed.
      let at = 0;
      for (const r of t.rows)
        r.cells.forEach((c, k) => {
          if (t.kinds[k] !== 'amount' || c === null) return;
          const td = `<td class="num">${sep(c)}</td>`;
          const found = s.indexOf(td, at);
          expect([t.id, c, found >= 0]).toEqual([t.id, c, true]);
          at = found + td.length;
          amounts++;
        });
    });
    expect(amounts).toBeGreaterThan(50);
    // Tables 1 and 4 two-sided, 收入 beside 支出.
    expect(sections[0]).toContain(
      '<th colspan="2" scope="col">收入</th><th colspan="4" scope="col">支出</th>',
    );
    expect(sections[3]).toContain(
      '<th colspan="2" scope="col">收入</th><th colspan="2" scope="col">支出</th>',
    );
  }, 180_000);
});
