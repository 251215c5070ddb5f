import { Field, ObjectType } from 'type-graphql';

@ObjectType({ description: '十一、国有资产占有使用情况 (the holdings are Disclosure.assets).' })
export class AssetsSection {
  @Field() vehiclesText!: string;
  @Field() officeSpaceText!: string;
  @Field() equipmentText!: string;
}
