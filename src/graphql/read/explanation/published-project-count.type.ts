import { Field, ObjectType } from 'type-graphql';
import { ProjectCount } from './project-count.type';

@ObjectType()
export class PublishedProjectCount extends ProjectCount {
  @Field(() => String, { nullable: true }) sharePercent!: string | null;
}
