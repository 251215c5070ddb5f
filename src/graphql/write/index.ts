import { AdjustmentMutations } from './adjustment.resolver';
import { AllocationMutations } from './allocation.resolver';
import { ImportDisclosureMutation } from './import-disclosure.resolver';
import { RecordMutations } from './records.resolver';
import { TargetMutations } from './targets.resolver';
import { UnitMutations } from './unit.resolver';
import { YearMutations } from './year.resolver';

/** The write side of the API: mutations for every domain command. */
export const WRITE_RESOLVERS = [
  UnitMutations,
  YearMutations,
  AllocationMutations,
  AdjustmentMutations,
  TargetMutations,
  RecordMutations,
  ImportDisclosureMutation,
] as const;
