import { Field, Int, ObjectType } from 'type-graphql';
import { DecimalScalar, PositionScalar } from '../scalars';

@ObjectType({ description: 'A rule the adjustment breaks, as a value (nothing was submitted).' })
export class PreviewProblem {
  @Field({ description: 'e.g. transfer.balanced, policy.sangong-decrease-only.' }) ruleId!: string;
  @Field({ description: 'The error code a submission would fail with.' }) code!: string;
  @Field({ description: 'The rule, in Chinese (e.g. 调剂须增减相抵).' }) title!: string;
  @Field() message!: string;
  @Field(() => String, { nullable: true, description: 'The input field at fault.' })
  field!: string | null;
  @Field(() => Int, {
    nullable: true,
    description: 'The index (0-based) of the `lines` entry at fault.',
  })
  entry!: number | null;
}

@ObjectType({ description: 'A printed figure (万元) the adjustment would change.' })
export class PreviewCell {
  @Field({ description: 't01 … t13' }) table!: string;
  @Field() tableTitle!: string;
  @Field(() => String, { nullable: true }) rowKey!: string | null;
  @Field(() => String, { nullable: true }) code!: string | null;
  @Field(() => String, { nullable: true, description: 'The row label as printed.' })
  name!: string | null;
  @Field() column!: string;
  @Field({ description: 'The leaf column title as printed.' }) columnTitle!: string;
  @Field(() => String, { nullable: true, description: 'Now; null = empty cell.' })
  before!: string | null;
  @Field(() => String, { nullable: true, description: 'Once approved; null = empty cell.' })
  after!: string | null;
}

@ObjectType({ description: 'A budget line the adjustment would move (yuan).' })
export class PreviewLine {
  @Field() lineId!: string;
  @Field(() => Int, { nullable: true, description: 'The `lines` entry it comes from.' })
  entry!: number | null;
  @Field(() => DecimalScalar) before!: string;
  @Field(() => DecimalScalar) after!: string;
  @Field(() => DecimalScalar) delta!: string;
}

@ObjectType({
  description:
    'What an adjustment would change once approved, decided by the same rules as the mutations and changing nothing.',
})
export class AdjustmentPreview {
  @Field({ description: 'True when no rule is broken.' }) ok!: boolean;
  @Field(() => PositionScalar, {
    description:
      'The stream version the preview was decided on: pass it as expectedVersion to submit (or review) exactly what was previewed.',
  })
  basedOnVersion!: bigint;
  @Field(() => [PreviewProblem]) problems!: PreviewProblem[];
  @Field(() => [PreviewCell], { description: 'Changed cells, table by table.' })
  cells!: PreviewCell[];
  @Field(() => [PreviewLine]) lines!: PreviewLine[];
}
