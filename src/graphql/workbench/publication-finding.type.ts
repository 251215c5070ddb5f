import { Field, ObjectType } from 'type-graphql';
import type { PublicationFinding as DomainFinding } from '../../domain';
import { CellRef } from '../read/cell-ref.type';
import { PublicationFigures } from './publication-figures.type';
import { PublicationLevel } from './publication-level.enum';

@ObjectType({
  description:
    "A finding of the publication gate (the year's data/reference/<year>/publication-rules.json).",
})
export class PublicationFinding {
  @Field({
    description: 'e.g. publication.project-performance-form; a WARNING is acknowledged by it.',
  })
  ruleId!: string;
  @Field(() => PublicationLevel) level!: PublicationLevel;
  @Field({ description: 'The rule, in Chinese (e.g. 每个项目须有绩效目标表).' }) title!: string;
  @Field({ description: 'What is wrong, naming the project, table or figure.' }) message!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The consistency rule behind a figures finding (e.g. t06.group).',
  })
  check!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'What the finding is about (a project code); null for the whole disclosure.',
  })
  subject!: string | null;
  @Field(() => [CellRef], { description: 'The printed cells concerned, the published one first.' })
  cells!: CellRef[];
  @Field(() => PublicationFigures, { nullable: true }) figures!: PublicationFigures | null;
  @Field({ description: 'What to do about it.' }) fix!: string;
}

export const mapPublicationFinding = (f: DomainFinding): PublicationFinding => ({
  ...f,
  level: f.level as PublicationLevel,
});
