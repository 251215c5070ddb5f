/** The publication gate: rules as data per year, checked before a disclosure is published. */
export * from './types';
export {
  enforcePublicationGate,
  gateVerdict,
  publicationFindings,
  GATE_CHECKS,
  type GateVerdict,
} from './gate';
