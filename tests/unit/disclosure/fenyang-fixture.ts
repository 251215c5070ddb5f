/**
 * The seed's facts for the golden test: the exact-yuan lines, units and projects of
 * data/seed/fenyang-2024/lines.json, plus the facts that are not lines (prior-year comparatives,
 * performance forms, procurement, assets), taken from the in-repo copy of expected.json.
 * Prior-year figures are those the explanation implies: 1,256.36 − 239.27 = 1,017.09万元 total,
 * 三公 5.00万元 (与上年相同), 机关运行经费 25.62万元 (24.53 + 1.09, see docs/seed-derivation.md).
 */
import { Money, type Indicator, type ProjectCategory, type UnitKind } from '../../../src/domain';
import { shippedReference } from '../../../src/domain';
import {
  buildDisclosure,
  type Disclosure,
  type DisclosureFacts,
  type FactPerformanceForm,
  type FactProject,
} from '../../../src/domain/disclosure';
import expected from '../../../data/seed/fenyang-2024/expected.json';
import seedLines from '../../../data/seed/fenyang-2024/lines.json';

export { expected };

const UNIT_KINDS: Record<string, UnitKind> = {
  行政单位: 'administrative',
  参公事业单位: 'civil-service-managed',
  事业单位: 'institution',
};
const CATEGORIES: Record<string, ProjectCategory> = {
  其他运转类: 'other-operating',
  特定目标类: 'specific-goal',
};

type SeedIndicator = {
  level1: string;
  level2: string | null;
  level3: string | null;
  value: string | null;
  annualLevel2?: string | null;
  annualLevel3?: string | null;
  annualValue?: string | null;
};

function indicators(list: readonly SeedIndicator[]): Indicator[] {
  return list.map((i) => ({
    level1: i.level1,
    level2: i.level2,
    level3: i.level3,
    value: i.value,
    annual:
      i.annualLevel3 === undefined
        ? null
        : {
            level2: i.annualLevel2 ?? null,
            level3: i.annualLevel3 ?? null,
            value: i.annualValue ?? null,
          },
  }));
}

function projects(): FactProject[] {
  return seedLines.projects.map((p) => ({
    code: p.code,
    name: p.name,
    unitCode: p.unitCode,
    category: CATEGORIES[p.category]!,
    attribute: p.attribute.startsWith('一次性') ? 'one-off' : 'recurring',
    period: p.period,
    procurement: [],
  }));
}

function performanceForms(): FactPerformanceForm[] {
  const overall = expected.performanceTargets.overall;
  const unitForm: FactPerformanceForm = {
    formId: 'unit',
    scope: 'unit',
    projectCode: null,
    unitCode: '019001',
    revision: 0,
    form: {
      goal: overall.annualGoal,
      indicators: indicators(overall.indicators),
      details: { duties: overall.duties, strategicGoal: overall.strategicGoal },
    },
  };
  const byName = new Map(seedLines.projects.map((p) => [p.name, p.code]));
  const projectForms = expected.performanceTargets.projects.map((f): FactPerformanceForm => {
    const code = byName.get(f.t12Project);
    if (!code) throw new Error(`no project in lines.json for the form ${f.t12Project}`);
    const details = {
      overview: f.overview,
      basis: f.basis,
      necessity: f.necessity,
      measures: f.measures,
      plan: f.plan,
    };
    return {
      formId: `project:${code}`,
      scope: 'project',
      projectCode: code,
      unitCode: '019001',
      revision: 0,
      form: { goal: f.overallGoal.annual, indicators: indicators(f.indicators), details },
    };
  });
  return [unitForm, ...projectForms];
}

const wan = (printed: string): string => Money.fromWanYuan(printed);

export function fenyangFacts(): DisclosureFacts {
  const a = expected.assets;
  const p = expected.narrative.governmentProcurement;
  const v = a.vehicles;
  return {
    fiscalYear: 2024,
    department: { code: '019', name: expected.document.unitName },
    units: seedLines.units.map((u) => ({
      code: u.unitCode,
      name: u.name,
      kind: UNIT_KINDS[u.kind]!,
    })),
    lines: seedLines.lines.map(({ amount, ...line }) => ({
      line: line as DisclosureFacts['lines'][number]['line'],
      amount,
    })),
    projects: projects(),
    priorYear: {
      fiscalYear: 2023,
      total: Money.sub(
        wan(expected.narrative.changes.revenueTotal),
        wan(expected.narrative.changes.revenueIncrease),
      ),
      sanGong: {
        overseasTravel: '0.00',
        officialReception: '0.00',
        vehiclePurchase: '0.00',
        vehicleOperation: wan('5.00'),
      },
      agencyOperatingExpenses: wan('25.62'),
      source: 'seed explanation (第三部分) of 2024',
    },
    performanceForms: performanceForms(),
    procurement: {
      goods: wan(p.goods),
      works: wan(p.works),
      services: wan(p.services),
      total: wan(p.total),
    },
    assets: {
      asOf: a.asOfISO,
      vehicles: {
        establishment: Number(v.establishment),
        actual: Number(v.actual),
        byUse: Object.fromEntries(
          [
            'leadership',
            'confidentialCommunication',
            'emergencySupport',
            'lawEnforcement',
            'specialTechnical',
            'institutionBusiness',
            'other',
          ].map((k) => [k, Number(v[k as keyof typeof v])]),
        ),
      },
      officeSpaceM2: a.officeSpaceM2,
      equipmentOver500k: Number(a.equipmentOver500k),
      equipmentOver1m: Number(a.equipmentOver1m),
    },
  };
}

/** Reasons are the unit's free text; the ledger records them, it cannot compute them. */
export const FENYANG_NOTES = {
  changeReason: expected.narrative.changes.revenueReason,
  agencyOperatingReason: expected.narrative.agencyOperatingExpenses.reason,
};

/** The seed's disclosure in 万元, with the unit's reasons. */
export const fenyangDisclosure = (): Disclosure =>
  buildDisclosure(fenyangFacts(), shippedReference(2024), {
    moneyUnit: 'wan-yuan',
    notes: FENYANG_NOTES,
  });
