import { Field, ObjectType } from 'type-graphql';
import { ProjectPerformanceForm } from './project-performance-form.type';
import { UnitPerformanceForm } from './unit-performance-form.type';

@ObjectType()
export class PerformanceForms {
  @Field(() => UnitPerformanceForm, { nullable: true }) unit!: UnitPerformanceForm | null;
  @Field(() => [ProjectPerformanceForm]) projects!: ProjectPerformanceForm[];
}
