import { Field, Int, ObjectType } from 'type-graphql';
import { PositionScalar } from '../scalars';

@ObjectType({ description: 'A unit a published disclosure consolidates.' })
export class PublishedUnit {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType({
  description:
    'A department-year whose disclosure has been published: what `disclosure` shows without a token.',
})
export class PublishedDisclosure {
  @Field() departmentCode!: string;
  @Field() departmentName!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field(() => PositionScalar, {
    description: 'The ledger position the latest publication reflects (the disclosure as of it).',
  })
  position!: bigint;
  @Field(() => String, { nullable: true, description: 'The latest publication date.' })
  publishedAt!: string | null;
  @Field(() => [PublishedUnit], { description: 'The units of the department, 本级 first.' })
  units!: PublishedUnit[];
}
