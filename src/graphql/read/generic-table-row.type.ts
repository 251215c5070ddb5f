import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: 'A row of the generic form: cells in column order.' })
export class GenericTableRow {
  @Field() role!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true }) key!: string | null;
  @Field(() => [String], { nullable: 'items' }) cells!: (string | null)[];
}
