/** Codes adopted from a document (src/domain/reference/adopt.ts), as budget rules. */
import {
  decideAdoption,
  ReferenceIndex,
  shippedReference,
  withAdoptedCodes,
  type AdoptedCode,
  type AdoptReferenceCodes,
} from '../../../src/domain';

const ref = shippedReference(2025);
const code = (c: string, name: string, source = 'doc.txt line 9 (表三)'): AdoptedCode => ({
  classification: 'functional',
  code: c,
  name,
  level: c.length === 5 ? '款' : '项',
  source,
});
const adopt = (codes: AdoptedCode[], fiscalYear = 2025): AdoptReferenceCodes => ({
  type: 'AdoptReferenceCodes',
  data: { fiscalYear, adoptedAt: '2025-01-01', codes },
});
const ruleOf = (f: () => unknown) => {
  try {
    f();
  } catch (err) {
    return (err as { details: { ruleId: string } }).details.ruleId;
  }
  return null;
};

describe('adopting functional codes a document prints', () => {
  it('given a 项 the year lacks under a known 款, when adopted, then one event records it with where it was seen', () => {
    const events = decideAdoption(adopt([code('2010699', '其他财政事务支出')]), ref);
    expect(events).toEqual([
      {
        type: 'ReferenceCodesAdopted',
        schemaVersion: 1,
        data: {
          fiscalYear: 2025,
          adoptedAt: '2025-01-01',
          codes: [code('2010699', '其他财政事务支出')],
        },
      },
    ]);
  });

  it('given a new 款 and its 项 together, the 项 may hang under the 款 adopted with it', () => {
    const events = decideAdoption(
      adopt([code('2019999', '其他一般公共服务支出'), code('20199', '其他一般公共服务支出')]),
      ref,
    );
    expect(events[0]!.data.codes.map((c) => c.code)).toEqual(['20199', '2019999']);
  });

  it('given a code the year has under the same name, nothing is recorded (adopting again is a no-op)', () => {
    expect(decideAdoption(adopt([code('2010601', '行政运行')]), ref)).toEqual([]);
  });

  it("given a code the year has under another name, it is refused: a document does not rename the year's codes", () => {
    expect(ruleOf(() => decideAdoption(adopt([code('2010601', '机关服务')]), ref))).toBe(
      'code.adopt-conflict',
    );
  });

  it.each([
    ['a 项 whose 款 is neither known nor adopted', [code('2019901', '某项')]],
    [
      'a 类 (every 类 is in the lists)',
      [{ ...code('20199', 'x'), code: '299', level: '款' as const }],
    ],
    [
      'a code of the wrong length for its level',
      [{ ...code('2010699', 'x'), level: '款' as const }],
    ],
    ['a code without a name', [code('2010699', ' ')]],
    ['a code without a source', [code('2010699', '其他财政事务支出', '')]],
  ])('refuses %s', (_what, codes) => {
    expect(ruleOf(() => decideAdoption(adopt(codes), ref))).toBe('code.adopt-invalid');
  });

  it('refuses codes for another year than the lists they would join', () => {
    expect(
      ruleOf(() => decideAdoption(adopt([code('2010699', '其他财政事务支出')], 2024), ref)),
    ).toBe('input.invalid');
  });

  it('the lists with adopted codes know them at their level, in code order under their 款, with their provenance', () => {
    const index = new ReferenceIndex(
      withAdoptedCodes(ref.data, [
        code('2010699', '其他财政事务支出'),
        code('20199', '其他一般公共服务支出'),
        code('2019999', '其他一般公共服务支出'),
      ]),
    );
    expect(index.requireCode('functional', '2010699', '项').source).toBe(
      'ADOPTED from doc.txt line 9 (表三)',
    );
    expect(
      index
        .children('functional', '20106')
        .map((e) => e.code)
        .at(-1),
    ).toBe('2010699');
    const under201 = index.data.functional.entries
      .filter((e) => e.code.startsWith('201'))
      .map((e) => e.code);
    expect(under201).toEqual([...under201].sort());
    expect(index.functionalCategories().map((e) => e.code)).toEqual(
      ref.functionalCategories().map((e) => e.code),
    );
    // the year's own lists are not changed
    expect(ref.entry('functional', '2010699')).toBeUndefined();
  });
});
