import { Field, ObjectType } from 'type-graphql';

@ObjectType()
export class ImportStep {
  @Field() key!: string;
  @Field() unitCode!: string;
  @Field() summary!: string;
  @Field({ description: 'applied | already-imported | would-apply' }) status!: string;
}
