/**
 * given(events).when(command).then(events | refusal): specifications a budget officer can read.
 * `given` folds the history, `when` decides the command, `then` compares the decision with the
 * expected events, or with the rule that must refuse it (and checks the state did not change).
 */
import { isRuleError, type RuleError } from '../../../../src/domain/rules/errors';

export type Refusal = { refusedBy: string; code?: string; details?: Record<string, unknown> };

/** The expected refusal: the rule id, and optionally the error code and details to match. */
export const refusedBy = (
  ruleId: string,
  details?: Record<string, unknown>,
  code?: string,
): Refusal => ({ refusedBy: ruleId, details, code });

export interface Decider<C, E, S> {
  decide: (command: C, state: S) => E[];
  evolve: (state: S, event: E) => S;
  initialState: () => S;
}

function decideOrError<C, E, S>(
  decider: Decider<C, E, S>,
  command: C,
  state: S,
): { events: E[] } | { error: RuleError } {
  try {
    return { events: decider.decide(command, state) };
  } catch (error) {
    if (isRuleError(error)) return { error };
    throw error;
  }
}

export function specification<C, E, S>(decider: Decider<C, E, S>) {
  return (history: E[]) => ({
    when: (command: C) => {
      const state = history.reduce(decider.evolve, decider.initialState());
      const before = JSON.stringify(state);
      const outcome = decideOrError(decider, command, state);
      return {
        then(expected: E[] | Refusal): void {
          // Deciding never mutates the state it was given, accepted or refused.
          expect(JSON.stringify(state)).toBe(before);
          if (Array.isArray(expected)) {
            if ('error' in outcome)
              throw new Error(
                `expected events, got ${outcome.error.code} ${String(outcome.error.details.ruleId)}: ${outcome.error.message}`,
              );
            expect(outcome.events).toEqual(expected);
            return;
          }
          if ('events' in outcome)
            throw new Error(
              `expected refusal by ${expected.refusedBy}, got ${JSON.stringify(outcome.events.map((e) => (e as { type: string }).type))}`,
            );
          expect(outcome.error.details.ruleId).toBe(expected.refusedBy);
          if (expected.code) expect(outcome.error.code).toBe(expected.code);
          if (expected.details) expect(outcome.error.details).toMatchObject(expected.details);
        },
        /** For events with generated parts: a predicate over the decided events. */
        thenEvents(check: (events: E[]) => void): void {
          if ('error' in outcome) throw new Error(`expected events, got ${outcome.error.message}`);
          check(outcome.events);
        },
      };
    },
  });
}
