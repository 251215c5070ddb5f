import { Field, Int, ObjectType } from 'type-graphql';
import { PositionScalar } from '../scalars';

@ObjectType({
  description:
    'A fiscal year opened for a unit, with its publication and closing when they happened.',
})
export class UnitFiscalYear {
  @Field() unitCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field() openedAt!: string;
  @Field(() => Boolean) published!: boolean;
  @Field(() => PositionScalar, {
    nullable: true,
    description: 'The ledger position the latest publication reflects.',
  })
  publishedPosition!: bigint | null;
  @Field(() => String, { nullable: true }) publishedAt!: string | null;
  @Field(() => Boolean) closed!: boolean;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
}
