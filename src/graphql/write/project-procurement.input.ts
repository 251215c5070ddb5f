import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@InputType()
export class ProjectProcurementInput {
  @Field({ description: 'goods 货物 | works 工程 | services 服务' }) category!: string;
  @Field(() => DecimalScalar) amount!: string;
}
