import { Field, InputType, Int } from 'type-graphql';
import { CommandInput } from './command.input';

/** A command on one unit's fiscal-year budget (stream budget-<unitCode>-<fiscalYear>). */
@InputType('BudgetCommandInputBase')
export abstract class BudgetCommandInput extends CommandInput {
  @Field({ description: 'The budget unit, e.g. "019001".' }) unitCode!: string;
  @Field(() => Int, { description: 'The fiscal year, e.g. 2024.' }) fiscalYear!: number;
}
