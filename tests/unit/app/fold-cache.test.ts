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
