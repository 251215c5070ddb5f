/**
 * Opening and closing the year, and the facts the disclosure reports besides line amounts:
 * the procurement budget, state-asset holdings, and each publication of the disclosure.
 */
import * as Money from '../money';
import { UNIT_KINDS } from '../reference/types';
import { ruleError } from '../rules/errors';
import type {
  CloseFiscalYear,
  OpenFiscalYear,
  PublishDisclosure,
  RecordProcurementBudget,
  RecordStateAssets,
} from './commands';
import type {
  DisclosurePublished,
  FiscalYearClosed,
  FiscalYearOpened,
  PriorYearComparatives,
  ProcurementBudgetRecorded,
  StateAssetsRecorded,
} from './events';
import { balanceOf } from './state';
import {
  optionalText,
  parseLineEntries,
  requireCount,
  requireDate,
  requireText,
  type DecideContext,
  type PublicationSubject,
} from './validate';
import { enforcePublicationGate } from '../publication/gate';

function parsePriorYear(
  input: PriorYearComparatives | null | undefined,
  fiscalYear: number,
): PriorYearComparatives | null {
  if (input === undefined || input === null) return null;
  const yuan = (value: unknown, field: string): string =>
    Money.parseNonNegativeYuan(value, { field: `priorYear.${field}` });
  const s = input.sanGong ?? ({} as PriorYearComparatives['sanGong']);
  if (input.fiscalYear !== fiscalYear - 1)
    throw ruleError('input.invalid', `priorYear.fiscalYear must be ${fiscalYear - 1}`, {
      field: 'priorYear.fiscalYear',
    });
  return {
    fiscalYear: input.fiscalYear,
    total: yuan(input.total, 'total'),
    sanGong: {
      overseasTravel: yuan(s.overseasTravel, 'sanGong.overseasTravel'),
      officialReception: yuan(s.officialReception, 'sanGong.officialReception'),
      vehiclePurchase: yuan(s.vehiclePurchase, 'sanGong.vehiclePurchase'),
      vehicleOperation: yuan(s.vehicleOperation, 'sanGong.vehicleOperation'),
    },
    agencyOperatingExpenses: yuan(input.agencyOperatingExpenses, 'agencyOperatingExpenses'),
    source: optionalText(input.source, 'priorYear.source'),
  };
}

/** Opening needs reference data for the year (the caller resolves it before deciding). */
export function openFiscalYear(command: OpenFiscalYear, ctx: DecideContext): FiscalYearOpened[] {
  if (ctx.state.status !== 'not-opened')
    throw ruleError(
      'year.already-open',
      `${ctx.state.unitCode} ${ctx.state.fiscalYear} is already ${ctx.state.status}`,
    );
  const { unit, fiscalYear } = command.data;
  if (!unit || !UNIT_KINDS.includes(unit.kind))
    throw ruleError('input.invalid', `unit.kind must be one of ${UNIT_KINDS.join(', ')}`, {
      field: 'unit.kind',
    });
  const data = {
    unitCode: requireText(unit.unitCode, 'unit.unitCode'),
    fiscalYear,
    unitName: requireText(unit.name, 'unit.name'),
    unitKind: unit.kind,
    openedAt: requireDate(command.data.openedAt, 'openedAt'),
    priorYear: parsePriorYear(command.data.priorYear, fiscalYear),
  };
  return [{ type: 'FiscalYearOpened', schemaVersion: 1, data }];
}

export function recordProcurementBudget(
  command: RecordProcurementBudget,
  _ctx: DecideContext,
): ProcurementBudgetRecorded[] {
  const d = command.data;
  const [goods, works, services] = (['goods', 'works', 'services'] as const).map((f) =>
    Money.parseNonNegativeYuan(d[f], { field: f }),
  ) as [string, string, string];
  const data = {
    recordedAt: requireDate(d.recordedAt, 'recordedAt'),
    goods,
    works,
    services,
    total: Money.sum([goods, works, services]),
  };
  return [{ type: 'ProcurementBudgetRecorded', schemaVersion: 1, data }];
}

export function recordStateAssets(
  command: RecordStateAssets,
  _ctx: DecideContext,
): StateAssetsRecorded[] {
  const d = command.data;
  const v = d.vehicles ?? ({} as RecordStateAssets['data']['vehicles']);
  const byUse: Record<string, number> = {};
  for (const [use, count] of Object.entries(v.byUse ?? {}))
    byUse[use] = requireCount(count, `vehicles.byUse.${use}`);
  if (!Money.isValidYuan(d.officeSpaceM2) || Money.isNegative(d.officeSpaceM2))
    throw ruleError(
      'input.invalid',
      'officeSpaceM2 must be a decimal string ≥ 0 (2 decimals at most)',
      { field: 'officeSpaceM2' },
    );
  // Bounded like an amount: the disclosure prints it and sums of it must stay exact.
  Money.parseYuan(d.officeSpaceM2, { field: 'officeSpaceM2' });
  const data = {
    asOf: requireDate(d.asOf, 'asOf'),
    vehicles: {
      establishment: requireCount(v.establishment, 'vehicles.establishment'),
      actual: requireCount(v.actual, 'vehicles.actual'),
      byUse,
    },
    officeSpaceM2: d.officeSpaceM2,
    equipmentOver500k: requireCount(d.equipmentOver500k, 'equipmentOver500k'),
    equipmentOver1m: requireCount(d.equipmentOver1m, 'equipmentOver1m'),
  };
  return [{ type: 'StateAssetsRecorded', schemaVersion: 1, data }];
}

/** The facts the gate checks, which must be those of the position being published. */
function gateSubject(ctx: DecideContext, ledgerPosition: string): PublicationSubject {
  const subject = ctx.publication;
  // The caller's duty, not the publisher's input: a publication is never decided unchecked.
  if (!subject || subject.ledgerPosition !== ledgerPosition)
    throw new Error(`PublishDisclosure needs the disclosure facts at position ${ledgerPosition}`);
  return subject;
}

function acknowledgements(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw ruleError('input.invalid', 'acknowledge must be a list of rule ids', {
      field: 'acknowledge',
    });
  return [...new Set(value as string[])];
}

export function publishDisclosure(
  command: PublishDisclosure,
  ctx: DecideContext,
): DisclosurePublished[] {
  const d = command.data;
  const disclosureId = requireText(d.disclosureId, 'disclosureId');
  if (ctx.state.disclosures.some((p) => p.disclosureId === disclosureId))
    throw ruleError('record.duplicate-id', `disclosure ${disclosureId} is already published`, {
      disclosureId,
    });
  // Positions are bigint counters: they travel as decimal strings, never as JS numbers.
  if (typeof d.ledgerPosition !== 'string' || !/^\d+$/.test(d.ledgerPosition))
    throw ruleError('input.invalid', 'ledgerPosition must be a decimal string', {
      field: 'ledgerPosition',
    });
  if (typeof d.digest !== 'string' || !/^[0-9a-f]{64}$/.test(d.digest))
    throw ruleError('input.invalid', 'digest must be a lowercase hex SHA-256', { field: 'digest' });
  const data = {
    disclosureId,
    publishedAt: requireDate(d.publishedAt, 'publishedAt'),
    ledgerPosition: d.ledgerPosition,
    digest: d.digest,
    title: optionalText(d.title, 'title'),
    layout: optionalText(d.layout, 'layout'),
    acknowledgedWarnings: enforcePublicationGate(
      gateSubject(ctx, d.ledgerPosition).facts,
      ctx.reference,
      acknowledgements(d.acknowledge),
    ),
  };
  return [{ type: 'DisclosurePublished', schemaVersion: 2, data }];
}

/** 年终结转: what is carried forward may not exceed a line's balance. */
export function closeFiscalYear(command: CloseFiscalYear, ctx: DecideContext): FiscalYearClosed[] {
  const d = command.data;
  const entries = Array.isArray(d.carryForward) ? d.carryForward : [];
  const asDeltas = entries.map((e) => ({ line: e?.line, delta: e?.amount }));
  const parsed = asDeltas.length === 0 ? [] : parseLineEntries(asDeltas, { kind: 'delta' }, ctx);
  for (const entry of parsed) {
    Money.parsePositiveYuan(entry.delta, { field: 'carryForward.amount', lineId: entry.lineId });
    if (Money.compare(entry.delta, balanceOf(ctx.state, entry.lineId)) > 0) {
      throw ruleError(
        'line.non-negative',
        `line ${entry.lineId} has ${balanceOf(ctx.state, entry.lineId)}, cannot carry forward ${entry.delta}`,
        { lineId: entry.lineId },
      );
    }
  }
  const carryForward = parsed.map(({ lineId, line, delta }) => ({ lineId, line, amount: delta }));
  return [
    {
      type: 'FiscalYearClosed',
      schemaVersion: 1,
      data: {
        closedAt: requireDate(d.closedAt, 'closedAt'),
        closedBy: requireText(d.closedBy, 'closedBy'),
        carryForward,
      },
    },
  ];
}
