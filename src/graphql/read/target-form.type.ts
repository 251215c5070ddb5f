import { Field, ObjectType } from 'type-graphql';
import { FormDetail } from './form-detail.type';
import { Indicator } from './indicator.type';

@ObjectType({ description: 'The content of a target form.' })
export class TargetForm {
  @Field(() => String, { nullable: true }) goal!: string | null;
  @Field(() => [Indicator]) indicators!: Indicator[];
  @Field(() => [FormDetail]) details!: FormDetail[];
}
