import { registerEnumType } from 'type-graphql';

export enum AdjustmentStatus {
  SUBMITTED = 'submitted',
  APPROVED = 'approved',
  REJECTED = 'rejected',
}
registerEnumType(AdjustmentStatus, {
  name: 'AdjustmentStatus',
  description: 'SUBMITTED (awaiting review), APPROVED (the budget moved), REJECTED.',
});
