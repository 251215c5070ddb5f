/**
 * Downloads of published disclosures, no token needed, every export format:
 *   /disclosures/<dept>/<year>/<file>             the latest publication
 *   /disclosures/<dept>/<year>@<position>/<file>  the publication that recorded that ledger
 *                                                 position: immutable, cacheable for a year
 * <file>: disclosure.pdf, disclosure.html, disclosure.json, disclosure.xlsx, t01.csv … t13.csv
 * (sh01.csv … sh09.csv with ?layout=shanghai-9, and its 部门 variant or 元 with 2 decimals with
 * &variant=department and &decimals=2; js01.csv … js12.csv with ?layout=jiangsu-12; the
 * documents, JSON and XLSX in every layout), datapackage.json and budget-lines.csv (the Open
 * Fiscal Data Package). Only publications are served — the answer never depends on a token, so it
 * is always `public`. Each file is rendered once per publication, layout and style, and kept as
 * bytes (PublicReads.files) with its ETag. Names it does not know are passed on to later routes.
 */
import type { NextFunction, Request, Response, Router } from 'express';
import { errorBody } from './http-errors';
import type { ReferenceLists } from '../domain';
import express from 'express';
import type pg from 'pg';
import { renderExport, type ExportFormat } from '../app/export';
import {
  SHANGHAI_STYLE,
  type LayoutId,
  type ShanghaiStyle,
} from '../domain/disclosure/layouts/shanghai-9';
import { publicationAt } from '../projections/fact-versions';
import { cachedResponse, IMMUTABLE, PUBLIC_SHORT, sendCached } from './http-cache';
import type { PublicReads } from './public-reads';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const JSON_TYPE = 'application/json; charset=utf-8';
const CSV = 'text/csv; charset=utf-8';

/** The export format that writes a file, and the file's media type. */
function kindOf(file: string): { format: ExportFormat; type: string } | null {
  if (file === 'disclosure.pdf') return { format: 'pdf', type: 'application/pdf' };
  if (file === 'disclosure.html') return { format: 'html', type: 'text/html; charset=utf-8' };
  if (file === 'disclosure.json') return { format: 'json', type: JSON_TYPE };
  if (file === 'disclosure.xlsx') return { format: 'xlsx', type: XLSX };
  if (file === 'datapackage.json') return { format: 'fdp', type: JSON_TYPE };
  if (file === 'budget-lines.csv') return { format: 'fdp', type: CSV };
  if (/^(t(0[1-9]|1[0-3])|sh0[1-9]|js(0[1-9]|1[0-2]))\.csv$/.test(file))
    return { format: 'csv', type: CSV };
  return null;
}
const YEAR = /^(\d{4})(?:@(\d{1,19}))?$/;
const LAYOUTS: readonly LayoutId[] = ['shanxi-13', 'shanghai-9', 'jiangsu-12'];
/** File-name suffix of a layout other than the default. */
const SUFFIX: Record<LayoutId, string> = {
  'shanxi-13': '',
  'shanghai-9': '-sh9',
  'jiangsu-12': '-js12',
};

/**
 * How the Shanghai layout prints, from ?variant=unit|department and ?decimals=0|2 (defaults: the
 * 单位 variant in whole 元); undefined for another layout, which takes neither; null for a value the
 * layout does not print, a repeated parameter, or either given to another layout — that URL names
 * no document.
 */
function styleOf(query: Request['query'], layout: LayoutId): ShanghaiStyle | undefined | null {
  const { variant, decimals } = query;
  if (layout !== 'shanghai-9')
    return variant === undefined && decimals === undefined ? undefined : null;
  const v = variant ?? SHANGHAI_STYLE.variant;
  const d = decimals ?? String(SHANGHAI_STYLE.decimals);
  if ((v !== 'unit' && v !== 'department') || (d !== '0' && d !== '2')) return null;
  return { variant: v, decimals: d === '2' ? 2 : 0 };
}

/**
 * The layout and style as the URL's query, the cache key and the file name say them: defaults
 * left out, so that ?layout=shanghai-9 and ?layout=shanghai-9&variant=unit are one document.
 */
function formOf(
  layout: LayoutId,
  style: ShanghaiStyle | undefined,
): { query: string; suffix: string } {
  if (layout === 'shanxi-13') return { query: '', suffix: '' };
  let query = `?layout=${layout}`;
  let suffix = SUFFIX[layout];
  if (style?.variant === 'department') {
    query += '&variant=department';
    suffix += '-department';
  }
  if (style?.decimals === 2) {
    query += '&decimals=2';
    suffix += '-2dp';
  }
  return { query, suffix };
}

/** A name the layout does not write (e.g. t01.csv of the Shanghai layout). */
class MissingFile extends Error {}

function notFound(res: Response, message: string): void {
  res.setHeader('Cache-Control', 'public, max-age=60');
  res.status(404).json(errorBody('NOT_FOUND', message));
}

/** The path of a publication's file (what Content-Location names for the latest). */
export const disclosurePath = (
  dept: string,
  year: number,
  position: bigint,
  file: string,
): string => `/disclosures/${encodeURIComponent(dept)}/${year}@${position}/${file}`;

export function disclosureFiles(
  pool: pg.Pool,
  reads: PublicReads,
  log: (msg: string) => void,
  /** The ledger's reference lists as they stand (adopted codes included). */
  references: () => ReferenceLists,
): Router {
  const router = express.Router();
  router.get(
    '/disclosures/:dept/:year/:file',
    async (req: Request, res: Response, next: NextFunction) => {
      const dept = String(req.params.dept);
      const file = String(req.params.file);
      const m = YEAR.exec(String(req.params.year));
      const kind = kindOf(file);
      if (!m || !kind) return next();
      const layout = (req.query.layout ?? 'shanxi-13') as LayoutId;
      if (!/^[0-9A-Za-z]{1,32}$/.test(dept) || !LAYOUTS.includes(layout))
        return notFound(res, 'no such document: /disclosures/<dept>/<year>[@<position>]/<file>');
      const style = styleOf(req.query, layout);
      if (style === null)
        return notFound(
          res,
          layout === 'shanghai-9'
            ? 'the shanghai-9 layout prints variant=unit|department and decimals=0|2'
            : `the ${layout} layout has no variant or decimals (only shanghai-9)`,
        );
      const form = formOf(layout, style);
      const year = Number(m[1]);
      const pinned = m[2] === undefined ? null : BigInt(m[2]);
      try {
        const position = pinned ?? (await reads.latestPublication(dept, year));
        if (position === null)
          return notFound(res, `the ${year} disclosure of ${dept} has not been published`);
        const key = `${dept}|${year}|${position}|${form.query}|${file}`;
        const known = reads.files.peek(key);
        if (!known && pinned !== null && (await publicationAt(pool, dept, year, pinned)) === null)
          return notFound(res, `no publication of the ${year} disclosure of ${dept} at ${pinned}`);
        const entry = await (known ??
          reads.files.get(key, async () => {
            const files = await renderExport(
              pool,
              {
                unit: dept,
                year,
                asOf: String(position),
                published: true,
                format: kind.format,
                layout,
                shanghaiStyle: style,
              },
              references(),
            );
            const body = files[file];
            if (body === undefined) throw new MissingFile(file);
            const name = `${dept}-${year}-${position}${form.suffix}-${file}`;
            const inline = /\.(pdf|html|json)$/.test(file) ? 'inline' : 'attachment';
            return cachedResponse(body, kind.type, {
              'Content-Disposition': `${inline}; filename="${name}"`,
            });
          }));
        if (pinned === null)
          res.setHeader(
            'Content-Location',
            disclosurePath(dept, year, position, file) + form.query,
          );
        sendCached(req, res, entry, pinned === null ? PUBLIC_SHORT : IMMUTABLE);
      } catch (err) {
        if (err instanceof MissingFile) return notFound(res, `the ${layout} layout has no ${file}`);
        log(`disclosure download failed: ${err instanceof Error ? err.stack : String(err)}`);
        if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR' } });
      }
    },
  );
  return router;
}
