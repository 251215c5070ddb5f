import { Field, ObjectType } from 'type-graphql';
import { DecimalScalar } from '../scalars';

@ObjectType('ProvenanceLine', {
  description: 'A budget line feeding the cell, with its balance at the point asked (yuan).',
})
export class ProvenanceLine {
  @Field() lineId!: string;
  @Field(() => DecimalScalar) amount!: string;
}
