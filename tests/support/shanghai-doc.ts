/**
 * Shanghai 9-table documents for tests, made from the sample: the sample's own plan (its lines and
 * projects), more lines on top, rendered in the layout and written as pdfplumber text
 * (shanghai-text.ts). For documents the sample does not provide: other fund sources, codes the
 * year's lists lack.
 */
import fs from 'node:fs';
import path from 'node:path';
import {
  Money,
  shippedReference,
  type BudgetLineKey,
  type FundSource,
  type ReferenceIndex,
} from '../../src/domain';
import type { DisclosureFacts } from '../../src/domain/disclosure';
import {
  planDisclosureImport,
  type DisclosurePlan,
} from '../../src/import/disclosure/disclosure-plan';
import { parseDisclosure } from '../../src/interchange';

export const ref = shippedReference(2025);
export const SAMPLE_PATH = path.join(
  __dirname,
  '../../data/samples/shanghai-finance-bureau-2025-unit-budget.txt',
);
export const sample = fs.readFileSync(SAMPLE_PATH, 'utf8');

export type PlannedLine = { line: BudgetLineKey; amount: string };

/** The plan of a document for department 310 in 2025 (file sh.txt, a zero SHA-256). */
export const plan = (text: string, reference: ReferenceIndex = ref): DisclosurePlan =>
  planDisclosureImport({
    parsed: parseDisclosure(text),
    text,
    departmentCode: '310',
    fiscalYear: 2025,
    fileName: 'sh.txt',
    sha256: '0'.repeat(64),
    reference,
  });
export const linesOf = (p: DisclosurePlan): PlannedLine[] =>
  p.steps.flatMap((s) =>
    s.command.type === 'AllocateInitialBudget' ? (s.command.data.lines as PlannedLine[]) : [],
  );
export const projectsOf = (p: DisclosurePlan) =>
  p.steps.flatMap((s) =>
    s.command.type === 'RegisterProject' ? [{ ...s.command.data.project, unitCode: '310001' }] : [],
  );

/** The facts a plan would give the ledger (one unit, 310001), with more lines if asked. */
export const factsOf = (p: DisclosurePlan, extra: PlannedLine[] = []): DisclosureFacts => ({
  fiscalYear: 2025,
  department: { code: '310', name: '上海市财政局' },
  units: [{ code: '310001', name: '上海市财政局', kind: 'administrative' }],
  lines: [...linesOf(p), ...extra],
  projects: projectsOf(p) as DisclosureFacts['projects'],
  priorYear: null,
  performanceForms: [],
  procurement: null,
  assets: null,
});

/** Exact yuan by fund source. */
export const bySource = (lines: PlannedLine[]): Partial<Record<FundSource, string>> => {
  const out: Partial<Record<FundSource, string>> = {};
  for (const l of lines)
    out[l.line.fundSource] = Money.sum([out[l.line.fundSource] ?? '0', l.amount]);
  return out;
};

/** The sample's own plan. */
export const base = plan(sample);
/** The project the sample's plan puts on a functional 项. */
export const projectOn = (functionalCode: string): string =>
  projectsOf(base).find((p) =>
    linesOf(base).some(
      (l) => l.line.projectCode === p.code && l.line.functionalCode === functionalCode,
    ),
  )!.code;
/** A line of unit 310001 in 2025 (the government 款 the mapping gives first). */
export const line = (
  fundSource: FundSource,
  functionalCode: string,
  kind: BudgetLineKey['kind'],
  deptEconCode: string,
  amount: string,
  projectCode: string | null = null,
): PlannedLine => ({
  line: {
    unitCode: '310001',
    fiscalYear: 2025,
    fundSource,
    functionalCode,
    kind,
    deptEconCode,
    govEconCode: ref.governmentCodesFor(deptEconCode, 'administrative')![0]!,
    projectCode,
    origin: 'current',
  },
  amount,
});
