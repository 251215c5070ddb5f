import type pg from 'pg';
import { DigestError, ledgerDigest } from '../events/integrity';
import type { LedgerMark } from '../export/pdf/document';
import { lastRecordedAt, type AsOf } from '../projections/as-of';
import { publicationAt } from '../projections/fact-versions';

/**
 * The ledger position a document shows and the ledger digest there, for its last page. A
 * position not settled yet (or not an event's) has no final digest: the document then prints the
 * position alone rather than fail.
 */
export async function ledgerMark(
  pool: pg.Pool,
  position: bigint | undefined,
): Promise<LedgerMark | null> {
  if (position === undefined) return null;
  try {
    return { position: String(position), digest: (await ledgerDigest(pool, position)).digest };
  } catch (err) {
    if (err instanceof DigestError) return { position: String(position), digest: null };
    throw err;
  }
}

/**
 * The date of the publication that recorded `position` (midnight in China, UTC+8), as a PDF's
 * creation date: a publication's document is then the same bytes whenever it is rendered.
 */
export async function publicationDate(
  pool: pg.Pool,
  departmentCode: string,
  fiscalYear: number,
  position: bigint | undefined,
): Promise<Date | undefined> {
  if (position === undefined) return undefined;
  const p = await publicationAt(pool, departmentCode, fiscalYear, position);
  return p ? new Date(`${p.publishedAt}T00:00:00+08:00`) : undefined;
}

/**
 * A document's date, from its point and never from the clock, so the same point renders the same
 * bytes: a publication's date when the document is a publication, otherwise when the ledger
 * recorded the last event inside the point.
 */
export async function documentDate(
  pool: pg.Pool,
  departmentCode: string,
  fiscalYear: number,
  asOf: AsOf,
  published: boolean,
): Promise<Date | undefined> {
  const publication = published
    ? await publicationDate(pool, departmentCode, fiscalYear, asOf.position)
    : undefined;
  return publication ?? (await lastRecordedAt(pool, asOf)) ?? undefined;
}
