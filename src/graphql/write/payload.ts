import { Field, ObjectType } from 'type-graphql';
import type { CommandResult } from '../../app/ledger-service';
import { PositionScalar } from '../scalars';

@ObjectType({
  description:
    'An event a mutation appended (or, for a replayed retry, had appended the first time).',
})
export class WrittenEvent {
  @Field({ description: 'The event id (a UUID).' }) id!: string;
  @Field({ description: 'The event type, e.g. AdjustmentSubmitted.' }) type!: string;
  @Field(() => PositionScalar, { description: 'Position in the global log.' })
  globalPosition!: bigint;
  @Field(() => PositionScalar, { description: 'Version of its stream after this event.' })
  streamVersion!: bigint;
}

/**
 * What every mutation returns. Each mutation has its own payload type (GitHub style) so that a
 * mutation can later return more without a breaking change; they share these fields.
 */
@ObjectType('CommandPayloadBase')
export abstract class CommandPayload {
  @Field({ description: 'The stream the command was decided on, e.g. budget-019001-2024.' })
  streamId!: string;
  @Field(() => PositionScalar, {
    description:
      'Pass this as expectedVersion to make the next command conditional on nothing having changed since.',
  })
  nextExpectedVersion!: bigint;
  @Field(() => [WrittenEvent]) events!: WrittenEvent[];
  @Field({
    description:
      'True when this was a retry with a known Idempotency-Key: nothing was appended, the first result is returned.',
  })
  replayed!: boolean;
}

export function payloadOf(result: CommandResult): CommandPayload {
  return {
    streamId: result.streamId,
    nextExpectedVersion: result.nextExpectedVersion,
    replayed: result.replayed,
    events: result.events.map((e) => ({
      id: e.eventId,
      type: e.type,
      globalPosition: e.globalPosition,
      streamVersion: e.streamVersion,
    })),
  };
}

@ObjectType()
export class RegisterBudgetUnitPayload extends CommandPayload {}
@ObjectType()
export class OpenFiscalYearPayload extends CommandPayload {}
@ObjectType()
export class CloseFiscalYearPayload extends CommandPayload {}
@ObjectType()
export class RegisterProjectPayload extends CommandPayload {}
@ObjectType()
export class AllocateInitialBudgetPayload extends CommandPayload {
  @Field() allocationId!: string;
}
@ObjectType()
export class RecordCarryOverPayload extends CommandPayload {
  @Field() carryOverId!: string;
}
@ObjectType()
export class SubmitAdjustmentPayload extends CommandPayload {
  @Field({ description: 'Pass it to approveAdjustment / rejectAdjustment.' }) adjustmentId!: string;
}
@ObjectType()
export class ApproveAdjustmentPayload extends CommandPayload {}
@ObjectType()
export class RejectAdjustmentPayload extends CommandPayload {}
@ObjectType()
export class SetPerformanceTargetsPayload extends CommandPayload {
  @Field({ description: '"unit" or "project:<code>": pass it to revise / withdraw.' })
  formId!: string;
}
@ObjectType()
export class RevisePerformanceTargetsPayload extends CommandPayload {}
@ObjectType()
export class WithdrawPerformanceTargetsPayload extends CommandPayload {}
@ObjectType()
export class RecordProcurementBudgetPayload extends CommandPayload {}
@ObjectType()
export class RecordStateAssetsPayload extends CommandPayload {}
@ObjectType()
export class PublishDisclosurePayload extends CommandPayload {
  @Field() disclosureId!: string;
  @Field(() => PositionScalar, {
    description: 'The settled log position the publication reflects.',
  })
  ledgerPosition!: bigint;
  @Field({ description: 'The ledger digest at that position (SHA-256, hex): auditors keep it.' })
  digest!: string;
}
