/** The shipped policy rule sets: every rule's id is the one named next to its interpreter. */
import { shippedReferenceData, shippedYears } from '../../../src/domain';
import { INTERPRETERS } from '../../../src/domain/policy/engine';

describe.each(shippedYears())('policy.json of %i', (year) => {
  const { rules } = shippedReferenceData(year).policy;

  it('gives each rule the id INTERPRETERS names for its kind, one rule per kind', () => {
    expect(rules.map((r) => [r.kind, r.id])).toEqual(
      Object.entries(INTERPRETERS).map(([kind, i]) => [kind, i.shipped]),
    );
  });
});
