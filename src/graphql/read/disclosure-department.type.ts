import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class DisclosureDepartment {
  @Field() code!: string;
  @Field() name!: string;
}
