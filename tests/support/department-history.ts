/**
 * Random (or given) histories of one department's fiscal year, played through the ordinary write
 * path: units registered under it (the first is 本级, the rest its subordinates), projects, lines,
 * adjustments, performance forms set, revised and withdrawn, procurement, state assets and
 * publications. Commands the rules refuse are part of a history too: they leave no trace.
 */
import fc from 'fast-check';
import type { LedgerService } from '../../src/app/ledger-service';
import type { BudgetCommand, BudgetLineKey, TargetForm, UnitKind } from '../../src/domain';
import type pg from 'pg';
import { settledDigest } from '../../src/seed/run';

export const YEAR = 2024;

export type Act =
  | { op: 'unit'; kind: UnitKind; name: number }
  | { op: 'project'; unit: number; category: 'other-operating' | 'specific-goal' }
  | {
      op: 'allocate';
      unit: number;
      line: number;
      project: number | null;
      fen: number;
      /** 2010301, or one of the codes adopted so far. */
      functional: number;
    }
  | {
      op: 'adjust';
      unit: number;
      line: number;
      fen: number;
      decrease: boolean;
      verdict: 'approve' | 'reject' | 'leave';
    }
  | { op: 'targets'; unit: number; project: number | null; value: number }
  | { op: 'withdraw'; unit: number; project: number | null }
  | { op: 'procurement'; unit: number; fen: number }
  | { op: 'assets'; unit: number; vehicles: number }
  | { op: 'publish'; unit: number }
  /** A 支出功能分类 项 adopted into the year's lists (on the reference stream, not the unit's). */
  | { op: 'adopt'; code: number };

const unitIndex = fc.nat(3);
const projectIndex = fc.option(fc.nat(3), { nil: null });

export const actArb: fc.Arbitrary<Act> = fc.oneof(
  fc.record({
    op: fc.constant('unit' as const),
    kind: fc.constantFrom<UnitKind>('administrative', 'civil-service-managed', 'institution'),
    name: fc.nat(9),
  }),
  fc.record({
    op: fc.constant('project' as const),
    unit: unitIndex,
    category: fc.constantFrom('other-operating' as const, 'specific-goal' as const),
  }),
  fc.record({
    op: fc.constant('allocate' as const),
    unit: unitIndex,
    line: fc.nat(3),
    project: projectIndex,
    fen: fc.integer({ min: 1, max: 50_000_000 }),
    functional: fc.nat(3),
  }),
  fc.record({
    op: fc.constant('adjust' as const),
    unit: unitIndex,
    line: fc.nat(3),
    fen: fc.integer({ min: 1, max: 5_000_000 }),
    decrease: fc.boolean(),
    verdict: fc.constantFrom('approve' as const, 'reject' as const, 'leave' as const),
  }),
  fc.record({
    op: fc.constant('targets' as const),
    unit: unitIndex,
    project: projectIndex,
    value: fc.nat(99),
  }),
  fc.record({ op: fc.constant('withdraw' as const), unit: unitIndex, project: projectIndex }),
  fc.record({
    op: fc.constant('procurement' as const),
    unit: unitIndex,
    fen: fc.integer({ min: 0, max: 10_000_000 }),
  }),
  fc.record({ op: fc.constant('assets' as const), unit: unitIndex, vehicles: fc.nat(5) }),
  fc.record({ op: fc.constant('publish' as const), unit: unitIndex }),
  fc.record({ op: fc.constant('adopt' as const), code: fc.integer({ min: 50, max: 89 }) }),
);

const ECON: [string, string][] = [
  ['30201', '50201'],
  ['30211', '50201'],
  ['30216', '50203'],
  ['30231', '50208'],
];
const yuan = (fen: number) => (fen / 100).toFixed(2);

function formOf(value: number): TargetForm {
  return {
    goal: `完成年度目标${value}`,
    indicators: [
      {
        level1: '产出指标',
        level2: '数量指标',
        level3: '办件量',
        value: `${value}件`,
        annual: null,
      },
    ],
    details: {},
  };
}

/** A department's history as it is played: which units and projects exist so far. */
export class DepartmentHistory {
  readonly units: string[] = [];
  private readonly projects = new Map<string, string[]>();
  private readonly forms = new Set<string>();
  private readonly functional = ['2010301'];
  private seq = 0;
  /** Every publication's recorded position, in order. */
  readonly publications: bigint[] = [];
  /** The position of the last event appended (0 before any). */
  last = 0n;

  constructor(
    private readonly service: LedgerService,
    private readonly pool: pg.Pool,
    readonly department: string,
  ) {}

  private unit(i: number): string | undefined {
    return this.units.length ? this.units[i % this.units.length] : undefined;
  }
  private project(unit: string, i: number | null): string | null | undefined {
    if (i === null) return null;
    const all = this.projects.get(unit) ?? [];
    return all.length ? all[i % all.length] : undefined;
  }
  private line(unit: string, i: number, project: string | null, f = 0): BudgetLineKey {
    return {
      unitCode: unit,
      fiscalYear: YEAR,
      fundSource: 'general-public',
      functionalCode: this.functional[f % this.functional.length],
      kind: project ? 'project' : 'public',
      deptEconCode: ECON[i][0],
      govEconCode: ECON[i][1],
      projectCode: project,
      origin: 'current',
    };
  }

  private async refusedOrDone(write: Promise<{ events: { globalPosition: bigint }[] }>) {
    try {
      this.last = (await write).events.at(-1)?.globalPosition ?? this.last;
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (!code || code === 'INTERNAL_SERVER_ERROR') throw e;
    }
  }

  private budget(unit: string, command: BudgetCommand, actor = 'officer'): Promise<void> {
    return this.refusedOrDone(this.service.execute(unit, YEAR, command, { actor }));
  }

  async play(act: Act): Promise<void> {
    const n = ++this.seq;
    const day = `2024-0${1 + (n % 9)}-${String(1 + (n % 28)).padStart(2, '0')}`;
    if (act.op === 'unit') {
      const code = `${this.department}u${this.units.length}`;
      const r = await this.service.registerUnit(
        {
          type: 'RegisterBudgetUnit',
          data: {
            unitCode: code,
            name: `${this.department}第${act.name}单位${this.units.length}`,
            kind: act.kind,
            parentUnitCode: this.units[0] ?? null,
            departmentCode: this.department,
            // Back-dated: only the point, not the business date, keeps it out of earlier views.
            registeredAt: '2023-12-01',
          },
        },
        { actor: 'admin' },
      );
      this.last = r.events.at(-1)?.globalPosition ?? this.last;
      this.units.push(code);
      await this.budget(code, {
        type: 'OpenFiscalYear',
        data: { fiscalYear: YEAR, openedAt: '2023-12-01' },
      } as BudgetCommand);
      return;
    }
    if (act.op === 'adopt') {
      const code = `20103${act.code}`;
      if (!this.functional.includes(code)) this.functional.push(code);
      return this.refusedOrDone(
        this.service.adoptCodes(
          {
            type: 'AdoptReferenceCodes',
            data: {
              fiscalYear: YEAR,
              adoptedAt: day,
              codes: [
                {
                  classification: 'functional',
                  code,
                  name: `采纳${code}`,
                  level: '项',
                  source: '测试',
                },
              ],
            },
          },
          { actor: 'admin' },
        ),
      );
    }
    const unit = this.unit(act.unit);
    if (!unit) return;
    switch (act.op) {
      case 'project': {
        const code = `P${n}`;
        await this.budget(unit, {
          type: 'RegisterProject',
          data: {
            project: {
              code,
              name: `项目${n}`,
              category: act.category,
              attribute: 'recurring',
              period: '1年',
            },
            registeredAt: '2023-12-15',
          },
        });
        this.projects.set(unit, [...(this.projects.get(unit) ?? []), code]);
        return;
      }
      case 'allocate': {
        const project = this.project(unit, act.project);
        if (project === undefined) return;
        return this.budget(unit, {
          type: 'AllocateInitialBudget',
          data: {
            allocationId: `a${n}`,
            allocatedAt: day,
            lines: [
              { line: this.line(unit, act.line, project, act.functional), amount: yuan(act.fen) },
            ],
          },
        });
      }
      case 'adjust': {
        const sign = act.decrease ? '-' : '';
        await this.budget(unit, {
          type: 'SubmitAdjustment',
          data: {
            adjustmentId: `j${n}`,
            adjustmentType: act.decrease ? 'decrease' : 'increase',
            reason: '测试',
            documentNumber: `文${n}`,
            effectiveDate: day,
            submittedBy: 'officer',
            submittedAt: day,
            lines: [{ line: this.line(unit, act.line, null), delta: `${sign}${yuan(act.fen)}` }],
          },
        });
        if (act.verdict === 'approve')
          await this.budget(
            unit,
            {
              type: 'ApproveAdjustment',
              data: { adjustmentId: `j${n}`, approvedBy: 'reviewer', approvedAt: day },
            },
            'reviewer',
          );
        if (act.verdict === 'reject')
          await this.budget(
            unit,
            {
              type: 'RejectAdjustment',
              data: {
                adjustmentId: `j${n}`,
                rejectedBy: 'reviewer',
                rejectedAt: day,
                reason: '否',
              },
            },
            'reviewer',
          );
        return;
      }
      case 'targets': {
        const project = this.project(unit, act.project);
        if (project === undefined) return;
        const formId = project ? `project:${project}` : 'unit';
        const key = `${unit}|${formId}`;
        await this.budget(
          unit,
          this.forms.has(key)
            ? {
                type: 'RevisePerformanceTargets',
                data: {
                  formId,
                  form: formOf(act.value),
                  reason: '修订',
                  revisedBy: 'officer',
                  revisedAt: day,
                },
              }
            : {
                type: 'SetPerformanceTargets',
                data: {
                  scope: project ? 'project' : 'unit',
                  projectCode: project,
                  form: formOf(act.value),
                  setBy: 'officer',
                  setAt: day,
                },
              },
        );
        this.forms.add(key);
        return;
      }
      case 'withdraw': {
        const project = this.project(unit, act.project);
        if (project === undefined) return;
        const formId = project ? `project:${project}` : 'unit';
        await this.budget(unit, {
          type: 'WithdrawPerformanceTargets',
          data: { formId, reason: '撤回', withdrawnBy: 'officer', withdrawnAt: day },
        });
        this.forms.delete(`${unit}|${formId}`);
        return;
      }
      case 'procurement':
        return this.budget(unit, {
          type: 'RecordProcurementBudget',
          data: { recordedAt: day, goods: yuan(act.fen), works: '0.00', services: '0.00' },
        });
      case 'assets':
        return this.budget(unit, {
          type: 'RecordStateAssets',
          data: {
            asOf: day,
            vehicles: { establishment: act.vehicles, actual: act.vehicles, byUse: {} },
            officeSpaceM2: '120.50',
            equipmentOver500k: 0,
            equipmentOver1m: 0,
          },
        });
      case 'publish': {
        if (this.last === 0n) return;
        const position = this.last;
        const { digest } = await settledDigest(this.pool, position);
        const before = this.last;
        await this.budget(unit, {
          type: 'PublishDisclosure',
          data: {
            disclosureId: `pub${n}`,
            publishedAt: day,
            ledgerPosition: position.toString(),
            digest,
          },
        });
        if (this.last !== before) this.publications.push(position);
        return;
      }
    }
  }
}
