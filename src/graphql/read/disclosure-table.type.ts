/**
 * One table of the disclosure, typed enough to read a figure by meaning (column keys, row role /
 * code / key) and generic enough to cover all 13 tables with one type; plus the plain
 * rows-and-columns form renderers use.
 */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DisclosureTableRow } from './disclosure-table-row.type';
import { GenericTable } from './generic-table.type';
import { TableColumn } from './table-column.type';

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
