/**
 * One table of the disclosure, typed enough to read a figure by meaning (column keys, row role /
 * code / key) and generic enough to cover all 13 tables with one type; plus the plain
 * rows-and-columns form renderers use.
 */
import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum DisclosureTableId {
  T01 = 't01',
  T02 = 't02',
  T03 = 't03',
  T04 = 't04',
  T05 = 't05',
  T06 = 't06',
  T07 = 't07',
  T08 = 't08',
  T09 = 't09',
  T10 = 't10',
  T11 = 't11',
  T12 = 't12',
  T13 = 't13',
}
registerEnumType(DisclosureTableId, {
  name: 'DisclosureTableId',
  description: 'T01 预算收支总表 … T13 项目支出预算表（上年结转）, in the published order.',
});

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

@ObjectType({
  description:
    'A cell: the column key and the printed value (amounts as Decimal-like strings); null when empty.',
})
export class TableCell {
  @Field() column!: string;
  @Field(() => String, { nullable: true }) value!: string | null;
}

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

@ObjectType({ description: 'A row of the generic form: cells in column order.' })
export class GenericTableRow {
  @Field() role!: string;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true }) key!: string | null;
  @Field(() => [String], { nullable: 'items' }) cells!: (string | null)[];
}

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

@ObjectType({ description: 'One of the 13 tables of the disclosure.' })
export class DisclosureTable {
  @Field(() => DisclosureTableId) id!: DisclosureTableId;
  @Field(() => String, {
    nullable: true,
    description: 'The printed label (预算公开表1) where the layout prints one.',
  })
  label!: string | null;
  @Field() title!: string;
  @Field({ description: '编制单位.' }) unitName!: string;
  @Field({ description: '万元 | 元' }) moneyUnit!: string;
  @Field(() => [[String]], { description: 'Header rows as published, top to bottom.' })
  headerRows!: string[][];
  @Field(() => [TableColumn], { description: 'Leaf columns, in order.' }) columns!: TableColumn[];
  @Field(() => [DisclosureTableRow]) rows!: DisclosureTableRow[];
  @Field(() => String, {
    nullable: true,
    description: '本表无数据 when the table has no amount at all.',
  })
  note!: string | null;
  @Field(() => GenericTable) generic!: GenericTable;
}
