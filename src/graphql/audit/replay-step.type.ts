import { Field, ObjectType } from 'type-graphql';
import { LedgerEvent } from './ledger-event.type';
import { BudgetLineChange } from './line-change.type';

@ObjectType('ReplayStep', {
  description:
    'One event of a unit-year budget stream and the lines it moved (none for events that move no money).',
})
export class ReplayStep {
  @Field(() => LedgerEvent) event!: LedgerEvent;
  @Field(() => [BudgetLineChange]) changes!: BudgetLineChange[];
}
