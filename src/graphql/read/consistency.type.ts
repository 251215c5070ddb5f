import { Field, Int, ObjectType } from 'type-graphql';
import { ConsistencyFinding } from './consistency-finding.type';

@ObjectType({
  description: 'The consistency report (勾稽关系) over the tables and the explanation.',
})
export class ConsistencyReport {
  @Field(() => [ConsistencyFinding]) findings!: ConsistencyFinding[];
  @Field(() => Int) rounding!: number;
  @Field(() => Int) inconsistencies!: number;
}
