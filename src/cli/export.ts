import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';
import type pg from 'pg';
import { loadDisclosure, type DisclosurePoint } from '../app/disclosures';
import { renderCsv, renderJson } from '../domain/disclosure';

export interface ExportOptions {
  unit: string;
  year: number;
  asOf?: string;
  effectiveOn?: string;
  format: 'csv' | 'json';
  out: string;
  moneyUnit?: 'wan-yuan' | 'yuan';
}

/** --as-of: "published", a global position (digits), or an ISO date-time (what the ledger knew then). */
export function parsePoint(asOf: string | undefined, effectiveOn: string | undefined): DisclosurePoint {
  if (effectiveOn !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(effectiveOn)) throw new InvalidArgumentError('--effective-on takes a date, YYYY-MM-DD');
  if (asOf === undefined) return { effectiveOn };
  if (asOf === 'published') return { published: true, effectiveOn };
  if (/^\d+$/.test(asOf)) return { position: BigInt(asOf), effectiveOn };
  const t = new Date(asOf);
  if (Number.isNaN(t.getTime()) || !/^\d{4}-\d{2}-\d{2}T/.test(asOf)) throw new InvalidArgumentError('--as-of takes "published", a position, or an ISO date-time');
  return { recordedAt: t, effectiveOn };
}

/** Writes t01.csv … t13.csv, or disclosure.json, into `out`; returns the files written. */
export async function exportDisclosure(pool: pg.Pool, opts: ExportOptions): Promise<string[]> {
  const built = await loadDisclosure(pool, {
    departmentCode: opts.unit,
    fiscalYear: opts.year,
    at: parsePoint(opts.asOf, opts.effectiveOn),
    moneyUnit: opts.moneyUnit ?? 'wan-yuan',
  });
  fs.mkdirSync(opts.out, { recursive: true });
  const files = opts.format === 'csv' ? renderCsv(built.disclosure) : { 'disclosure.json': `${JSON.stringify(renderJson(built.disclosure, built.report), null, 2)}\n` };
  return Object.entries(files).map(([name, content]) => {
    const file = path.join(opts.out, name);
    fs.writeFileSync(file, content, 'utf8');
    return file;
  });
}
