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
  @Field(() => Boolean, {
    description:
      "Whether the unit's figures are published: its department's disclosure of the year was published after the year was opened (by any unit of the department).",
  })
  published!: boolean;
  @Field(() => PositionScalar, {
    nullable: true,
    description: "The ledger position the department's latest publication of the year reflects.",
  })
  publishedPosition!: bigint | null;
  @Field(() => String, {
    nullable: true,
    description: "The date of the department's latest publication of the year.",
  })
  publishedAt!: string | null;
  @Field(() => Boolean) closed!: boolean;
  @Field(() => String, { nullable: true }) closedAt!: string | null;
}
