/**
 * The plan for a disclosure in the Jiangsu 12-table layout (省级部门预算, 万元 with 2 decimals, so
 * every printed figure is exact in hundredths of 万元 = 100 元): one unit (the document's 部门), the
 * year opened, and lines fitted on the printed totals. The layout prints 一般公共预算 by functional
 * 项 (table 7, total only) and its basic spending by economic 款 (table 8), never the split of a 项
 * into basic and project: each 项's basic part is the fit of table 8's 款 on table 7's 项, with a
 * project column taking the rest (north-west corner + augmenting paths, contribution 款 on their
 * own 项). Project spending is one project per 项; the 三公, 会议费 and 培训费 of table 9 beyond basic
 * spending are placed on those projects under their own 款; the printed 单位预留机动经费 is a project
 * of that name (the renderer prints that project's lines there, not under 项目支出). In a year
 * whose 机关运行经费 counts project running costs by 款 (2017), table 11's 款 beyond basic spending
 * are project lines on those 款, and the rest of project spending goes on a 款 it does not count
 * (委托业务费 instead of 其他商品和服务支出). 财政专户 and
 * 其他资金 (tables 1 and 2) are lines of their source on the first 项 of each 类 table 1 gives them.
 * The plan is rendered in the layout and every amount cell compared with the document: any
 * difference refuses the file. Pure.
 */
import { sanGongItemCodes, type BudgetLineKey, type FundSource, type Project } from '../../domain';
import { agencyOperatingLine, agencyOperatingRule } from '../../domain/disclosure';
import { compareTables } from '../../domain/disclosure/layouts/compare';
import {
  JIANGSU_RESERVE_PROJECT,
  JIANGSU_TABLE_IDS,
  renderJiangsu12,
} from '../../domain/disclosure/layouts/jiangsu-12';
import type { Issue, ParsedTable } from '../../interchange';
import { splitDocument } from '../../interchange/lines';
import { jiangsuNarrative } from '../../interchange/jiangsu-narrative';
import { fitMargins } from './fit';
import { fenToYuan } from './money';
import type { DisclosurePlan, PlanInput } from './disclosure-plan';
import { singleUnitFacts, singleUnitSteps, type SingleUnit } from './single-unit';
import { allowedItems } from './structure';

export const JIANGSU_DERIVATION_METHOD =
  'jiangsu-12 margin fit: table 8 economic 款 plus one project column fitted on table 7 functional 项 (north-west corner + augmenting paths, exact in 0.01 万元; contribution 款 on their own 项); one project per 项 for the rest, table 9 items beyond basic spending on the largest projects, 单位预留机动经费 as a project of that name; table 11 款 beyond basic spending on projects where the year’s 机关运行经费 counts project running costs (2017), the rest on a 款 it does not count; 财政专户/其他资金 on the first 项 of their 类';

/** Hundredths of 万元 (the layout's exact unit) → fen. */
const UNIT_FEN = 10_000;
const RESERVED = /基本养老保险缴费|职业年金|单位医疗$|公务员医疗补助|^住房公积金$/;
const SPECIFIC_DEPT = /^(30108|30109|30110|30111|30113|30301|30302)$/;
/** Pre-2018 contribution 款 (the 2017 documents) and the 项 they belong to. */
const OWN_ITEM: Record<string, RegExp> = { '30311': /^住房公积金$/ };
const MEETINGS = '30215';
const TRAINING = '30216';
const PROJECT_ECON = '30299';
const COMMISSIONED = '30227';

/** A printed amount in hundredths of 万元; empty and absent are 0. */
const cents = (c: string | null | undefined): number => {
  if (c === null || c === undefined || c.trim() === '') return 0;
  const m = /^(-?)(\d+)(?:\.(\d{1,2}))?$/.exec(c.replace(/,/g, '').trim());
  if (!m) throw new Error(`not an amount: ${c}`);
  const v = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0') || '0');
  return m[1] === '-' ? -v : v;
};
const amountOf = (t: ParsedTable | undefined, key: string, column = 'amount'): number => {
  if (!t) return 0;
  const r = t.rows.findIndex((row) => row.key === key);
  const i = t.keys.indexOf(column);
  return r < 0 || i < 0 ? 0 : cents(t.rows[r]!.cells[i]);
};

interface Line {
  key: BudgetLineKey;
  c: number;
}

export function planJiangsuImport(input: PlanInput, plan: DisclosurePlan): DisclosurePlan {
  const { parsed, reference: ref, departmentCode: dept, fiscalYear } = input;
  // What the reader found in the 情况说明 does not touch what is imported (the tables).
  const prose = new Set(
    jiangsuNarrative(splitDocument(input.text).lines).issues.map((i) => `${i.line} ${i.message}`),
  );
  const inProse = (i: Issue) => prose.has(`${i.line} ${i.message}`);
  const problems: Issue[] = plan.problems.filter((i) => !inProse(i));
  const notes = [
    ...plan.notes,
    ...plan.problems
      .filter(inProse)
      .map((i) => `line ${i.line} (情况说明, not imported): ${i.message}`),
  ];
  const fail = () => ({ ...plan, notes, problems: [...problems].sort((a, b) => a.line - b.line) });
  const warn = (line: number, message: string) =>
    problems.push({ line, severity: 'warning', message });
  const date = input.date ?? `${fiscalYear}-01-01`;
  const tables = new Map(parsed.tables.map((t) => [t.id, t]));
  const missing = JIANGSU_TABLE_IDS.filter((id) => !tables.has(id));
  if (missing.length > 0) warn(1, `jiangsu-12: table(s) ${missing.join(', ')} not found`);
  if (!parsed.unitName) warn(1, 'the document names no unit (部门)');
  if (problems.length > 0) return fail();
  const t = (id: string) => tables.get(id)!;
  const js01 = t('js01');
  if (amountOf(js01, 'revenue.carriedOver') !== 0)
    warn(
      js01.titleLine,
      'jiangsu-12: 上年结转资金 is not imported (no document of the corpus prints one)',
    );
  if (amountOf(js01, 'spending.carryForward') !== 0)
    warn(js01.titleLine, 'jiangsu-12: 结转下年资金 is not read into the ledger (no fact holds it)');
  if (amountOf(t('js10'), 'total') !== 0)
    warn(t('js10').titleLine, 'jiangsu-12: 政府性基金 spending (table 10) is not imported yet');
  if (problems.length > 0) return fail();

  const unitCode = `${dept}001`;
  const unitKind = 'administrative' as const;
  notes.push(
    `unit ${unitCode} ${parsed.unitName} (本级, ${unitKind}): the document's 部门; the layout prints one unit`,
  );
  const keyOf = (
    functionalCode: string,
    deptEconCode: string,
    kind: BudgetLineKey['kind'],
    projectCode: string | null,
    fundSource: FundSource = 'general-public',
  ): BudgetLineKey => ({
    unitCode,
    fiscalYear,
    fundSource,
    functionalCode,
    kind,
    deptEconCode,
    govEconCode: ref.governmentCodesFor(deptEconCode, unitKind)?.[0] ?? '50299',
    projectCode,
    origin: 'current',
  });

  // Stage 1: table 8's 款 and one project column fitted on table 7's 项.
  const js07 = t('js07');
  const js08 = t('js08');
  const items = js07.rows.flatMap((r) =>
    r.role === 'class' && r.code?.length === 7
      ? [{ code: r.code, name: String(r.cells[0] ?? ''), c: cents(r.cells[1]) }]
      : [],
  );
  const cols = js08.rows.flatMap((r) =>
    r.role === 'item' && r.code?.length === 5
      ? [
          {
            dept: r.code,
            kind: (r.code.startsWith('302') ? 'public' : 'personnel') as BudgetLineKey['kind'],
            c: cents(r.cells[1]),
          },
        ]
      : [],
  );
  const total7 = items.reduce((s, it) => s + it.c, 0);
  const basic8 = cols.reduce((s, c) => s + c.c, 0);
  if (total7 < basic8) {
    warn(
      js08.titleLine,
      `table 8's basic spending ${basic8 / 100} exceeds table 7's ${total7 / 100}`,
    );
    return fail();
  }
  const allowed = (dept8: string, it: { code: string; name: string }) =>
    SPECIFIC_DEPT.test(dept8)
      ? allowedItems(dept8, unitKind, items).codes.includes(it.code)
      : OWN_ITEM[dept8] && items.some((x) => OWN_ITEM[dept8]!.test(x.name))
        ? OWN_ITEM[dept8].test(it.name)
        : !RESERVED.test(it.name);
  let fit: number[][];
  try {
    fit = fitMargins(
      items.map((it) => it.c),
      [...cols.map((c) => c.c), total7 - basic8],
      items.map((it) => [...cols.map((c) => allowed(c.dept, it)), true]),
    ).cells;
  } catch {
    try {
      // The contribution rules name 项 the document may not print: any 项 then.
      fit = fitMargins(
        items.map((it) => it.c),
        [...cols.map((c) => c.c), total7 - basic8],
        items.map(() => [...cols.map(() => true), true]),
      ).cells;
    } catch (err) {
      warn(js08.titleLine, `table 8 cannot be placed on table 7's 项: ${(err as Error).message}`);
      return fail();
    }
  }
  const basicLines: Line[] = [];
  items.forEach((it, a) =>
    cols.forEach(
      (col, b) =>
        fit[a]![b]! > 0 &&
        basicLines.push({ key: keyOf(it.code, col.dept, col.kind, null), c: fit[a]![b]! }),
    ),
  );
  notes.push(
    `derived basic lines: ${basicLines.length} (项 × 款) from tables 7 and 8, exact in 0.01 万元 (derived)`,
  );

  // Projects: one per 项 with a project part, and the 单位预留机动经费.
  const rest = new Map(items.map((it, a) => [it.code, fit[a]![cols.length]!]));
  // Project spending the document does not break down goes on 其他商品和服务支出, or, in a year
  // whose 机关运行经费 counts that 款 in projects (2017), on 委托业务费, which it does not count.
  const rule = agencyOperatingRule(ref);
  const counted = agencyOperatingLine(rule, [{ code: unitCode, kind: unitKind }]);
  const filler = [PROJECT_ECON, COMMISSIONED].find(
    (econ) => !counted({ unitCode, kind: 'project', deptEconCode: econ }),
  )!;
  const projects: (Project & { functionalCode: string })[] = [];
  const projectLines = new Map<string, Line[]>();
  const reserve = amountOf(t('js04'), 'purpose.reserve');
  /** `need` taken from the 项' project parts, largest first (or from `only`), onto `project`. */
  const take = (
    need: number,
    econ: string,
    project: (code: string) => Project & { functionalCode: string },
    only?: string,
  ) => {
    const from = [...rest]
      .filter(([code, left]) => left > 0 && (only === undefined || code === only))
      .sort((x, y) => y[1] - x[1]);
    if (from.reduce((s, [, left]) => s + left, 0) < need) return false;
    for (const [code, left] of from) {
      const part = Math.min(need, left);
      if (part === 0) break;
      rest.set(code, left - part);
      need -= part;
      const p = project(code);
      projectLines.get(p.code)!.push({ key: keyOf(code, econ, 'project', p.code), c: part });
    }
    return true;
  };
  const register = (p: Project & { functionalCode: string }) => {
    projects.push(p);
    projectLines.set(p.code, []);
    return p;
  };
  const projectOf = (code: string) =>
    projects.find((p) => p.functionalCode === code && p.name !== JIANGSU_RESERVE_PROJECT) ??
    register({
      code: `P${String(projects.filter((p) => p.name !== JIANGSU_RESERVE_PROJECT).length + 1).padStart(2, '0')}`,
      name: `${items.find((it) => it.code === code)!.name}项目支出`,
      category: 'specific-goal',
      attribute: 'recurring',
      period: '1年',
      procurement: [],
      implementingUnit: null,
      functionalCode: code,
    });
  if (reserve > 0) {
    const r = () =>
      projects.find((p) => p.name === JIANGSU_RESERVE_PROJECT) ??
      register({
        code: 'R01',
        name: JIANGSU_RESERVE_PROJECT,
        category: 'specific-goal',
        attribute: 'one-off',
        period: '1年',
        procurement: [],
        implementingUnit: null,
        functionalCode: items[0]!.code,
      });
    if (!take(reserve, filler, r))
      warn(
        t('js04').titleLine,
        `单位预留机动经费 ${reserve / 100} exceeds every 项's project part`,
      );
    else
      notes.push(
        `单位预留机动经费 ${reserve / 100} 万元: project R01 of that name on economic ${filler} (derived; printed back in its own row)`,
      );
  }
  // Table 9's items beyond basic spending, on the project with the largest remainder.
  const js09 = t('js09');
  const printed9 = (key: string) => amountOf(js09, 'total', key);
  const policy = ref.data.policy.sanGong;
  const nine: [string, string[]][] = [
    ...[...sanGongItemCodes(policy)].map(([k, codes]): [string, string[]] => [
      `sanGong.${k}`,
      codes,
    ]),
    ['meetings', [MEETINGS]],
    ['training', [TRAINING]],
  ];
  for (const [key, codes] of nine) {
    const basicC = basicLines
      .filter((l) => codes.includes(l.key.deptEconCode))
      .reduce((s, l) => s + l.c, 0);
    const need = printed9(key) - basicC;
    if (need < 0) warn(js09.titleLine, `table 9 ${key} is less than table 8's basic ${codes[0]}`);
    else if (need > 0 && !take(need, codes[0]!, projectOf))
      warn(js09.titleLine, `table 9 ${key}: ${need / 100} 万元 and no project can hold it`);
    else if (need > 0)
      notes.push(`table 9 ${key}: ${need / 100} 万元 beyond basic spending on a project (derived)`);
  }
  // A year whose 机关运行经费 counts project running costs by 款 (2017): table 11's 款 beyond
  // what basic spending and table 9 put there are project lines on that 款.
  if (rule.includesProjects) {
    const js11 = t('js11');
    const placed = (econ: string) =>
      [...basicLines, ...[...projectLines.values()].flat()]
        .filter((l) => l.key.deptEconCode === econ)
        .reduce((s, l) => s + l.c, 0);
    for (const r of js11.rows) {
      if (r.code?.length !== 5) continue;
      const need = cents(r.cells[1]) - placed(r.code);
      if (need < 0)
        warn(js11.titleLine, `table 11 ${r.code} is less than basic spending's and table 9's`);
      else if (need > 0 && !take(need, r.code, projectOf))
        warn(js11.titleLine, `table 11 ${r.code}: ${need / 100} 万元 and no project can hold it`);
      else if (need > 0)
        notes.push(
          `table 11 ${r.code}: ${need / 100} 万元 of project running costs (${fiscalYear}'s 机关运行经费 counts them) on a project (derived)`,
        );
    }
  }
  if (problems.length > 0) return fail();
  for (const [code, left] of rest) take(left, filler, projectOf, code);

  // 财政专户 and 其他资金: table 1 against table 4 by purpose, table 1 against table 5 by 类.
  const js04 = t('js04');
  const js05 = t('js05');
  const others = otherSources(js01, t('js02'));
  const otherBasic = amountOf(js01, 'purpose.basic') - amountOf(js04, 'purpose.basic');
  const otherProject = amountOf(js01, 'purpose.project') - amountOf(js04, 'purpose.project');
  const otherTotal = others.reduce((s, o) => s + o.c, 0);
  const otherLines: Line[] = [];
  if (otherTotal !== otherBasic + otherProject || otherBasic < 0 || otherProject < 0)
    warn(js01.titleLine, 'table 1: 财政专户/其他资金 do not match the purposes beyond table 4');
  else if (otherTotal > 0) {
    const classes = js01.rows.flatMap((r) => {
      const name = String(r.cells[0] ?? '').replace(/^[一二三四五六七八九十]+、/, '');
      const code =
        r.role === 'class' ? ref.codeNamed('functional', name, (c) => c.length === 3) : null;
      if (!code) return [];
      const fiscal = js05.rows.find((x) => x.code === code);
      const c = cents(r.cells[1]) - (fiscal ? cents(fiscal.cells[1]) : 0);
      const first = items.find((it) => it.code.startsWith(code))?.code;
      return c > 0 ? [{ code, c, first }] : [];
    });
    let basicLeft = otherBasic;
    for (const cls of classes) {
      if (!cls.first) {
        warn(js01.titleLine, `table 1: 类 ${cls.code} has other sources but no 项 in table 7`);
        continue;
      }
      let left = cls.c;
      for (const o of others) {
        const part = Math.min(left, o.c);
        if (part <= 0) continue;
        o.c -= part;
        left -= part;
        const b = Math.min(part, basicLeft);
        basicLeft -= b;
        if (b > 0)
          otherLines.push({ key: keyOf(cls.first, PROJECT_ECON, 'public', null, o.source), c: b });
        if (part > b) {
          const p = projectOf(cls.first);
          projectLines.get(p.code)!.push({
            key: keyOf(cls.first, PROJECT_ECON, 'project', p.code, o.source),
            c: part - b,
          });
        }
      }
    }
    notes.push(
      `财政专户/其他资金 ${otherTotal / 100} 万元 (basic ${otherBasic / 100}, project ${otherProject / 100}) on the first 项 of each 类 table 1 gives them, economic ${PROJECT_ECON} (derived)`,
    );
  }
  if (problems.length > 0) return fail();

  // Render the plan in the layout and compare every amount cell with the document.
  const allBasic = [...basicLines, ...otherLines];
  const toFact = (l: Line) => ({ line: l.key, amount: fenToYuan(l.c * UNIT_FEN) });
  const js12 = t('js12');
  const procurement = {
    goods: fenToYuan(amountOf(js12, '货物') * UNIT_FEN),
    works: fenToYuan(amountOf(js12, '工程') * UNIT_FEN),
    services: fenToYuan(amountOf(js12, '服务') * UNIT_FEN),
  };
  const unit: SingleUnit = {
    unitCode,
    name: parsed.unitName!,
    kind: unitKind,
    departmentCode: dept,
    fiscalYear,
    date,
    sha256: input.sha256,
    projects: projects.map(({ functionalCode: _fc, ...p }) => ({
      project: p,
      lines: projectLines.get(p.code)!.map(toFact),
    })),
    basic: allBasic.map(toFact),
  };
  const facts = singleUnitFacts(unit, {
    ...procurement,
    total: fenToYuan(amountOf(js12, 'total') * UNIT_FEN),
  });
  const rendered = renderJiangsu12(facts, ref);
  const published = JIANGSU_TABLE_IDS.map((id) => t(id));
  const cmp = compareTables(
    published,
    JIANGSU_TABLE_IDS.map((id) => rendered.tables[id]),
  );
  const unreproduced = cmp.mismatches.map((m) => ({
    label: `${m.table} ${m.row} ${m.column} (rendered ${m.rendered ?? '(empty)'})`,
    line: tables.get(m.table)?.titleLine ?? 1,
    printed: typeof m.published === 'string' ? m.published : null,
    leaf: true,
  }));
  for (const u of unreproduced)
    warn(u.line, `${u.label}: printed ${u.printed ?? '(empty)'} is not reproduced`);
  notes.push(
    `jiangsu-12: ${cmp.compared} amount cells of the 12 tables compared (${cmp.printed} printed), ${cmp.mismatches.length} differ`,
  );
  const figures = { compared: cmp.compared, unreproduced };
  if (problems.length > 0) return { ...fail(), figures };
  const steps = singleUnitSteps(unit);
  steps.push({
    key: 'procurement',
    unitCode,
    derived: false,
    summary: `RecordProcurementBudget goods ${procurement.goods} works ${procurement.works} services ${procurement.services} (元, table 12)`,
    command: { type: 'RecordProcurementBudget', data: { recordedAt: date, ...procurement } },
  });
  notes.push(
    'not imported (jiangsu-12): the 情况说明 (prior-year comparatives), table 12 detail lines, performance targets',
  );
  return { ...plan, ok: true, steps, notes, problems: [], figures };
}

/** 财政专户 and 其他资金 by source, from table 2 (其他收入 when the table names no kind). */
function otherSources(js01: ParsedTable, js02: ParsedTable): { source: FundSource; c: number }[] {
  const out: { source: FundSource; c: number }[] = [
    { source: 'special-account', c: amountOf(js01, 'revenue.special-account') },
  ];
  const byKind: [string, FundSource][] = [
    ['other:事业收入', 'business-income'],
    ['other:经营收入', 'operating-income'],
  ];
  let other = amountOf(js01, 'revenue.other');
  for (const [key, source] of byKind) {
    const c = Math.min(other, amountOf(js02, key));
    other -= c;
    out.push({ source, c });
  }
  out.push({ source: 'other-income', c: other });
  return out.filter((o) => o.c > 0);
}
