/**
 * Downloads of published disclosures, no token needed: GET /disclosures/<dept>/<year>.<ext> (the
 * latest publication) and GET /disclosures/<dept>/<year>@<position>.<ext> (the publication that
 * recorded that ledger position: immutable, cacheable for a year); ext pdf, html, json or xlsx;
 * ?layout=shanghai-9 for the Shanghai 9-table layout. Only publications are served — the answer
 * never depends on a token, so it is always `public`. Documents are rendered once per
 * publication, layout and format, and kept as bytes (PublicReads.files) with their ETag.
 */
import type { Request, Response, Router } from 'express';
import express from 'express';
import type pg from 'pg';
import { renderExport, type ExportFormat } from '../cli/export';
import type { LayoutId } from '../domain/disclosure/layouts/shanghai-9';
import { isPublishedPosition } from '../projections/fact-versions';
import { cachedResponse, IMMUTABLE, PUBLIC_SHORT, sendCached } from './http-cache';
import type { PublicReads } from './public-reads';

const TYPES: Record<string, { format: ExportFormat; file: string; type: string }> = {
  pdf: { format: 'pdf', file: 'disclosure.pdf', type: 'application/pdf' },
  html: { format: 'html', file: 'disclosure.html', type: 'text/html; charset=utf-8' },
  json: { format: 'json', file: 'disclosure.json', type: 'application/json; charset=utf-8' },
  xlsx: {
    format: 'xlsx',
    file: 'disclosure.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  },
};
const FILE = /^(\d{4})(?:@(\d{1,19}))?\.(pdf|html|json|xlsx)$/;
const LAYOUTS: readonly LayoutId[] = ['shanxi-13', 'shanghai-9'];

function notFound(res: Response, message: string): void {
  res.setHeader('Cache-Control', 'public, max-age=60');
  res.status(404).json({ error: { code: 'NOT_FOUND', message } });
}

/** The path of a publication's document (what Content-Location names for the latest). */
export const disclosurePath = (dept: string, year: number, position: bigint, ext: string): string =>
  `/disclosures/${encodeURIComponent(dept)}/${year}@${position}.${ext}`;

export function disclosureFiles(
  pool: pg.Pool,
  reads: PublicReads,
  log: (msg: string) => void,
): Router {
  const router = express.Router();
  router.get('/disclosures/:dept/:file', async (req: Request, res: Response) => {
    const dept = String(req.params.dept);
    const m = FILE.exec(String(req.params.file));
    const layout = (req.query.layout ?? 'shanxi-13') as LayoutId;
    if (!m || !/^[0-9A-Za-z]{1,32}$/.test(dept) || !LAYOUTS.includes(layout))
      return notFound(res, 'no such document: /disclosures/<dept>/<year>[@<position>].<ext>');
    const year = Number(m[1]);
    const pinned = m[2] === undefined ? null : BigInt(m[2]);
    const ext = m[3]!;
    const kind = TYPES[ext]!;
    try {
      const position = pinned ?? (await reads.latestPublication(dept, year));
      if (position === null)
        return notFound(res, `the ${year} disclosure of ${dept} has not been published`);
      const key = `${dept}|${year}|${position}|${layout}|${ext}`;
      const known = reads.files.peek(key);
      if (!known && pinned !== null && !(await isPublishedPosition(pool, dept, year, pinned)))
        return notFound(res, `no publication of the ${year} disclosure of ${dept} at ${pinned}`);
      const canonical =
        disclosurePath(dept, year, position, ext) +
        (layout === 'shanxi-13' ? '' : `?layout=${layout}`);
      const entry = await (known ??
        reads.files.get(key, async () => {
          const files = await renderExport(pool, {
            unit: dept,
            year,
            asOf: String(position),
            published: true,
            format: kind.format,
            layout,
          });
          const name = `${dept}-${year}-${position}${layout === 'shanghai-9' ? '-sh9' : ''}.${ext}`;
          const disposition = ext === 'xlsx' ? 'attachment' : 'inline';
          return cachedResponse(files[kind.file]!, kind.type, {
            'Content-Disposition': `${disposition}; filename="${name}"`,
          });
        }));
      if (pinned === null) res.setHeader('Content-Location', canonical);
      sendCached(req, res, entry, pinned === null ? PUBLIC_SHORT : IMMUTABLE);
    } catch (err) {
      log(`disclosure download failed: ${err instanceof Error ? err.stack : String(err)}`);
      if (!res.headersSent) res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  });
  return router;
}
