import { Field, ObjectType } from 'type-graphql';

@ObjectType({
  description:
    'A leaf column: a stable semantic key, the published title, and whether it holds text or amounts.',
})
export class TableColumn {
  @Field({ description: 'e.g. code, name, total, generalPublicBudget, basic, project.' })
  key!: string;
  @Field({ description: 'The leaf title as published.' }) title!: string;
  @Field({ description: 'text | amount' }) kind!: string;
}
