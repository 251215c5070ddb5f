import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A cell: the column key and the printed value (amounts as Decimal-like strings); null when empty.',
})
export class TableCell {
  @Field() column!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}
