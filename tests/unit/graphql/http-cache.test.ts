import { cachedResponse, etagOf, ResponseCache } from '../../../src/graphql/http-cache';

const entry = (bytes: number, fill = 'x') =>
  cachedResponse('x'.repeat(bytes).replace(/x/g, fill), 'text/plain');

describe('ResponseCache', () => {
  test('keeps entries up to its byte budget, least recently used out first', async () => {
    const c = new ResponseCache(100);
    c.put('a', entry(40));
    c.put('b', entry(40));
    await c.peek('a'); // a is now the most recently used
    c.put('c', entry(40)); // 120 > 100: b goes
    expect(c.peek('b')).toBeUndefined();
    expect(c.peek('a')).toBeDefined();
    expect(c.peek('c')).toBeDefined();
    expect(c.size).toEqual({ entries: 2, bytes: 80 });
  });

  test('an entry larger than the budget is not kept; replacing an entry recounts its bytes', () => {
    const c = new ResponseCache(100);
    c.put('big', entry(101));
    expect(c.peek('big')).toBeUndefined();
    c.put('a', entry(60));
    c.put('a', entry(30));
    expect(c.size).toEqual({ entries: 1, bytes: 30 });
    c.clear();
    expect(c.size).toEqual({ entries: 0, bytes: 0 });
  });

  test('concurrent misses build once; a failed build is not kept', async () => {
    const c = new ResponseCache(1000);
    let builds = 0;
    const build = async () => {
      builds++;
      return entry(10);
    };
    const [x, y] = await Promise.all([c.get('k', build), c.get('k', build)]);
    expect(builds).toBe(1);
    expect(x).toBe(y);
    expect(c.size.bytes).toBe(10);
    await expect(c.get('bad', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    await Promise.resolve();
    expect(c.peek('bad')).toBeUndefined();
  });

  test('the ETag is strong and changes with the bytes', () => {
    expect(etagOf('a')).toMatch(/^"[\w-]{32}"$/);
    expect(etagOf('a')).toBe(etagOf(Buffer.from('a')));
    expect(etagOf('a')).not.toBe(etagOf('b'));
    expect(entry(3, 'y').etag).toBe(etagOf('yyy'));
  });
});
