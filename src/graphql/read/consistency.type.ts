import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A cell a consistency rule looked at.' })
export class CellRef {
  @Field() table!: string;
  @Field({ description: 'Row key, code or label.' }) row!: string;
  @Field() column!: string;
}

@ObjectType({
  description: 'A 勾稽 finding: a published figure that does not equal what it should.',
})
export class ConsistencyFinding {
  @Field() ruleId!: string;
  @Field(() => [CellRef], {
    description: 'The published figure first, then the cells it is compared with.',
  })
  cells!: CellRef[];
  @Field() published!: string;
  @Field() computed!: string;
  @Field() difference!: string;
  @Field(() => Int) roundedTerms!: number;
  @Field({ description: 'rounding (尾差, within tolerance) | inconsistency' }) kind!: string;
}

@ObjectType({
  description: 'The consistency report (勾稽关系) over the tables and the explanation.',
})
export class ConsistencyReport {
  @Field(() => [ConsistencyFinding]) findings!: ConsistencyFinding[];
  @Field(() => Int) rounding!: number;
  @Field(() => Int) inconsistencies!: number;
}
