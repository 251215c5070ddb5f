/**
 * A disclosure's export files, rendered in memory at a point of the ledger in a layout and a
 * format: the CLI writes them to a folder, the server serves the published ones for download.
 */
import type pg from 'pg';
import { loadDisclosure, type DisclosurePoint } from './disclosures';
import type { ReferenceLists } from '../domain';
import { renderCsv, renderJson } from '../domain/disclosure';
import {
  leafTitles,
  renderShanghai9,
  SHANGHAI_TABLE_IDS,
  type LayoutId,
  type ShanghaiStyle,
} from '../domain/disclosure/layouts/shanghai-9';
import {
  JIANGSU_TABLE_IDS,
  renderJiangsu12,
  withCodeColumn,
} from '../domain/disclosure/layouts/jiangsu-12';
import { tableCsv } from '../domain/disclosure/render';
import type { GenericTable } from '../domain/disclosure/table';
import { documentDate, ledgerMark } from './ledger-mark';
import { renderFdp } from '../export/fdp';
import { renderJiangsuHtml, renderShanghaiHtml } from '../export/html-layout';
import { renderHtml } from '../export/html';
import {
  renderJiangsuPdf,
  renderPdf,
  renderShanghaiPdf,
  type PdfOptions,
} from '../export/pdf/document';
import { renderLayoutXlsx, renderXlsx } from '../export/xlsx';
import { isCalendarDate } from '../domain/calendar';
import { BadInputError } from '../domain/errors';

/**
 * A layout's generic tables as CSV (one file a table), JSON or XLSX; false for another format
 * (the layout's own renderers, or a refusal).
 */
async function tableFiles(
  files: Record<string, string | Buffer>,
  format: ExportFormat,
  l: { layout: LayoutId; fiscalYear: number; unitName: string; tables: GenericTable[] },
  xlsxTitle: string,
): Promise<boolean> {
  if (format === 'csv')
    l.tables.forEach((t) => (files[`${t.id}.csv`] = tableCsv(t, leafTitles(t))));
  else if (format === 'json') files['disclosure.json'] = `${JSON.stringify(l, null, 2)}\n`;
  else if (format === 'xlsx')
    files['disclosure.xlsx'] = await renderLayoutXlsx(
      xlsxTitle,
      l.fiscalYear,
      l.unitName,
      l.tables,
    );
  else return false;
  return true;
}

export const EXPORT_FORMATS = ['csv', 'json', 'xlsx', 'html', 'pdf', 'fdp'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface RenderOptions {
  unit: string;
  year: number;
  asOf?: string;
  effectiveOn?: string;
  format: ExportFormat;
  moneyUnit?: 'wan-yuan' | 'yuan';
  /** The point is a publication's position (the document then says 已公开版本). */
  published?: boolean;
  /**
   * shanxi-13 (default), shanghai-9 (csv, json, xlsx, html, pdf, fdp; amounts in 元 as that layout
   * prints them) or jiangsu-12 (csv, json, xlsx, html, pdf, fdp; 万元).
   */
  layout?: LayoutId;
  /** shanghai-9: the variant and the 元 the document printed (default 单位, whole 元). */
  shanghaiStyle?: ShanghaiStyle;
}

/**
 * --as-of: "published", a global position (digits), or an ISO date-time (what the ledger knew
 * then).
 */
export function parsePoint(
  asOf: string | undefined,
  effectiveOn: string | undefined,
): DisclosurePoint {
  if (effectiveOn !== undefined && !isCalendarDate(effectiveOn))
    throw new BadInputError('--effective-on takes a date, YYYY-MM-DD', { field: 'effectiveOn' });
  if (asOf === undefined) return { effectiveOn };
  if (asOf === 'published') return { published: true, effectiveOn };
  if (/^\d+$/.test(asOf)) return { position: BigInt(asOf), effectiveOn };
  const t = new Date(asOf);
  if (Number.isNaN(t.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(asOf))
    throw new BadInputError('--as-of takes "published", a position, or an ISO date-time', {
      field: 'asOf',
    });
  return { recordedAt: t, effectiveOn };
}

/** The point a disclosure reflects, in words (for the HTML document and the data package). */
function asOfNote(opts: RenderOptions, position: string | null): string {
  const at =
    opts.asOf === 'published' || opts.published
      ? '已公开版本'
      : opts.asOf === undefined
        ? '导出时账本的最新状态'
        : `账本时点 ${opts.asOf}`;
  return `数据来源：budget-ledger，${at}${position === null ? '' : `（账本位置 ${position}）`}${opts.effectiveOn ? `，生效日期 ${opts.effectiveOn}` : ''}。`;
}

/** The files of an export by name, in memory (the CLI writes them; the server serves them). */
export async function renderExport(
  pool: pg.Pool,
  opts: RenderOptions,
  references: ReferenceLists,
): Promise<Record<string, string | Buffer>> {
  const built = await loadDisclosure(
    pool,
    {
      departmentCode: opts.unit,
      fiscalYear: opts.year,
      at: parsePoint(opts.asOf, opts.effectiveOn),
      moneyUnit: opts.moneyUnit ?? 'wan-yuan',
    },
    references,
  );
  const position = built.asOf.position === undefined ? null : String(built.asOf.position);
  const files: Record<string, string | Buffer> = {};
  const pdf = async () => ({
    asOfNote: asOfNote(opts, position),
    ledger: await ledgerMark(pool, built.asOf.position),
    createdAt: await documentDate(
      pool,
      opts.unit,
      opts.year,
      built.asOf,
      opts.asOf === 'published' || opts.published === true,
    ),
  });
  /** A layout's files: its tables (csv, json, xlsx) or its document (html, pdf). */
  const layoutFiles = async (
    l: { layout: LayoutId; fiscalYear: number; unitName: string; tables: GenericTable[] },
    xlsxTitle: string,
    html: (o: { asOfNote: string }) => string,
    pdfDoc: (o: PdfOptions) => Promise<Buffer>,
  ) => {
    if (await tableFiles(files, opts.format, l, xlsxTitle)) return;
    if (opts.format === 'html')
      files['disclosure.html'] = html({ asOfNote: asOfNote(opts, position) });
    else if (opts.format === 'pdf') files['disclosure.pdf'] = await pdfDoc(await pdf());
  };
  if (opts.layout === 'jiangsu-12' && opts.format !== 'fdp') {
    const js = renderJiangsu12(built.facts, built.reference);
    // The files print the 科目编码 column; the documents print the tables as published.
    const tables = JIANGSU_TABLE_IDS.map((id) => withCodeColumn(js.tables[id]));
    const title = `${js.unitName}${js.fiscalYear}年度部门预算（江苏12表格式）`;
    await layoutFiles(
      { layout: 'jiangsu-12', ...js, tables },
      title,
      (o) => renderJiangsuHtml(js, o),
      (o) => renderJiangsuPdf(js, o),
    );
  } else if (opts.layout === 'shanghai-9' && opts.format !== 'fdp') {
    const sh = renderShanghai9(built.facts, built.reference, opts.shanghaiStyle);
    const tables = SHANGHAI_TABLE_IDS.map((id) => sh.tables[id]);
    const title = `${sh.unitName}${sh.fiscalYear}年度预算（上海9表格式）`;
    await layoutFiles(
      { layout: 'shanghai-9', ...sh, tables },
      title,
      (o) => renderShanghaiHtml(sh, o),
      (o) => renderShanghaiPdf(sh, o),
    );
  } else
    switch (opts.format) {
      case 'csv':
        Object.assign(files, renderCsv(built.disclosure));
        break;
      case 'json':
        files['disclosure.json'] =
          `${JSON.stringify(renderJson(built.disclosure, built.report), null, 2)}\n`;
        break;
      case 'xlsx':
        files['disclosure.xlsx'] = await renderXlsx(built.disclosure);
        break;
      case 'html':
        files['disclosure.html'] = renderHtml(built.disclosure, {
          units: built.facts.units,
          asOfNote: asOfNote(opts, position),
        });
        break;
      case 'pdf':
        files['disclosure.pdf'] = await renderPdf(built.disclosure, built.facts.units, await pdf());
        break;
      case 'fdp':
        Object.assign(
          files,
          renderFdp(built.facts, built.reference, {
            phase: opts.asOf === 'published' || opts.published ? 'approved' : 'proposed',
            asOfNote: asOfNote(opts, position),
          }),
        );
        break;
    }
  return files;
}
