import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType({ description: 'Planned 政府采购 of a project by category.' })
export class ProjectProcurement {
  @Field({ description: 'goods | works | services' }) category!: string;
  @Field(() => DecimalScalar, { description: 'Exact yuan.' }) amount!: string;
}
