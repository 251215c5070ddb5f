/**
 * The performance target forms as the disclosure prints them: the form's own content (indicators,
 * goal, free text) from the facts, and the money (元 on project forms, 万元 on the whole-unit
 * form) computed from the lines, so a form can never disagree with the tables.
 */
import type { TargetForm } from '../budget/events';
import type { RevenueSource } from '../reference/types';
import { cell, figure, source, sumLines } from './amounts';
import type { BuildContext } from './context';

export interface ProjectFormOut {
  formId: string;
  projectCode: string;
  projectName: string;
  unitName: string;
  revision: number;
  /** 年度资金总额 in 元, exact (the form prints yuan). */
  fundsYuan: string;
  /** The same money as table 12/13 prints it. */
  tableAmount: string | null;
  form: TargetForm;
}

export interface UnitFormOut {
  formId: string;
  unitName: string;
  revision: number;
  /** 年度预算情况: by fund source and by direction (基本/项目), in the disclosure's money unit. */
  budget: {
    total: string;
    bySource: { source: RevenueSource; amount: string }[];
    basic: string;
    project: string;
  };
  form: TargetForm;
}

export interface PerformanceForms {
  unit: UnitFormOut | null;
  projects: ProjectFormOut[];
}

function unitForm(ctx: BuildContext): UnitFormOut | null {
  const f = ctx.facts.performanceForms.find((x) => x.scope === 'unit');
  if (!f) return null;
  const fig = (p: Parameters<typeof sumLines>[1] = () => true): string =>
    figure(sumLines(ctx.facts.lines, p), ctx.unit);
  const sources = ctx.reference.data.fundSources.map((s) => s.id as RevenueSource);
  const budget = {
    total: fig(),
    bySource: sources.map((s) => ({ source: s, amount: fig(source(s)) })),
    basic: fig((l) => l.kind !== 'project'),
    project: fig((l) => l.kind === 'project'),
  };
  return {
    formId: f.formId,
    unitName: ctx.facts.department.name,
    revision: f.revision,
    budget,
    form: f.form,
  };
}

/** Project forms in the order the projects were registered (table 12's order). */
function projectForms(ctx: BuildContext): ProjectFormOut[] {
  const out: ProjectFormOut[] = [];
  for (const p of ctx.facts.projects) {
    const f = ctx.facts.performanceForms.find(
      (x) => x.scope === 'project' && x.projectCode === p.code,
    );
    if (!f) continue;
    const yuan = sumLines(ctx.facts.lines, (l) => l.projectCode === p.code);
    const unitName = ctx.facts.units.find((u) => u.code === p.unitCode)?.name ?? p.unitCode;
    out.push({
      formId: f.formId,
      projectCode: p.code,
      projectName: p.name,
      unitName,
      revision: f.revision,
      fundsYuan: yuan,
      tableAmount: cell(yuan, ctx.unit),
      form: f.form,
    });
  }
  return out;
}

export const performanceForms = (ctx: BuildContext): PerformanceForms => ({
  unit: unitForm(ctx),
  projects: projectForms(ctx),
});
