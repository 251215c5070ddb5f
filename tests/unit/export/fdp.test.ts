import { parse } from 'csv-parse/sync';
import { Money, shippedReference } from '../../../src/domain';
import { FDP_CSV, FDP_DESCRIPTOR, FDP_FIELDS, renderFdp } from '../../../src/export/fdp';
import { fenyangFacts } from '../disclosure/fenyang-fixture';

const facts = fenyangFacts();
const files = renderFdp(facts, shippedReference(2024), { phase: 'approved' });
const descriptor = JSON.parse(files[FDP_DESCRIPTOR]!);
const rows: Record<string, string>[] = parse(files[FDP_CSV]!, {
  columns: true,
  record_delimiter: '\r\n',
});

describe('Fiscal Data Package export of the seed', () => {
  it('writes datapackage.json and budget-lines.csv', () => {
    expect(Object.keys(files).sort()).toEqual(['budget-lines.csv', 'datapackage.json']);
    expect(files[FDP_CSV]!.endsWith('\r\n')).toBe(true);
  });

  it('describes a fiscal data package with one CSV resource and its schema', () => {
    expect(descriptor).toMatchObject({
      profile: 'fiscal-data-package',
      name: 'budget-ledger-019-2024',
      countryCode: 'CN',
      fiscalPeriod: { start: '2024-01-01', end: '2024-12-31' },
    });
    expect(descriptor.title).toBe('汾阳市行政审批服务管理局2024年度单位预算');
    expect(descriptor.resources).toHaveLength(1);
    const [res] = descriptor.resources;
    expect(res).toMatchObject({
      name: 'budget-lines',
      path: 'budget-lines.csv',
      format: 'csv',
      encoding: 'utf-8',
      profile: 'tabular-data-resource',
    });
    expect(res.schema.fields.map((f: { name: string }) => f.name)).toEqual(
      FDP_FIELDS.map((f) => f.name),
    );
    expect(res.schema.fields.find((f: { name: string }) => f.name === 'amount').type).toBe(
      'number',
    );
    expect(
      res.schema.fields.find((f: { name: string }) => f.name === 'functional_item_code').type,
    ).toBe('string');
  });

  it('models one measure (CNY, factor 1, expenditure, approved) and the classification dimensions', () => {
    expect(descriptor.model.measures).toEqual({
      amount: {
        source: 'amount',
        title: '预算金额（元）',
        currency: 'CNY',
        factor: 1,
        direction: 'expenditure',
        phase: 'approved',
      },
    });
    const dims = descriptor.model.dimensions;
    expect(Object.keys(dims).sort()).toEqual(
      [
        'administrative-classification',
        'department-economic-classification',
        'expenditure-kind',
        'fiscal-period',
        'functional-classification',
        'fund-source',
        'government-economic-classification',
        'origin',
        'project',
      ].sort(),
    );
    expect(dims['functional-classification']).toMatchObject({
      dimensionType: 'classification',
      classificationType: 'functional',
      primaryKey: ['class_code', 'section_code', 'item_code'],
    });
    expect(dims['functional-classification'].attributes.item_code).toEqual({
      source: 'functional_item_code',
      title: '项',
      parent: 'section_code',
    });
    expect(dims['administrative-classification'].classificationType).toBe('administrative');
    expect(dims['department-economic-classification'].classificationType).toBe('economic');
    expect(dims['government-economic-classification'].classificationType).toBe('economic');
    // every attribute's source is a column of the CSV
    const columns = new Set(FDP_FIELDS.map((f) => f.name));
    for (const dim of Object.values(dims) as { attributes: Record<string, { source: string }> }[])
      for (const a of Object.values(dim.attributes)) expect(columns.has(a.source)).toBe(true);
    expect(
      renderFdp(facts, shippedReference(2024), { phase: 'proposed' })[FDP_DESCRIPTOR],
    ).toContain('"phase": "proposed"');
  });

  it('has one row per budget line, in exact yuan, summing to the seed total (1256.36万元)', () => {
    expect(rows).toHaveLength(facts.lines.length);
    const total = Money.sum(rows.map((r) => r.amount!));
    expect(total).toBe(Money.sum(facts.lines.map((l) => l.amount)));
    expect(Money.toWanYuan(total)).toBe('1256.36');
    for (const r of rows) expect(r.amount).toMatch(/^-?\d+\.\d{2}$/);
    const project = Money.sum(
      rows.filter((r) => r.basic_or_project === 'project').map((r) => r.amount!),
    );
    expect(Money.toWanYuan(project)).toBe('1027.12');
  });

  it("names every code from the year's reference data, and projects and units from the facts", () => {
    const first = rows.find(
      (r) => r.functional_item_code === '2010301' && r.dept_econ_code === '30101',
    )!;
    expect(first).toMatchObject({
      fiscal_year: '2024',
      department_code: '019',
      unit_code: '019001',
      unit_name: '汾阳市行政审批服务管理局',
      unit_kind: '行政单位',
      functional_class_code: '201',
      functional_class_name: '一般公共服务支出',
      functional_section_code: '20103',
      functional_section_name: '政府办公厅（室）及相关机构事务',
      dept_econ_class_code: '301',
      dept_econ_class_name: '工资福利支出',
      dept_econ_name: '基本工资',
      gov_econ_code: '50101',
      gov_econ_name: '工资奖金津补贴',
      fund_source: 'general-public',
      fund_source_name: '一般公共预算',
      fiscal_appropriation: 'true',
      basic_or_project: 'basic',
      expenditure_kind: 'personnel',
      origin: 'current',
      origin_name: '当年预算',
      project_code: '',
    });
    for (const r of rows) {
      expect(r.functional_item_name).not.toBe('');
      expect(r.dept_econ_name).not.toBe('');
      expect(r.gov_econ_name).not.toBe('');
      if (r.basic_or_project === 'project') expect(r.project_name).not.toBe('');
    }
    expect(rows.find((r) => r.project_code === 'P01')?.project_name).toBe(
      '（社会团体、民办非企业单位）离任审计、注销清算报告专项工作经费',
    );
  });
});
