/**
 * Body rows of a printed table → the generic rows the checker reads: role (total, class, group,
 * item, unit, project), classification code and semantic key, cells in column order with amounts
 * normalised. Each family of tables has its reader; a row none can place is reported.
 */
import type { Cell, RowRole } from '../domain/disclosure';
import { SANGONG_ROWS, sanGongRowCodes } from '../domain/disclosure';
import { normaliseAmount, normaliseName } from './amounts';
import type { Family } from './catalogue';
import type { CodeBook } from './codes';
import { withoutOrdinal } from './codes';
import type { Columns } from './header';
import type { DocLine } from './lines';
import type { Issue } from './types';

export interface Row {
  role: RowRole;
  code: string | null;
  key: string | null;
  cells: Cell[];
  line: number;
}

export interface RowContext {
  columns: Columns;
  codes: CodeBook;
  /** The table's 单位名称 and other unit names known from the document (table 11). */
  unitNames: Set<string>;
  issues: Issue[];
}

const FUND_SOURCE_NAMES: [RegExp, string][] = [
  [/^一般公共预算(资金|拨款)?$/, 'general-public'],
  [/^政府性基金(预算)?$/, 'government-fund'],
  [/^国有资本经营预算$/, 'state-capital'],
  [/^财政专户管理资金$/, 'special-account'],
  [/^单位资金$/, 'unit-funds'],
];
const sourceOf = (label: string): string | null =>
  FUND_SOURCE_NAMES.find(([re]) => re.test(withoutOrdinal(label)))?.[1] ?? null;

/** Cells in column order: amounts normalised, unreadable amounts reported and left empty. */
function cellsOf(line: DocLine, ctx: RowContext): Cell[] {
  return ctx.columns.keys.map((key, i) => {
    const raw = (line.cells![i] ?? '').trim();
    if (raw === '') return null;
    if (ctx.columns.kinds[i] !== 'amount') return raw;
    const value = normaliseAmount(raw);
    if (value === null)
      ctx.issues.push({
        line: line.no,
        severity: 'warning',
        message: `column ${key}: "${raw}" is not an amount`,
      });
    return value;
  });
}

const get = (cells: Cell[], ctx: RowContext, key: string): string => {
  const i = ctx.columns.keys.indexOf(key);
  return i < 0 ? '' : (cells[i] ?? '');
};
const hasAmount = (cells: Cell[], ctx: RowContext): boolean =>
  cells.some((c, i) => c !== null && ctx.columns.kinds[i] === 'amount');
const isTotal = (label: string): boolean => /^(部门)?合计$|^总计$/.test(label.trim());

function functional(line: DocLine, cells: Cell[], ctx: RowContext): Row | null {
  const parts = ['code.类', 'code.款', 'code.项']
    .map((k) => get(cells, ctx, k))
    .filter((p) => p !== '');
  const code = parts.length > 0 ? parts.join('') : get(cells, ctx, 'code');
  const first = (line.cells!.find((c) => c !== '') ?? '').trim();
  if (isTotal(first)) return { role: 'total', code: null, key: 'total', cells, line: line.no };
  if (/^\d{3}(\d{2}){0,2}$/.test(code))
    return { role: 'class', code, key: null, cells, line: line.no };
  return null;
}

function economic(
  line: DocLine,
  cells: Cell[],
  ctx: RowContext,
  group: { code: string | null },
): Row | null {
  const [classCode, itemCode] = [get(cells, ctx, 'code.类'), get(cells, ctx, 'code.款')];
  const name = get(cells, ctx, 'departmentEconomicClass');
  const gov = get(cells, ctx, 'governmentEconomicClass');
  if (isTotal(name) || isTotal(classCode))
    return { role: 'total', code: null, key: 'total', cells, line: line.no };
  if (/^\d{3}$/.test(classCode)) {
    // Printed codes (Shanghai): 类 alone is a group, 类 + 款 an item.
    if (itemCode === '')
      return (
        (group.code = classCode),
        { role: 'group', code: classCode, key: null, cells, line: line.no }
      );
    return {
      role: 'item',
      code: classCode + itemCode,
      key: classCode + itemCode,
      cells,
      line: line.no,
    };
  }
  if (name === '') return null;
  if (gov === '') {
    // A group row (部门经济 类) prints no government class; its code comes from the name.
    group.code = ctx.codes.economicClass(name) ?? `?${name}`;
    if (group.code.startsWith('?'))
      ctx.issues.push({
        line: line.no,
        severity: 'warning',
        message: `economic class "${name}" not in the reference data; rows below it are grouped under it by position`,
      });
    return { role: 'group', code: group.code, key: null, cells, line: line.no };
  }
  const code = ctx.codes.economicItem(group.code, name);
  if (code === null)
    ctx.issues.push({
      line: line.no,
      severity: 'info',
      message: `economic item "${name}" not in the reference data; kept under its group by position`,
    });
  const own = code ?? `${group.code ?? '?'}:${name}`;
  return { role: 'item', code: own, key: `${own}/${gov}`, cells, line: line.no };
}

function twoSided(
  line: DocLine,
  cells: Cell[],
  ctx: RowContext,
  state: { carryover: boolean },
): Row {
  const revenue = get(cells, ctx, 'revenueItem');
  const expenditure = get(cells, ctx, 'expenditureItem');
  const code = expenditure === '' ? null : ctx.codes.functionalClass(expenditure);
  if (expenditure !== '' && code === null && !/合计|总计|结转/.test(expenditure)) {
    ctx.issues.push({
      line: line.no,
      severity: 'warning',
      message: `expenditure item "${expenditure}" is not a known functional 类`,
    });
  }
  const totals: [RegExp, string][] = [
    [/^本年收入合计$/, 'currentYear'],
    [/^(上年(财政拨款)?结转)$/, 'carryover'],
    [/^收入总计$/, 'grandTotal'],
  ];
  const total = totals.find(([re]) => re.test(revenue.trim()))?.[1];
  if (total) {
    state.carryover = total === 'carryover';
    return { role: 'total', code: null, key: total, cells, line: line.no };
  }
  const source = revenue === '' ? null : sourceOf(revenue);
  // Sources printed under 上年财政拨款结转 break the carry-over down (table 4).
  const key =
    source === null
      ? revenue === ''
        ? null
        : `revenue:${withoutOrdinal(revenue)}`
      : `${state.carryover ? 'carryover' : 'revenue'}.${source}`;
  if (
    revenue !== '' &&
    source === null &&
    !/财政拨款收入|事业收入|经营收入|其他收入/.test(revenue)
  ) {
    ctx.issues.push({
      line: line.no,
      severity: 'warning',
      message: `revenue item "${revenue}" is not a known fund source`,
    });
  }
  return { role: 'item', code, key, cells, line: line.no };
}

function sanGong(line: DocLine, cells: Cell[], ctx: RowContext): Row | null {
  const label = normaliseName(get(cells, ctx, 'item'));
  if (isTotal(label)) return { role: 'total', code: null, key: 'total', cells, line: line.no };
  const row = SANGONG_ROWS.find((r) => normaliseName(r.item) === label);
  if (!row) return null;
  const reference = ctx.codes.reference;
  const codes = reference && sanGongRowCodes(reference.data.policy.sanGong, row.key);
  return { role: 'item', code: codes?.join('+') ?? null, key: row.key, cells, line: line.no };
}

function named(
  line: DocLine,
  cells: Cell[],
  ctx: RowContext,
  textKey: string,
  family: Family,
): Row | null {
  const name = get(cells, ctx, textKey);
  if (isTotal(name)) return { role: 'total', code: null, key: 'total', cells, line: line.no };
  if (name === '') return null;
  const isUnit = ctx.unitNames.has(normaliseName(name));
  if (family === 'agency' || isUnit)
    return { role: 'unit', code: null, key: normaliseName(name), cells, line: line.no };
  return { role: 'project', code: null, key: normaliseName(name), cells, line: line.no };
}

/** Reads the body rows of one table; empty rows are dropped, unplaceable rows reported. */
export function readRows(family: Family, body: DocLine[], ctx: RowContext): Row[] {
  const rows: Row[] = [];
  const group = { code: null as string | null };
  const state = { carryover: false };
  for (const line of body) {
    const cells = cellsOf(line, ctx);
    if (cells.every((c) => c === null)) continue;
    // An empty table prints 无 (none) where its rows would be.
    if (line.cells!.filter((c) => c !== '').join('') === '无') continue;
    let row: Row | null;
    if (family === 'functional') row = functional(line, cells, ctx);
    else if (family === 'economic') row = economic(line, cells, ctx, group);
    else if (family === 'two-sided' || family === 'shanghai-summary')
      row = twoSided(line, cells, ctx, state);
    else if (family === 'sangong') row = sanGong(line, cells, ctx);
    else if (family === 'agency') row = named(line, cells, ctx, 'unitName', family);
    else if (family === 'projects') row = named(line, cells, ctx, 'project', family);
    else if (family === 'shanghai-special')
      row = { role: 'total', code: null, key: 'total', cells, line: line.no };
    else
      row =
        functional(line, cells, ctx) ??
        (hasAmount(cells, ctx)
          ? null
          : { role: 'total', code: null, key: 'total', cells, line: line.no });
    if (row) rows.push(row);
    else
      ctx.issues.push({
        line: line.no,
        severity: 'warning',
        message: `row not understood: ${line
          .cells!.filter((c) => c !== '')
          .join(' | ')
          .slice(0, 80)}`,
      });
  }
  return rows;
}
