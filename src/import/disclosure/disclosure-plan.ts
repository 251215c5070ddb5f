/**
 * A parsed published disclosure (src/interchange) → the plan of domain commands that loads it into
 * the ledger for one department: its units, the year opened with the prior-year comparatives the
 * explanation states, its projects and their funding (元 from the performance forms), basic
 * spending derived in exact yuan so that every printed figure rounds back to what is printed, and
 * the procurement budget. Everything the derivation chose is recorded in the plan's notes, and
 * every allocation says it was derived (see docs/import-disclosure.md). Pure.
 */
import {
  ReferenceIndex,
  SANGONG_ITEMS,
  withAdoptedCodes,
  type AdoptReferenceCodes,
  type BudgetCommand,
  type BudgetLineKey,
  type Project,
  type RegisterBudgetUnit,
  type SanGongItem,
  type UnitKind,
} from '../../domain';
import {
  formDetails,
  overviewUnits,
  statedSanGong,
  type Issue,
  type ParsedDisclosure,
  type ParsedTable,
} from '../../interchange';
import { normaliseName } from '../../interchange/amounts';
import { codesToAdopt } from './adopt-codes';
import { blocks } from './blocks';
import { figuresOf, type FigureCheck, type PlannedLine } from './figures';
import { fitMargins, largestRemainder } from './fit';
import { fenToYuan, printedInterval, wanToFen, yuanToFen } from './money';
import { repairIntervals, type IntervalConstraint } from './repair';
import { procurementStep } from './procurement';
import { planShanghaiImport, SHANGHAI_DERIVATION_METHOD } from './shanghai';
import { JIANGSU_DERIVATION_METHOD, planJiangsuImport } from './jiangsu';
import { allowedItems, type FunctionalItem } from './structure';

export type { FigureCheck } from './figures';

export const DERIVATION_METHOD =
  'margin-fit: functional 项 × economic 款 structure from the classification; north-west corner + augmenting paths on printed margins (largest remainder per block); then whole-yuan interval repair so every printed 万元 cell rounds back (margin 10 yuan)';

export interface PlanInput {
  parsed: ParsedDisclosure;
  /** The document's text (the overview and explanation sentences the parser does not keep). */
  text: string;
  departmentCode: string;
  fiscalYear: number;
  fileName: string;
  sha256: string;
  reference: ReferenceIndex;
  /** Business date of every command (default: 1 January of the year). */
  date?: string;
}

export interface PlanStep {
  /** Stable within the file: with the file's SHA-256 it makes the idempotency key. */
  key: string;
  unitCode: string;
  command: RegisterBudgetUnit | BudgetCommand | AdoptReferenceCodes;
  /** Set on allocations whose amounts were derived from marginal totals. */
  derived: boolean;
  summary: string;
}

export interface DisclosurePlan {
  ok: boolean;
  departmentCode: string;
  fiscalYear: number;
  steps: PlanStep[];
  /** What blocks the import (the parser's warnings, tables or figures that cannot be placed). */
  problems: Issue[];
  /** The parser's information notes, and every choice the derivation made. */
  notes: string[];
  /** How this layout's lines were derived from the printed figures (recorded with them). */
  method: string;
  /**
   * Printed figures compared with the planned lines: how many, and those that would not print back.
   */
  figures: { compared: number; unreproduced: FigureCheck[] };
}

interface PlannedUnit {
  unitCode: string;
  name: string;
  kind: UnitKind;
  staff: number | null;
  parent: string | null;
}

const tableOf = (p: ParsedDisclosure, id: string): ParsedTable | undefined =>
  p.tables.find((t) => t.id === id);
const cell = (t: ParsedTable, r: number, key: string): string | null => {
  const i = t.keys.indexOf(key);
  return i < 0 ? null : (t.rows[r]!.cells[i] ?? null);
};

// ---------------------------------------------------------------------------------------------
// Units

function unitsOf(
  input: PlanInput,
  basicKinds: Set<UnitKind>,
  problems: Issue[],
  notes: string[],
): PlannedUnit[] {
  const name = input.parsed.unitName;
  const dept = input.departmentCode;
  if (!name) {
    problems.push({
      line: 1,
      severity: 'warning',
      message: 'the document names no unit (单位名称)',
    });
    return [];
  }
  const { staff, subordinates: subs } = overviewUnits(input.text);
  const ownKind: UnitKind =
    basicKinds.size === 1 && basicKinds.has('institution') ? 'institution' : 'administrative';
  const units: PlannedUnit[] = [
    { unitCode: `${dept}001`, name, kind: ownKind, staff, parent: null },
  ];
  notes.push(
    `unit ${dept}001 ${name} (本级, ${ownKind}${staff === null ? '' : `, ${staff} staff`}): named by the tables' 单位名称`,
  );
  subs.forEach((s, i) => {
    const code = `${dept}${String(i + 2).padStart(3, '0')}`;
    units.push({
      unitCode: code,
      name: s.name,
      kind: s.kind,
      staff: s.staff,
      parent: `${dept}001`,
    });
    notes.push(
      `unit ${code} ${s.name} (${s.kind}, ${s.staff ?? '?'} staff): named in the overview, line ${s.line}`,
    );
  });
  if (basicKinds.has('institution') && !units.some((u) => u.kind === 'institution')) {
    problems.push({
      line: 1,
      severity: 'warning',
      message:
        'table 6 prints 事业单位 government codes (505xx) but the document names no 事业单位',
    });
  }
  return units;
}

// ---------------------------------------------------------------------------------------------
// Basic spending: table 6's economic rows (the columns of the fit)

interface BasicColumn {
  t06Row: number;
  line: number;
  dept: string;
  gov: string;
  kind: 'personnel' | 'public';
  unitKind: UnitKind;
  printed: string;
}

function govCodeOf(
  ref: ReferenceIndex,
  dept: string,
  govName: string,
): { code: string; kind: UnitKind } | null {
  const admin = ref.governmentCodesFor(dept, 'administrative') ?? [];
  const inst = ref.governmentCodesFor(dept, 'institution') ?? [];
  const same = (c: string) =>
    normaliseName(ref.name('governmentEconomic', c) ?? '') === normaliseName(govName);
  const a = admin.find(same);
  if (a) return { code: a, kind: 'administrative' };
  const i = inst.find(same);
  if (i) return { code: i, kind: 'institution' };
  return null;
}

function basicColumns(t06: ParsedTable, ref: ReferenceIndex, problems: Issue[]): BasicColumn[] {
  const cols: BasicColumn[] = [];
  t06.rows.forEach((r, i) => {
    if (r.role !== 'item') return;
    const line = t06.rowLines[i]!;
    const dept = r.code ?? '';
    const govName = cell(t06, i, 'governmentEconomicClass') ?? '';
    if (!/^\d{5}$/.test(dept)) {
      problems.push({
        line,
        severity: 'warning',
        message: `table 6: economic row without a known 款 code (${dept}); cannot be placed`,
      });
      return;
    }
    const gov = govCodeOf(ref, dept, govName);
    if (!gov) {
      problems.push({
        line,
        severity: 'warning',
        message: `table 6: government economic class "${govName}" is not one the reference data maps ${dept} to`,
      });
      return;
    }
    for (const kind of ['personnel', 'public'] as const) {
      const printed = cell(t06, i, kind);
      if (printed !== null && wanToFen(printed) !== 0)
        cols.push({ t06Row: i, line, dept, gov: gov.code, kind, unitKind: gov.kind, printed });
    }
  });
  return cols;
}

// ---------------------------------------------------------------------------------------------
// Projects

interface PlannedProject {
  project: Project;
  unitCode: string;
  fen: number;
  functionalCode: string;
  key: string;
  line: number;
}

function projectsOf(
  input: PlanInput,
  units: PlannedUnit[],
  problems: Issue[],
  notes: string[],
): PlannedProject[] {
  const { parsed } = input;
  const t12 = tableOf(parsed, 't12');
  const t05 = tableOf(parsed, 't05') ?? tableOf(parsed, 't03');
  if (!t12) return [];
  const textLines = input.text.split(/\r?\n/);
  const items = t05
    ? t05.rows.flatMap((r, i) =>
        r.role === 'class' && r.code?.length === 7 && cell(t05, i, 'project') !== null
          ? [{ code: r.code, fen: wanToFen(cell(t05, i, 'project')!) }]
          : [],
      )
    : [];
  const forms = [...parsed.projectForms];
  const otherOperating =
    parsed.narrative['performance.managedOtherOperating']?.value ??
    parsed.narrative['performance.publishedOtherOperating']?.value;
  const rows = t12.rows.map((r, i) => ({ r, i })).filter(({ r }) => r.role === 'project');
  const printedOf = (i: number) => cell(t12, i, 'total') ?? cell(t12, i, 'generalPublicBudget');
  const otherRows = otherOperating ? rows.filter(({ i }) => printedOf(i) === otherOperating) : [];
  const planned = rows.map(({ r, i }, n): PlannedProject => {
    const printed = printedOf(i);
    const line = t12.rowLines[i]!;
    const candidates = forms.filter((f) => normaliseName(f.name) === r.key);
    const target = printed === null ? 0 : wanToFen(printed);
    const form = candidates.sort(
      (a, b) =>
        Math.abs(yuanToFen(a.fundsYuan) - target) - Math.abs(yuanToFen(b.fundsYuan) - target),
    )[0];
    if (form) forms.splice(forms.indexOf(form), 1);
    const fen = form ? yuanToFen(form.fundsYuan) : target;
    if (form && printed !== null && (fen < target - 5000 || fen >= target + 5000)) {
      notes.push(
        `project ${r.key}: form's ${form.fundsYuan}元 (line ${form.line}) does not print as table 12's ${printed}; the form's 元 are used`,
      );
    }
    if (!form)
      notes.push(
        `project ${r.key} (line ${line}): no performance form; amount = table 12's ${printed}万元 × 10000`,
      );
    const d = form
      ? formDetails(textLines, form.line)
      : { attribute: null, period: null, unit: null };
    const code = `P${String(n + 1).padStart(2, '0')}`;
    const unit =
      units.find((u) => d.unit !== null && normaliseName(u.name) === normaliseName(d.unit)) ??
      units[0]!;
    const category =
      otherRows.length === 1 && otherRows[0]!.i === i ? 'other-operating' : 'specific-goal';
    return {
      key: r.key ?? code,
      line,
      unitCode: unit.unitCode,
      fen,
      functionalCode: '',
      project: {
        code,
        name: String(t12.rows[i]!.cells[t12.keys.indexOf('project')] ?? r.key),
        category,
        attribute: d.attribute !== null && /经常/.test(d.attribute) ? 'recurring' : 'one-off',
        period: d.period ?? '1年',
        procurement: [],
        implementingUnit: d.unit,
      },
    };
  });
  if (otherOperating && otherRows.length !== 1)
    notes.push(
      `其他运转类 ${otherOperating}万元: ${otherRows.length} projects print that amount; all projects taken as 特定目标类`,
    );
  // Functional 项 of each project: the one 项 with project money, or a largest-first greedy fit.
  if (items.length === 1) planned.forEach((p) => (p.functionalCode = items[0]!.code));
  else if (items.length > 1) {
    const left = items.map((it) => ({ ...it }));
    [...planned]
      .sort((a, b) => b.fen - a.fen)
      .forEach((p) => {
        const best = left.reduce((a, b) => (b.fen > a.fen ? b : a));
        p.functionalCode = best.code;
        best.fen -= p.fen;
      });
    notes.push(
      `projects spread over ${items.length} 项 with project money by a largest-first greedy fit (derived)`,
    );
  } else if (planned.length > 0)
    problems.push({
      line: t12.titleLine,
      severity: 'warning',
      message: 'table 12 prints projects but no functional 项 has project spending',
    });
  if (forms.length > 0)
    notes.push(
      `performance forms not matched to a table-12 project: ${forms.map((f) => `${f.name} (line ${f.line})`).join('; ')}`,
    );
  return planned;
}

// ---------------------------------------------------------------------------------------------
// Prior year (第三部分's stated changes)

function priorYearOf(input: PlanInput, notes: string[]) {
  const n = input.parsed.narrative;
  const t01 = tableOf(input.parsed, 't01');
  const t11 = tableOf(input.parsed, 't11');
  const total =
    n['changes.total']?.value ??
    (t01
      ? cell(
          t01,
          t01.rows.findIndex((r) => r.key === 'grandTotal'),
          'revenueAmount',
        )
      : null);
  const change = n['changes.change']?.value ?? n['generalPublic.change']?.value;
  const aoChange = n['agencyOperating.change']?.value;
  const aoNow = t11
    ? (cell(
        t11,
        t11.rows.findIndex((r) => r.role === 'total'),
        'total',
      ) ?? '0')
    : null;
  const stated = statedSanGong(input.text);
  const sanGong: Partial<Record<SanGongItem, string>> = {};
  for (const key of SANGONG_ITEMS) {
    const s = stated[key];
    if (!s) continue;
    const d = s.change
      ? wanToFen(s.change.amount) * (s.change.direction === 'increase' ? 1 : -1)
      : 0;
    sanGong[key] = fenToYuan(wanToFen(s.amount) - d);
  }
  if (
    total === null ||
    total === undefined ||
    change === undefined ||
    aoChange === undefined ||
    aoNow === null ||
    Object.keys(sanGong).length !== 4
  ) {
    notes.push(
      'prior-year comparatives not all stated (total, 三公 items, 机关运行经费 change): the year is opened without them',
    );
    return null;
  }
  notes.push(
    'prior-year comparatives: total = this year − stated change; 三公 items from 七; 机关运行经费 = table 11 − stated change',
  );
  return {
    fiscalYear: input.fiscalYear - 1,
    total: fenToYuan(wanToFen(total) - wanToFen(change)),
    sanGong: sanGong as Record<SanGongItem, string>,
    agencyOperatingExpenses: fenToYuan(wanToFen(aoNow) - wanToFen(aoChange)),
    source: `${input.fileName} 第三部分（上年预算数及增减额）`,
  };
}

// ---------------------------------------------------------------------------------------------

/**
 * The plan of a document. Functional codes it prints that the year's lists lack are planned with
 * (taken from the document's code and name columns), and adopted by a first step.
 */
export function planDisclosureImport(input: PlanInput): DisclosurePlan {
  const sha12 = input.sha256.slice(0, 12);
  const codes = codesToAdopt(input.parsed, input.reference, `${input.fileName} sha256:${sha12}`);
  if (codes.length === 0) return planLayout(input);
  const plan = planLayout({
    ...input,
    reference: new ReferenceIndex(withAdoptedCodes(input.reference.data, codes)),
  });
  const notes = [
    ...plan.notes,
    `adopted from the document (not in the ${input.fiscalYear} reference data): ${codes.map((c) => `${c.code} ${c.name} (${c.source})`).join('; ')}`,
  ];
  if (!plan.ok) return { ...plan, notes };
  const adopt: PlanStep = {
    key: `adopt:${input.fiscalYear}`,
    unitCode: plan.steps[0]?.unitCode ?? '',
    derived: false,
    summary: `AdoptReferenceCodes ${input.fiscalYear}: ${codes.length} 支出功能分类 code(s) from the document (${codes.map((c) => c.code).join(', ')})`,
    command: {
      type: 'AdoptReferenceCodes',
      data: {
        fiscalYear: input.fiscalYear,
        adoptedAt: input.date ?? `${input.fiscalYear}-01-01`,
        codes,
      },
    },
  };
  return { ...plan, notes, steps: [adopt, ...plan.steps] };
}

// ---------------------------------------------------------------------------------------------
// The 13-table plan, step by step (planLayout at the end runs them in order)

/** The plan before any step: the parser's warnings as problems, its other issues as notes. */
function emptyPlan(input: PlanInput): DisclosurePlan {
  const { parsed } = input;
  return {
    ok: false,
    departmentCode: input.departmentCode,
    fiscalYear: input.fiscalYear,
    steps: [],
    problems: parsed.issues.filter((i) => i.severity === 'warning'),
    notes: parsed.issues
      .filter((i) => i.severity !== 'warning')
      .map((i) => `line ${i.line}: ${i.message}`),
    figures: { compared: 0, unreproduced: [] },
    method:
      input.parsed.layout === 'shanghai-9'
        ? SHANGHAI_DERIVATION_METHOD
        : input.parsed.layout === 'jiangsu-12'
          ? JIANGSU_DERIVATION_METHOD
          : DERIVATION_METHOD,
  };
}

/** The document is of the plan's year; a 13-table document prints the tables the plan reads. */
function checkDocument(input: PlanInput, problems: Issue[]): void {
  const { parsed, fiscalYear } = input;
  if (parsed.fiscalYear !== null && parsed.fiscalYear !== fiscalYear)
    problems.push({
      line: 1,
      severity: 'warning',
      message: `the document is for ${parsed.fiscalYear}, not ${fiscalYear}`,
    });
  if (parsed.layout === 'shanghai-9' || parsed.layout === 'jiangsu-12') return;
  const required = ['t01', 't05', 't06', 't12'].filter((id) => !tableOf(parsed, id));
  if (parsed.layout !== 'shanxi-13')
    problems.push({
      line: 1,
      severity: 'warning',
      message: `layout ${parsed.layout}: only the 13-table (shanxi-13), 9-table (shanghai-9) and 12-table (jiangsu-12) layouts are imported`,
    });
  else if (required.length > 0)
    problems.push({
      line: 1,
      severity: 'warning',
      message: `table(s) ${required.join(', ')} not found`,
    });
}

type BasicItem = FunctionalItem & { fen: number; line: number };

/** What every step after the units shares: the input, the units, and the notes and problems. */
interface Planning {
  input: PlanInput;
  units: PlannedUnit[];
  unitFor: (kind: UnitKind) => string;
  problems: Issue[];
  notes: string[];
}

/**
 * The structure of the fit: the functional 项 with basic spending (table 5, the rows) and which
 * table-6 economic rows (the columns) each may hold.
 */
function basicStructure(
  t05: ParsedTable,
  cols: BasicColumn[],
  p: Planning,
): { items: BasicItem[]; allowed: boolean[][] } {
  const items: BasicItem[] = t05.rows.flatMap((r, i) => {
    const b = cell(t05, i, 'basic');
    return r.role === 'class' && r.code?.length === 7 && b !== null && wanToFen(b) > 0
      ? [
          {
            code: r.code,
            name: String(cell(t05, i, 'name') ?? ''),
            fen: wanToFen(b),
            line: t05.rowLines[i]!,
          },
        ]
      : [];
  });
  const allowed = items.map(() => cols.map(() => false));
  cols.forEach((c, j) => {
    const unit = p.units.find((u) => u.unitCode === p.unitFor(c.unitKind))!;
    const { codes, rule } = allowedItems(c.dept, unit.kind, items);
    if (codes.length === 0)
      p.problems.push({
        line: c.line,
        severity: 'warning',
        message: `table 6 row ${c.dept}/${c.gov}: no functional 项 with basic spending can hold it`,
      });
    codes.forEach((code) => (allowed[items.findIndex((it) => it.code === code)]![j] = true));
    p.notes.push(
      `table 6 line ${c.line} ${c.dept}/${c.gov} ${c.kind} ${c.printed} → unit ${unit.unitCode}, 项 ${codes.join('/')} (${rule})`,
    );
  });
  items.forEach((it, i) => {
    if (!allowed[i]!.some(Boolean))
      p.problems.push({
        line: it.line,
        severity: 'warning',
        message: `functional 项 ${it.code} ${it.name} has basic spending but no table-6 row can go under it`,
      });
  });
  return { items, allowed };
}

const YUAN = 100;

/**
 * Fit on the printed margins (whole yuan), block by block: in each block the economic rows are
 * scaled to the block's functional total by largest remainder, then placed. Fen per (项, row).
 */
function fitBasic(
  items: BasicItem[],
  cols: BasicColumn[],
  allowed: boolean[][],
  problems: Issue[],
): number[][] {
  const cells = items.map(() => cols.map(() => 0));
  for (const b of blocks(items.length, cols.length, allowed)) {
    const rowFen = b.rows.map((i) => items[i]!.fen);
    const total = rowFen.reduce((s, x) => s + x, 0);
    const colFen = largestRemainder(
      b.cols.map((j) => wanToFen(cols[j]!.printed)),
      total,
      YUAN,
    );
    try {
      const fit = fitMargins(
        rowFen,
        colFen,
        b.rows.map((i) => b.cols.map((j) => allowed[i]![j]!)),
      );
      b.rows.forEach((i, bi) => b.cols.forEach((j, bj) => (cells[i]![j] = fit.cells[bi]![bj]!)));
    } catch (err) {
      problems.push({
        line: items[b.rows[0]!]!.line,
        severity: 'warning',
        message: `basic spending of 项 ${b.rows.map((i) => items[i]!.code).join(', ')} cannot be fitted to table 6: ${(err as Error).message}`,
      });
    }
  }
  return cells;
}

/** Lines: one per allowed (项, row) cell (the variables), then the projects' lines (fixed). */
function plannedLines(
  structure: { items: BasicItem[]; allowed: boolean[][] },
  cols: BasicColumn[],
  cells: number[][],
  projects: PlannedProject[],
  p: Planning,
): PlannedLine[] {
  const { fiscalYear } = p.input;
  const lines: PlannedLine[] = [];
  structure.items.forEach((it, i) =>
    cols.forEach((c, j) => {
      if (!structure.allowed[i]![j]) return;
      const key: BudgetLineKey = {
        unitCode: p.unitFor(c.unitKind),
        fiscalYear,
        fundSource: 'general-public',
        functionalCode: it.code,
        kind: c.kind,
        deptEconCode: c.dept,
        govEconCode: c.gov,
        projectCode: null,
        origin: 'current',
      };
      lines.push({ key, fen: cells[i]![j]!, variable: true, t06Row: c.t06Row });
    }),
  );
  const projectEcon = (unitCode: string) =>
    p.units.find((u) => u.unitCode === unitCode)!.kind === 'institution' ? '50502' : '50299';
  for (const pr of projects) {
    lines.push({
      key: {
        unitCode: pr.unitCode,
        fiscalYear,
        fundSource: 'general-public',
        functionalCode: pr.functionalCode,
        kind: 'project',
        deptEconCode: '30299',
        govEconCode: projectEcon(pr.unitCode),
        projectCode: pr.project.code,
        origin: 'current',
      },
      fen: pr.fen,
      variable: false,
      t06Row: -1,
    });
  }
  if (projects.length > 0)
    p.notes.push(
      "projects' economic codes are not printed: 30299 其他商品和服务支出 (50299 / 50502 by unit kind) is recorded for every project line",
    );
  return lines;
}

/**
 * Every printed figure as an interval on its lines; the fitted variables are repaired until all
 * print back. The lines' fen are updated; returns the figures compared and those not reproduced.
 */
function reproduceFigures(
  lines: PlannedLine[],
  projects: PlannedProject[],
  p: Planning,
): DisclosurePlan['figures'] {
  const { parsed, reference } = p.input;
  const unitOfName = (name: string) => {
    const u = p.units.find((x) => normaliseName(x.name) === name);
    const t11 = tableOf(parsed, 't11');
    const unitRows = t11 ? t11.rows.filter((r) => r.role === 'unit').length : 0;
    return unitRows === 1 ? '*' : (u?.unitCode ?? null);
  };
  const projectOf = (key: string) => projects.find((x) => x.key === key)?.project.code ?? null;
  const figures = figuresOf(parsed, unitOfName, projectOf, reference.data.policy.sanGong);
  const variables = lines.flatMap((l, k) => (l.variable ? [k] : []));
  const constraints: IntervalConstraint[] = figures.map((f) => {
    const { lo, hi } = printedInterval(f.printed);
    const members = variables.map((k, v) => (f.pred(lines[k]!) ? v : -1)).filter((v) => v >= 0);
    const fixed = lines.filter((l) => !l.variable && f.pred(l)).reduce((s, l) => s + l.fen, 0);
    return { label: f.label, members, fixed, lo, hi };
  });
  const repaired = repairIntervals(
    variables.map((k) => lines[k]!.fen),
    constraints,
    { unit: YUAN, margin: 10 * YUAN },
  );
  variables.forEach((k, v) => (lines[k]!.fen = repaired.values[v]!));
  const violated = new Set(repaired.violated);
  const unreproduced = figures
    .filter((_, k) => violated.has(constraints[k]!))
    .map(({ label, line, printed, leaf }) => ({ label, line, printed, leaf }));
  p.notes.push(
    `derived basic lines: ${variables.length} cells fitted, ${repaired.iterations} repair steps (${repaired.work} units of work); ${figures.length} printed figures compared, ${repaired.violated.length} not reproduced`,
  );
  for (const f of unreproduced) {
    (f.leaf ? p.problems : []).push({
      line: f.line,
      severity: 'warning',
      message: `${f.label}: printed ${f.printed ?? '(empty)'} cannot be reproduced by the derived lines`,
    });
    if (!f.leaf)
      p.notes.push(
        `line ${f.line}: total ${f.label} printed ${f.printed ?? '(empty)'} not reproduced (尾差 of the document's own rounding)`,
      );
  }
  return { compared: figures.length, unreproduced };
}

/**
 * The commands, in order: units registered, the year opened (with the prior-year comparatives on
 * the first unit), projects registered and funded, each unit's derived basic lines, procurement.
 */
function commandsOf(lines: PlannedLine[], projects: PlannedProject[], p: Planning): PlanStep[] {
  const { input, units } = p;
  const { parsed, departmentCode: dept, fiscalYear } = input;
  const date = input.date ?? `${fiscalYear}-01-01`;
  const steps: PlanStep[] = [];
  for (const u of units) {
    steps.push({
      key: `unit:${u.unitCode}`,
      unitCode: u.unitCode,
      derived: false,
      summary: `RegisterBudgetUnit ${u.unitCode} ${u.name} (${u.kind})`,
      command: {
        type: 'RegisterBudgetUnit',
        data: {
          unitCode: u.unitCode,
          name: u.name,
          kind: u.kind,
          parentUnitCode: u.parent,
          departmentCode: dept,
          staffing: u.staff === null ? {} : { authorized: u.staff, actual: u.staff },
          registeredAt: date,
        },
      },
    });
  }
  const prior = priorYearOf(input, p.notes);
  for (const u of units) {
    steps.push({
      key: `open:${u.unitCode}`,
      unitCode: u.unitCode,
      derived: false,
      summary: `OpenFiscalYear ${u.unitCode} ${fiscalYear}${u === units[0] && prior ? ' (prior-year comparatives)' : ''}`,
      command: {
        type: 'OpenFiscalYear',
        data: { fiscalYear, openedAt: date, priorYear: u === units[0] ? prior : null },
      } as BudgetCommand,
    });
  }
  const sha12 = input.sha256.slice(0, 12);
  for (const pr of projects) {
    steps.push({
      key: `project:${pr.project.code}`,
      unitCode: pr.unitCode,
      derived: false,
      summary: `RegisterProject ${pr.project.code} ${pr.project.name} (${pr.project.category})`,
      command: { type: 'RegisterProject', data: { project: pr.project, registeredAt: date } },
    });
  }
  for (const pr of projects) {
    const ls = lines
      .filter((l) => l.key.projectCode === pr.project.code)
      .map((l) => ({ line: l.key, amount: fenToYuan(l.fen) }));
    steps.push({
      key: `allocate:${pr.project.code}`,
      unitCode: pr.unitCode,
      derived: false,
      summary: `AllocateInitialBudget ${pr.project.code} ${ls[0]!.amount}`,
      command: {
        type: 'AllocateInitialBudget',
        data: {
          allocationId: `import-${sha12}-${pr.project.code}`,
          allocatedAt: date,
          documentNumber: null,
          lines: ls,
        },
      },
    });
  }
  for (const u of units) {
    const ls = lines
      .filter((l) => l.key.unitCode === u.unitCode && l.key.kind !== 'project' && l.fen > 0)
      .map((l) => ({ line: l.key, amount: fenToYuan(l.fen) }));
    if (ls.length === 0) continue;
    const sum = lines
      .filter((l) => l.key.unitCode === u.unitCode && l.key.kind !== 'project')
      .reduce((s, l) => s + l.fen, 0);
    steps.push({
      key: `allocate:basic:${u.unitCode}`,
      unitCode: u.unitCode,
      derived: true,
      summary: `AllocateInitialBudget 基本支出 ${u.unitCode}: ${ls.length} derived lines, ${fenToYuan(sum)}`,
      command: {
        type: 'AllocateInitialBudget',
        data: {
          allocationId: `import-${sha12}-基本支出-${u.unitCode}`,
          allocatedAt: date,
          documentNumber: null,
          lines: ls,
        },
      },
    });
  }
  steps.push(...procurementStep(parsed, units[0]!.unitCode, date));
  return steps;
}

/**
 * A document of either layout → its plan. The 13-table layout goes step by step (units, the
 * structure and fit of basic spending, lines, figures reproduced, commands); any step's problem
 * ends the plan there. The 9-table layout is planned by shanghai.ts.
 */
function planLayout(input: PlanInput): DisclosurePlan {
  const { parsed, reference: ref } = input;
  const plan = emptyPlan(input);
  const { problems, notes } = plan;
  checkDocument(input, problems);
  if (parsed.layout === 'shanghai-9')
    return problems.length === 0 ? planShanghaiImport(input, plan) : plan;
  // The Jiangsu plan keeps the problems that touch its tables (its 情况说明's are notes).
  if (parsed.layout === 'jiangsu-12') return planJiangsuImport(input, plan);
  if (problems.length > 0) return plan;
  const stop = (): DisclosurePlan => ({ ...plan, problems: sortIssues(problems) });

  const t05 = (tableOf(parsed, 't05') ?? tableOf(parsed, 't03'))!;
  const t06 = tableOf(parsed, 't06')!;
  const cols = basicColumns(t06, ref, problems);
  const units = unitsOf(input, new Set(cols.map((c) => c.unitKind)), problems, notes);
  if (problems.length > 0) return stop();
  const unitFor = (kind: UnitKind) => (units.find((u) => u.kind === kind) ?? units[0]!).unitCode;
  const p: Planning = { input, units, unitFor, problems, notes };

  const structure = basicStructure(t05, cols, p);
  if (problems.length > 0) return stop();
  const cells = fitBasic(structure.items, cols, structure.allowed, problems);
  if (problems.length > 0) return stop();
  const projects = projectsOf(input, units, problems, notes);
  const lines = plannedLines(structure, cols, cells, projects, p);
  plan.figures = reproduceFigures(lines, projects, p);
  if (problems.length > 0) return stop();

  const steps = commandsOf(lines, projects, p);
  notes.push(
    "not imported: performance forms' indicators (the parser reads their money only), state assets, government-fund / state-capital / carried-over tables (7, 8, 9, 13) beyond checking they are empty",
  );
  return { ...plan, ok: true, steps, problems: sortIssues(problems) };
}

const sortIssues = (issues: Issue[]) => [...issues].sort((a, b) => a.line - b.line);
