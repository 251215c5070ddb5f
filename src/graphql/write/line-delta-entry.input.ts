import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { LineKeyInput } from './line.input';

@InputType({ description: 'A line and a signed change in yuan (≠ 0).' })
export class LineDeltaEntryInput {
  @Field(() => LineKeyInput) line!: LineKeyInput;
  @Field(() => DecimalScalar, { description: 'Yuan, signed, at most 2 decimals, e.g. "-3000.00".' })
  delta!: string;
}
