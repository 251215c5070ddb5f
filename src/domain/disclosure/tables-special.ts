/**
 * 表十 三公经费, 表十一 机关运行经费, 表十二/十三 项目支出 (本年预算 / 上年结转).
 */
import type { RevenueSource } from '../reference/types';
import { agencyOperatingLine } from './agency-operating';
import {
  carriedOver,
  cell,
  current,
  project,
  source,
  sumLines,
  type Cell,
  type LinePredicate,
} from './amounts';
import { layoutTable, type BuildContext } from './context';
import {
  DEPARTMENT_TOTAL_LABEL,
  SANGONG_ROWS,
  SOURCE_KEYS,
  TOTAL_LABEL,
  sanGongRowCodes,
} from './layout';
import { fiscalSources } from './tables-summary';
import { row, type DisclosureTable, type TableRow } from './table';

function bySource(
  ctx: BuildContext,
  sources: readonly RevenueSource[],
  ...scope: LinePredicate[]
): Record<string, Cell> {
  const out: Record<string, Cell> = {
    total: cell(sumLines(ctx.facts.lines, source(...sources), ...scope), ctx.unit),
  };
  for (const s of sources)
    out[SOURCE_KEYS[s]] = cell(sumLines(ctx.facts.lines, source(s), ...scope), ctx.unit);
  return out;
}

const deptEcon =
  (codes: readonly string[]): LinePredicate =>
  (l) =>
    codes.includes(l.deptEconCode);

/** 表十: 三公 lines paid from 财政拨款, basic and project money alike (the year's 三公 codes). */
export function sanGongTable(ctx: BuildContext): DisclosureTable {
  const sources = fiscalSources(ctx);
  const sanGong = ctx.reference.data.policy.sanGong;
  const rows = SANGONG_ROWS.map((r) => {
    const codes = sanGongRowCodes(sanGong, r.key)!;
    return row(
      'item',
      { item: r.item, ...bySource(ctx, sources, deptEcon(codes)) },
      { key: r.key, code: codes.join('+') },
    );
  });
  rows.push(
    row(
      'total',
      {
        item: TOTAL_LABEL,
        ...bySource(ctx, sources, deptEcon(sanGongRowCodes(sanGong, 'total')!)),
      },
      { key: 'total' },
    ),
  );
  return layoutTable(ctx, 't10', rows);
}

/** The 公用经费 that counts as 机关运行经费 under the jurisdiction's rule. */
export function agencyOperatingScope(ctx: BuildContext): LinePredicate {
  return agencyOperatingLine(ctx.agencyOperating, ctx.facts.units);
}

/** 表十一: 部门合计, then the 部门 (Shanxi) or each unit in scope. */
export function agencyOperatingTable(ctx: BuildContext): DisclosureTable {
  const sources = ctx.agencyOperating.fundSources;
  const scope = agencyOperatingScope(ctx);
  const rows: TableRow[] = [
    row(
      'total',
      { unitName: DEPARTMENT_TOTAL_LABEL, ...bySource(ctx, sources, scope) },
      { key: 'total' },
    ),
  ];
  if (ctx.agencyOperating.rows === 'department') {
    rows.push(
      row(
        'unit',
        { unitName: ctx.facts.department.name, ...bySource(ctx, sources, scope) },
        { key: ctx.facts.department.code },
      ),
    );
  } else {
    for (const u of ctx.facts.units) {
      const cells = bySource(ctx, sources, scope, (l) => l.unitCode === u.code);
      if (cells.total !== null)
        rows.push(row('unit', { unitName: u.name, ...cells }, { key: u.code }));
    }
  }
  return layoutTable(ctx, 't11', rows);
}

/**
 * Per unit with project money in scope: the unit's row, then its projects in registration order.
 */
function projectRows(
  ctx: BuildContext,
  sources: readonly RevenueSource[],
  origin: LinePredicate,
  nameKey: string,
): TableRow[] {
  const rows: TableRow[] = [];
  for (const u of ctx.facts.units) {
    const unitCells = bySource(ctx, sources, origin, project, (l) => l.unitCode === u.code);
    if (unitCells.total === null) continue;
    rows.push(row('unit', { [nameKey]: u.name, ...unitCells }, { key: u.code }));
    for (const p of ctx.facts.projects.filter((x) => x.unitCode === u.code)) {
      const cells = bySource(ctx, sources, origin, (l) => l.projectCode === p.code);
      if (cells.total !== null)
        rows.push(row('project', { [nameKey]: p.name, ...cells }, { key: p.code }));
    }
  }
  return rows;
}

/** 表十二 项目支出预算表（本年预算）: every fund source. */
export const currentProjectsTable = (ctx: BuildContext): DisclosureTable =>
  layoutTable(
    ctx,
    't12',
    projectRows(
      ctx,
      ctx.reference.data.fundSources.map((f) => f.id as RevenueSource),
      current,
      'project',
    ),
  );

/** 表十三 项目支出预算表（上年结转）: 财政拨款 only, as printed. */
export const carriedOverProjectsTable = (ctx: BuildContext): DisclosureTable =>
  layoutTable(ctx, 't13', projectRows(ctx, fiscalSources(ctx), carriedOver, 'project'));
