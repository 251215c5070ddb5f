/**
 * The disclosure as a PDF, in any layout, from the same pure models the HTML document prints
 * (Disclosure and outline.ts for the 13 tables; ShanghaiLayout for the nine; JiangsuLayout as
 * jiangsu-tables.ts prints it for the twelve): a cover, a contents
 * page with page numbers, the parts in the published order, every table with its merged header
 * repeated on each page it spans (landscape when wide, as the HTML's print CSS), the charts, and
 * on the last page the ledger position the document shows and the ledger digest there, so a
 * reader can check the printout against the log (budget-ledger digest --check). A4, numbered
 * pages, the CJK font embedded (font.ts). Pure apart from reading the font files.
 */
import {
  TABLE_IDS,
  type Disclosure,
  type DisclosureTable,
  type DisclosureUnit,
  type GenericTable,
} from '../../domain/disclosure';
import { chineseOrdinal } from '../../domain/disclosure/layout';
import {
  SHANGHAI_TABLE_IDS,
  shanghaiHeadings,
  type ShanghaiLayout,
} from '../../domain/disclosure/layouts/shanghai-9';
import type { JiangsuLayout } from '../../domain/disclosure/layouts/jiangsu-12';
import { jiangsuLabel, layoutChartSpecs } from '../html-layout';
import { printedJiangsuTables } from '../jiangsu-tables';
import {
  explanationSections,
  indicatorGrid,
  overviewTexts,
  projectFormRows,
  sep,
  tableNo,
  UNIT_KIND_NAMES,
  unitFormRows,
} from '../outline';
import { drawChart } from './charts';
import { PdfWriter, type Grid } from './writer';

/** Where in the ledger the document stands, printed on its last page. */
export interface LedgerMark {
  position: string;
  /** The ledger digest at that position (null when it could not be computed, e.g. unsettled). */
  digest: string | null;
}

export interface PdfOptions {
  /** A line on the cover saying which point of the ledger the document shows. */
  asOfNote?: string;
  ledger?: LedgerMark | null;
  /** The document's date in the file's metadata (see documentDate; default: now). */
  createdAt?: Date;
}

const BOLD_ROLES = new Set(['total', 'group', 'unit']);
const COVER_TITLE = 26;

function cover(w: PdfWriter, title: string, subtitle: string, note?: string): void {
  w.newPage();
  w.doc.y = w.doc.page.height / 3;
  w.heading(title, COVER_TITLE, { align: 'center', gap: 0.8 });
  w.paragraph(subtitle, { size: 16, align: 'center' });
  if (note) {
    w.doc.moveDown(2);
    w.paragraph(note, { size: 9, color: '#555', align: 'center' });
  }
  w.newPage();
  w.heading('目\u3000录', 16, { align: 'center', gap: 1 });
}

function part(w: PdfWriter, title: string): void {
  w.newPage();
  w.mark(title, 1);
  w.heading(title, 16, { align: 'center', gap: 0.8 });
}

/** Title, 编制单位 (部门) and 单位 above a table; again (with 续) on each page it continues on. */
function tableTitle(
  w: PdfWriter,
  title: string,
  unitName: string,
  moneyUnit: string,
  unitLabel = '编制单位',
): void {
  const doc = w.doc;
  doc.font('bold').fontSize(13).text(title, w.left, doc.y, { width: w.width, align: 'center' });
  doc.moveDown(0.3).font('regular').fontSize(9);
  const y = doc.y;
  doc.text(`${unitLabel}：${unitName}`, w.left, y, { lineBreak: false });
  doc.text(`单位：${moneyUnit}`, w.left, y, { width: w.width, align: 'right' });
  doc.moveDown(0.3);
}

function tablePage(
  w: PdfWriter,
  t: {
    title: string;
    label?: string | null;
    columns: number;
    unitName: string;
    unit: string;
    unitLabel?: string;
  },
  contents: string,
  grid: Grid,
): void {
  w.newPage(t.columns > 6);
  w.mark(contents, 2);
  if (t.label) w.paragraph(t.label, { size: 8.5, color: '#000', align: 'center' });
  tableTitle(w, t.title, t.unitName, t.unit, t.unitLabel);
  w.table(grid, () => tableTitle(w, `${t.title}（续）`, t.unitName, t.unit, t.unitLabel));
}

const indentOfLevel = (level: number | null, role: string): number =>
  role === 'project' ? 1 : level === null ? 0 : level - 1;

function shanxiGrid(t: DisclosureTable): Grid {
  const name = t.columns.findIndex((c) => c.key === 'name');
  return {
    headerRows: t.headerRows,
    kinds: t.columns.map((c) => c.kind),
    rows: t.rows.map((r) => ({
      cells: t.columns.map((c) => r.cells[c.key] ?? ''),
      bold: BOLD_ROLES.has(r.role),
      indent: indentOfLevel(r.level, r.role),
    })),
    note: t.note,
    nameColumn: name < 0 ? 0 : name,
  };
}

/** A generic table as its layout prints it: amounts with thousands separators. */
function genericGrid(t: GenericTable): Grid {
  const name = t.keys.indexOf('name');
  return {
    headerRows: t.columns,
    kinds: t.kinds,
    rows: t.rows.map((r) => ({
      cells: r.cells.map((c, k) => (c === null ? '' : t.kinds[k] === 'amount' ? sep(c) : c)),
      bold: BOLD_ROLES.has(r.role),
      // 类 3 digits, 款 5, 项 7: a level per two digits.
      indent: r.code && /^\d{5,}$/.test(r.code) ? (r.code.length - 3) / 2 : 0,
    })),
    note: t.note,
    nameColumn: name < 0 ? 0 : name,
  };
}

/** Two text columns (label, content), no header: the performance forms' upper part. */
const formGrid = (rows: [string, string][]): Grid => ({
  headerRows: [],
  kinds: ['text', 'text'],
  rows: rows.map(([k, v]) => ({ cells: [k, v], bold: false, indent: 0 })),
  note: null,
  nameColumn: 0,
  fractions: [0.22, 0.78],
});

function indicatorsGrid(indicators: Parameters<typeof indicatorGrid>[0]): Grid {
  const g = indicatorGrid(indicators);
  return {
    headerRows: [g.head],
    kinds: g.head.map(() => 'text'),
    // A merged cell prints on its first row and goes on, without a line, over the rows it spans.
    rows: g.rows.map((cells, r) => ({
      cells: cells.map((c) => (c.span === 0 ? '' : c.text)),
      bold: false,
      indent: 0,
      mergedDown: cells.map((_, k) => g.rows[r + 1]?.[k]?.span === 0),
    })),
    note: null,
    nameColumn: 0,
  };
}

function ledgerPage(w: PdfWriter, opts: PdfOptions): void {
  const l = opts.ledger;
  if (!l && !opts.asOfNote) return;
  w.ensure(140);
  w.doc.moveDown(1);
  w.heading('数据来源与核验', 12);
  if (opts.asOfNote) w.paragraph(opts.asOfNote, { size: 9.5 });
  if (l) {
    w.paragraph(`账本位置：${l.position}`, { size: 9.5 });
    if (l.digest) {
      w.paragraph(`账本摘要（SHA-256）：${l.digest}`, { size: 9.5 });
      w.paragraph(
        `核验方法：budget-ledger digest --check ${l.digest} --at ${l.position}` +
          '（摘要相符即表明该位置之前的账本记录未被改写）。',
        { size: 9.5 },
      );
    }
  }
}

/** The 13-table document (the seed's structure): parts one to four, then the ledger mark. */
export async function renderPdf(
  d: Disclosure,
  units: readonly DisclosureUnit[],
  opts: PdfOptions = {},
): Promise<Buffer> {
  const title = `${d.department.name}${d.fiscalYear}年度单位预算公开`;
  const subject = `${d.fiscalYear}年度单位预算公开`;
  const w = new PdfWriter({ title, subject, createdAt: opts.createdAt });
  cover(w, d.department.name, `${d.fiscalYear}年度单位预算公开`, opts.asOfNote);
  const contentsAt = w.page;

  part(w, '第一部分\u3000概况');
  const texts = overviewTexts(d, units.length);
  w.heading('一、本单位职责', 12);
  w.paragraph(texts.duties);
  w.heading('二、机构设置情况', 12);
  w.paragraph(texts.units);
  w.table({
    headerRows: [['单位编码', '单位名称', '单位性质']],
    kinds: ['text', 'text', 'text'],
    rows: units.map((u) => ({
      cells: [u.code, u.name, UNIT_KIND_NAMES[u.kind]],
      bold: false,
      indent: 0,
    })),
    note: null,
    nameColumn: 1,
  });

  w.newPage();
  w.mark(`第二部分\u3000${d.fiscalYear}年单位预算报表`, 1);
  w.heading(`第二部分\u3000${d.fiscalYear}年单位预算报表`, 16, { align: 'center' });
  for (const id of TABLE_IDS) {
    const t = d.tables[id];
    const meta = { ...t, columns: t.columns.length, unit: t.moneyUnit };
    tablePage(w, meta, `${tableNo(id)}\u3000${t.title}`, shanxiGrid(t));
  }

  part(w, `第三部分\u3000${d.fiscalYear}年度单位预算情况说明`);
  explanationSections(d).forEach(({ title, blocks }, i) => {
    w.heading(`${chineseOrdinal(i + 1)}、${title}`, 12);
    for (const b of blocks) {
      if (b.kind === 'paragraph') w.paragraph(b.text);
      else if (b.kind === 'subheading') w.heading(b.text, 10.5);
      else drawChart(w, b.chart, b.spec, b.caption);
    }
  });

  part(w, '第四部分\u3000绩效目标表');
  const forms = d.performanceForms;
  if (forms.unit) {
    w.heading(`一、${forms.unit.unitName}单位整体绩效目标表`, 12);
    w.table(formGrid(unitFormRows(forms.unit, d.tables.t01.moneyUnit)));
    w.heading('年度绩效指标', 10.5);
    w.table(indicatorsGrid(forms.unit.form.indicators));
  } else w.paragraph('本单位未编报整体绩效目标。');
  if (forms.projects.length) {
    w.heading(`${forms.unit ? '二' : '一'}、项目支出绩效目标表`, 12);
    forms.projects.forEach((f, i) => {
      w.ensure(160);
      w.heading(`${i + 1}. ${f.projectName}`, 10.5);
      w.table(formGrid(projectFormRows(f)));
      w.heading('绩效指标', 10.5);
      w.table(indicatorsGrid(f.form.indicators));
    });
  } else w.paragraph('本单位未公开项目支出绩效目标。');

  ledgerPage(w, opts);
  return w.finish(contentsAt);
}

/**
 * A layout's document (Shanghai's, Jiangsu's): the cover, the contents, the part holding the
 * tables (each on its own page), what `after` draws (the charts), the ledger mark.
 */
async function layoutPdf(
  d: {
    title: string;
    documentTitle: string;
    subtitle: string;
    part: string;
    unitName: string;
    unitLabel: string;
    tables: GenericTable[];
    label?: (i: number) => string;
  },
  opts: PdfOptions,
  after: (w: PdfWriter) => void = () => undefined,
): Promise<Buffer> {
  const w = new PdfWriter({ title: d.documentTitle, subject: d.title, createdAt: opts.createdAt });
  cover(w, d.title, d.subtitle, opts.asOfNote);
  const contentsAt = w.page;
  w.newPage();
  w.mark(d.part, 1);
  w.heading(d.part, 16, { align: 'center' });
  d.tables.forEach((t, i) => {
    const meta = { title: t.title, columns: t.keys.length, unitName: d.unitName };
    const more = { unit: t.moneyUnit, unitLabel: d.unitLabel, label: d.label?.(i) };
    tablePage(w, { ...meta, ...more }, `${i + 1}. ${t.title}`, genericGrid(t));
  });
  after(w);
  ledgerPage(w, opts);
  return w.finish(contentsAt);
}

/** The Shanghai 9-table document: cover, contents, the nine tables, the two charts. */
export async function renderShanghaiPdf(
  layout: ShanghaiLayout,
  opts: PdfOptions = {},
): Promise<Buffer> {
  const { title, subtitle, unitLabel, part: tablesPart } = shanghaiHeadings(layout);
  const tables = SHANGHAI_TABLE_IDS.map((id) => layout.tables[id]);
  const doc = { title, documentTitle: `${title}（${layout.unitName}）`, tables };
  const unit = { unitName: layout.unitName, unitLabel };
  const heads = { subtitle, part: tablesPart };
  return layoutPdf({ ...doc, ...unit, ...heads }, opts, (w) => {
    part(w, '图表');
    const charts = layoutChartSpecs(layout);
    drawChart(w, 'donut', charts.structure, `图1 ${charts.structure.title}（表5）`);
    drawChart(w, 'bar', charts.sanGong, `图2 ${charts.sanGong.title}（表9）`);
  });
}

/**
 * The Jiangsu 12-table document: <部门><year>年部门预算 on the cover, the contents, the twelve
 * tables as the documents print them (公开01表 … above each title, 部门 and 单位：万元), the ledger
 * mark. The table reader reads it back (tests/int/jiangsu-document.test.ts).
 */
export async function renderJiangsuPdf(
  layout: JiangsuLayout,
  opts: PdfOptions = {},
): Promise<Buffer> {
  const title = `${layout.unitName}${layout.fiscalYear}年部门预算`;
  const doc = { title, documentTitle: title, tables: printedJiangsuTables(layout) };
  const unit = { unitName: layout.unitName, unitLabel: '部门', label: jiangsuLabel };
  return layoutPdf(
    { ...doc, ...unit, subtitle: `部门：${layout.unitName}`, part: '部门预算公开表' },
    opts,
  );
}
