/**
 * The seed ledger: the 2024 budget of 汾阳市行政审批服务管理局 (department 019) and its
 * subordinate 数字政府服务中心, as the dated history of commands that produced it.
 *
 * Sources (data/seed/fenyang-2024/README.md): lines.json holds the exact yuan lines derived from
 * the published figures (docs/seed-derivation.md explains how); expected.json is the
 * transcription of the published document, from which the projects' and the whole unit's
 * performance forms, the procurement budget, the state assets and the prior-year comparatives
 * are taken as printed.
 *
 * History: units registered, the year opened and the projects registered in December 2023 (budgets
 * are prepared before the year); each project funded and given its targets on the date its form was
 * filled in; basic spending allocated when the last form was filled in (2024-01-30); the disclosure
 * published on 2024-05-08 (the document states assets as of 2024-05-07; its own publication date is
 * not printed); then, after publication, an approved 追加 on a project, an approved 调剂 between two
 * operating lines, and a revision of a project's performance targets.
 */
import type {
  BudgetCommand,
  BudgetLineKey,
  FundSource,
  Indicator,
  Project,
  TargetForm,
  UnitKind,
} from '../domain';
import type { RegisterBudgetUnit } from '../domain';
import expected from '../../data/seed/fenyang-2024/expected.json';
import seedLines from '../../data/seed/fenyang-2024/lines.json';

export const SEED_NAME = 'fenyang-2024';
export const DEPARTMENT_CODE = '019';
export const FISCAL_YEAR = 2024;
export const OFFICER = 'officer:019-汾阳市行政审批服务管理局';
export const REVIEWER = 'reviewer:汾阳市财政局';

export type SeedStep =
  | { key: string; kind: 'unit'; unitCode: string; actor: string; command: RegisterBudgetUnit }
  | { key: string; kind: 'budget'; unitCode: string; actor: string; command: BudgetCommand }
  /** Publication: its ledger position and digest are read from the store when the step runs. */
  | {
      key: string;
      kind: 'publish';
      unitCode: string;
      actor: string;
      publishedAt: string;
      disclosureId: string;
      title: string;
    };

const UNIT_KINDS: Record<string, UnitKind> = {
  行政单位: 'administrative',
  参公事业单位: 'civil-service-managed',
  事业单位: 'institution',
};
const BUREAU = seedLines.units[0].unitCode;

/** "20240111112139" → "2024-01-11". */
const formDate = (stamp: string): string =>
  `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}`;
/** 万元 as printed → yuan (exact: the printed figure has at most 2 decimals of 万元 = whole yuan). */
const wanToYuan = (wan: string): string => {
  const [int, frac = ''] = wan.split('.');
  return `${BigInt(int) * 10000n + BigInt((frac + '0000').slice(0, 4))}.00`;
};

function lineKey(l: (typeof seedLines.lines)[number]): BudgetLineKey {
  return {
    unitCode: l.unitCode,
    fiscalYear: l.fiscalYear,
    fundSource: l.fundSource as FundSource,
    functionalCode: l.functionalCode,
    kind: l.kind as BudgetLineKey['kind'],
    deptEconCode: l.deptEconCode,
    govEconCode: l.govEconCode,
    projectCode: l.projectCode,
    origin: l.origin as BudgetLineKey['origin'],
  };
}

function unitSteps(): SeedStep[] {
  return seedLines.units.map((u) => ({
    key: `unit:${u.unitCode}`,
    kind: 'unit' as const,
    unitCode: u.unitCode,
    actor: 'admin:seed',
    command: {
      type: 'RegisterBudgetUnit' as const,
      data: {
        unitCode: u.unitCode,
        name: u.name,
        kind: UNIT_KINDS[u.kind],
        parentUnitCode: u.parentUnitCode,
        departmentCode: u.departmentCode,
        staffing: { authorized: u.staff, actual: u.staff },
        registeredAt: '2023-12-01',
      },
    },
  }));
}

/** The prior year (2023) as the explanation needs it: total, 三公 and 机关运行经费 (第三部分). */
function priorYear() {
  const n = expected.narrative;
  const total = wanToYuan(n.changes.revenueTotal);
  const prior = (
    BigInt(total.slice(0, -3)) - BigInt(wanToYuan(n.changes.revenueIncrease).slice(0, -3))
  ).toString();
  // 三公: every item is printed "与上年预算数相同"; 机关运行经费: this year's 24.53 printed as 25.62
  // "减少1.09万元", i.e. the prior year's figure was 25.62 (docs/seed-derivation.md).
  const sanGong = Object.fromEntries(
    n.threePublicExpenses.items.map((i) => [i.item, wanToYuan(i.amount)]),
  );
  return {
    fiscalYear: FISCAL_YEAR - 1,
    total: `${prior}.00`,
    sanGong: {
      overseasTravel: sanGong['因公出国(境)费'],
      officialReception: sanGong['公务接待费'],
      vehiclePurchase: sanGong['公务用车购置费'],
      vehicleOperation: sanGong['公务用车运行维护费'],
    },
    agencyOperatingExpenses: wanToYuan(n.agencyOperatingExpenses.amount),
    source: '2024年度单位预算公开 第三部分（上年预算数及增减额）',
  };
}

function openSteps(): SeedStep[] {
  return seedLines.units.map((u) => ({
    key: `open:${u.unitCode}`,
    kind: 'budget' as const,
    unitCode: u.unitCode,
    actor: OFFICER,
    // The department's prior-year comparatives belong to the consolidating (本级) unit.
    command: {
      type: 'OpenFiscalYear',
      data: {
        fiscalYear: FISCAL_YEAR,
        openedAt: '2023-12-01',
        priorYear: u.unitCode === BUREAU ? priorYear() : null,
      },
    } as BudgetCommand,
  }));
}

type PrintedForm = (typeof expected.performanceTargets.projects)[number];

function projectForm(p: PrintedForm): TargetForm {
  const indicators: Indicator[] = p.indicators.map((i) => ({
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    value: i.value,
    annual:
      i.annualLevel2 === i.level2 && i.annualLevel3 === i.level3 && i.annualValue === i.value
        ? null
        : { level2: i.annualLevel2, level3: i.annualLevel3, value: i.annualValue },
  }));
  return {
    goal: p.overallGoal.implementationPeriod,
    indicators,
    details: {
      annualGoal: p.overallGoal.annual,
      overview: p.overview,
      basis: p.basis,
      necessity: p.necessity,
      measures: p.measures,
      plan: p.plan,
      implementingUnit: p.implementingUnit,
      department: p.department,
      attribute: p.attribute,
      period: p.period,
      fundsTotal: p.funds.total,
      filledAt: p.filledAt,
    },
  };
}

function unitForm(): TargetForm {
  const o = expected.performanceTargets.overall;
  return {
    goal: o.annualGoal,
    indicators: o.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      level3: i.level3,
      value: i.value,
      annual: null,
    })),
    details: {
      title: o.title,
      duties: o.duties,
      strategicGoal: o.strategicGoal,
      internalFunctionalDepartments: o.internalFunctionalDepartments,
      budgetUnits: o.budgetUnits,
      authorizedStaff: o.authorizedStaff,
      actualStaff: o.actualStaff,
      onPayrollStaff: o.onPayrollStaff,
      keyTasks: JSON.stringify(o.keyTasks),
    },
  };
}

/**
 * The printed form of a project: matched on the form's own name, with its funds in 元 as a
 * cross-check.
 */
function printedFormOf(p: (typeof seedLines.projects)[number]): PrintedForm {
  const form = expected.performanceTargets.projects.find(
    (f) => f.name === p.formName && Number(f.funds.total) === Number(p.amount),
  );
  if (!form) throw new Error(`seed: no performance form printed for project ${p.code} ${p.name}`);
  return form;
}

/**
 * Projects are registered when the budget is prepared (2023-12-15), in the order of the finance
 * system (table 12 prints them in that order); each is then funded and given its targets on the
 * date its performance form was filled in.
 */
function projectSteps(): SeedStep[] {
  const registrations = seedLines.projects.map((p): SeedStep => {
    const form = printedFormOf(p);
    const project: Project = {
      code: p.code,
      name: p.name,
      category: p.category === '其他运转类' ? 'other-operating' : 'specific-goal',
      attribute: p.attribute.startsWith('一次性') ? 'one-off' : 'recurring',
      period: p.period,
      procurement: [],
      implementingUnit: form.implementingUnit,
    };
    return {
      key: `project:${p.code}`,
      kind: 'budget',
      unitCode: p.unitCode,
      actor: OFFICER,
      command: { type: 'RegisterProject', data: { project, registeredAt: '2023-12-15' } },
    };
  });
  const funding = seedLines.projects
    .map((p) => ({ p, form: printedFormOf(p), date: formDate(p.formFilledAt) }))
    .sort((a, b) => a.p.formFilledAt.localeCompare(b.p.formFilledAt))
    .flatMap(({ p, form, date }): SeedStep[] => {
      const lines = seedLines.lines
        .filter((l) => l.projectCode === p.code)
        .map((l) => ({ line: lineKey(l), amount: l.amount }));
      return [
        {
          key: `allocate:${p.code}`,
          kind: 'budget',
          unitCode: p.unitCode,
          actor: OFFICER,
          command: {
            type: 'AllocateInitialBudget',
            data: {
              allocationId: `年初预算-${p.code}`,
              allocatedAt: date,
              documentNumber: null,
              lines,
            },
          },
        },
        {
          key: `targets:${p.code}`,
          kind: 'budget',
          unitCode: p.unitCode,
          actor: OFFICER,
          command: {
            type: 'SetPerformanceTargets',
            data: {
              scope: 'project',
              projectCode: p.code,
              form: projectForm(form),
              setBy: OFFICER,
              setAt: date,
            },
          },
        },
      ];
    });
  return [...registrations, ...funding];
}

function basicSteps(): SeedStep[] {
  return seedLines.units.map((u) => ({
    key: `allocate:basic:${u.unitCode}`,
    kind: 'budget' as const,
    unitCode: u.unitCode,
    actor: OFFICER,
    command: {
      type: 'AllocateInitialBudget',
      data: {
        allocationId: `年初预算-基本支出-${u.unitCode}`,
        allocatedAt: '2024-01-30',
        documentNumber: null,
        lines: seedLines.lines
          .filter((l) => l.unitCode === u.unitCode && l.kind !== 'project')
          .map((l) => ({ line: lineKey(l), amount: l.amount })),
      },
    } as BudgetCommand,
  }));
}

function recordSteps(): SeedStep[] {
  const proc = expected.narrative.governmentProcurement;
  const a = expected.assets;
  const v = a.vehicles;
  return [
    {
      key: 'targets:unit',
      kind: 'budget',
      unitCode: BUREAU,
      actor: OFFICER,
      command: {
        type: 'SetPerformanceTargets',
        data: {
          scope: 'unit',
          projectCode: null,
          form: unitForm(),
          setBy: OFFICER,
          setAt: '2024-01-30',
        },
      },
    },
    {
      key: 'procurement',
      kind: 'budget',
      unitCode: BUREAU,
      actor: OFFICER,
      command: {
        type: 'RecordProcurementBudget',
        data: {
          recordedAt: '2024-01-30',
          goods: wanToYuan(proc.goods),
          works: wanToYuan(proc.works),
          services: wanToYuan(proc.services),
        },
      },
    },
    {
      key: 'assets',
      kind: 'budget',
      unitCode: BUREAU,
      actor: OFFICER,
      command: {
        type: 'RecordStateAssets',
        data: {
          asOf: a.asOfISO,
          vehicles: {
            establishment: Number(v.establishment),
            actual: Number(v.actual),
            byUse: {
              leadership: Number(v.leadership),
              confidentialCommunication: Number(v.confidentialCommunication),
              emergencySupport: Number(v.emergencySupport),
              lawEnforcement: Number(v.lawEnforcement),
              specialTechnical: Number(v.specialTechnical),
              institutionBusiness: Number(v.institutionBusiness),
              other: Number(v.other),
            },
          },
          officeSpaceM2: a.officeSpaceM2,
          equipmentOver500k: Number(a.equipmentOver500k),
          equipmentOver1m: Number(a.equipmentOver1m),
        },
      },
    },
  ];
}

/** After publication: what the auditors' time-travel examples show changing. */
function laterSteps(): SeedStep[] {
  const lineOf = (pred: (l: (typeof seedLines.lines)[number]) => boolean) => {
    const l = seedLines.lines.find(pred);
    if (!l) throw new Error('seed: a later adjustment names a line the seed does not have');
    return lineKey(l);
  };
  const hall = lineOf((l) => l.projectCode === 'P05');
  const office = lineOf(
    (l) => l.unitCode === BUREAU && l.deptEconCode === '30201' && l.kind === 'public',
  );
  const travel = lineOf(
    (l) => l.unitCode === BUREAU && l.deptEconCode === '30211' && l.kind === 'public',
  );
  const adjust = (
    id: string,
    type: 'increase' | 'transfer',
    reason: string,
    doc: string,
    effectiveDate: string,
    submittedAt: string,
    approvedAt: string,
    lines: { line: BudgetLineKey; delta: string }[],
  ): SeedStep[] => [
    {
      key: `adjust:${id}:submit`,
      kind: 'budget',
      unitCode: BUREAU,
      actor: OFFICER,
      command: {
        type: 'SubmitAdjustment',
        data: {
          adjustmentId: id,
          adjustmentType: type,
          reason,
          documentNumber: doc,
          effectiveDate,
          submittedBy: OFFICER,
          submittedAt,
          lines,
        },
      },
    },
    {
      key: `adjust:${id}:approve`,
      kind: 'budget',
      unitCode: BUREAU,
      actor: REVIEWER,
      command: {
        type: 'ApproveAdjustment',
        data: { adjustmentId: id, approvedBy: REVIEWER, approvedAt: approvedAt },
      },
    },
  ];
  const p05 = expected.performanceTargets.projects.find(
    (f) => f.name === '购买政务大厅综合服务经费' && f.funds.total === '3950600',
  )!;
  const revised = projectForm(p05);
  revised.indicators = revised.indicators.map((i) =>
    i.level1 === '满意度指标' ? { ...i, value: '≥96%', annual: null } : i,
  );
  return [
    ...adjust(
      'ADJ-2024-001',
      'increase',
      '政务大厅延时服务增加窗口人员',
      '汾财预批（2024）35号',
      '2024-07-01',
      '2024-06-12',
      '2024-06-25',
      [{ line: hall, delta: '120000.00' }],
    ),
    ...adjust(
      'ADJ-2024-002',
      'transfer',
      '差旅费不足，从办公费调剂',
      '汾财预调（2024）8号',
      '2024-09-01',
      '2024-08-20',
      '2024-08-28',
      [
        { line: office, delta: '-3000.00' },
        { line: travel, delta: '3000.00' },
      ],
    ),
    {
      key: 'targets:P05:revise',
      kind: 'budget',
      unitCode: BUREAU,
      actor: OFFICER,
      command: {
        type: 'RevisePerformanceTargets',
        data: {
          formId: 'project:P05',
          form: revised,
          reason: '追加延时服务经费后提高群众满意度目标',
          revisedBy: OFFICER,
          revisedAt: '2024-07-05',
        },
      },
    },
  ];
}

/** Every step of the seed, in order. Keys are stable: they make re-running the seed a no-op. */
export function seedSteps(): SeedStep[] {
  return [
    ...unitSteps(),
    ...openSteps(),
    ...projectSteps(),
    ...basicSteps(),
    ...recordSteps(),
    {
      key: 'publish',
      kind: 'publish',
      unitCode: BUREAU,
      actor: OFFICER,
      publishedAt: '2024-05-08',
      disclosureId: `${DEPARTMENT_CODE}-${FISCAL_YEAR}-单位预算公开`,
      title: `${expected.document.unitName}${expected.document.title}`,
    },
    ...laterSteps(),
  ];
}
