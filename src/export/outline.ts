/**
 * What the printable 13-table document says outside its tables, independent of the format that
 * prints it: the explanation's sections (第三部分) as headings, paragraphs and charts, the lines of
 * the performance forms (第四部分) and the names the overview prints. The HTML document (html.ts)
 * and the PDF (pdf/) both read these, so the two can never say different things. Pure.
 */
import type { Indicator } from '../domain';
import {
  type Disclosure,
  type DisclosureUnit,
  type ProjectFormOut,
  type UnitFormOut,
} from '../domain/disclosure';
import { chineseOrdinal } from '../domain/disclosure/layout';
import type { ChartSpec } from './svg';

export const CHART_IDS = {
  structure: 'chart-general-budget-structure',
  sanGong: 'chart-sangong',
} as const;

export const UNIT_KIND_NAMES: Record<DisclosureUnit['kind'], string> = {
  administrative: '行政单位',
  'civil-service-managed': '参公事业单位',
  institution: '事业单位',
};
const SOURCE_NAMES: Record<string, string> = {
  'general-public': '一般公共预算',
  'government-fund': '政府性基金预算',
  'state-capital': '国有资本经营预算',
  'special-account': '财政专户管理资金',
  'unit-funds': '单位资金',
};
const DETAIL_LABELS: Record<string, string> = {
  duties: '部门（单位）职能职责',
  strategicGoal: '中长期战略目标',
  overview: '项目概况',
  basis: '立项依据',
  necessity: '项目设立的必要性',
  measures: '保障措施',
  plan: '实施计划',
  annualGoal: '年度目标',
  department: '主管部门及代码',
  implementingUnit: '实施单位',
  attribute: '项目属性',
  period: '项目期',
  fundsTotal: '项目资金（元）',
  filledAt: '填报日期',
  title: '标题',
  internalFunctionalDepartments: '内设职能部门数',
  budgetUnits: '所属预算单位数',
  authorizedStaff: '核定的人员编制数',
  actualStaff: '实际在职人员总数',
  onPayrollStaff: '其中：在编人员数',
  keyTasks: '年度重点任务',
};

/** A detail's value as a reader reads it: dates and amounts formatted, task lists spelled out. */
const DETAIL_FORMATS: Record<string, (v: string) => string> = {
  // The finance system's stamp, 20240111112139: 2024-01-11 11:21:39.
  filledAt: (v) => {
    const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(v);
    return m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : v;
  },
  fundsTotal: (v) => (/^-?\d+(\.\d+)?$/.test(v) ? sep(v) : v),
  keyTasks: (v) => {
    let tasks: unknown;
    try {
      tasks = JSON.parse(v);
    } catch {
      return v;
    }
    if (!Array.isArray(tasks)) return v;
    return tasks
      .map((t: { coreFunction?: unknown; keyTask?: unknown }) =>
        [
          t.coreFunction ? `核心职能：${String(t.coreFunction)}` : '',
          t.keyTask ? `重点任务：${String(t.keyTask)}` : '',
        ]
          .filter(Boolean)
          .join('；'),
      )
      .join('\n');
  },
};

/** An amount with thousands separators, as published. */
export const sep = (amount: string): string => {
  const [whole, fraction] = amount.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
};

/** 表一 … 表十三 of a table id (t01 … t13). */
export const tableNo = (id: string): string => `表${chineseOrdinal(Number(id.slice(1)))}`;

export type ChartKind = 'donut' | 'bar';

/** A piece of an explanation section, in reading order. */
export type Block =
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'chart'; chart: ChartKind; spec: ChartSpec; caption: string };

export interface Section {
  title: string;
  blocks: Block[];
}

/** Chart data: 一般公共预算 (当年) 基本支出 and 项目支出 as table 5 prints them; 三公 items of table 10. */
export function chartSpecs(d: Disclosure): { structure: ChartSpec; sanGong: ChartSpec } {
  const unit = d.tables.t05.moneyUnit;
  const t05 = d.tables.t05.rows.find((r) => r.role === 'total');
  const t10 = d.tables.t10;
  const sg = (key: string): string => t10.rows.find((r) => r.key === key)?.cells.total ?? '0';
  return {
    structure: {
      id: CHART_IDS.structure,
      title: `${d.fiscalYear}年一般公共预算支出结构`,
      unit,
      total: t05?.cells.total ?? '0',
      data: [
        { label: '基本支出', value: t05?.cells.basic ?? '0' },
        { label: '项目支出', value: t05?.cells.project ?? '0' },
      ],
    },
    sanGong: {
      id: CHART_IDS.sanGong,
      title: `${d.fiscalYear}年“三公”经费预算构成`,
      unit,
      data: [
        { label: '因公出国（境）费', value: sg('sanGong.overseasTravel') },
        { label: '公务接待费', value: sg('sanGong.officialReception') },
        { label: '公务用车购置费', value: sg('sanGong.vehiclePurchase') },
        { label: '公务用车运行维护费', value: sg('sanGong.vehicleOperation') },
      ],
    },
  };
}

const para = (text: string): Block => ({ kind: 'paragraph', text });

/** The eleven sections of 第三部分, numbered 一、 … by the printer (chineseOrdinal). */
export function explanationSections(d: Disclosure): Section[] {
  const e = d.explanation;
  const charts = chartSpecs(d);
  const u = d.tables.t05.moneyUnit;
  const one = (title: string, text: string): Section => ({ title, blocks: [para(text)] });
  return [
    one('单位预算收支数据变动情况及原因', e.changes.text),
    one('收入预算情况说明', e.revenue.text),
    one('支出预算情况说明', e.expenditure.text),
    one('财政拨款收支预算总体情况说明', e.fiscalAppropriation.text),
    {
      title: '一般公共预算支出情况说明',
      blocks: [
        { kind: 'subheading', text: '（一）一般公共预算当年支出规模变化情况' },
        para(e.generalPublicBudget.scaleText),
        { kind: 'subheading', text: '（二）一般公共预算当年支出结构情况' },
        para(e.generalPublicBudget.structureText),
        {
          kind: 'chart',
          chart: 'donut',
          spec: charts.structure,
          caption: `图1\u3000一般公共预算当年支出：基本支出与项目支出（单位：${u}，见表五）`,
        },
      ],
    },
    one('一般公共预算基本支出情况说明', e.basicExpenditure.text),
    {
      title: '“三公”经费增减变动原因说明',
      blocks: [
        para(e.threePublicExpenses.text),
        {
          kind: 'chart',
          chart: 'bar',
          spec: charts.sanGong,
          caption: `图2\u3000财政拨款安排的“三公”经费（单位：${u}，见表十）`,
        },
      ],
    },
    one('机关运行经费增减变动原因说明', e.agencyOperatingExpenses.text),
    one(
      '政府采购情况',
      e.governmentProcurement?.text ?? `${d.fiscalYear}年${d.department.name}未安排政府采购预算。`,
    ),
    {
      title: '绩效管理情况',
      blocks: [
        para(e.performanceManagement.text),
        ...(e.performanceManagement.overallTarget
          ? [para(e.performanceManagement.overallTarget.text)]
          : []),
      ],
    },
    {
      title: '国有资产占有使用情况',
      blocks: e.assets
        ? [e.assets.vehiclesText, e.assets.officeSpaceText, e.assets.equipmentText].map(para)
        : [para('无。')],
    },
  ];
}

/** The overview's two paragraphs (职责, 机构设置) of 第一部分. */
export function overviewTexts(d: Disclosure, unitCount: number): { duties: string; units: string } {
  const duties = d.performanceForms.unit?.form.details.duties ?? null;
  const dept = `${d.department.name}（部门编码${d.department.code}）`;
  return {
    duties: duties ?? `${dept}的职责见本单位“三定”规定。`,
    units: `${dept}${d.fiscalYear}年单位预算汇总${unitCount}个单位的预算，具体包括：`,
  };
}

/** Labelled free-text fields of a form that hold something, in the form's order. */
export const detailRows = (
  d: Record<string, string | null>,
  /** Fields the form prints in rows of its own. */
  omit: readonly string[] = [],
): [string, string][] =>
  Object.entries(d)
    .filter((e): e is [string, string] => e[1] !== null && e[1] !== '' && !omit.includes(e[0]))
    .map(([k, v]) => [DETAIL_LABELS[k] ?? k, DETAIL_FORMATS[k]?.(v) ?? v]);

/** The 年度预算情况 line of the whole-unit form. */
export function unitBudgetText(f: UnitFormOut, unit: string): string {
  const sources = f.budget.bySource
    .filter((s) => s.amount !== '0')
    .map((s) => `${SOURCE_NAMES[s.source] ?? s.source}${sep(s.amount)}${unit}`)
    .join('，');
  return `资金总额${sep(f.budget.total)}${unit}${sources ? `（${sources}）` : ''}；其中：基本支出${sep(f.budget.basic)}${unit}，项目支出${sep(f.budget.project)}${unit}`;
}

/** A form's labelled rows, as printed above its indicators. */
export function unitFormRows(f: UnitFormOut, unit: string): [string, string][] {
  return [
    ['单位名称', f.unitName],
    ['年度预算情况', unitBudgetText(f, unit)],
    ...detailRows(f.form.details),
    ['年度绩效目标', f.form.goal ?? ''],
  ];
}

export function projectFormRows(f: ProjectFormOut): [string, string][] {
  return [
    ['项目名称', f.projectName],
    ['实施单位', f.unitName],
    ['年度资金总额（元）', sep(f.fundsYuan)],
    ...detailRows(f.form.details, ['implementingUnit']),
    ['年度绩效目标', f.form.goal ?? ''],
  ];
}

/**
 * An indicator table: its header, and per row the cells with how many rows each spans (0: covered
 * by the cell above; 一级/二级 merge over consecutive equal values).
 */
export function indicatorGrid(indicators: readonly Indicator[]): {
  head: string[];
  rows: { text: string; span: number }[][];
} {
  const withAnnual = indicators.some(
    (i) => i.annual !== null && (i.annual.level3 !== i.level3 || i.annual.value !== i.value),
  );
  const head = ['一级指标', '二级指标', '三级指标', '指标值'];
  if (withAnnual) head.push('年度三级指标', '年度指标值');
  const span = (i: number, same: (a: Indicator, b: Indicator) => boolean): number => {
    if (i > 0 && same(indicators[i - 1]!, indicators[i]!)) return 0;
    let n = 1;
    while (i + n < indicators.length && same(indicators[i]!, indicators[i + n]!)) n++;
    return n;
  };
  const same1 = (a: Indicator, b: Indicator): boolean => a.level1 === b.level1;
  const same2 = (a: Indicator, b: Indicator): boolean => same1(a, b) && a.level2 === b.level2;
  const one = (text: string | null | undefined) => ({ text: text ?? '', span: 1 });
  const rows = indicators.map((ind, i) => [
    { text: ind.level1, span: span(i, same1) },
    { text: ind.level2 ?? '', span: span(i, same2) },
    one(ind.level3),
    one(ind.value),
    ...(withAnnual ? [one(ind.annual?.level3), one(ind.annual?.value)] : []),
  ]);
  return { head, rows };
}
