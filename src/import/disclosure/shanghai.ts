/**
 * The plan for a disclosure in the Shanghai 9-table layout (上海市市级单位预算, amounts in 元):
 * one unit (the tables' 编制单位), the year opened, basic spending derived in exact yuan from its
 * marginals — by functional 项 (table 3), by economic 款 (table 8) and by 类 × 人员/公用 (table 1)
 * — with each source kept apart (一般公共预算, 政府性基金 and 国有资本经营 from tables 5–7, 单位资金 by
 * kind from table 2's 事业收入 / 事业单位经营收入 / 其他收入), one project per functional 项 with
 * project spending (the layout prints no project table), the 三公 items of table 9 that basic
 * spending does not cover placed on project lines, and the procurement budget. The plan is then
 * rendered in the same layout (src/domain/disclosure/layouts) and every amount cell of the nine
 * tables is compared with the document, exactly: any difference refuses the file. See
 * docs/layouts.md. Pure.
 */
import {
  sanGongItemCodes,
  type BudgetLineKey,
  type FundSource,
  type Project,
  type UnitFundsKind,
} from '../../domain';
import type { DisclosureFacts } from '../../domain/disclosure';
import { amountCells, compareTables, hundredths } from '../../domain/disclosure/layouts/compare';
import {
  renderShanghai9,
  SHANGHAI_TABLE_IDS,
  type ShanghaiStyle,
} from '../../domain/disclosure/layouts/shanghai-9';
import type { Issue, ParsedTable } from '../../interchange';
import { fitMargins, largestRemainder } from './fit';
import { repairIntervals, type IntervalConstraint } from './repair';
import { fenToYuan, wanToFen, yuanToFen } from './money';
import type { DisclosurePlan, PlanInput } from './disclosure-plan';
import { procurementStep } from './procurement';
import { singleUnitFacts, singleUnitSteps, type SingleUnit } from './single-unit';
import { allowedItems } from './structure';

export const SHANGHAI_DERIVATION_METHOD =
  'shanghai-9 margin fit: economic 款 × (类, 人员/公用) on tables 8 and 1, then per 类 economic 款 × functional 项 on table 3 (north-west corner + augmenting paths, exact yuan); contribution 款 go to their 项, other 款 to any 项 not reserved to a contribution';

/** The parsed tables in the layout's order (ids as the parser names them). */
const PARSED_IDS = ['sh01', 'sh02', 't03', 't04', 't05', 't08', 'sh07', 't06', 'sh09'] as const;
/** 项 that hold only their own contribution 款 (the specific rules of structure.ts). */
const RESERVED = /基本养老保险缴费|职业年金|单位医疗$|公务员医疗补助|^住房公积金$/;
const SPECIFIC_DEPT = /^(30108|30109|30110|30111|30113|30301|30302)$/;
/**
 * Where a contribution 款 may also go: 公务员医疗补助 under 行政单位医疗 when the document has no
 * 公务员医疗补助 项; 医疗保险缴费 under 事业单位医疗 too, since the one unit this layout is imported
 * as may print the 事业 项 of institutions it consolidates (事业运行, 事业单位医疗: the Putuo
 * documents).
 */
const ALSO: Record<string, RegExp> = { '30111': /单位医疗$/, '30110': /单位医疗$/ };
/** Table 2's columns of 单位资金, by kind (fund-sources.json unitFundsKinds). */
const UNIT_FUNDS_COLUMNS: [string, UnitFundsKind][] = [
  ['businessIncome', 'business-income'],
  ['operatingIncome', 'operating-income'],
  ['otherIncome', 'other-income'],
];
/**
 * Economic 款 of spending whose 款 the layout does not print (derived): table 8 has 一般公共预算's
 * basic spending only, and no table has project spending by 款.
 */
const UNPRINTED_ECON = { personnel: '30199', public: '30299', project: '30299' } as const;

const cellOf = (t: ParsedTable, r: number, key: string) => {
  const i = t.keys.indexOf(key);
  return i < 0 ? null : (t.rows[r]!.cells[i] ?? null);
};
const fenOf = (c: string | null) => (c === null || c === '' ? 0 : yuanToFen(c));

interface Col {
  dept: string;
  gov: string;
  kind: 'personnel' | 'public';
  fen: number;
  line: number;
}

export function planShanghaiImport(input: PlanInput, plan: DisclosurePlan): DisclosurePlan {
  const { parsed, reference: ref, departmentCode: dept, fiscalYear } = input;
  const problems: Issue[] = [...plan.problems];
  const notes = [...plan.notes];
  const fail = () => ({ ...plan, notes, problems: [...problems].sort((a, b) => a.line - b.line) });
  const date = input.date ?? `${fiscalYear}-01-01`;
  const tables = PARSED_IDS.map((id) => parsed.tables.find((t) => t.id === id));
  const missing = PARSED_IDS.filter((_, i) => !tables[i]);
  if (missing.length > 0)
    problems.push({
      line: 1,
      severity: 'warning',
      message: `shanghai-9: table(s) ${missing.join(', ')} not found`,
    });
  if (!parsed.unitName)
    problems.push({
      line: 1,
      severity: 'warning',
      message: 'the document names no unit (编制单位)',
    });
  if (problems.length > 0) return fail();
  const [t01, t02, t03, , t05, tGf, tSc, t08, t09] = tables as ParsedTable[];
  const style = shanghaiStyleOf(tables as ParsedTable[]);
  // Whole 元 printed are rounded from fen (half a 元 either way); 元 with 2 decimals are exact.
  const yuanUnit = style.decimals === 2 ? 1 : 100;

  const unitCode = `${dept}001`;
  const unitKind = 'administrative' as const;
  notes.push(
    `unit ${unitCode} ${parsed.unitName} (本级, ${unitKind}): named by the tables' 编制单位; the layout prints one unit`,
  );

  // The sources other than 一般公共预算, by 项: 政府性基金 and 国有资本经营 from tables 6 and 7, 单位资金
  // by kind from table 2 (事业收入 / 事业单位经营收入 / 其他收入) spent as what tables 5–7 leave of table
  // 3. Table 8 prints the economic 款 of 一般公共预算 only: that part is fitted on it, the others below.
  const others = otherSourcesByItem(
    { t02: t02!, t03: t03!, t05: t05!, gf: tGf!, sc: tSc! },
    problems,
  );
  if (problems.length > 0) return fail();
  const noFunds: OtherSources = { basic: 0, project: 0, bySource: [] };

  // Functional 项 with basic / project spending (table 3), its 一般公共预算 part.
  const items = t03!.rows.flatMap((r, i) => {
    if (r.role !== 'class' || r.code?.length !== 7) return [];
    const funds = others.get(r.code) ?? noFunds;
    return [
      {
        code: r.code,
        name: String(cellOf(t03!, i, 'name') ?? ''),
        basic: fenOf(cellOf(t03!, i, 'basic')) - funds.basic,
        project: fenOf(cellOf(t03!, i, 'project')) - funds.project,
        funds,
        line: t03!.rowLines[i]!,
      },
    ];
  });
  const basicItems = items.filter((it) => it.basic > 0);
  // Economic 款 columns (table 8).
  const cols: Col[] = [];
  t08!.rows.forEach((r, i) => {
    if (r.role !== 'item' || !r.code) return;
    const gov = ref.governmentCodesFor(r.code, unitKind)?.[0];
    const line = t08!.rowLines[i]!;
    if (!gov) {
      problems.push({
        line,
        severity: 'warning',
        message: `table 8: no government economic 款 for ${r.code} in the ${fiscalYear} reference data`,
      });
      return;
    }
    for (const kind of ['personnel', 'public'] as const) {
      const fen = fenOf(cellOf(t08!, i, kind));
      if (fen > 0) cols.push({ dept: r.code, gov, kind, fen, line });
    }
  });
  if (problems.length > 0) return fail();
  const allowed = (c: Col, it: { code: string; name: string }) =>
    SPECIFIC_DEPT.test(c.dept)
      ? allowedItems(c.dept, unitKind, basicItems).codes.includes(it.code) ||
        (ALSO[c.dept]?.test(it.name) ?? false)
      : !RESERVED.test(it.name);

  // Stage 1: economic 款 × (类, kind) on table 1's 人员经费 / 公用经费 by 类.
  const printedClasses = t01!.rows.flatMap((r, i) =>
    r.role === 'item' && r.code?.length === 3
      ? [
          {
            code: r.code,
            personnel: fenOf(cellOf(t01!, i, 'personnel')),
            public: fenOf(cellOf(t01!, i, 'public')),
            line: t01!.rowLines[i]!,
          },
        ]
      : [],
  );
  // Table 1's 人员经费 / 公用经费 by 类 count the other sources too: take their share out first
  // (otherSourcesByClass).
  const fundsOf = (cls: string) =>
    items.filter((it) => it.code.startsWith(cls)).reduce((s, it) => s + it.funds.basic, 0);
  const fiscalPersonnel = cols.filter((c) => c.kind === 'personnel').reduce((s, c) => s + c.fen, 0);
  if (style.variant === 'department') {
    // The 部门 variant's table 1 prints no 人员/公用 by 类: each 类's split is table 8's 款 fitted on
    // the 类's basic spending (table 3), so stage 1 below finds it as printed.
    const split = departmentClassSplit(printedClasses, items, cols, allowed, yuanUnit);
    if (typeof split === 'string' || items.some((it) => it.funds.bySource.length > 0)) {
      problems.push({
        line: t01!.titleLine,
        severity: 'warning',
        message:
          typeof split === 'string'
            ? `table 8 cannot be placed on table 3's basic spending by 类: ${split}`
            : 'the 部门 variant with sources other than 一般公共预算 is not imported (table 1 prints no 人员/公用 by 类 to split them)',
      });
      return fail();
    }
    split.forEach((c, i) => Object.assign(printedClasses[i]!, c));
  }
  const fundsSplit = otherSourcesByClass(
    printedClasses.map((c) => ({ ...c, funds: fundsOf(c.code) })),
    fiscalPersonnel,
    problems,
  );
  if (problems.length > 0) return fail();
  const classes = printedClasses.map((c, i) => ({
    ...c,
    personnel: c.personnel - fundsSplit[i]!.personnel,
    public: c.public - fundsSplit[i]!.public,
  }));
  const rows1 = classes.flatMap((c) =>
    (['personnel', 'public'] as const).map((kind) => ({
      cls: c.code,
      kind,
      fen: c[kind],
      line: c.line,
    })),
  );
  const allowed1 = rows1.map((r) =>
    cols.map(
      (c) =>
        c.kind === r.kind && basicItems.some((it) => it.code.startsWith(r.cls) && allowed(c, it)),
    ),
  );
  let stage1: number[][];
  try {
    // The document's 元 are rounded from amounts in fen: its margins may differ by a few 元 (table
    // 8's items sum to 1 元 less than its 302 row). The economic 款 of each kind are scaled to table
    // 1's total of that kind here; the repair below brings every printed cell back.
    const colFen = cols.map((c) => c.fen);
    for (const kind of ['personnel', 'public'] as const) {
      const idx = cols.flatMap((c, j) => (c.kind === kind ? [j] : []));
      const scaled = largestRemainder(
        idx.map((j) => cols[j]!.fen),
        rows1.filter((r) => r.kind === kind).reduce((s, r) => s + r.fen, 0),
        yuanUnit,
      );
      idx.forEach((j, n) => (colFen[j] = scaled[n]!));
    }
    stage1 = fitMargins(
      rows1.map((r) => r.fen),
      colFen,
      allowed1,
    ).cells;
  } catch (err) {
    problems.push({
      line: t08!.titleLine,
      severity: 'warning',
      message: `table 8 cannot be placed on table 1's 人员经费/公用经费 by 类: ${(err as Error).message}`,
    });
    return fail();
  }
  // Stage 2: per 类, economic amounts × 项 on table 3's basic spending.
  const lines: { key: BudgetLineKey; fen: number }[] = [];
  const econ = (kind: keyof typeof UNPRINTED_ECON) => ({
    dept: UNPRINTED_ECON[kind],
    gov: ref.governmentCodesFor(UNPRINTED_ECON[kind], unitKind)?.[0] ?? '50299',
    kind,
  });
  const keyOf = (
    functionalCode: string,
    c: { dept: string; gov: string; kind: BudgetLineKey['kind'] },
    projectCode: string | null,
    fundSource: FundSource = 'general-public',
  ): BudgetLineKey => ({
    unitCode,
    fiscalYear,
    fundSource,
    functionalCode,
    kind: c.kind,
    deptEconCode: c.dept,
    govEconCode: c.gov,
    projectCode,
    origin: 'current',
  });
  for (const cls of classes) {
    const its = basicItems.filter((it) => it.code.startsWith(cls.code));
    const parts = cols.flatMap((c, j) =>
      rows1.flatMap((r, k) =>
        r.cls === cls.code && stage1[k]![j]! > 0 ? [{ col: c, fen: stage1[k]![j]! }] : [],
      ),
    );
    try {
      const fit = fitMargins(
        its.map((it) => it.basic),
        parts.map((p) => p.fen),
        its.map((it) => parts.map((p) => allowed(p.col, it))),
      ).cells;
      its.forEach((it, a) =>
        parts.forEach(
          (p, b) =>
            fit[a]![b]! > 0 && lines.push({ key: keyOf(it.code, p.col, null), fen: fit[a]![b]! }),
        ),
      );
    } catch (err) {
      problems.push({
        line: cls.line,
        severity: 'warning',
        message: `basic spending of 类 ${cls.code} cannot be placed on its 项: ${(err as Error).message}`,
      });
    }
  }
  if (problems.length > 0) return fail();
  notes.push(
    `derived basic lines: ${lines.length} (项 × 款) in whole yuan from tables 1, 3 and 8 (derived)`,
  );
  // The other sources' basic spending: per 类, its 项 × source amounts on the 类's 人员/公用 share of it.
  const fundsLines: { key: BudgetLineKey; fen: number }[] = [];
  printedClasses.forEach((cls, c) => {
    const parts = items
      .filter((it) => it.code.startsWith(cls.code))
      .flatMap((it) =>
        it.funds.bySource
          .filter((k) => k.basic > 0)
          .map((k) => ({ item: it.code, source: k.source, fen: k.basic })),
      );
    if (parts.length === 0) return;
    const split = fundsSplit[c]!;
    const fit = fitMargins(
      parts.map((p) => p.fen),
      [split.personnel, split.public],
      parts.map(() => [true, true]),
    ).cells;
    parts.forEach((p, a) =>
      (['personnel', 'public'] as const).forEach(
        (kind, b) =>
          fit[a]![b]! > 0 &&
          fundsLines.push({ key: keyOf(p.item, econ(kind), null, p.source), fen: fit[a]![b]! }),
      ),
    );
  });
  if (fundsLines.length > 0)
    notes.push(
      `other sources: ${fundsLines.length} basic lines by 项 × source (政府性基金, 国有资本经营 from tables 6 and 7; 单位资金 by kind from tables 2, 3 and 5), 人员经费 on ${UNPRINTED_ECON.personnel} and 公用经费 on ${UNPRINTED_ECON.public} (the layout prints economic 款 of 一般公共预算 only; derived)`,
    );
  lines.push(...fundsLines);

  // Projects: one per 项 with project spending (no project table in this layout).
  const projects: (Project & { fen: number; functionalCode: string })[] = items
    .filter((it) => it.project + it.funds.project > 0)
    .map((it, n) => ({
      code: `P${String(n + 1).padStart(2, '0')}`,
      name: `${it.name}项目支出`,
      category: 'specific-goal',
      attribute: 'recurring',
      period: '1年',
      procurement: [],
      implementingUnit: null,
      fen: it.project,
      functionalCode: it.code,
    }));
  if (projects.length > 0)
    notes.push(
      `the layout prints no project table: one project per functional 项 with 项目支出 (${projects.map((p) => `${p.code} ${p.functionalCode}`).join(', ')}), economic 30299 其他商品和服务支出 except the 三公 below`,
    );
  const projectLines = new Map(
    projects.map((p) => [p.code, [] as { key: BudgetLineKey; fen: number }[]]),
  );
  const rest = new Map(projects.map((p) => [p.code, p.fen]));
  const t9 = t09!;
  // Each item's project part goes on its first code (the year's 三公 codes).
  for (const [item, codes] of sanGongItemCodes(ref.data.policy.sanGong)) {
    const key = `sanGong.${item}`;
    const econ = codes[0]!;
    const printed = t9.rows[0] ? cellOf(t9, 0, key) : null;
    const want = printed === null || printed === '' ? 0 : wanToFen(printed);
    const basicFen = lines
      .filter((l) => codes.includes(l.key.deptEconCode))
      .reduce((s, l) => s + l.fen, 0);
    const need = want - basicFen;
    if (need < 0) {
      problems.push({
        line: t9.rowLines[0] ?? t9.titleLine,
        severity: 'warning',
        message: `table 9 ${key} ${printed}万元 is less than table 8's basic ${econ} (${fenToYuan(basicFen)})`,
      });
      continue;
    }
    if (need === 0) continue;
    const target = [...projects].sort((a, b) => rest.get(b.code)! - rest.get(a.code)!)[0];
    if (!target || rest.get(target.code)! < need) {
      problems.push({
        line: t9.rowLines[0] ?? t9.titleLine,
        severity: 'warning',
        message: `table 9 ${key}: ${fenToYuan(need)} beyond basic spending and no project can hold it`,
      });
      continue;
    }
    rest.set(target.code, rest.get(target.code)! - need);
    projectLines.get(target.code)!.push({
      key: keyOf(
        target.functionalCode,
        {
          dept: econ,
          gov: ref.governmentCodesFor(econ, unitKind)?.[0] ?? '50299',
          kind: 'project',
        },
        target.code,
      ),
      fen: need,
    });
    notes.push(
      `table 9 ${key}: ${fenToYuan(need)} 元 beyond basic ${econ} placed on project ${target.code} (derived)`,
    );
  }
  if (problems.length > 0) return fail();
  for (const p of projects) {
    const r = rest.get(p.code)!;
    if (r > 0)
      projectLines
        .get(p.code)!
        .push({ key: keyOf(p.functionalCode, econ('project'), p.code), fen: r });
    // The project's other sources, one by one.
    for (const k of items.find((it) => it.code === p.functionalCode)!.funds.bySource) {
      if (k.project > 0)
        projectLines.get(p.code)!.push({
          key: keyOf(p.functionalCode, econ('project'), p.code, k.source),
          fen: k.project,
        });
    }
  }

  // Render the plan in the layout and compare every figure with the document.
  const allLines = [...lines, ...[...projectLines.values()].flat()];
  const render = (f: DisclosureFacts) =>
    amountCells(SHANGHAI_TABLE_IDS.map((id) => renderShanghai9(f, ref, style).tables[id]));
  const toFact = (l: { key: BudgetLineKey; fen: number }) => ({
    line: l.key,
    amount: fenToYuan(l.fen),
  });
  // The unit as its lines stand when called: before the repair for the comparison, after it for
  // the steps.
  const unitNow = (): SingleUnit => ({
    unitCode,
    name: parsed.unitName!,
    kind: unitKind,
    departmentCode: dept,
    fiscalYear,
    date,
    sha256: input.sha256,
    projects: projects.map(({ fen: _fen, functionalCode: _fc, ...project }) => ({
      project,
      lines: projectLines.get(project.code)!.map(toFact),
    })),
    basic: lines.map(toFact),
  });
  const facts = singleUnitFacts(unitNow(), null);
  // Every printed cell as an interval on a sum of lines (members found by rendering each line
  // alone: the layout is linear in the lines); repair in fen until every cell prints back.
  const published = amountCells(tables as ParsedTable[]);
  const UNIT_PROBE = 1_000_000; // fen: 10,000 元 = 1.00 万元, visible in every table's unit
  const members = new Map<string, number[]>([...published.keys()].map((k) => [k, []]));
  allLines.forEach((l, k) => {
    for (const [cellKey, c] of render({
      ...facts,
      lines: [{ line: l.key, amount: fenToYuan(UNIT_PROBE) }],
    }))
      if (hundredths(c) !== 0) members.get(cellKey)?.push(k);
  });
  const constraints: IntervalConstraint[] = [...published].map(([cellKey, printed]) => {
    const wan = cellKey.startsWith(`${SHANGHAI_TABLE_IDS.indexOf('sh09')}|`);
    const p = hundredths(printed) * (wan ? 10_000 : 1);
    // Exact when the document prints fen: [P, P + 1 fen).
    const half = wan ? 5000 : style.decimals === 2 ? 0 : 50;
    return {
      label: cellKey,
      members: members.get(cellKey)!,
      fixed: 0,
      lo: p === 0 ? 0 : p - half,
      hi: p === 0 ? 1 : p + Math.max(half, 1),
    };
  });
  const repaired = repairIntervals(
    allLines.map((l) => l.fen),
    constraints,
    { unit: 1, margin: 1 },
  );
  allLines.forEach((l, k) => (l.fen = repaired.values[k]!));
  facts.lines = allLines.map((l) => ({ line: l.key, amount: fenToYuan(l.fen) }));
  notes.push(
    `repair: ${constraints.length} printed cells as intervals, ${repaired.iterations} steps in fen, ${repaired.violated.length} still violated${repaired.violated.map((c) => ` ${c.label}`).join('')}`,
  );
  const rendered = renderShanghai9(facts, ref, style);
  const cmp = compareTables(
    tables as ParsedTable[],
    SHANGHAI_TABLE_IDS.map((id) => rendered.tables[id]),
  );
  const lineOf = (id: string) => (tables as ParsedTable[]).find((t) => t.id === id)?.titleLine ?? 1;
  const unreproduced = cmp.mismatches.map((m) => ({
    label: `${m.table} ${m.row} ${m.column} (rendered ${m.rendered ?? '(empty)'})`,
    line: lineOf(m.table),
    printed: typeof m.published === 'string' ? m.published : null,
    leaf: true,
  }));
  for (const u of unreproduced)
    problems.push({
      line: u.line,
      severity: 'warning',
      message: `${u.label}: printed ${u.printed ?? '(empty)'} is not reproduced`,
    });
  notes.push(
    `shanghai-9 (${style.variant === 'department' ? '部门' : '单位'} variant, 元 ${style.decimals === 2 ? 'with 2 decimals' : 'whole'}): ${cmp.compared} amount cells of the 9 tables compared (${cmp.printed} printed), ${cmp.mismatches.length} differ`,
  );
  const figures = { compared: cmp.compared, unreproduced };
  if (problems.length > 0) return { ...fail(), figures };

  const steps = singleUnitSteps(unitNow());
  steps.push(...procurementStep(parsed, unitCode, date));
  notes.push(
    'not imported (shanghai-9): prior-year comparatives (the tables print none), performance targets, state assets',
  );
  return { ...plan, ok: true, steps, notes, problems: [], figures };
}

/**
 * How the document prints (ShanghaiStyle), read from its tables: the 部门 variant's table 1 has no
 * 人员经费 column; 元 with 2 decimals when any 元 cell prints a decimal point.
 */
export function shanghaiStyleOf(tables: readonly ParsedTable[]): ShanghaiStyle {
  const t01 = tables.find((t) => t.id === 'sh01');
  const yuanTables = tables.filter((t) => t.moneyUnit !== '万元' && t.id !== 'sh09');
  const decimals = [...amountCells(yuanTables).values()].some((c) => c?.includes('.')) ? 2 : 0;
  return {
    variant: t01 && !t01.keys.includes('personnel') ? 'department' : 'unit',
    decimals,
  };
}

/**
 * The 部门 variant: table 8's economic 款 (一般公共预算 basic) fitted on table 3's basic spending by
 * 类 (exact in the document's unit), giving each 类 its 人员经费 and 公用经费; a message when no
 * fit exists.
 */
function departmentClassSplit(
  classes: { code: string; line: number }[],
  items: { code: string; name: string; basic: number }[],
  cols: Col[],
  allowed: (c: Col, it: { code: string; name: string }) => boolean,
  unit: number,
): { personnel: number; public: number }[] | string {
  const basic = classes.map((c) =>
    items.filter((it) => it.code.startsWith(c.code)).reduce((s, it) => s + it.basic, 0),
  );
  try {
    const scaled = largestRemainder(
      cols.map((c) => c.fen),
      basic.reduce((a, b) => a + b, 0),
      unit,
    );
    const fit = fitMargins(
      basic,
      scaled,
      classes.map((c) =>
        cols.map((col) =>
          items.some((it) => it.basic > 0 && it.code.startsWith(c.code) && allowed(col, it)),
        ),
      ),
    ).cells;
    return classes.map((_, i) => ({
      personnel: cols.reduce((s, c, j) => s + (c.kind === 'personnel' ? fit[i]![j]! : 0), 0),
      public: cols.reduce((s, c, j) => s + (c.kind === 'public' ? fit[i]![j]! : 0), 0),
    }));
  } catch (err) {
    return (err as Error).message;
  }
}

interface OtherSources {
  basic: number;
  project: number;
  bySource: { source: FundSource; basic: number; project: number }[];
}

/**
 * The spending of each functional 项 from sources other than 一般公共预算: 政府性基金 and 国有资本经营
 * as tables 6 and 7 print them (基本/项目); 单位资金 by kind as table 2 prints it, spent as what tables
 * 5, 6 and 7 leave of table 3 by 基本/项目 — the document must agree with itself there (the two
 * remainders sum to table 2's three columns) — with the kinds fitted on 基本/项目 (exact yuan).
 */
function otherSourcesByItem(
  t: { t02: ParsedTable; t03: ParsedTable; t05: ParsedTable; gf: ParsedTable; sc: ParsedTable },
  problems: Issue[],
): Map<string, OtherSources> {
  const out = new Map<string, OtherSources>();
  const at = (table: ParsedTable, code: string, key: string) => {
    const i = table.rows.findIndex((r) => r.role === 'class' && r.code === code);
    return i < 0 ? 0 : fenOf(cellOf(table, i, key));
  };
  t.t03.rows.forEach((r) => {
    if (r.role !== 'class' || r.code?.length !== 7) return;
    const code = r.code;
    const i02 = t.t02.rows.findIndex((x) => x.role === 'class' && x.code === code);
    const kinds = UNIT_FUNDS_COLUMNS.map(([key]) => (i02 < 0 ? 0 : fenOf(cellOf(t.t02, i02, key))));
    const kindsTotal = kinds.reduce((a, b) => a + b, 0);
    const fiscal = (['gf', 'sc'] as const).map((k, n) => ({
      source: (['government-fund', 'state-capital'] as const)[n],
      basic: at(t[k], code, 'basic'),
      project: at(t[k], code, 'project'),
    }));
    if (kindsTotal === 0 && fiscal.every((f) => f.basic + f.project === 0)) return;
    const rest = (key: 'basic' | 'project') =>
      at(t.t03, code, key) - at(t.t05, code, key) - fiscal.reduce((s, f) => s + f[key], 0);
    const [basic, project] = [rest('basic'), rest('project')];
    if (basic < 0 || project < 0 || basic + project !== kindsTotal) {
      problems.push({
        line: i02 < 0 ? t.t03.titleLine : t.t02.rowLines[i02]!,
        severity: 'warning',
        message: `table 2: 单位资金 of ${code} (${fenToYuan(kindsTotal)}) is not table 3 less tables 5, 6 and 7 (基本支出 ${fenToYuan(basic)}, 项目支出 ${fenToYuan(project)})`,
      });
      return;
    }
    const fit = fitMargins([basic, project], kinds, [
      kinds.map(() => true),
      kinds.map(() => true),
    ]).cells;
    const bySource = [
      ...fiscal,
      ...UNIT_FUNDS_COLUMNS.map(([, source], k) => ({
        source,
        basic: fit[0]![k]!,
        project: fit[1]![k]!,
      })),
    ].filter((k) => k.basic + k.project > 0);
    out.set(code, {
      basic: bySource.reduce((s, k) => s + k.basic, 0),
      project: bySource.reduce((s, k) => s + k.project, 0),
      bySource,
    });
  });
  return out;
}

/**
 * Table 1's 人员经费 / 公用经费 by 类 count every source; table 8's 人员经费 is the 一般公共预算 part
 * alone. Each 类's other sources' basic spending is split so that what remains fits table 8: 人员
 * within [max(0, funds − 公用), min(人员, funds)] per 类, the 类 together taking table 1's 人员 less
 * table 8's (as near as the bounds allow; the fit and the repair below check every printed cell).
 */
function otherSourcesByClass(
  classes: { code: string; personnel: number; public: number; funds: number; line: number }[],
  fiscalPersonnel: number,
  problems: Issue[],
): { personnel: number; public: number }[] {
  const bounds = classes.map((c) => ({
    lo: Math.max(0, c.funds - c.public),
    hi: Math.min(c.personnel, c.funds),
  }));
  classes.forEach((c, i) => {
    if (bounds[i]!.lo > bounds[i]!.hi)
      problems.push({
        line: c.line,
        severity: 'warning',
        message: `table 1: 类 ${c.code}'s basic spending (${fenToYuan(c.personnel + c.public)}) is less than its spending from sources other than 一般公共预算 (${fenToYuan(c.funds)})`,
      });
  });
  const want = classes.reduce((s, c) => s + c.personnel, 0) - fiscalPersonnel;
  let extra = Math.max(0, want - bounds.reduce((s, b) => s + b.lo, 0));
  return classes.map((c, i) => {
    const { lo, hi } = bounds[i]!;
    const personnel = lo + Math.min(Math.max(0, hi - lo), extra);
    extra -= personnel - lo;
    return { personnel, public: c.funds - personnel };
  });
}
