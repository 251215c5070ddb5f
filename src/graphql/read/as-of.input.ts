import { Field, InputType, registerEnumType } from 'type-graphql';
import { isCalendarDate } from '../../domain/calendar';
import type { DisclosurePoint } from '../../app/disclosures';
import type { MoneyUnit as DomainMoneyUnit } from '../../domain/disclosure';
import { BadInputError } from '../../domain/errors';
import type { AsOf } from '../../projections/as-of';
import { PositionScalar } from '../scalars';
import { AsOfPoint } from './as-of-point.type';

/**
 * When to read the ledger. Any combination of a log position, a recording instant and a business
 * date (src/projections/as-of.ts); or, for a disclosure, `published`: the position its latest
 * publication recorded. Nothing given: now.
 */
@InputType({
  description:
    "A point in the ledger's history. Nothing given: now (for PUBLIC disclosure reads: as published).",
})
export class AsOfInput {
  @Field(() => PositionScalar, {
    nullable: true,
    description: 'What the ledger held up to this global position, in log order.',
  })
  position?: bigint;

  @Field(() => Date, {
    nullable: true,
    description: 'What the ledger knew at this instant (events recorded at or before it).',
  })
  recordedAt?: Date;

  @Field(() => String, {
    nullable: true,
    description: 'What was in force on this business date (YYYY-MM-DD).',
  })
  effectiveOn?: string;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Disclosures only: as last published (with effectiveOn at most).',
  })
  published?: boolean;
}

export enum MoneyUnit {
  WAN_YUAN = 'wan-yuan',
  YUAN = 'yuan',
}
registerEnumType(MoneyUnit, {
  name: 'MoneyUnit',
  description: 'How tables print money: 万元 (rounded once per cell, half-up) or exact 元.',
});

export const toMoneyUnit = (u: MoneyUnit | undefined): DomainMoneyUnit =>
  u === MoneyUnit.YUAN ? 'yuan' : 'wan-yuan';

/** A ledger point for line and fact reads; `published` only makes sense for a disclosure. */
export function toAsOf(input: AsOfInput | undefined | null): AsOf {
  if (!input) return {};
  if (input.published)
    throw new BadInputError('asOf.published applies to disclosures only', {
      field: 'asOf.published',
    });
  return point(input);
}

/** A disclosure point: `published` (optionally with effectiveOn) or any other AsOf. */
export function toDisclosurePoint(input: AsOfInput | undefined | null): DisclosurePoint {
  if (!input) return {};
  if (input.published) {
    if (input.position != null || input.recordedAt != null) {
      throw new BadInputError(
        'asOf.published excludes position and recordedAt (it is a position)',
        { field: 'asOf' },
      );
    }
    return {
      published: true,
      ...(input.effectiveOn != null ? { effectiveOn: checkedDate(input.effectiveOn) } : {}),
    };
  }
  return point(input);
}

function point(input: AsOfInput): AsOf {
  const out: AsOf = {};
  if (input.position != null) out.position = input.position;
  if (input.recordedAt != null) out.recordedAt = input.recordedAt;
  if (input.effectiveOn != null) out.effectiveOn = checkedDate(input.effectiveOn);
  return out;
}

function checkedDate(value: string): string {
  if (!isCalendarDate(value)) {
    throw new BadInputError('asOf.effectiveOn must be a real date YYYY-MM-DD', {
      field: 'asOf.effectiveOn',
      value,
    });
  }
  return value;
}

export const asOfPoint = (a: AsOf): AsOfPoint => ({
  position: a.position ?? null,
  recordedAt: a.recordedAt ?? null,
  effectiveOn: a.effectiveOn ?? null,
});
