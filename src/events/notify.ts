import type pg from 'pg';

export const LEDGER_CHANNEL = 'ledger_events';

/**
 * Wakes subscribers after appends. NOTIFY is sent after the append's commit, not inside it:
 * PostgreSQL serialises every committing transaction that has issued a NOTIFY (a database-wide
 * lock held through the commit's WAL flush), which would turn concurrent appends into a queue
 * and defeat group commit. A notification is only a hint — subscribers always re-read from their
 * checkpoint, and also poll — so coalescing all appends that finish while one NOTIFY is in
 * flight, or within MIN_INTERVAL_MS after it, into one more NOTIFY loses nothing and keeps the
 * cost at a few statements per second however fast events arrive.
 */
const MIN_INTERVAL_MS = 20;

export class Notifier {
  private inFlight: Promise<void> | null = null;
  private again = false;
  private closed = false;

  constructor(private readonly pool: pg.Pool) {}

  poke(): void {
    if (this.closed) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = this.send();
  }

  private async send(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.pool.query('SELECT pg_notify($1, $2)', [LEDGER_CHANNEL, '']);
      } catch {
        // A lost hint only delays subscribers until their next poll.
      }
      if (this.again && !this.closed) await new Promise((r) => setTimeout(r, MIN_INTERVAL_MS));
    } while (this.again && !this.closed);
    this.inFlight = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.inFlight;
  }
}
