/**
 * The printable disclosure document: one self-contained HTML file in the seed's structure —
 * 第一部分 概况, 第二部分 the 13 tables, 第三部分 the generated explanation, 第四部分 the
 * performance target forms — with print CSS (A4, a page per table) and two inline SVG charts
 * (一般公共预算支出结构: 基本支出/项目支出; 三公经费 by item). Pure: no I/O, and the document
 * references nothing outside itself (no scripts, style sheets, fonts or images by URL).
 */
import {
  TABLE_IDS,
  type Disclosure,
  type DisclosureTable,
  type DisclosureUnit,
  type UnitFormOut,
  type ProjectFormOut,
} from '../domain/disclosure';
import type { Indicator } from '../domain';
import { chineseOrdinal } from '../domain/disclosure/layout';
import { headerCells } from './header';
import {
  explanationSections,
  indicatorGrid,
  overviewTexts,
  projectFormRows,
  tableNo,
  UNIT_KIND_NAMES,
  unitFormRows,
  type Block,
} from './outline';
import { barChart, donutChart, escapeXml as esc } from './svg';

export { CHART_IDS, chartSpecs, sep } from './outline';

export interface HtmlOptions {
  /** The units consolidated (facts.units), 本级 first. */
  units: readonly DisclosureUnit[];
  /** A line under the title saying which point of the ledger the document shows. */
  asOfNote?: string;
}

/** Print CSS of every printable document (both layouts). */
export const CSS = `
@page { size: A4; margin: 15mm 12mm; }
@page wide { size: A4 landscape; margin: 12mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Noto Serif CJK SC', 'Source Han Serif SC', 'SimSun', 'Songti SC', 'Noto Sans CJK SC', 'Microsoft YaHei', serif; font-size: 11pt; line-height: 1.6; color: #000; margin: 0 auto; max-width: 1120px; padding: 16px; }
h1 { text-align: center; font-size: 22pt; margin: 40px 0 8px; }
.subtitle { text-align: center; margin: 0 0 24px; }
.asof { text-align: center; color: #555; font-size: 9pt; }
h2.part { font-size: 16pt; text-align: center; margin: 24px 0 16px; break-before: page; page-break-before: always; }
h3 { font-size: 13pt; margin: 16px 0 8px; }
h4 { font-size: 11.5pt; margin: 12px 0 6px; }
p { text-indent: 2em; margin: 4px 0; text-align: justify; }
nav.toc ol { list-style: none; padding-left: 0; }
nav.toc li { margin: 2px 0; }
nav.toc a { color: inherit; text-decoration: none; }
section.disclosure-table { break-before: page; page-break-before: always; }
section.disclosure-table.wide { page: wide; }
section.disclosure-table:first-of-type { break-before: auto; page-break-before: auto; }
.table-label { font-size: 9pt; margin: 0; text-indent: 0; }
.table-title { text-align: center; font-size: 14pt; margin: 4px 0 6px; }
.table-meta { display: flex; justify-content: space-between; font-size: 9.5pt; margin-bottom: 4px; }
table { border-collapse: collapse; width: 100%; font-size: 9.5pt; }
th, td { border: 1px solid #000; padding: 2px 4px; vertical-align: middle; }
th { font-weight: bold; text-align: center; background: #f2f2f2; }
td.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
tr.role-total td, tr.role-group td, tr.role-unit td { font-weight: bold; }
tr.level-2 td.name { padding-left: 1.5em; }
tr.level-3 td.name { padding-left: 3em; }
tr.role-project td:first-child { padding-left: 1.5em; }
td.note { text-align: center; color: #333; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
figure.chart { margin: 12px auto; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure.chart figcaption { font-size: 9pt; color: #444; }
table.form th { width: 18%; text-align: left; }
table.form td { text-align: left; }
table.indicators td { text-align: left; }
section.performance-form { break-before: page; page-break-before: always; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; text-decoration: none; } }
`;

const p = (text: string): string => `<p>${esc(text)}</p>`;

/** Header rows as published, merged cells as colspan/rowspan (headerCells). */
export function headHtml(headerRows: readonly (readonly string[])[]): string {
  const cells = headerCells(headerRows);
  return headerRows
    .map((_, r) => {
      const ths = cells
        .filter((c) => c.row === r)
        .map(
          (c) =>
            `<th${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''} scope="col">${esc(c.text)}</th>`,
        )
        .join('');
      return `<tr>${ths}</tr>`;
    })
    .join('');
}

/** The <table> of a disclosure table: header rows with their merges, rows, the note. */
export function tableHtml(table: DisclosureTable): string {
  const head = headHtml(table.headerRows);
  const body = table.rows
    .map((row) => {
      const cls = [`role-${row.role}`, row.level !== null ? `level-${row.level}` : '']
        .filter(Boolean)
        .join(' ');
      const tds = table.columns
        .map((col) => {
          const v = row.cells[col.key] ?? '';
          const klass = col.kind === 'amount' ? 'num' : col.key === 'name' ? 'name' : '';
          return `<td${klass ? ` class="${klass}"` : ''}>${esc(v)}</td>`;
        })
        .join('');
      return `<tr class="${cls}"${row.code ? ` data-code="${esc(row.code)}"` : ''}${row.key ? ` data-key="${esc(row.key)}"` : ''}>${tds}</tr>`;
    })
    .join('');
  const note = table.note
    ? `<tr class="note"><td class="note" colspan="${table.columns.length}">${esc(table.note)}</td></tr>`
    : '';
  return `<table class="data" data-table="${table.id}"><thead>${head}</thead><tbody>${body}${note}</tbody></table>`;
}

function tableSection(table: DisclosureTable): string {
  const wide = table.columns.length > 6 ? ' wide' : '';
  return (
    `<section class="disclosure-table${wide}" id="${table.id}">` +
    (table.label ? `<p class="table-label">${esc(table.label)}</p>` : '') +
    `<h3 class="table-title"><span class="table-no">${tableNo(table.id)}</span>\u3000${esc(table.title)}</h3>` +
    `<div class="table-meta"><span>编制单位：${esc(table.unitName)}</span><span>单位：${esc(table.moneyUnit)}</span></div>` +
    tableHtml(table) +
    '</section>'
  );
}

export const figure = (svg: string, caption: string): string =>
  `<figure class="chart">${svg}<figcaption>${esc(caption)}</figcaption></figure>`;

const blockHtml = (b: Block): string =>
  b.kind === 'paragraph'
    ? p(b.text)
    : b.kind === 'subheading'
      ? `<h4>${esc(b.text)}</h4>`
      : figure(b.chart === 'donut' ? donutChart(b.spec) : barChart(b.spec), b.caption);

function explanationPart(d: Disclosure): string {
  return (
    `<h2 class="part" id="part3">第三部分\u3000${d.fiscalYear}年度单位预算情况说明</h2>` +
    explanationSections(d)
      .map(
        ({ title, blocks }, i) =>
          `<section class="explanation" id="explanation-${i + 1}"><h3>${chineseOrdinal(i + 1)}、${esc(title)}</h3>${blocks.map(blockHtml).join('')}</section>`,
      )
      .join('')
  );
}

/** Rows of an indicator table, 一级/二级 merged over consecutive equal values. */
export function indicatorsHtml(indicators: readonly Indicator[]): string {
  const grid = indicatorGrid(indicators);
  const head = `<tr>${grid.head.map((h) => `<th>${h}</th>`).join('')}</tr>`;
  const rows = grid.rows.map(
    (cells) =>
      `<tr>${cells.map((c) => (c.span === 0 ? '' : `<td${c.span > 1 ? ` rowspan="${c.span}"` : ''}>${esc(c.text)}</td>`)).join('')}</tr>`,
  );
  return `<table class="indicators"><thead>${head}</thead><tbody>${rows.join('')}</tbody></table>`;
}

const formRows = (rows: [string, string][]): string =>
  rows.map(([k, v]) => `<tr><th>${esc(k)}</th><td>${esc(v)}</td></tr>`).join('');

function unitFormHtml(f: UnitFormOut, unit: string): string {
  return (
    `<section class="performance-form" id="form-unit"><h3>一、${esc(f.unitName)}单位整体绩效目标表</h3>` +
    `<table class="form"><tbody>${formRows(unitFormRows(f, unit))}</tbody></table>` +
    `<h4>年度绩效指标</h4>${indicatorsHtml(f.form.indicators)}</section>`
  );
}

function projectFormHtml(f: ProjectFormOut, n: number): string {
  return (
    `<section class="performance-form project-form" id="form-${esc(f.projectCode)}"><h4>${n}. ${esc(f.projectName)}</h4>` +
    `<table class="form"><tbody>${formRows(projectFormRows(f))}</tbody></table>` +
    `<h4>绩效指标</h4>${indicatorsHtml(f.form.indicators)}</section>`
  );
}

function performancePart(d: Disclosure): string {
  const forms = d.performanceForms;
  const unit = d.tables.t01.moneyUnit;
  const projects = forms.projects.length
    ? `<h3>${forms.unit ? '二' : '一'}、项目支出绩效目标表</h3>${forms.projects.map((f, i) => projectFormHtml(f, i + 1)).join('')}`
    : p('本单位未公开项目支出绩效目标。');
  return `<h2 class="part" id="part4">第四部分\u3000绩效目标表</h2>${forms.unit ? unitFormHtml(forms.unit, unit) : p('本单位未编报整体绩效目标。')}${projects}`;
}

function overviewPart(d: Disclosure, opts: HtmlOptions): string {
  const texts = overviewTexts(d, opts.units.length);
  const rows = opts.units
    .map(
      (u) =>
        `<tr><td>${esc(u.code)}</td><td>${esc(u.name)}</td><td>${UNIT_KIND_NAMES[u.kind]}</td></tr>`,
    )
    .join('');
  return (
    `<h2 class="part" id="part1">第一部分\u3000概况</h2>` +
    `<h3>一、本单位职责</h3>${p(texts.duties)}` +
    `<h3>二、机构设置情况</h3>${p(texts.units)}` +
    `<table class="units"><thead><tr><th>单位编码</th><th>单位名称</th><th>单位性质</th></tr></thead><tbody>${rows}</tbody></table>`
  );
}

function tocHtml(d: Disclosure): string {
  const tables = TABLE_IDS.map(
    (id) => `<li><a href="#${id}">${tableNo(id)}\u3000${esc(d.tables[id].title)}</a></li>`,
  ).join('');
  return (
    `<nav class="toc"><h3>目\u3000录</h3><ol>` +
    `<li><a href="#part1">第一部分\u3000概况</a></li>` +
    `<li><a href="#part2">第二部分\u3000${d.fiscalYear}年单位预算报表</a><ol>${tables}</ol></li>` +
    `<li><a href="#part3">第三部分\u3000${d.fiscalYear}年度单位预算情况说明</a></li>` +
    `<li><a href="#part4">第四部分\u3000绩效目标表</a></li></ol></nav>`
  );
}

/** The whole document. */
export function renderHtml(d: Disclosure, opts: HtmlOptions): string {
  const title = `${d.department.name}${d.fiscalYear}年度单位预算公开`;
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="generator" content="budget-ledger"><title>${esc(title)}</title><style>${CSS}</style></head><body>` +
    `<header><h1>${esc(d.department.name)}</h1><p class="subtitle">${d.fiscalYear}年度单位预算公开</p>${opts.asOfNote ? `<p class="asof">${esc(opts.asOfNote)}</p>` : ''}${tocHtml(d)}</header>` +
    `<main>${overviewPart(d, opts)}` +
    `<h2 class="part" id="part2">第二部分\u3000${d.fiscalYear}年单位预算报表</h2>${TABLE_IDS.map((id) => tableSection(d.tables[id])).join('')}` +
    `${explanationPart(d)}${performancePart(d)}</main></body></html>\n`
  );
}
