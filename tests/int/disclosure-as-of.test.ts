/**
 * A point in time shows only that point: the disclosure as published (a publication's position)
 * is what the ledger held there — its units, projects, forms, assets and procurement, not only its
 * line amounts. Writes after the publication, even back-dated ones, change none of its files.
 */
import { LedgerService } from '../../src/app/ledger-service';
import type { BudgetCommand } from '../../src/domain';
import { disclosureFacts } from '../../src/projections/disclosure-facts';
import { publishedPosition } from '../../src/projections/fact-versions';
import { seedSteps } from '../../src/seed/fenyang-2024';
import { loadSeed, settledDigest } from '../../src/seed/run';
import { useLedgerDatabase } from '../support/db';
import { differingFiles, everyExport } from '../support/exports';

const ledger = useLedgerDatabase();
const LATER_UNIT = '后设政务数据中心';
const pool = () => ledger.db.appPool;
let service: LedgerService;
let published: bigint;
let asPublished: Map<string, Buffer>;
let pinned: Map<string, Buffer>;

const officer = { actor: 'officer:019' };
const run = (unit: string, command: BudgetCommand) => service.execute(unit, 2024, command, officer);

beforeAll(async () => {
  service = new LedgerService(ledger.store);
  await loadSeed(service, ledger.store, pool());
  published = (await publishedPosition(pool(), ['019001', '019002'], 2024))!;
  asPublished = await everyExport(pool(), '019', 2024, { asOf: 'published' });
  pinned = await everyExport(pool(), '019', 2024, { asOf: String(published), published: true });

  // After the publication: a unit registered (back-dated to before it), with its year, a project,
  // money and a form; the bureau's whole-unit form withdrawn; new procurement and assets.
  await service.registerUnit(
    {
      type: 'RegisterBudgetUnit',
      data: {
        unitCode: '019003',
        name: LATER_UNIT,
        kind: 'administrative',
        parentUnitCode: '019001',
        departmentCode: '019',
        registeredAt: '2023-12-01',
      },
    },
    { actor: 'admin' },
  );
  await run('019003', {
    type: 'OpenFiscalYear',
    data: { fiscalYear: 2024, openedAt: '2023-12-01' },
  } as BudgetCommand);
  await run('019003', {
    type: 'RegisterProject',
    data: {
      project: {
        code: 'N01',
        name: '后设数据平台运维',
        category: 'other-operating',
        attribute: 'recurring',
        period: '1年',
      },
      registeredAt: '2023-12-15',
    },
  });
  await run('019003', {
    type: 'AllocateInitialBudget',
    data: {
      allocationId: 'later',
      allocatedAt: '2024-01-30',
      lines: [
        {
          line: {
            unitCode: '019003',
            fiscalYear: 2024,
            fundSource: 'general-public',
            functionalCode: '2010301',
            kind: 'public',
            deptEconCode: '30201',
            govEconCode: '50201',
            projectCode: null,
            origin: 'current',
          },
          amount: '50000.00',
        },
      ],
    },
  });
  await run('019001', {
    type: 'WithdrawPerformanceTargets',
    data: { formId: 'unit', reason: '重新编制', withdrawnBy: 'officer', withdrawnAt: '2024-06-01' },
  });
  await run('019001', {
    type: 'RecordProcurementBudget',
    data: { recordedAt: '2024-01-30', goods: '1.00', works: '2.00', services: '3.00' },
  });
}, 180_000);

describe('given the seed published, then writes after the publication', () => {
  test('when exported as published in every format and layout, then every file is the same bytes', async () => {
    const again = await everyExport(pool(), '019', 2024, { asOf: 'published' });
    expect(again.size).toBeGreaterThan(30);
    expect(differingFiles(asPublished, again)).toEqual([]);
    const html = again.get('shanxi-13/html/disclosure.html')!.toString('utf8');
    expect(html).toContain('数字政府服务中心');
    expect(html).not.toContain(LATER_UNIT);
  }, 120_000);

  test('when the facts are read as of the publication, then the later unit and withdrawal are not there', async () => {
    const then = (await disclosureFacts(pool(), '019', 2024, { position: published }))!;
    expect(then.units.map((u) => u.code)).toEqual(['019001', '019002']);
    expect(then.projects.map((p) => p.code)).not.toContain('N01');
    expect(then.performanceForms.map((f) => f.formId)).toContain('unit');
    expect(then.procurement?.goods).not.toBe('1.00');
    const now = (await disclosureFacts(pool(), '019', 2024))!;
    expect(now.units.map((u) => u.code)).toEqual(['019001', '019002', '019003']);
    expect(now.performanceForms.map((f) => f.formId)).not.toContain('unit');
    expect(now.procurement?.goods).toBe('1.00');
  });

  test('when exported now, then the later unit is listed (the writes did land)', async () => {
    const now = await everyExport(pool(), '019', 2024, {});
    expect(now.get('shanxi-13/html/disclosure.html')!.toString('utf8')).toContain(LATER_UNIT);
  }, 120_000);

  test('when published again, then the first publication pinned to its position is unchanged', async () => {
    // The publication gate wants the later project's form, and the withdrawn whole-unit form
    // acknowledged.
    const projectForm = seedSteps().flatMap((step) =>
      'command' in step &&
      step.command.type === 'SetPerformanceTargets' &&
      step.command.data.scope === 'project'
        ? [step.command]
        : [],
    )[0]!;
    await run('019003', {
      type: 'SetPerformanceTargets',
      data: { ...projectForm.data, projectCode: 'N01', setAt: '2024-06-15' },
    });
    const position = await ledger.store.settledPosition();
    const { digest } = await settledDigest(pool(), position);
    await run('019001', {
      type: 'PublishDisclosure',
      data: {
        disclosureId: 'republished',
        publishedAt: '2024-06-30',
        ledgerPosition: position.toString(),
        digest,
        acknowledge: ['publication.unit-performance-form'],
      },
    });
    const latest = await everyExport(pool(), '019', 2024, { asOf: 'published' });
    expect(latest.get('shanxi-13/html/disclosure.html')!.toString('utf8')).toContain(LATER_UNIT);
    const again = await everyExport(pool(), '019', 2024, {
      asOf: String(published),
      published: true,
    });
    expect(differingFiles(pinned, again)).toEqual([]);
  }, 120_000);
});
