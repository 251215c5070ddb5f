import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../../scalars';
import { ChangeFigure } from './change-figure.type';
import { SanGongItem } from './san-gong-item.type';

@ObjectType({ description: '七、“三公”经费增减变动原因说明.' })
export class SanGongSection {
  @Field(() => DecimalScalar) total!: string;
  @Field(() => ChangeFigure, { nullable: true }) change!: ChangeFigure | null;
  @Field(() => [SanGongItem]) items!: SanGongItem[];
  @Field() text!: string;
}
