/** What every table builder needs: the facts, the year's reference data, the unit and the rules. */
import type { ReferenceIndex } from '../reference/lookup';
import type { AgencyOperatingRule, BuildOptions, DisclosureFacts, MoneyUnit } from './facts';
import { moneyUnitLabel } from './amounts';
import { SHANXI_LAYOUT } from './layout';
import {
  EMPTY_TABLE_NOTE,
  hasNoAmounts,
  type DisclosureTable,
  type TableId,
  type TableRow,
} from './table';

export interface BuildContext {
  facts: DisclosureFacts;
  reference: ReferenceIndex;
  unit: MoneyUnit;
  agencyOperating: AgencyOperatingRule;
  options: BuildOptions;
}

export const withYear = (template: string, year: number): string =>
  template.replaceAll('{year}', String(year));

/** A table of the layout with its rows; an empty table gets the note 本表无数据. */
export function layoutTable(ctx: BuildContext, id: TableId, rows: TableRow[]): DisclosureTable {
  const layout = SHANXI_LAYOUT[id];
  const year = ctx.facts.fiscalYear;
  const columns = layout.columns.map((c) => ({ ...c, title: withYear(c.title, year) }));
  return {
    id,
    label: layout.label,
    title: withYear(layout.title, year),
    unitName: ctx.facts.department.name,
    moneyUnit: moneyUnitLabel(ctx.unit),
    headerRows: layout.headerRows.map((r) => r.map((h) => withYear(h, year))),
    columns,
    rows,
    note: hasNoAmounts(columns, rows) ? EMPTY_TABLE_NOTE : null,
  };
}
