import fc from 'fast-check';
import { canonicalJson, canonicalJsonText, toNfc } from '../../../src/events/canonical';

describe('canonicalJson: the TypeScript half of the canonical form', () => {
  test('puts every string, keys included, in Unicode NFC', () => {
    const nfd = 'e\u0301'; // e + combining acute
    expect(canonicalJson({ [nfd]: [nfd, { x: nfd }] })).toEqual({
      '\u00e9': ['\u00e9', { x: '\u00e9' }],
    });
  });

  test('leaves CJK, quotes, backslashes and money strings untouched', () => {
    const v = { name: '汾阳市行政审批服务管理局', q: 'say "hi" \\ ok', amount: '753249.60' };
    expect(canonicalJson(v)).toEqual(v);
  });

  test('drops undefined properties as JSON does, and refuses NaN', () => {
    expect(canonicalJson({ a: 1, b: undefined })).toEqual({ a: 1 });
    expect(() => canonicalJson({ a: Number.NaN })).toThrow(/NaN/);
  });

  test('is idempotent and NFC-invariant for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const once = canonicalJson(v);
        expect(canonicalJson(once)).toEqual(once);
        // The NFD spelling of the same value canonicalises to the same thing.
        const nfd = JSON.parse(
          JSON.stringify(v, (_k, x) => (typeof x === 'string' ? x.normalize('NFD') : x)),
        );
        expect(JSON.stringify(canonicalJson(nfd))).toBe(
          JSON.stringify(canonicalJson(JSON.parse(JSON.stringify(v)))),
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('canonicalJsonText: the append path builds the same text the cheap way', () => {
  test('is the JSON text of canonicalJson for any JSON value, NFD spellings included', () => {
    const value = fc.jsonValue({ maxDepth: 3, stringUnit: 'binary' });
    fc.assert(
      fc.property(value, fc.boolean(), (v, decompose) => {
        const input = decompose
          ? JSON.parse(
              JSON.stringify(v, (_k, x) => (typeof x === 'string' ? x.normalize('NFD') : x)),
            )
          : v;
        // The reference form: JSON.stringify(canonicalJson(v)). Compared parsed, so that keys that
        // become equal under NFC compare as jsonb (and JSON.parse) see them: the last one wins.
        expect(JSON.parse(canonicalJsonText(input))).toEqual(
          JSON.parse(JSON.stringify(canonicalJson(input))),
        );
      }),
      { numRuns: 1000 },
    );
  });

  test('toNfc is normalize("NFC") for any text: composed, decomposed, Latin-1, CJK, astral', () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.string({
        unit: fc.constantFrom(
          'e',
          'A',
          '\u00e9',
          '\u0301',
          '\u0308',
          '\u00ff',
          '\u212b',
          '\u0340',
          '项',
          '\u1100',
          '\u1161',
          '\u{1d15e}',
        ),
      }),
    );
    fc.assert(
      fc.property(text, (t) => expect(toNfc(t)).toBe(t.normalize('NFC'))),
      { numRuns: 2000 },
    );
  });

  test('keeps a "__proto__" key as data, in both forms', () => {
    const v = JSON.parse('{"__proto__": {"x": "1.00"}}');
    expect(canonicalJsonText(v)).toBe('{"__proto__":{"x":"1.00"}}');
    expect(JSON.stringify(canonicalJson(v))).toBe('{"__proto__":{"x":"1.00"}}');
  });

  test('refuses NaN and Infinity like canonicalJson, and keeps nulls', () => {
    expect(() => canonicalJsonText({ a: [1, Number.POSITIVE_INFINITY] })).toThrow(
      /NaN or Infinity/,
    );
    expect(() => canonicalJsonText({ a: { b: Number.NaN } })).toThrow(/NaN or Infinity/);
    expect(canonicalJsonText({ a: null, 'e\u0301': 'nullable' })).toBe(
      '{"a":null,"\u00e9":"nullable"}',
    );
  });
});
