import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar, PositionScalar } from '../scalars';
import { ProvenanceLine } from './provenance-line.type';
import { ProvenancePosting } from './provenance-posting.type';

@ObjectType('CellProvenance', {
  description:
    'What one printed figure is made of: the lines that feed it and every posting to them.',
})
export class CellProvenance {
  @Field() table!: string;
  @Field(() => String, {
    nullable: true,
    description: 'Semantic key of the row (e.g. "total", a project code).',
  })
  rowKey!: string | null;
  @Field(() => String, { nullable: true, description: 'Classification code of the row.' }) code!:
    string | null;
  @Field() column!: string;
  @Field(() => PositionScalar, {
    nullable: true,
    description:
      'The position the figure reflects, when the point was a position or the publication.',
  })
  position!: bigint | null;
  @Field(() => String, {
    nullable: true,
    description: 'The figure as the disclosure prints it (万元), null for an empty cell.',
  })
  cell!: string | null;
  @Field(() => DecimalScalar, { description: 'Exact sum of the postings (yuan).' }) sum!: string;
  @Field(() => String, {
    nullable: true,
    description:
      'The sum in 万元, rounded half-up once (null when zero, as the table prints nothing).',
  })
  sumWanYuan!: string | null;
  @Field({ description: 'True when sumWanYuan is the printed cell.' }) matchesCell!: boolean;
  @Field(() => [ProvenanceLine]) lines!: ProvenanceLine[];
  @Field(() => [ProvenancePosting], { description: 'In log order.' })
  postings!: ProvenancePosting[];
}
