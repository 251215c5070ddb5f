import type pg from 'pg';

export interface RebuildResult {
  postings: number;
  factVersions: number;
}

/**
 * Rebuilds every read model from the log, with the same SQL functions the live trigger uses
 * (ledger_line_postings_of, ledger_posting_set_of, ledger_facts_of), in one transaction: readers
 * see the old read models until it commits. Needs the owner's rights (the service role may not
 * delete read-model rows).
 */
export async function rebuildProjections(ownerPool: pg.Pool): Promise<RebuildResult> {
  const client = await ownerPool.connect();
  try {
    await client.query('BEGIN');
    // Writers append while we rebuild; block them for the duration so nothing is projected twice.
    await client.query('LOCK TABLE events IN SHARE MODE');
    await client.query('TRUNCATE line_postings, posting_sets, fact_versions');
    const p = await client.query(
      'INSERT INTO line_postings SELECT x.* FROM events e, LATERAL ledger_line_postings_of(e) x',
    );
    // A posting set stands for its event's lines (the postings view unnests them): count those.
    const s = await client.query<{ lines: number }>(
      'INSERT INTO posting_sets SELECT x.* FROM events e, LATERAL ledger_posting_set_of(e) x RETURNING line_count AS lines',
    );
    const f = await client.query(
      'INSERT INTO fact_versions SELECT x.* FROM events e, LATERAL ledger_facts_of(e) x',
    );
    await client.query('COMMIT');
    return {
      postings: (p.rowCount ?? 0) + s.rows.reduce((n, r) => n + r.lines, 0),
      factVersions: f.rowCount ?? 0,
    };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}
