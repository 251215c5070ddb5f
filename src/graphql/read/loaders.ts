import DataLoader from 'dataloader';
import {
  fiscalYearsOf,
  projectKey,
  projectNames,
  registeredUnits,
  type FiscalYearRow,
  type UnitRow,
} from '../../projections/read-queries';
import type { GraphQLContext } from '../context';

/**
 * Per-request DataLoaders of the read API: a page of 100 budget lines names its units and projects
 * in one query each, not 100. Kept beside the context (a WeakMap keyed by it) so that the shared
 * context type stays as it is and a request's cache dies with the request.
 */
export interface ReadLoaders {
  unit: DataLoader<string, UnitRow | null>;
  fiscalYears: DataLoader<string, FiscalYearRow[]>;
  /** Key: projectKey(unitCode, fiscalYear, code); value: the project's name. */
  projectName: DataLoader<string, string | null>;
}

const perRequest = new WeakMap<GraphQLContext, ReadLoaders>();

export function loaders(ctx: GraphQLContext): ReadLoaders {
  let l = perRequest.get(ctx);
  if (!l) {
    l = create(ctx);
    perRequest.set(ctx, l);
  }
  return l;
}

function create(ctx: GraphQLContext): ReadLoaders {
  return {
    unit: new DataLoader(async (codes) => {
      const byCode = new Map((await registeredUnits(ctx.pool, codes)).map((u) => [u.unitCode, u]));
      return codes.map((c) => byCode.get(c) ?? null);
    }),
    fiscalYears: new DataLoader(async (codes) => {
      const rows = await fiscalYearsOf(ctx.pool, codes);
      return codes.map((c) => rows.filter((r) => r.unitCode === c));
    }),
    projectName: new DataLoader(async (keys) => {
      const parsed = keys.map((k) => {
        // Unit codes and years hold no '|'; a project code may.
        const [unitCode, year, ...code] = k.split('|');
        return { unitCode: unitCode!, fiscalYear: Number(year), code: code.join('|') };
      });
      const names = await projectNames(ctx.pool, parsed);
      return parsed.map((k) => names.get(projectKey(k.unitCode, k.fiscalYear, k.code)) ?? null);
    }),
  };
}
