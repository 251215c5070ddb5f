/**
 * From the pure builder's output (src/domain/disclosure) to the GraphQL types: shapes only, no
 * figures computed.
 */
import type { Finding, PerformanceForms as DomainForms } from '../../domain/disclosure';
import { toGeneric, type DisclosureTable as DomainTable } from '../../domain/disclosure';
import type { StateAssets as DomainAssets, TargetForm as DomainTargetForm } from '../../domain';
import type { ConsistencyFinding } from './consistency-finding.type';
import type { DisclosureTable, DisclosureTableId } from './disclosure-table.type';
import type { StateAssets } from './state-assets.type';
import type { PerformanceForms } from './performance-form.type';
import type { TargetForm } from './target-form.type';

export function mapTable(t: DomainTable): DisclosureTable {
  const textKeys = t.columns.filter((c) => c.kind === 'text' && c.key !== 'code').map((c) => c.key);
  return {
    id: t.id as DisclosureTableId,
    label: t.label,
    title: t.title,
    unitName: t.unitName,
    moneyUnit: t.moneyUnit,
    headerRows: t.headerRows,
    columns: t.columns,
    rows: t.rows.map((r) => ({
      role: r.role,
      key: r.key,
      code: r.code,
      level: r.level,
      name: textKeys.map((k) => r.cells[k]).find((v) => v != null && v !== '') ?? null,
      cells: t.columns.map((c) => ({ column: c.key, value: r.cells[c.key] ?? null })),
    })),
    note: t.note,
    generic: toGeneric(t),
  };
}

const mapForm = (f: DomainTargetForm): TargetForm => ({
  goal: f.goal,
  indicators: f.indicators.map((i) => ({ ...i, annual: i.annual ?? null })),
  details: Object.entries(f.details).map(([key, value]) => ({ key, value })),
});

export function mapForms(p: DomainForms): PerformanceForms {
  return {
    unit: p.unit && { ...p.unit, form: mapForm(p.unit.form) },
    projects: p.projects.map((f) => ({ ...f, form: mapForm(f.form) })),
  };
}

export const mapFinding = (f: Finding): ConsistencyFinding => ({
  ...f,
  cells: f.cells.map((c) => ({ ...c })),
});

export function mapAssets(a: DomainAssets): StateAssets {
  return {
    ...a,
    vehicles: {
      establishment: a.vehicles.establishment,
      actual: a.vehicles.actual,
      byUse: Object.entries(a.vehicles.byUse).map(([use, count]) => ({ use, count })),
    },
  };
}
