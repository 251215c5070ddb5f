/**
 * Performance forms and the overview, read for the figures the consistency rules compare: each
 * project form's 年度资金总额 (元) with its project name, the whole-unit form's 内设职能部门数, and
 * the overview's count of internal divisions (第一部分 "内设…11个股室").
 */
import { normaliseAmount } from './amounts';
import type { DocLine } from './lines';
import type { RawForm } from './segment';
import type { Issue, NarrativeFigure, ProjectForm } from './types';

/** The first non-empty cell after the cell matching `label` on any row of the grid. */
function valueAfter(grid: DocLine[], label: RegExp): { value: string; line: number } | null {
  for (const l of grid) {
    const cells = l.cells!;
    const i = cells.findIndex((c) => label.test(c.replace(/\s/g, '')));
    if (i < 0) continue;
    const value = cells.slice(i + 1).find((c) => c.trim() !== '');
    if (value !== undefined) return { value: value.trim(), line: l.no };
  }
  return null;
}

export function readForms(
  forms: RawForm[],
  issues: Issue[],
): { projects: ProjectForm[]; unit: Record<string, NarrativeFigure> } {
  const projects: ProjectForm[] = [];
  const unit: Record<string, NarrativeFigure> = {};
  for (const form of forms) {
    if (form.kind === 'unit') {
      const divisions = valueAfter(form.grid, /^内设职能部门数$/);
      if (divisions && /^\d+/.test(divisions.value))
        unit['unitForm.internalDivisions'] = {
          value: /^\d+/.exec(divisions.value)![0],
          line: divisions.line,
        };
      continue;
    }
    const name = valueAfter(form.grid, /^项目名称$/);
    const funds = valueAfter(form.grid, /^年度资金总额[:：]?$/);
    const yuan = funds ? normaliseAmount(funds.value) : null;
    if (!name || yuan === null) {
      issues.push({
        line: form.titleLine,
        severity: 'warning',
        message: `project performance form without ${name ? '年度资金总额' : '项目名称'}`,
      });
      continue;
    }
    projects.push({ name: name.value, fundsYuan: yuan, line: funds!.line });
  }
  return { projects, unit };
}

/** 第一部分: "内设综合办公室、…11个股室" / "设22个内设机构". */
export function overviewFigures(lines: DocLine[]): Record<string, NarrativeFigure> {
  for (const l of lines) {
    if (l.cells !== null) continue;
    const m = /内设[^。]*?(\d+)个(?:股室|科室|处室|内设机构)|设(\d+)个内设机构/.exec(l.text);
    if (m) return { 'overview.internalDivisions': { value: m[1] ?? m[2]!, line: l.no } };
  }
  return {};
}
