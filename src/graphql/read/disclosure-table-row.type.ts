import { Field, Int, ObjectType } from 'type-graphql';
import { TableCell } from './table-cell.type';

@ObjectType({ description: 'A row in published order.' })
export class DisclosureTableRow {
  @Field({ description: 'total | class | item | group | unit | project | section' }) role!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'Semantic id of a fixed row (e.g. grandTotal, sanGong.vehicleOperation) or a project code.',
  })
  key!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Classification code (functional 类/款/项, economic 款).',
  })
  code!: string | null;
  @Field(() => Int, { nullable: true, description: '1/2/3 for 类/款/项 rows.' }) level!:
    number | null;
  @Field(() => String, {
    nullable: true,
    description: "The row's label: its first non-empty text cell other than the code.",
  })
  name!: string | null;
  @Field(() => [TableCell], { description: 'Every column, in column order.' }) cells!: TableCell[];
}
