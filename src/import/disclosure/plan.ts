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
  withAdoptedCodes,
  type AdoptReferenceCodes,
  type BudgetCommand,
  type BudgetLineKey,
  type Project,
  type RegisterBudgetUnit,
  type SanGongDefinition,
  type UnitKind,
} from '../../domain';
import { sanGongRowCodes } from '../../domain/disclosure';
import { codesToAdopt } from './adopt-codes';
import type { Issue, ParsedDisclosure, ParsedTable } from '../../interchange';
import { normaliseName } from '../../interchange/amounts';
import { fitMargins, largestRemainder } from './fit';
import { fenToYuan, printedInterval, wanToFen, yuanToFen } from './money';
import { repairIntervals, type IntervalConstraint } from './repair';
import { planShanghaiImport } from './shanghai';
import { allowedItems, type FunctionalItem } from './structure';

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

export interface FigureCheck {
  label: string;
  line: number;
  printed: string | null;
  leaf: boolean;
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
  /** Printed figures compared with the planned lines: how many, and those that would not print back. */
  figures: { compared: number; unreproduced: FigureCheck[] };
}

interface PlannedUnit {
  unitCode: string;
  name: string;
  kind: UnitKind;
  staff: number | null;
  parent: string | null;
}

/** A planned line: a variable of the derivation (basic) or fixed (a project's form amount). */
interface Line {
  key: BudgetLineKey;
  fen: number;
  variable: boolean;
  /** Row index in table 6 (basic lines), -1 for projects. */
  t06Row: number;
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
  const lines = input.text.split(/\r?\n/);
  let staff: number | null = null;
  const subs: { name: string; kind: UnitKind; staff: number | null; line: number }[] = [];
  lines.forEach((l, i) => {
    const own = /现有(?:行政|在职)?人员(\d+)人/.exec(l.split('下属')[0] ?? '');
    if (staff === null && own && /机构设置|内设|本单位/.test(l)) staff = Number(own[1]);
    for (const m of l.matchAll(
      /下属(事业单位|行政单位|单位)([^，,。；;、]+?)[，,]\s*现有(?:事业|行政)?人员(\d+)人/g,
    )) {
      subs.push({
        name: m[2]!,
        kind: m[1] === '行政单位' ? 'administrative' : 'institution',
        staff: Number(m[3]),
        line: i + 1,
      });
    }
  });
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
// Basic spending: structure, fit, repair

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

/** Connected blocks of the bipartite structure (rows = 项, columns = economic rows). */
function blocks(
  nRows: number,
  nCols: number,
  allowed: boolean[][],
): { rows: number[]; cols: number[] }[] {
  const seenR = new Array<boolean>(nRows).fill(false);
  const seenC = new Array<boolean>(nCols).fill(false);
  const out: { rows: number[]; cols: number[] }[] = [];
  for (let c0 = 0; c0 < nCols; c0++) {
    if (seenC[c0]) continue;
    const b = { rows: [] as number[], cols: [] as number[] };
    const stack: ['r' | 'c', number][] = [['c', c0]];
    seenC[c0] = true;
    while (stack.length) {
      const [t, k] = stack.pop()!;
      if (t === 'c') {
        b.cols.push(k);
        for (let r = 0; r < nRows; r++) {
          if (allowed[r]![k] && !seenR[r]) {
            seenR[r] = true;
            stack.push(['r', r]);
          }
        }
      } else {
        b.rows.push(k);
        for (let c = 0; c < nCols; c++) {
          if (allowed[k]![c] && !seenC[c]) {
            seenC[c] = true;
            stack.push(['c', c]);
          }
        }
      }
    }
    out.push({ rows: b.rows.sort((x, y) => x - y), cols: b.cols.sort((x, y) => x - y) });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Figures: every printed amount cell as an interval on a sum of lines

type Pred = (l: Line) => boolean;
const none: Pred = () => false;
const basic: Pred = (l) => l.key.kind !== 'project';
const fcPrefix =
  (code: string): Pred =>
  (l) =>
    l.key.functionalCode.startsWith(code);
const and =
  (a: Pred, b: Pred): Pred =>
  (l) =>
    a(l) && b(l);

function figurePreds(
  t: ParsedTable,
  r: number,
  unitOfName: (name: string) => string | null,
  projectOf: (key: string) => string | null,
  sanGong: SanGongDefinition,
): Record<string, Pred> {
  const row = t.rows[r]!;
  const all: Pred = () => true;
  switch (t.id) {
    case 't01':
    case 't04': {
      const rev =
        row.key === 'revenue.general-public' ||
        row.key === 'currentYear' ||
        row.key === 'grandTotal'
          ? all
          : none;
      const exp =
        row.role === 'item' && row.code
          ? fcPrefix(row.code)
          : row.key === 'currentYear' || row.key === 'grandTotal'
            ? all
            : none;
      return {
        revenueAmount: rev,
        total: exp,
        currentYear: exp,
        subtotal: exp,
        generalPublicBudget: exp,
        carriedOver: none,
        governmentFund: none,
        stateCapital: none,
      };
    }
    case 't02': {
      const p = row.role === 'total' ? all : row.code ? fcPrefix(row.code) : none;
      return {
        total: p,
        generalPublicBudget: p,
        governmentFund: none,
        stateCapital: none,
        fiscalSpecialAccount: none,
        carriedOver: none,
        unitFunds: none,
      };
    }
    case 't03':
    case 't05': {
      const p = row.role === 'total' ? all : row.code ? fcPrefix(row.code) : none;
      return { total: p, basic: and(p, basic), project: and(p, (l) => l.key.kind === 'project') };
    }
    case 't06': {
      const p: Pred =
        row.role === 'item'
          ? (l) => l.t06Row === r
          : row.role === 'group' && row.code
            ? and(basic, (l) => l.key.deptEconCode.startsWith(row.code!))
            : row.role === 'total'
              ? basic
              : none;
      return {
        total: p,
        personnel: and(p, (l) => l.key.kind === 'personnel'),
        public: and(p, (l) => l.key.kind === 'public'),
      };
    }
    case 't10': {
      const codes = sanGongRowCodes(sanGong, row.role === 'total' ? 'total' : row.key) ?? [];
      const p: Pred = (l) => codes.includes(l.key.deptEconCode);
      return { total: p, generalPublicBudget: p, governmentFund: none, stateCapital: none };
    }
    case 't11': {
      const unit = row.role === 'unit' ? unitOfName(row.key ?? '') : null;
      const p: Pred = and(
        (l) => l.key.kind === 'public',
        (l) => row.role === 'total' || unit === '*' || l.key.unitCode === unit,
      );
      return { total: p, generalPublicBudget: p, governmentFund: none, stateCapital: none };
    }
    case 't12': {
      const code = row.role === 'project' ? projectOf(row.key ?? '') : null;
      const p: Pred = (l) =>
        l.key.kind === 'project' && (row.role !== 'project' || l.key.projectCode === code);
      return {
        total: p,
        generalPublicBudget: p,
        governmentFund: none,
        stateCapital: none,
        fiscalSpecialAccount: none,
        unitFunds: none,
      };
    }
    default:
      // 7, 8, 9, 13: government fund, state capital and carried-over projects are not imported.
      return Object.fromEntries(t.keys.map((k) => [k, none]));
  }
}

interface Figure extends FigureCheck {
  pred: Pred;
}

function figuresOf(
  parsed: ParsedDisclosure,
  unitOfName: (name: string) => string | null,
  projectOf: (key: string) => string | null,
  sanGong: SanGongDefinition,
): Figure[] {
  const out: Figure[] = [];
  for (const t of parsed.tables) {
    t.rows.forEach((row, r) => {
      const preds = figurePreds(t, r, unitOfName, projectOf, sanGong);
      t.keys.forEach((k, i) => {
        if (t.kinds[i] !== 'amount') return;
        const printed = row.cells[i] ?? null;
        const pred = preds[k];
        if (!pred) return;
        // Summary tables print 30 类 rows, mostly empty: an empty cell of a row is a figure too (0).
        const leaf =
          row.role === 'item' ||
          row.role === 'project' ||
          row.role === 'unit' ||
          (row.role === 'class' && (row.code?.length ?? 0) === 7);
        const what = row.code ?? row.key ?? row.role;
        out.push({
          label: `${t.id} ${what} ${k}`,
          line: t.rowLines[r]!,
          printed: typeof printed === 'string' ? printed : null,
          leaf,
          pred,
        });
      });
    });
  }
  return out;
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

/** A form's 项目属性 / 项目期 / 实施单位, read from the text lines just above its 年度资金总额. */
function formDetails(
  lines: string[],
  fundsLine: number,
): { attribute: string | null; period: string | null; unit: string | null } {
  const out = {
    attribute: null as string | null,
    period: null as string | null,
    unit: null as string | null,
  };
  for (let i = Math.max(0, fundsLine - 8); i < fundsLine; i++) {
    const cells = (lines[i] ?? '').split('\t').map((c) => c.trim());
    const after = (label: RegExp) => {
      const k = cells.findIndex((c) => label.test(c));
      return k < 0 ? null : (cells.slice(k + 1).find((c) => c !== '') ?? null);
    };
    out.attribute ??= after(/^项目属性$/);
    out.period ??= after(/^项目期$/);
    out.unit ??= after(/^实施单位$/);
  }
  return out;
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
  const items: Record<string, RegExp> = {
    overseasTravel: /因公出国[(（]境[)）]费/,
    officialReception: /公务接待费/,
    vehiclePurchase: /公务用车购置费/,
    vehicleOperation: /公务用车运行维护费/,
  };
  const sanGong: Record<string, string> = {};
  const text = input.text.replace(/\s/g, '');
  for (const [key, re] of Object.entries(items)) {
    const m = new RegExp(
      `${re.source}([\\d.]+)万元[,，]?(与上年预算数相同|与上年持平|比上年(?:预算数)?(增加|减少)([\\d.]+)万元)`,
    ).exec(text);
    if (!m) continue;
    const now = wanToFen(m[1]!);
    const d = m[4] ? wanToFen(m[4]) * (m[3] === '增加' ? 1 : -1) : 0;
    sanGong[key] = fenToYuan(now - d);
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
    sanGong: sanGong as {
      overseasTravel: string;
      officialReception: string;
      vehiclePurchase: string;
      vehicleOperation: string;
    },
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

function planLayout(input: PlanInput): DisclosurePlan {
  const { parsed, reference: ref, departmentCode: dept, fiscalYear } = input;
  const date = input.date ?? `${fiscalYear}-01-01`;
  const problems: Issue[] = parsed.issues.filter((i) => i.severity === 'warning');
  const notes: string[] = parsed.issues
    .filter((i) => i.severity !== 'warning')
    .map((i) => `line ${i.line}: ${i.message}`);
  const plan: DisclosurePlan = {
    ok: false,
    departmentCode: dept,
    fiscalYear,
    steps: [],
    problems,
    notes,
    figures: { compared: 0, unreproduced: [] },
  };
  if (parsed.fiscalYear !== null && parsed.fiscalYear !== fiscalYear)
    problems.push({
      line: 1,
      severity: 'warning',
      message: `the document is for ${parsed.fiscalYear}, not ${fiscalYear}`,
    });
  const required = ['t01', 't05', 't06', 't12'].filter((id) => !tableOf(parsed, id));
  if (parsed.layout === 'shanghai-9')
    return problems.length === 0 ? planShanghaiImport(input, plan) : plan;
  if (parsed.layout !== 'shanxi-13')
    problems.push({
      line: 1,
      severity: 'warning',
      message: `layout ${parsed.layout}: only the 13-table (shanxi-13) and 9-table (shanghai-9) layouts are imported`,
    });
  else if (required.length > 0)
    problems.push({
      line: 1,
      severity: 'warning',
      message: `table(s) ${required.join(', ')} not found`,
    });
  if (problems.length > 0) return plan;

  const t05 = (tableOf(parsed, 't05') ?? tableOf(parsed, 't03'))!;
  const t06 = tableOf(parsed, 't06')!;
  const cols = basicColumns(t06, ref, problems);
  const units = unitsOf(input, new Set(cols.map((c) => c.unitKind)), problems, notes);
  if (problems.length > 0) return { ...plan, problems: sortIssues(problems) };
  const unitFor = (kind: UnitKind) => (units.find((u) => u.kind === kind) ?? units[0]!).unitCode;

  // Functional 项 with basic spending (rows of the fit) and the structure.
  const items: (FunctionalItem & { fen: number; line: number })[] = t05.rows.flatMap((r, i) => {
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
    const unit = units.find((u) => u.unitCode === unitFor(c.unitKind))!;
    const { codes, rule } = allowedItems(c.dept, unit.kind, items);
    if (codes.length === 0)
      problems.push({
        line: c.line,
        severity: 'warning',
        message: `table 6 row ${c.dept}/${c.gov}: no functional 项 with basic spending can hold it`,
      });
    codes.forEach((code) => (allowed[items.findIndex((it) => it.code === code)]![j] = true));
    notes.push(
      `table 6 line ${c.line} ${c.dept}/${c.gov} ${c.kind} ${c.printed} → unit ${unit.unitCode}, 项 ${codes.join('/')} (${rule})`,
    );
  });
  items.forEach((it, i) => {
    if (!allowed[i]!.some(Boolean))
      problems.push({
        line: it.line,
        severity: 'warning',
        message: `functional 项 ${it.code} ${it.name} has basic spending but no table-6 row can go under it`,
      });
  });
  if (problems.length > 0) return { ...plan, problems: sortIssues(problems) };

  // Fit on the printed margins (whole yuan), block by block: in each block the economic rows are
  // scaled to the block's functional total by largest remainder, then placed.
  const YUAN = 100;
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
  if (problems.length > 0) return { ...plan, problems: sortIssues(problems) };

  // Lines: one per allowed cell (the variables), projects fixed.
  const lines: Line[] = [];
  const varCell: [number, number][] = [];
  items.forEach((it, i) =>
    cols.forEach((c, j) => {
      if (!allowed[i]![j]) return;
      varCell.push([i, j]);
      const key: BudgetLineKey = {
        unitCode: unitFor(c.unitKind),
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
  const projects = projectsOf(input, units, problems, notes);
  const projectEcon = (unitCode: string) =>
    units.find((u) => u.unitCode === unitCode)!.kind === 'institution' ? '50502' : '50299';
  for (const p of projects) {
    lines.push({
      key: {
        unitCode: p.unitCode,
        fiscalYear,
        fundSource: 'general-public',
        functionalCode: p.functionalCode,
        kind: 'project',
        deptEconCode: '30299',
        govEconCode: projectEcon(p.unitCode),
        projectCode: p.project.code,
        origin: 'current',
      },
      fen: p.fen,
      variable: false,
      t06Row: -1,
    });
  }
  if (projects.length > 0)
    notes.push(
      "projects' economic codes are not printed: 30299 其他商品和服务支出 (50299 / 50502 by unit kind) is recorded for every project line",
    );

  // Every printed figure as an interval on its lines; repair the fitted point until all print back.
  const unitOfName = (name: string) => {
    const u = units.find((x) => normaliseName(x.name) === name);
    const t11 = tableOf(parsed, 't11');
    const unitRows = t11 ? t11.rows.filter((r) => r.role === 'unit').length : 0;
    return unitRows === 1 ? '*' : (u?.unitCode ?? null);
  };
  const projectOf = (key: string) => projects.find((p) => p.key === key)?.project.code ?? null;
  const figures = figuresOf(parsed, unitOfName, projectOf, ref.data.policy.sanGong);
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
  plan.figures = {
    compared: figures.length,
    unreproduced: figures
      .filter((_, k) => violated.has(constraints[k]!))
      .map(({ label, line, printed, leaf }) => ({ label, line, printed, leaf })),
  };
  notes.push(
    `derived basic lines: ${variables.length} cells fitted, ${repaired.iterations} repair steps; ${figures.length} printed figures compared, ${repaired.violated.length} not reproduced`,
  );
  for (const f of plan.figures.unreproduced) {
    (f.leaf ? problems : []).push({
      line: f.line,
      severity: 'warning',
      message: `${f.label}: printed ${f.printed ?? '(empty)'} cannot be reproduced by the derived lines`,
    });
    if (!f.leaf)
      notes.push(
        `line ${f.line}: total ${f.label} printed ${f.printed ?? '(empty)'} not reproduced (尾差 of the document's own rounding)`,
      );
  }
  if (problems.length > 0) return { ...plan, problems: sortIssues(problems) };

  // Commands.
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
  const prior = priorYearOf(input, notes);
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
  for (const p of projects) {
    steps.push({
      key: `project:${p.project.code}`,
      unitCode: p.unitCode,
      derived: false,
      summary: `RegisterProject ${p.project.code} ${p.project.name} (${p.project.category})`,
      command: { type: 'RegisterProject', data: { project: p.project, registeredAt: date } },
    });
  }
  for (const p of projects) {
    const ls = lines
      .filter((l) => l.key.projectCode === p.project.code)
      .map((l) => ({ line: l.key, amount: fenToYuan(l.fen) }));
    steps.push({
      key: `allocate:${p.project.code}`,
      unitCode: p.unitCode,
      derived: false,
      summary: `AllocateInitialBudget ${p.project.code} ${ls[0]!.amount}`,
      command: {
        type: 'AllocateInitialBudget',
        data: {
          allocationId: `import-${sha12}-${p.project.code}`,
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
  if (parsed.procurement) {
    const pr = parsed.procurement;
    steps.push({
      key: 'procurement',
      unitCode: units[0]!.unitCode,
      derived: false,
      summary: `RecordProcurementBudget goods ${pr.goods} works ${pr.works} services ${pr.services} (万元)`,
      command: {
        type: 'RecordProcurementBudget',
        data: {
          recordedAt: date,
          goods: fenToYuan(wanToFen(pr.goods)),
          works: fenToYuan(wanToFen(pr.works)),
          services: fenToYuan(wanToFen(pr.services)),
        },
      },
    });
  }
  notes.push(
    "not imported: performance forms' indicators (the parser reads their money only), state assets, government-fund / state-capital / carried-over tables (7, 8, 9, 13) beyond checking they are empty",
  );
  return { ...plan, ok: true, steps, problems: sortIssues(problems) };
}

const sortIssues = (issues: Issue[]) => [...issues].sort((a, b) => a.line - b.line);
