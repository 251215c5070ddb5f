/**
 * Open Fiscal Data Package (Frictionless Data, Fiscal Data Package 0.3): `budget-lines.csv`, one
 * row per budget line of the unit-year in exact yuan (facts.lines, nothing rounded), and
 * `datapackage.json` describing it — the resource with its Table Schema, and a `model` mapping
 * the columns onto one measure (amount: CNY, factor 1, expenditure, approved or proposed) and the
 * dimensions: functional classification (类/款/项), department and government economic
 * classifications (类/款), fund source, 基本/项目 kind, administrative classification (部门/单位),
 * project, origin (当年/上年结转) and fiscal year. Pure: no I/O.
 */
import { csvRecord, type DisclosureFacts } from '../domain/disclosure';
import { fundSourceGroup, lineId, Money, type ReferenceIndex } from '../domain';
import type { Classification } from '../domain';

export type FdpPhase = 'proposed' | 'approved';

export interface FdpOptions {
  /** approved: the disclosure as published; proposed: the ledger at another point. */
  phase: FdpPhase;
  /** Free text about the point in the ledger the data reflects. */
  asOfNote?: string;
}

export const FDP_CSV = 'budget-lines.csv';
export const FDP_DESCRIPTOR = 'datapackage.json';

interface Field {
  name: string;
  type: 'string' | 'number' | 'integer' | 'boolean';
  title: string;
  description?: string;
}

const s = (name: string, title: string, description?: string): Field => ({
  name,
  type: 'string',
  title,
  ...(description ? { description } : {}),
});

export const FDP_FIELDS: Field[] = [
  { name: 'fiscal_year', type: 'integer', title: '预算年度' },
  s('department_code', '部门编码'),
  s('department_name', '部门名称'),
  s('unit_code', '单位编码'),
  s('unit_name', '单位名称'),
  s('unit_kind', '单位性质', '行政单位 / 参公事业单位 / 事业单位'),
  s('functional_class_code', '功能分类类级科目编码'),
  s('functional_class_name', '功能分类类级科目名称'),
  s('functional_section_code', '功能分类款级科目编码'),
  s('functional_section_name', '功能分类款级科目名称'),
  s('functional_item_code', '功能分类项级科目编码'),
  s('functional_item_name', '功能分类项级科目名称'),
  s('dept_econ_class_code', '部门预算支出经济分类类级编码'),
  s('dept_econ_class_name', '部门预算支出经济分类类级名称'),
  s('dept_econ_code', '部门预算支出经济分类款级编码'),
  s('dept_econ_name', '部门预算支出经济分类款级名称'),
  s('gov_econ_class_code', '政府预算支出经济分类类级编码'),
  s('gov_econ_class_name', '政府预算支出经济分类类级名称'),
  s('gov_econ_code', '政府预算支出经济分类款级编码'),
  s('gov_econ_name', '政府预算支出经济分类款级名称'),
  s(
    'fund_source',
    '资金来源',
    'general-public | government-fund | state-capital | special-account | unit-funds, or a kind of 单位资金 (business-income | operating-income | other-income)',
  ),
  s('fund_source_name', '资金来源名称'),
  s(
    'fund_source_group',
    '资金来源大类',
    'the fund source, or unit-funds for a kind of 单位资金: the column the disclosure tables count it in',
  ),
  s('fund_source_group_name', '资金来源大类名称'),
  { name: 'fiscal_appropriation', type: 'boolean', title: '是否财政拨款' },
  s('basic_or_project', '支出类型', 'basic (基本支出) | project (项目支出)'),
  s('basic_or_project_name', '支出类型名称'),
  s(
    'expenditure_kind',
    '支出明细类型',
    'personnel (人员经费) | public (公用经费) | project (项目支出)',
  ),
  s('expenditure_kind_name', '支出明细类型名称'),
  s('project_code', '项目编码'),
  s('project_name', '项目名称'),
  s('project_category', '项目类别', '其他运转类 / 特定目标类'),
  s('origin', '资金性质', 'current (当年预算) | carry-over (上年结转)'),
  s('origin_name', '资金性质名称'),
  { name: 'amount', type: 'number', title: '金额（元）', description: 'exact yuan, two decimals' },
];

const UNIT_KINDS: Record<string, string> = {
  administrative: '行政单位',
  'civil-service-managed': '参公事业单位',
  institution: '事业单位',
};
const KINDS: Record<string, string> = {
  personnel: '人员经费',
  public: '公用经费',
  project: '项目支出',
};
const ORIGINS: Record<string, string> = { current: '当年预算', 'carry-over': '上年结转' };
const CATEGORIES: Record<string, string> = {
  'other-operating': '其他运转类',
  'specific-goal': '特定目标类',
};

/** One CSV row per line (in line-id order), exact yuan; header = the field names. */
export function budgetLinesCsv(facts: DisclosureFacts, reference: ReferenceIndex): string {
  const name = (c: Classification, code: string): string => reference.name(c, code) ?? '';
  const units = new Map(facts.units.map((u) => [u.code, u]));
  const projects = new Map(facts.projects.map((p) => [p.code, p]));
  const lines = [...facts.lines].sort((a, b) =>
    lineId(a.line) < lineId(b.line) ? -1 : lineId(a.line) > lineId(b.line) ? 1 : 0,
  );
  const records = lines.map(({ line: l, amount }) => {
    const unit = units.get(l.unitCode);
    const project = l.projectCode === null ? undefined : projects.get(l.projectCode);
    const [f3, f5, f7] = [
      l.functionalCode.slice(0, 3),
      l.functionalCode.slice(0, 5),
      l.functionalCode,
    ];
    const [d3, g3] = [l.deptEconCode.slice(0, 3), l.govEconCode.slice(0, 3)];
    const basic = l.kind === 'project' ? 'project' : 'basic';
    const source = reference.fundSource(l.fundSource);
    const group = fundSourceGroup(l.fundSource);
    const row: Record<string, string> = {
      fiscal_year: String(l.fiscalYear),
      department_code: facts.department.code,
      department_name: facts.department.name,
      unit_code: l.unitCode,
      unit_name: unit?.name ?? '',
      unit_kind: unit ? UNIT_KINDS[unit.kind]! : '',
      functional_class_code: f3,
      functional_class_name: name('functional', f3),
      functional_section_code: f5,
      functional_section_name: name('functional', f5),
      functional_item_code: f7,
      functional_item_name: name('functional', f7),
      dept_econ_class_code: d3,
      dept_econ_class_name: name('departmentEconomic', d3),
      dept_econ_code: l.deptEconCode,
      dept_econ_name: name('departmentEconomic', l.deptEconCode),
      gov_econ_class_code: g3,
      gov_econ_class_name: name('governmentEconomic', g3),
      gov_econ_code: l.govEconCode,
      gov_econ_name: name('governmentEconomic', l.govEconCode),
      fund_source: l.fundSource,
      fund_source_name: source?.name ?? l.fundSource,
      fund_source_group: group,
      fund_source_group_name: reference.fundSource(group)?.name ?? group,
      fiscal_appropriation: String(source?.fiscalAppropriation ?? false),
      basic_or_project: basic,
      basic_or_project_name: basic === 'basic' ? '基本支出' : '项目支出',
      expenditure_kind: l.kind,
      expenditure_kind_name: KINDS[l.kind]!,
      project_code: l.projectCode ?? '',
      project_name: project?.name ?? '',
      project_category: project ? (CATEGORIES[project.category] ?? project.category) : '',
      origin: l.origin,
      origin_name: ORIGINS[l.origin]!,
      amount: Money.sum([amount]),
    };
    return csvRecord(FDP_FIELDS.map((f) => row[f.name] ?? ''));
  });
  return [csvRecord(FDP_FIELDS.map((f) => f.name)), ...records].map((r) => `${r}\r\n`).join('');
}

const attr = (
  source: string,
  title: string,
  extra: { parent?: string; labelfor?: string } = {},
): Record<string, string> => ({ source, title, ...extra });

/** Two-level (类/款) economic classification attributes. */
const economic = (prefix: string, title: string): Record<string, Record<string, string>> => ({
  class_code: attr(`${prefix}_class_code`, `${title}类`),
  class_name: attr(`${prefix}_class_name`, `${title}类名称`, { labelfor: 'class_code' }),
  code: attr(`${prefix}_code`, `${title}款`, { parent: 'class_code' }),
  name: attr(`${prefix}_name`, `${title}款名称`, { labelfor: 'code' }),
});

/** The model: one measure, the classification dimensions (attribute → CSV column). */
export function fdpModel(phase: FdpPhase): Record<string, unknown> {
  return {
    measures: {
      amount: {
        source: 'amount',
        title: '预算金额（元）',
        currency: 'CNY',
        factor: 1,
        direction: 'expenditure',
        phase,
      },
    },
    dimensions: {
      'fiscal-period': {
        dimensionType: 'datetime',
        attributes: { year: attr('fiscal_year', '预算年度') },
        primaryKey: 'year',
      },
      'functional-classification': {
        dimensionType: 'classification',
        classificationType: 'functional',
        title: '支出功能分类（类/款/项）',
        attributes: {
          class_code: attr('functional_class_code', '类'),
          class_name: attr('functional_class_name', '类名称', { labelfor: 'class_code' }),
          section_code: attr('functional_section_code', '款', { parent: 'class_code' }),
          section_name: attr('functional_section_name', '款名称', { labelfor: 'section_code' }),
          item_code: attr('functional_item_code', '项', { parent: 'section_code' }),
          item_name: attr('functional_item_name', '项名称', { labelfor: 'item_code' }),
        },
        primaryKey: ['class_code', 'section_code', 'item_code'],
      },
      'department-economic-classification': {
        dimensionType: 'classification',
        classificationType: 'economic',
        title: '部门预算支出经济分类（类/款）',
        attributes: economic('dept_econ', '部门经济分类'),
        primaryKey: ['class_code', 'code'],
      },
      'government-economic-classification': {
        dimensionType: 'classification',
        classificationType: 'economic',
        title: '政府预算支出经济分类（类/款）',
        attributes: economic('gov_econ', '政府经济分类'),
        primaryKey: ['class_code', 'code'],
      },
      'administrative-classification': {
        dimensionType: 'classification',
        classificationType: 'administrative',
        title: '部门/单位',
        attributes: {
          department_code: attr('department_code', '部门编码'),
          department_name: attr('department_name', '部门名称', { labelfor: 'department_code' }),
          unit_code: attr('unit_code', '单位编码', { parent: 'department_code' }),
          unit_name: attr('unit_name', '单位名称', { labelfor: 'unit_code' }),
          unit_kind: attr('unit_kind', '单位性质'),
        },
        primaryKey: ['department_code', 'unit_code'],
      },
      'fund-source': {
        dimensionType: 'other',
        title: '资金来源',
        attributes: {
          group_code: attr('fund_source_group', '资金来源大类'),
          group_name: attr('fund_source_group_name', '资金来源大类名称', {
            labelfor: 'group_code',
          }),
          code: attr('fund_source', '资金来源', { parent: 'group_code' }),
          name: attr('fund_source_name', '资金来源名称', { labelfor: 'code' }),
          fiscal_appropriation: attr('fiscal_appropriation', '是否财政拨款'),
        },
        primaryKey: 'code',
      },
      'expenditure-kind': {
        dimensionType: 'other',
        title: '基本支出/项目支出',
        attributes: {
          basic_or_project: attr('basic_or_project', '支出类型'),
          basic_or_project_name: attr('basic_or_project_name', '支出类型名称', {
            labelfor: 'basic_or_project',
          }),
          kind: attr('expenditure_kind', '支出明细类型', { parent: 'basic_or_project' }),
          kind_name: attr('expenditure_kind_name', '支出明细类型名称', { labelfor: 'kind' }),
        },
        primaryKey: ['basic_or_project', 'kind'],
      },
      project: {
        dimensionType: 'activity',
        title: '项目',
        attributes: {
          code: attr('project_code', '项目编码'),
          name: attr('project_name', '项目名称', { labelfor: 'code' }),
          category: attr('project_category', '项目类别'),
        },
        primaryKey: 'code',
      },
      origin: {
        dimensionType: 'other',
        title: '当年预算/上年结转',
        attributes: {
          code: attr('origin', '资金性质'),
          name: attr('origin_name', '资金性质名称', { labelfor: 'code' }),
        },
        primaryKey: 'code',
      },
    },
  };
}

/** datapackage.json (as an object). */
export function fdpDescriptor(facts: DisclosureFacts, opts: FdpOptions): Record<string, unknown> {
  const year = facts.fiscalYear;
  const slug = `budget-ledger-${facts.department.code}-${year}`
    .toLowerCase()
    .replace(/[^a-z0-9._-]/g, '-');
  return {
    profile: 'fiscal-data-package',
    name: slug,
    title: `${facts.department.name}${year}年度单位预算`,
    description:
      `${facts.department.name}${year}年度单位预算的预算明细（每行一条预算线，金额为精确到分的元）。` +
      (opts.asOfNote ? ` ${opts.asOfNote}` : ''),
    countryCode: 'CN',
    fiscalPeriod: { start: `${year}-01-01`, end: `${year}-12-31` },
    granularity: 'aggregated',
    resources: [
      {
        name: 'budget-lines',
        path: FDP_CSV,
        profile: 'tabular-data-resource',
        format: 'csv',
        mediatype: 'text/csv',
        encoding: 'utf-8',
        dialect: {
          delimiter: ',',
          lineTerminator: '\r\n',
          header: true,
          quoteChar: '"',
          doubleQuote: true,
        },
        schema: {
          fields: FDP_FIELDS.map((f) =>
            f.type === 'number'
              ? { ...f, decimalChar: '.', bareNumber: true }
              : f.type === 'boolean'
                ? { ...f, trueValues: ['true'], falseValues: ['false'] }
                : f,
          ),
          missingValues: [''],
        },
      },
    ],
    model: fdpModel(opts.phase),
  };
}

/** { 'datapackage.json': …, 'budget-lines.csv': … }. */
export function renderFdp(
  facts: DisclosureFacts,
  reference: ReferenceIndex,
  opts: FdpOptions,
): Record<string, string> {
  return {
    [FDP_DESCRIPTOR]: `${JSON.stringify(fdpDescriptor(facts, opts), null, 2)}\n`,
    [FDP_CSV]: budgetLinesCsv(facts, reference),
  };
}
