/** The pure budget domain's public API. See docs/domain.md. */
export * as Money from './money';
export type { Yuan } from './money';
export * from './rules/catalogue';
export * from './rules/errors';
export * from './reference/types';
export { ReferenceIndex, type Classification } from './reference/lookup';
export { shippedReference, shippedReferenceData, shippedYears } from './reference/registry';
export { ReferenceLists } from './reference/lists';
export * from './reference/adopt';
export * from './policy/types';
export * from './policy/sangong';
export {
  enforcePolicy,
  policyViolations,
  type PolicySubject,
  type AdjustmentType,
} from './policy/engine';
export * from './budget/line';
export * from './budget/events';
export * from './budget/commands';
export * from './budget/state';
export { storedData, upcast, upcastLines } from './budget/schema';
export {
  decide,
  tryDecide,
  type DecideInputs,
  type DecideResult,
  type PublicationSubject,
} from './budget/decide';
export * from './publication';
export * from './unit/unit';
export * from './streams';
