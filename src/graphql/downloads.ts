import type { Express, NextFunction, Response } from 'express';
import type pg from 'pg';
import { loadDisclosure, type BuiltDisclosure } from '../app/disclosures';
import { referenceFor } from '../domain';
import { renderCsv } from '../domain/disclosure';
import { LedgerError } from '../domain/errors';
import { FDP_CSV, FDP_DESCRIPTOR, renderFdp } from '../export/fdp';
import { renderXlsx } from '../export/xlsx';

const XLSX = 'disclosure.xlsx';
const TABLE_CSV = /^t(0[1-9]|1[0-3])\.csv$/;
const isDownload = (name: string): boolean =>
  name === XLSX || name === FDP_DESCRIPTOR || name === FDP_CSV || TABLE_CSV.test(name);

/**
 * Public downloads of a published disclosure (what a PUBLIC `disclosure` query shows, as files),
 * built as `budget-ledger export --as-of published` builds them:
 *   /disclosures/019/2024/disclosure.xlsx      a sheet per table
 *   /disclosures/019/2024/t01.csv … t13.csv    a table as published (万元)
 *   /disclosures/019/2024/datapackage.json     the Open Fiscal Data Package descriptor
 *   /disclosures/019/2024/budget-lines.csv     and its data (exact yuan)
 * Other names are passed on (another route may serve them); an unpublished disclosure is a 404.
 */
export function mountDownloads(app: Express, pool: pg.Pool): void {
  app.get('/disclosures/:dept/:year/:file', (req, res, next) => {
    const { dept, year, file } = req.params;
    if (!/^\d{4}$/.test(year) || !isDownload(file)) return next();
    loadDisclosure(pool, {
      departmentCode: dept,
      fiscalYear: Number(year),
      at: { published: true },
    })
      .then((built) => fileOf(built, file))
      .then(
        (body) =>
          res
            .type(file.endsWith('.json') ? 'json' : file.endsWith('.csv') ? 'csv' : 'xlsx')
            .attachment(`${dept}-${year}-${file}`)
            .send(body),
        (err: unknown) => notFoundOr(err, res, next),
      );
  });
}

async function fileOf(built: BuiltDisclosure, file: string): Promise<string | Buffer> {
  if (file === XLSX) return renderXlsx(built.disclosure);
  if (TABLE_CSV.test(file)) return renderCsv(built.disclosure)[file]!;
  return renderFdp(built.facts, referenceFor(built.facts.fiscalYear), {
    phase: 'approved',
    asOfNote: `数据来源：budget-ledger，已公开版本（账本位置 ${built.asOf.position}）。`,
  })[file]!;
}

/** Never published, or no such department: a 404 saying so; anything else is an error. */
function notFoundOr(err: unknown, res: Response, next: NextFunction): void {
  if (err instanceof LedgerError && err.code === 'NOT_FOUND')
    res.status(404).type('text').send(err.message);
  else next(err);
}
