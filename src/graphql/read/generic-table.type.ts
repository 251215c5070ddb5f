import { Field, ObjectType } from 'type-graphql';
import { GenericTableRow } from './generic-table-row.type';

@ObjectType({
  description: 'The plain rows-and-columns form of a table (what the CSV renderer prints).',
})
export class GenericTable {
  @Field(() => [[String]], {
    description: 'Header rows as published, top to bottom (merged cells repeated as "").',
  })
  columns!: string[][];
  @Field(() => [String], { description: 'Semantic column keys, in column order.' }) keys!: string[];
  @Field(() => [String], { description: 'text | amount, in column order.' }) kinds!: string[];
  @Field(() => [GenericTableRow]) rows!: GenericTableRow[];
  @Field(() => String, { nullable: true }) note!: string | null;
}
