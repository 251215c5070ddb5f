/**
 * The printable document of a disclosure in the Shanghai 9-table layout (src/domain/disclosure/
 * layouts/shanghai-9.ts): the cover as that layout prints it (上海市<year>年市级单位预算, 预算单位),
 * a contents list, the nine tables with their merged headers and amounts as published (元;
 * table 9 万元), and the two charts of the seed's document drawn from the same tables (一般公共预算
 * 基本支出/项目支出 from table 5, 三公 by item from table 9). Same print CSS and charts as the
 * 13-table document (html.ts); self-contained. Pure.
 */
import type { ShanghaiLayout } from '../domain/disclosure/layouts/shanghai-9';
import { SHANGHAI_TABLE_IDS } from '../domain/disclosure/layouts/shanghai-9';
import type { GenericTable } from '../domain/disclosure';
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

export function renderShanghaiHtml(
  layout: ShanghaiLayout,
  opts: { asOfNote?: string } = {},
): string {
  const y = layout.fiscalYear;
  const tables = SHANGHAI_TABLE_IDS.map((id) => layout.tables[id]);
  const toc = tables
    .map((t, i) => `<li><a href="#${t.id}">${i + 1}. ${esc(t.title)}</a></li>`)
    .join('');
  const sections = tables
    .map(
      (t) =>
        `<section class="disclosure-table${t.keys.length > 6 ? ' wide' : ''}" id="${t.id}">` +
        `<h3 class="table-title">${esc(t.title)}</h3>` +
        `<div class="table-meta"><span>编制单位：${esc(layout.unitName)}</span><span>单位：${esc(t.moneyUnit)}</span></div>` +
        `${layoutTableHtml(t)}</section>`,
    )
    .join('');
  const charts = layoutChartSpecs(layout);
  const title = `上海市${y}年市级单位预算`;
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="budget-ledger"><title>${esc(`${title}（${layout.unitName}）`)}</title><style>${CSS}</style></head><body>` +
    `<header><h1>${esc(title)}</h1><p class="subtitle">预算单位：${esc(layout.unitName)}</p>${opts.asOfNote ? `<p class="asof">${esc(opts.asOfNote)}</p>` : ''}` +
    `<nav class="toc"><h3>目\u3000录</h3><ol><li><a href="#tables">单位预算表</a><ol>${toc}</ol></li><li><a href="#charts">图表</a></li></ol></nav></header>` +
    `<main><h2 class="part" id="tables">单位预算表</h2>${sections}` +
    `<h2 class="part" id="charts">图表</h2>${figure(donutChart(charts.structure), `图1 ${charts.structure.title}（表5）`)}${figure(barChart(charts.sanGong), `图2 ${charts.sanGong.title}（表9）`)}</main></body></html>\n`
  );
}
