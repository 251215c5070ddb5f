/**
 * The commands of a plan that loads one unit (the layouts that print one: shanghai-9, jiangsu-12):
 * the unit registered, its year opened, its projects registered and each allocated, and its basic
 * spending in one allocation. Allocations are derived (their amounts were fitted). Pure.
 */
import { Money, type BudgetLineKey, type Project, type UnitKind } from '../../domain';
import { factProject, type DisclosureFacts } from '../../domain/disclosure';
import type { PlanStep } from './disclosure-plan';

type FactLine = { line: BudgetLineKey; amount: string };

export interface SingleUnit {
  unitCode: string;
  name: string;
  kind: UnitKind;
  departmentCode: string;
  fiscalYear: number;
  date: string;
  sha256: string;
  projects: { project: Project; lines: FactLine[] }[];
  basic: FactLine[];
}

const yuan = (lines: FactLine[]) => Money.sum(lines.map((l) => l.amount));

/** What its layout renders of such a unit, before any event is written (to compare with print). */
export type SingleUnitFacts = Pick<
  SingleUnit,
  'unitCode' | 'name' | 'kind' | 'departmentCode' | 'fiscalYear' | 'projects' | 'basic'
>;

export function singleUnitFacts(
  u: SingleUnitFacts,
  procurement: DisclosureFacts['procurement'],
): DisclosureFacts {
  const { unitCode } = u;
  return {
    fiscalYear: u.fiscalYear,
    department: { code: u.departmentCode, name: u.name },
    units: [{ code: unitCode, name: u.name, kind: u.kind }],
    lines: [...u.basic, ...u.projects.flatMap((p) => p.lines)],
    projects: u.projects.map(({ project }) => factProject(project, unitCode)),
    priorYear: null,
    performanceForms: [],
    procurement,
    assets: null,
  };
}

export function singleUnitSteps(u: SingleUnit): PlanStep[] {
  const { unitCode, date } = u;
  const sha12 = u.sha256.slice(0, 12);
  const steps: PlanStep[] = [
    {
      key: `unit:${unitCode}`,
      unitCode,
      derived: false,
      summary: `RegisterBudgetUnit ${unitCode} ${u.name} (${u.kind})`,
      command: {
        type: 'RegisterBudgetUnit',
        data: {
          unitCode,
          name: u.name,
          kind: u.kind,
          parentUnitCode: null,
          departmentCode: u.departmentCode,
          staffing: {},
          registeredAt: date,
        },
      },
    },
    {
      key: `open:${unitCode}`,
      unitCode,
      derived: false,
      summary: `OpenFiscalYear ${unitCode} ${u.fiscalYear}`,
      command: {
        type: 'OpenFiscalYear',
        data: { fiscalYear: u.fiscalYear, openedAt: date, priorYear: null },
      } as PlanStep['command'],
    },
  ];
  for (const { project } of u.projects)
    steps.push({
      key: `project:${project.code}`,
      unitCode,
      derived: false,
      summary: `RegisterProject ${project.code} ${project.name}`,
      command: { type: 'RegisterProject', data: { project, registeredAt: date } },
    });
  for (const { project, lines } of u.projects)
    steps.push({
      key: `allocate:${project.code}`,
      unitCode,
      derived: true,
      summary: `AllocateInitialBudget ${project.code} ${yuan(lines)}`,
      command: {
        type: 'AllocateInitialBudget',
        data: {
          allocationId: `import-${sha12}-${project.code}`,
          allocatedAt: date,
          documentNumber: null,
          lines,
        },
      },
    });
  steps.push({
    key: `allocate:basic:${unitCode}`,
    unitCode,
    derived: true,
    summary: `AllocateInitialBudget 基本支出 ${unitCode}: ${u.basic.length} derived lines, ${yuan(u.basic)}`,
    command: {
      type: 'AllocateInitialBudget',
      data: {
        allocationId: `import-${sha12}-基本支出-${unitCode}`,
        allocatedAt: date,
        documentNumber: null,
        lines: u.basic,
      },
    },
  });
  return steps;
}
