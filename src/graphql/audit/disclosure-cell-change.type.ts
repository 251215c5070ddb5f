import { Field, ObjectType } from 'type-graphql';

@ObjectType('DisclosureCellChange', {
  description: 'A printed figure (万元) that differs between the two points; null = empty cell.',
})
export class DisclosureCellChange {
  @Field() table!: string;
  @Field(() => String, { nullable: true }) rowKey!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'The row label as printed.' }) name!:
    string | null;
  @Field() column!: string;
  @Field(() => String, { nullable: true }) from!: string | null;
  @Field(() => String, { nullable: true }) to!: string | null;
}
