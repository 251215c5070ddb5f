import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A cell a consistency rule looked at.' })
export class CellRef {
  @Field() table!: string;
  @Field({ description: 'Row key, code or label.' }) row!: string;
  @Field() column!: string;
}
