/**
 * Which budget lines make up one printed cell: (table, row, column) → a PostingScope, the SQL
 * image of the line predicate the disclosure builder applies to that cell (src/domain/disclosure,
 * tables-*.ts). The builder keeps its predicates private, so this file restates them per table;
 * the provenance query then checks the restated scope against the printed figure (the sum of the
 * lines must round to the cell), so a drift between the two shows up as `matchesCell: false`.
 */
import type { FundSource, ReferenceIndex } from '../../domain';
import {
  agencyOperatingKinds,
  agencyOperatingUnits,
  SOURCE_KEYS,
  sanGongRowCodes,
  TABLE_IDS,
  type Cell,
  type Disclosure,
  type DisclosureFacts,
  type TableId,
  type TableRow,
} from '../../domain/disclosure';
import { BadInputError, NotFoundError } from '../../domain/errors';
import type { PostingScope } from '../../projections/audit-provenance';

export type CellScope = Omit<PostingScope, 'unitCodes'> & { unitCodes?: readonly string[] };

export interface ResolvedCell {
  table: TableId;
  row: TableRow;
  column: string;
  cell: Cell;
  scope: PostingScope;
}

const SOURCE_BY_KEY = Object.fromEntries(
  Object.entries(SOURCE_KEYS).map(([s, k]) => [k, s as FundSource]),
) as Record<string, FundSource>;
const BASIC: CellScope = { kinds: ['personnel', 'public'] };
const CURRENT: CellScope = { origin: 'current' };
const CARRIED: CellScope = { origin: 'carry-over' };

/** Every restriction of each part holds: lists intersect, single values must agree. */
function merge(...parts: CellScope[]): CellScope {
  const out: CellScope = {};
  const lists = ['fundSources', 'kinds', 'deptEconCodes', 'unitCodes'] as const;
  for (const p of parts) {
    for (const k of lists) {
      const v = p[k] as readonly string[] | undefined;
      if (v)
        (out as Record<string, readonly string[]>)[k] = out[k]
          ? (out[k] as readonly string[]).filter((x) => v.includes(x))
          : v;
    }
    for (const k of [
      'origin',
      'functionalPrefix',
      'deptEconPrefix',
      'govEconCode',
      'projectCode',
    ] as const) {
      const v = p[k];
      // Two different single values cannot both hold: an empty list makes the scope match nothing.
      if (v !== undefined && out[k] !== undefined && out[k] !== v) out.kinds = [];
      else if (v !== undefined) (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

const unmappable = (table: string, row: string, column: string, why: string) =>
  new NotFoundError(`cell ${table}/${row}/${column} is not made of budget lines: ${why}`, {
    table,
    row,
    column,
  });

/**
 * A fund-source column (`generalPublicBudget`, …) restricted to `allowed`, or `total`/`subtotal`.
 */
function sourceColumn(column: string, allowed: readonly FundSource[]): CellScope | null {
  if (column === 'total' || column === 'subtotal') return { fundSources: allowed };
  const s = SOURCE_BY_KEY[column];
  return s ? { fundSources: allowed.filter((x) => x === s) } : null;
}

type Mapper = (
  row: TableRow,
  column: string,
  ctx: { fiscal: FundSource[]; all: FundSource[]; disclosure: Disclosure; facts: DisclosureFacts },
) => CellScope | null;

/** Tables 2, 3, 5, 7, 8, 9: 合计 or a 类/款/项 row, columns by kind, fund source or origin. */
const functional =
  (base: CellScope): Mapper =>
  (row, column) => {
    const prefix: CellScope =
      row.role === 'class' && row.code ? { functionalPrefix: row.code } : {};
    const byColumn: Record<string, CellScope> = {
      total: {},
      amount: {},
      revenue: {},
      expenditureTotal: {},
      basic: BASIC,
      project: { kinds: ['project'] },
      carriedOver: CARRIED,
    };
    const col =
      byColumn[column] ??
      (SOURCE_BY_KEY[column]
        ? { fundSources: [SOURCE_BY_KEY[column]!], origin: 'current' as const }
        : null);
    return col && merge(base, prefix, col);
  };

/**
 * Tables 1 and 4: revenue by source on the left, expenditure by 类 on the right, fixed total rows.
 */
const summary =
  (fiscalOnly: boolean): Mapper =>
  (row, column, ctx) => {
    const base: CellScope = fiscalOnly ? { fundSources: ctx.fiscal } : {};
    if (column === 'revenueAmount') {
      const key = row.key ?? '';
      if (key.startsWith('revenue.'))
        return merge(base, { fundSources: [key.slice(8) as FundSource] }, CURRENT);
      if (key.startsWith('carryover.'))
        return merge(base, { fundSources: [key.slice(10) as FundSource] }, CARRIED);
      return (
        { currentYear: merge(base, CURRENT), carryover: merge(base, CARRIED), grandTotal: base }[
          key
        ] ?? null
      );
    }
    // The 年终结转 row's expenditure side is not in the ledger yet (decided at year end).
    if (row.key === 'carryover' || row.key?.startsWith('carryover.')) return null;
    const prefix: CellScope =
      row.role === 'item' ? (row.code ? { functionalPrefix: row.code } : { kinds: [] }) : {};
    const col = fiscalOnly
      ? sourceColumn(column, ctx.fiscal)
      : ({ total: {}, currentYear: CURRENT, carriedOver: CARRIED } as Record<string, CellScope>)[
          column
        ];
    return col ? merge(base, prefix, col) : null;
  };

/** Table 6: general-public, current, basic money by (department 款, government 款). */
const economic: Mapper = (row, column) => {
  const base = merge({ fundSources: ['general-public'] }, CURRENT, BASIC);
  const col = (
    { total: {}, personnel: { kinds: ['personnel'] }, public: { kinds: ['public'] } } as Record<
      string,
      CellScope
    >
  )[column];
  if (!col) return null;
  if (row.role === 'group') return merge(base, { deptEconPrefix: row.code ?? '' }, col);
  if (row.role === 'item') {
    const [dept, gov] = (row.key ?? '').split('/');
    return merge(base, { deptEconCodes: [dept!], govEconCode: gov }, col);
  }
  return merge(base, col);
};

/** Table 10: 三公 economic codes, 财政拨款, basic and project money alike. */
const sanGong: Mapper = (row, column, ctx) => {
  const codes = sanGongRowCodes(ctx.disclosure.sanGong, row.key);
  const col = sourceColumn(column, ctx.fiscal);
  return codes && col ? merge({ deptEconCodes: codes }, col) : null;
};

/** Table 11: 公用经费 of the units in the 机关运行经费 scope, from the rule the disclosure used. */
const agencyOperating: Mapper = (row, column, ctx) => {
  const rule = ctx.disclosure.agencyOperatingRule;
  const units = agencyOperatingUnits(rule, ctx.facts.units);
  const perUnit = row.role === 'unit' && rule.rows === 'per-unit' ? [row.key ?? ''] : units;
  const col = sourceColumn(column, rule.fundSources);
  const codes = rule.deptEconCodes === null ? {} : { deptEconCodes: rule.deptEconCodes };
  return (
    col &&
    merge(
      { kinds: agencyOperatingKinds(rule), unitCodes: units, ...codes },
      { unitCodes: perUnit },
      col,
    )
  );
};

/** Tables 12 and 13: a unit's project money, or one project's. */
const projects =
  (origin: CellScope, sources: (ctx: Parameters<Mapper>[2]) => FundSource[]): Mapper =>
  (row, column, ctx) => {
    const col = sourceColumn(column, sources(ctx));
    if (!col) return null;
    const who: CellScope =
      row.role === 'unit'
        ? { unitCodes: [row.key ?? ''], kinds: ['project'] }
        : { projectCode: row.key ?? '' };
    return merge(origin, who, col);
  };

const MAPPERS: Record<TableId, Mapper> = {
  t01: summary(false),
  t02: functional({}),
  t03: functional({}),
  t04: summary(true),
  t05: functional({ fundSources: ['general-public'], origin: 'current' }),
  t06: economic,
  t07: functional({ fundSources: ['government-fund'], origin: 'current' }),
  t08: functional({ fundSources: ['government-fund'], origin: 'current' }),
  t09: functional({ fundSources: ['state-capital'], origin: 'current' }),
  t10: sanGong,
  t11: agencyOperating,
  t12: projects(CURRENT, (c) => c.all),
  t13: projects(CARRIED, (c) => c.fiscal),
};

/**
 * Finds the row (by semantic key, else by classification code) and maps the cell to its lines;
 * `reference`: the year's lists the disclosure was built with.
 */
export function resolveCell(
  disclosure: Disclosure,
  facts: DisclosureFacts,
  reference: ReferenceIndex,
  table: string,
  rowRef: string,
  column: string,
): ResolvedCell {
  if (!(TABLE_IDS as readonly string[]).includes(table))
    throw new BadInputError(`table must be one of ${TABLE_IDS.join(', ')}`, { table });
  const t = disclosure.tables[table as TableId];
  const row = t.rows.find((r) => r.key === rowRef) ?? t.rows.find((r) => r.code === rowRef);
  if (!row)
    throw new NotFoundError(
      `table ${table} has no row "${rowRef}" (rows with no money are not printed)`,
      { table, row: rowRef },
    );
  const spec = t.columns.find((c) => c.key === column);
  if (!spec || spec.kind !== 'amount') {
    const amounts = t.columns.filter((c) => c.kind === 'amount').map((c) => c.key);
    throw new BadInputError(`column must be an amount column of ${table}: ${amounts.join(', ')}`, {
      table,
      column,
    });
  }
  const all = reference.data.fundSources.map((f) => f.id as FundSource);
  const fiscal = reference.data.fundSources
    .filter((f) => f.fiscalAppropriation)
    .map((f) => f.id as FundSource);
  const scope = MAPPERS[table as TableId](row, column, { fiscal, all, disclosure, facts });
  if (!scope) throw unmappable(table, rowRef, column, 'no line predicate feeds it');
  const departmentUnits = facts.units.map((u) => u.code);
  return {
    table: table as TableId,
    row,
    column,
    cell: row.cells[column] ?? null,
    scope: { ...scope, unitCodes: scope.unitCodes ?? departmentUnits },
  };
}
