import fc from 'fast-check';
import { canonicalJson } from '../../../src/events/canonical';

describe('canonicalJson: the TypeScript half of the canonical form', () => {
  test('puts every string, keys included, in Unicode NFC', () => {
    const nfd = 'e\u0301'; // e + combining acute
    expect(canonicalJson({ [nfd]: [nfd, { x: nfd }] })).toEqual({ '\u00e9': ['\u00e9', { x: '\u00e9' }] });
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
        const nfd = JSON.parse(JSON.stringify(v, (_k, x) => (typeof x === 'string' ? x.normalize('NFD') : x)));
        expect(JSON.stringify(canonicalJson(nfd))).toBe(JSON.stringify(canonicalJson(JSON.parse(JSON.stringify(v)))));
      }),
      { numRuns: 300 },
    );
  });
});
