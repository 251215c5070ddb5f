/** Interchange: reading published disclosures (PDF-extracted text). See docs/interchange.md. */
export { parseDisclosure } from './parse';
export { toFigureSet } from './figure-set';
export { checkPublished } from './check';
export { reportText, findingText } from './report';
export { PUBLISHED_RULES, CROSS_CLASSIFICATION } from './published-rules';
export type {
  ParsedDisclosure,
  ParsedTable,
  Issue,
  NarrativeFigure,
  ProjectForm,
  Layout,
} from './types';
export {
  overviewUnits,
  formDetails,
  statedSanGong,
  type OverviewUnits,
  type FormDetails,
  type StatedSanGong,
} from './document-text';
export { finalAccountsOf, finalAccountsMessage, type FinalAccounts } from './document-kind';
