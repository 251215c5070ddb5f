import { FoldCache } from '../../../src/app/fold-cache';

describe('FoldCache', () => {
  it('keeps the most recently used folds up to its capacity', () => {
    const cache = new FoldCache<string>(2);
    cache.set('a', { version: 1n, state: 'a1' });
    cache.set('b', { version: 1n, state: 'b1' });
    expect(cache.get('a')?.state).toBe('a1'); // a is now the most recently used
    cache.set('c', { version: 1n, state: 'c1' });
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')?.state).toBe('a1');
    expect(cache.get('c')?.state).toBe('c1');
  });

  it('never replaces a fold with one at an earlier version (a slower concurrent reader)', () => {
    const cache = new FoldCache<string>(2);
    cache.set('a', { version: 5n, state: 'a5' });
    cache.set('a', { version: 3n, state: 'a3' });
    expect(cache.get('a')).toEqual({ version: 5n, state: 'a5' });
    cache.set('a', { version: 6n, state: 'a6' });
    expect(cache.get('a')).toEqual({ version: 6n, state: 'a6' });
  });
});

describe('FoldCache by weight', () => {
  it('drops the least recently used folds until the weights fit, but always keeps the one just set', () => {
    const cache = new FoldCache<number>(10, (n) => n);
    cache.set('a', { version: 1n, state: 4 });
    cache.set('b', { version: 1n, state: 4 });
    cache.get('a');
    cache.set('c', { version: 1n, state: 4 }); // 12 > 10: b (least recently used) goes
    expect([cache.get('a')?.state, cache.get('b'), cache.get('c')?.state]).toEqual([
      4,
      undefined,
      4,
    ]);
    cache.set('d', { version: 1n, state: 50 }); // heavier than everything: kept alone
    expect([cache.get('a'), cache.get('c'), cache.get('d')?.state]).toEqual([
      undefined,
      undefined,
      50,
    ]);
  });
});
