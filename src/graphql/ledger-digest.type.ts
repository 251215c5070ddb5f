import { Field, ObjectType } from 'type-graphql';
import { PositionScalar } from './scalars';

@ObjectType({
  description:
    'A digest of the log up to a position: keep it outside the system and re-check it later.',
})
export class LedgerDigest {
  @Field(() => PositionScalar) position!: bigint;
  @Field({
    description: 'SHA-256, hex, over every stream head at the position (src/events/integrity.ts).',
  })
  digest!: string;
  @Field(() => PositionScalar) streams!: bigint;
  @Field(() => Boolean, {
    nullable: true,
    description: 'With `expect`: whether the kept digest still matches (content re-verified).',
  })
  matches!: boolean | null;
}
