import { registerEnumType } from 'type-graphql';

/** GraphQL names for the domain's adjustment types (the values are the domain's). */
export enum AdjustmentType {
  INCREASE = 'increase',
  DECREASE = 'decrease',
  TRANSFER = 'transfer',
}
registerEnumType(AdjustmentType, {
  name: 'AdjustmentType',
  description:
    '追加 INCREASE (every delta > 0), 追减 DECREASE (every delta < 0), 调剂 TRANSFER (both signs, netting to zero).',
});
