/**
 * The printable document of a disclosure in the Shanghai 9-table layout (src/domain/disclosure/
 * layouts/shanghai-9.ts): the cover as that layout prints it (上海市<year>年市级单位预算, 预算单位),
 * a contents list, the nine tables with their merged headers and amounts as published (元;
 * table 9 万元), and the two charts of the seed's document drawn from the same tables (一般公共预算
 * 基本支出/项目支出 from table 5, 三公 by item from table 9). Same print CSS and charts as the
 * 13-table document (html.ts); self-contained. Pure. The Jiangsu 12-table document the same way
 * (layoutDocumentHtml), without charts.
 */
import type { ShanghaiLayout } from '../domain/disclosure/layouts/shanghai-9';
import { SHANGHAI_TABLE_IDS, shanghaiHeadings } from '../domain/disclosure/layouts/shanghai-9';
import type { GenericTable } from '../domain/disclosure';
import type { JiangsuLayout } from '../domain/disclosure/layouts/jiangsu-12';
import { printedJiangsuTables } from './jiangsu-tables';
import { CSS, figure, headHtml } from './html';
import { CHART_IDS, sep } from './outline';
import { barChart, donutChart, escapeXml as esc } from './svg';

/** A cell of the table's 合计 row (the last row where none is keyed total); empty is 0. */
const totalCell = (t: GenericTable, key: string): string => {
  const row = t.rows.find((r) => r.key === 'total') ?? t.rows.at(-1);
  return row?.cells[t.keys.indexOf(key)] ?? '0';
};

function layoutTableHtml(t: GenericTable): string {
  const body = t.rows
    .map((row) => {
      const tds = row.cells
        .map((c, k) =>
          t.kinds[k] === 'amount'
            ? `<td class="num">${c === null ? '' : esc(sep(c))}</td>`
            : `<td>${esc(c ?? '')}</td>`,
        )
        .join('');
      return `<tr class="role-${row.role}"${row.code ? ` data-code="${esc(row.code)}"` : ''}${row.key ? ` data-key="${esc(row.key)}"` : ''}>${tds}</tr>`;
    })
    .join('');
  const note = t.note
    ? `<tr class="note"><td class="note" colspan="${t.keys.length}">${esc(t.note)}</td></tr>`
    : '';
  return `<table class="data" data-table="${t.id}"><thead>${headHtml(t.columns)}</thead><tbody>${body}${note}</tbody></table>`;
}

/** The charts' data: table 5's 合计 row (元) and table 9's 三公 items (万元). */
export function layoutChartSpecs(layout: ShanghaiLayout): {
  structure: Parameters<typeof donutChart>[0];
  sanGong: Parameters<typeof barChart>[0];
} {
  const { sh05, sh09 } = layout.tables;
  const y = layout.fiscalYear;
  return {
    structure: {
      id: CHART_IDS.structure,
      title: `${y}年一般公共预算支出结构`,
      unit: sh05.moneyUnit,
      total: totalCell(sh05, 'total'),
      data: [
        { label: '基本支出', value: totalCell(sh05, 'basic') },
        { label: '项目支出', value: totalCell(sh05, 'project') },
      ],
    },
    sanGong: {
      id: CHART_IDS.sanGong,
      title: `${y}年“三公”经费预算构成`,
      unit: sh09.moneyUnit,
      data: [
        { label: '因公出国（境）费', value: totalCell(sh09, 'sanGong.overseasTravel') },
        { label: '公务接待费', value: totalCell(sh09, 'sanGong.officialReception') },
        { label: '公务用车购置费', value: totalCell(sh09, 'sanGong.vehiclePurchase') },
        { label: '公务用车运行费', value: totalCell(sh09, 'sanGong.vehicleOperation') },
      ],
    },
  };
}

/** A layout's document: its cover, contents and tables (and any parts after them, the charts). */
export interface LayoutDocument {
  /** The cover's title (<h1>) and the document's <title>. */
  title: string;
  documentTitle: string;
  /** Under the title: the unit or 部门 it is of. */
  subtitle: string;
  /** How each table names the unit: 编制单位 (Shanghai) or 部门 (Jiangsu). */
  unitLabel: string;
  unitName: string;
  /** The part the tables are in. */
  part: string;
  tables: GenericTable[];
  /** The number the documents print above a table's title (公开01表), if any. */
  label?: (i: number) => string;
  /** Parts after the tables: id, heading, body. */
  after?: { id: string; title: string; html: string }[];
  asOfNote?: string;
}

/** A layout's printable document (Shanghai's, Jiangsu's): cover, contents, the tables, the rest. */
export function layoutDocumentHtml(d: LayoutDocument): string {
  const after = d.after ?? [];
  const toc = d.tables
    .map((t, i) => `<li><a href="#${t.id}">${i + 1}. ${esc(t.title)}</a></li>`)
    .join('');
  const sections = d.tables
    .map(
      (t, i) =>
        `<section class="disclosure-table${t.keys.length > 6 ? ' wide' : ''}" id="${t.id}">` +
        (d.label ? `<p class="table-label">${esc(d.label(i))}</p>` : '') +
        `<h3 class="table-title">${esc(t.title)}</h3>` +
        `<div class="table-meta"><span>${esc(d.unitLabel)}：${esc(d.unitName)}</span><span>单位：${esc(t.moneyUnit)}</span></div>` +
        `${layoutTableHtml(t)}</section>`,
    )
    .join('');
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="budget-ledger"><title>${esc(d.documentTitle)}</title><style>${CSS}</style></head><body>` +
    `<header><h1>${esc(d.title)}</h1><p class="subtitle">${esc(d.subtitle)}</p>${d.asOfNote ? `<p class="asof">${esc(d.asOfNote)}</p>` : ''}` +
    `<nav class="toc"><h3>目\u3000录</h3><ol><li><a href="#tables">${esc(d.part)}</a><ol>${toc}</ol></li>${after.map((a) => `<li><a href="#${a.id}">${esc(a.title)}</a></li>`).join('')}</ol></nav></header>` +
    `<main><h2 class="part" id="tables">${esc(d.part)}</h2>${sections}` +
    `${after.map((a) => `<h2 class="part" id="${a.id}">${esc(a.title)}</h2>${a.html}`).join('')}</main></body></html>\n`
  );
}

export function renderShanghaiHtml(
  layout: ShanghaiLayout,
  opts: { asOfNote?: string } = {},
): string {
  const { title, subtitle, unitLabel, part } = shanghaiHeadings(layout);
  const charts = layoutChartSpecs(layout);
  return layoutDocumentHtml({
    title,
    documentTitle: `${title}（${layout.unitName}）`,
    subtitle,
    unitLabel,
    unitName: layout.unitName,
    part,
    tables: SHANGHAI_TABLE_IDS.map((id) => layout.tables[id]),
    after: [
      {
        id: 'charts',
        title: '图表',
        html:
          figure(donutChart(charts.structure), `图1 ${charts.structure.title}（表5）`) +
          figure(barChart(charts.sanGong), `图2 ${charts.sanGong.title}（表9）`),
      },
    ],
    asOfNote: opts.asOfNote,
  });
}

/** The number a Jiangsu document prints above its i-th table (0-based): 公开01表 … 公开12表. */
export const jiangsuLabel = (i: number): string => `公开${String(i + 1).padStart(2, '0')}表`;

/**
 * The printable document of the Jiangsu 12-table layout: <部门><year>年部门预算 on the cover, the
 * twelve tables as the documents print them (jiangsu-tables.ts), 部门 and 单位：万元 above each.
 */
export function renderJiangsuHtml(layout: JiangsuLayout, opts: { asOfNote?: string } = {}): string {
  const title = `${layout.unitName}${layout.fiscalYear}年部门预算`;
  return layoutDocumentHtml({
    title,
    documentTitle: title,
    subtitle: `部门：${layout.unitName}`,
    unitLabel: '部门',
    unitName: layout.unitName,
    part: '部门预算公开表',
    tables: printedJiangsuTables(layout),
    label: jiangsuLabel,
    asOfNote: opts.asOfNote,
  });
}
