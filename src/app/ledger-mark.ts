import type pg from 'pg';
import { DigestError, ledgerDigest } from '../events/integrity';
import type { LedgerMark } from '../export/pdf/document';
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
