import { randomUUID } from 'node:crypto';
import type { CommandOptions, CommandResult } from '../../app/ledger-service';
import { budgetStreamId, type BudgetCommand } from '../../domain';
import { BadInputError } from '../../domain/errors';
import { assertActsFor } from '../auth';
import type { GraphQLContext } from '../context';
import { requireUnit } from '../scope';
import { BudgetCommandInput } from './budget-command.input';
import { CommandInput } from './command.input';

// Dates are business dates of a Chinese government budget: "today" is today in China, whatever
// the server's time zone, or a document dated the 1st would be recorded on the 31st at night.
const CHINA_DATE = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
export const today = (): string => CHINA_DATE.format(new Date());

/** The key from the input or the Idempotency-Key header; two different keys are a client bug. */
export function idempotencyKeyOf(ctx: GraphQLContext, input: CommandInput): string | undefined {
  const fromInput = input.idempotencyKey ?? undefined;
  if (
    fromInput !== undefined &&
    ctx.idempotencyKey !== undefined &&
    fromInput !== ctx.idempotencyKey
  ) {
    throw new BadInputError('idempotencyKey and the Idempotency-Key header differ', {
      field: 'idempotencyKey',
    });
  }
  const key = fromInput ?? ctx.idempotencyKey;
  if (key !== undefined && (key.trim() === '' || key.length > 200))
    throw new BadInputError('an idempotency key is 1 to 200 characters', {
      field: 'idempotencyKey',
    });
  return key;
}

/**
 * Values the server fills in when the client leaves them out (dates, generated ids, the
 * published position). A retry must rebuild the very same command, or the idempotency check would
 * call it a different one: so when the key is already in the log, the values recorded the first
 * time win over "today" or a fresh id.
 */
export class Defaults {
  constructor(private readonly recorded: Record<string, unknown> | null) {}

  /** The first attempt's value of a data field, if this is a retry. */
  prior<T>(field: string): T | undefined {
    return this.recorded?.[field] as T | undefined;
  }

  date(given: string | null | undefined, field: string): string {
    return given ?? this.prior<string>(field) ?? today();
  }

  id(given: string | null | undefined, field: string, prefix: string): string {
    return given ?? this.prior<string>(field) ?? `${prefix}-${randomUUID()}`;
  }
}

/** The data of the first event a key produced on a stream, or null on a first attempt. */
async function recordedData(
  ctx: GraphQLContext,
  streamId: string,
  key: string | undefined,
): Promise<Record<string, unknown> | null> {
  if (key === undefined) return null;
  const first = await ctx.service.firstRecorded(streamId, key);
  return first ? (first.data as Record<string, unknown>) : null;
}

export interface Prepared {
  defaults: Defaults;
  options: CommandOptions;
}

/** Options for LedgerService: the actor is the caller's token, never a client-supplied name. */
export async function prepare(
  ctx: GraphQLContext,
  input: CommandInput,
  streamId: string,
): Promise<Prepared> {
  const idempotencyKey = idempotencyKeyOf(ctx, input);
  const options: CommandOptions = {
    actor: ctx.viewer.actor,
    ...(ctx.viewer.person ? { person: ctx.viewer.person } : {}),
    ...(input.expectedVersion != null ? { expectedVersion: input.expectedVersion } : {}),
    ...(idempotencyKey ? { idempotencyKey } : {}),
  };
  return { defaults: new Defaults(await recordedData(ctx, streamId, idempotencyKey)), options };
}

export interface Built<T> {
  command: BudgetCommand;
  /** What the payload reports besides the result (a generated id …). */
  extra?: T;
  /** Recorded in the events' metadata. */
  documentRef?: string | null;
  reason?: string | null;
}

export interface BudgetRun<T> {
  /** Builds the domain command from the input and the server's defaults. */
  build(defaults: Defaults): Built<T> | Promise<Built<T>>;
  /** False for commands that are not a budget officer's (the role check has already run). */
  officerScoped?: boolean;
}

/**
 * A command on a unit-year budget, end to end: authorise the unit, fill the defaults, execute.
 * Budget officers act only for their own units; roles that reach here by their own right
 * (finance reviewers for reviews, openings and closings) act within their token's reach (all
 * units, or its departments'), as they read (docs/access.md).
 */
export async function runBudgetCommand<T extends object>(
  ctx: GraphQLContext,
  input: BudgetCommandInput,
  run: BudgetRun<T>,
): Promise<{ result: CommandResult; extra: T }> {
  if (run.officerScoped ?? true) assertActsFor(ctx.viewer, input.unitCode);
  else await requireUnit(ctx, input.unitCode);
  const { defaults, options } = await prepare(
    ctx,
    input,
    budgetStreamId(input.unitCode, input.fiscalYear),
  );
  const { command, extra, documentRef, reason } = await run.build(defaults);
  const result = await ctx.service.execute(input.unitCode, input.fiscalYear, command, {
    ...options,
    ...(documentRef ? { documentRef } : {}),
    ...(reason ? { reason } : {}),
  });
  return { result, extra: (extra ?? {}) as T };
}
