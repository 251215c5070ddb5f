import { AdjustmentsQuery } from './adjustments.resolver';
import { AggregateResolver } from './aggregate.resolver';
import { BudgetLineResolver } from './budget-line.resolver';
import { ClassificationResolver } from './classification.resolver';
import { DisclosureResolver } from './disclosure.resolver';
import { ProjectResolver } from './project.resolver';
import { UnitResolver } from './unit.resolver';
import { UnitYearVersionResolver } from './unit-year-version.resolver';

/**
 * The read API: registry, reference data, projects, budget lines, aggregate, disclosure,
 * adjustments.
 */
export const READ_RESOLVERS = [
  UnitResolver,
  ClassificationResolver,
  ProjectResolver,
  BudgetLineResolver,
  AggregateResolver,
  DisclosureResolver,
  AdjustmentsQuery,
  UnitYearVersionResolver,
] as const;
