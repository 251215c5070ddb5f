import { Field, InputType } from 'type-graphql';
import { DecimalScalar } from '../scalars';
import { LineKeyInput } from './line.input';

@InputType({ description: 'A line and an amount in yuan (> 0).' })
export class LineAmountEntryInput {
  @Field(() => LineKeyInput) line!: LineKeyInput;
  @Field(() => DecimalScalar, { description: 'Yuan, at most 2 decimals, e.g. "120000.00".' })
  amount!: string;
}
