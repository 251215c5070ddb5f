import type pg from 'pg';
import { DigestError, ledgerDigest } from '../events/integrity';
import type { LedgerMark } from '../export/pdf/document';

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
