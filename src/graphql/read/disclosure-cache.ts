import type pg from 'pg';
import type { BuiltDisclosure } from '../../app/disclosures';

/**
 * A small bounded cache of built disclosures at published positions. Only immutable points go in
 * (a publication's position was settled when it was recorded: nothing can be added below it), so
 * there is nothing to invalidate; the oldest entry goes when the cache is full. The promise is
 * cached, so concurrent first requests build once; a failed build is not kept.
 */
export class DisclosureCache {
  private readonly entries = new Map<string, Promise<BuiltDisclosure>>();

  constructor(private readonly capacity: number) {}

  get(key: string, build: () => Promise<BuiltDisclosure>): Promise<BuiltDisclosure> {
    const hit = this.entries.get(key);
    if (hit) return hit;
    const p = build();
    p.catch(() => this.entries.delete(key));
    this.entries.set(key, p);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return p;
  }
}

const perPool = new WeakMap<pg.Pool, DisclosureCache>();

/** One cache per database pool: two servers in one process (tests) never share entries. */
export function publishedDisclosures(pool: pg.Pool): DisclosureCache {
  let c = perPool.get(pool);
  if (!c) {
    c = new DisclosureCache(32);
    perPool.set(pool, c);
  }
  return c;
}
