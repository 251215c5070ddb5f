/**
 * The disclosure: facts → 13 tables, explanation, forms; consistency report; CSV/JSON renderers.
 * See docs/disclosure.md.
 */
export * from './facts';
export type { Cell } from './amounts';
export * from './table';
export {
  SHANXI_LAYOUT,
  SOURCE_KEYS,
  SANGONG_ROWS,
  sanGongRowCodes,
  type TableLayout,
} from './layout';
export { buildDisclosure, type Disclosure, type Explanation } from './build';
export {
  agencyOperatingKinds,
  agencyOperatingLine,
  agencyOperatingRule,
  agencyOperatingUnits,
} from './agency-operating';
export type { ChangeFigure, ShareItem, Direction } from './figures';
export type { PerformanceForms, ProjectFormOut, UnitFormOut } from './performance';
export { checkDisclosure, checkFigures, figuresOf, type ConsistencyReport } from './check';
export type { Finding, FigureSet, CellRef } from './check-core';
export { renderCsv, renderJson, csvField, csvRecord, type DisclosureJson } from './render';
