import { AdjustmentMutations } from './adjustment.resolver';
import { AdjustmentsQuery } from './adjustments.query';
import { AllocationMutations } from './allocation.resolver';
import { ImportDisclosureMutation } from './import-disclosure.resolver';
import { RecordMutations } from './records.resolver';
import { TargetMutations } from './targets.resolver';
import { UnitMutations } from './unit.resolver';
import { YearMutations } from './year.resolver';

/** The write side of the API (mutations for every domain command) and the adjustments query. */
export const WRITE_RESOLVERS = [
  UnitMutations,
  YearMutations,
  AllocationMutations,
  AdjustmentMutations,
  TargetMutations,
  RecordMutations,
  ImportDisclosureMutation,
  AdjustmentsQuery,
] as const;
