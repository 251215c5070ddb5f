/**
 * The last fold of each recently used stream, with the version it was folded to. Events are never
 * changed or removed and a stream only grows, so a fold at version v stays true: to bring it up
 * to date, only the events after v are read and folded onto it. This is what keeps a command on a
 * unit-year with thousands of events, or an import into units that already hold large
 * allocations, from re-reading and re-folding the whole stream every time. States are immutable
 * (evolve never mutates), so sharing one between callers is safe. Least recently used first out.
 */
export interface Fold<S> {
  version: bigint;
  state: S;
}

export class FoldCache<S> {
  private readonly folds = new Map<string, Fold<S>>();

  constructor(private readonly capacity: number) {}

  get(streamId: string): Fold<S> | undefined {
    const fold = this.folds.get(streamId);
    if (fold) {
      // Map keeps insertion order: re-inserting marks it most recently used.
      this.folds.delete(streamId);
      this.folds.set(streamId, fold);
    }
    return fold;
  }

  /** Keeps `fold` unless a fold at a later version is already kept (a concurrent caller read further). */
  set(streamId: string, fold: Fold<S>): void {
    const kept = this.folds.get(streamId);
    if (kept && kept.version > fold.version) return;
    this.folds.delete(streamId);
    this.folds.set(streamId, fold);
    if (this.folds.size > this.capacity) this.folds.delete(this.folds.keys().next().value!);
  }
}
