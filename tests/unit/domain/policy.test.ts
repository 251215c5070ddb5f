/** The shipped policy rule sets: every rule's id is the one named next to its interpreter. */
import { referenceFor, referenceYears } from '../../../src/domain';
import { INTERPRETERS } from '../../../src/domain/policy/engine';

describe.each(referenceYears())('policy.json of %i', (year) => {
  const { rules } = referenceFor(year).data.policy;

  it('gives each rule the id INTERPRETERS names for its kind, one rule per kind', () => {
    expect(rules.map((r) => [r.kind, r.id])).toEqual(
      Object.entries(INTERPRETERS).map(([kind, i]) => [kind, i.shipped]),
    );
  });
});
