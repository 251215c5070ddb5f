import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { ProjectProcurement } from './project-procurement.type';

@ObjectType({
  description:
    'A project (项目) registered for a unit-year, with the money on its lines at the point asked.',
})
export class Project {
  @Field() code!: string;
  @Field() name!: string;
  @Field() unitCode!: string;
  @Field(() => Int) fiscalYear!: number;
  @Field({ description: 'other-operating (其他运转类) | specific-goal (特定目标类)' })
  category!: string;
  @Field({ description: 'one-off (一次性) | recurring (经常性)' }) attribute!: string;
  @Field({ description: 'As the form prints it, e.g. "1年".' }) period!: string;
  @Field(() => String, { nullable: true }) implementingUnit!: string | null;
  @Field(() => [ProjectProcurement]) procurement!: ProjectProcurement[];
  @Field(() => DecimalScalar, {
    description: "Exact yuan on the project's lines at the point asked.",
  })
  amount!: string;
}
