/**
 * The last fold of each recently used stream, with the version it was folded to. Events are never
 * changed or removed and a stream only grows, so a fold at version v stays true: to bring it up
 * to date, only the events after v are read and folded onto it. This is what keeps a command on a
 * unit-year with thousands of events, or an import into units that already hold large
 * allocations, from re-reading and re-folding the whole stream every time. States are immutable
 * (evolve never mutates), so sharing one between callers is safe.
 *
 * Bounded by weight (a caller-given measure of a state's memory, e.g. its number of lines), least
 * recently used out first; the fold just kept always stays.
 */
export interface Fold<S> {
  version: bigint;
  state: S;
}

export class FoldCache<S> {
  private readonly folds = new Map<string, Fold<S> & { weight: number }>();
  private total = 0;

  constructor(
    private readonly capacity: number,
    private readonly weigh: (state: S) => number = () => 1,
  ) {}

  get(streamId: string): Fold<S> | undefined {
    const fold = this.folds.get(streamId);
    if (!fold) return undefined;
    // Map keeps insertion order: re-inserting marks it most recently used.
    this.folds.delete(streamId);
    this.folds.set(streamId, fold);
    return { version: fold.version, state: fold.state };
  }

  /** Keeps `fold` unless a later fold is already kept (a concurrent caller read further). */
  set(streamId: string, fold: Fold<S>): void {
    const kept = this.folds.get(streamId);
    if (kept && kept.version > fold.version) return;
    if (kept) {
      this.total -= kept.weight;
      this.folds.delete(streamId);
    }
    const weight = Math.max(1, this.weigh(fold.state));
    this.folds.set(streamId, { ...fold, weight });
    this.total += weight;
    for (const [id, f] of this.folds) {
      if (this.total <= this.capacity || id === streamId) break;
      this.folds.delete(id);
      this.total -= f.weight;
    }
  }
}
