import { departmentInScope, unitInScope, unitScope, type UnitScope } from '../app/access-scope';
import { ForbiddenError } from './auth';
import type { GraphQLContext } from './context';

/**
 * The caller's reach over unpublished data (src/app/access-scope.ts), once per request or
 * subscription. Out of reach is FORBIDDEN whether or not the unit or department exists, so the
 * answer never tells a caller what it may not see (docs/access.md).
 */
const scopes = new WeakMap<GraphQLContext, Promise<UnitScope>>();

export function scopeOf(ctx: GraphQLContext): Promise<UnitScope> {
  let scope = scopes.get(ctx);
  if (!scope) {
    scope = unitScope(ctx.pool, ctx.viewer);
    scopes.set(ctx, scope);
  }
  return scope;
}

/**
 * The reach of a long-lived subscription, as a question asked per event: resolved again when an
 * event names a unit it has not judged yet, so a unit registered under a limited token's
 * department after the subscription started is in reach from its registration on (the event that
 * registers it commits with its read-model row, so the row is there when the event arrives). A
 * unit judged out of reach stays out (its department is set once, by that registration): another
 * department's streams cost no query.
 */
export function liveReach(ctx: GraphQLContext): (unitCode: string) => Promise<boolean> {
  let scope = scopeOf(ctx);
  const outside = new Set<string>();
  return async (unitCode) => {
    if (unitInScope(await scope, unitCode)) return true;
    if (outside.has(unitCode)) return false;
    scope = unitScope(ctx.pool, ctx.viewer);
    if (unitInScope(await scope, unitCode)) return true;
    outside.add(unitCode);
    return false;
  };
}

const outOfReach = (ctx: GraphQLContext, what: string, details: Record<string, unknown>) =>
  new ForbiddenError(`this ${ctx.viewer.role} token does not reach ${what}`, details);

export async function requireUnit(ctx: GraphQLContext, unitCode: string): Promise<void> {
  if (!unitInScope(await scopeOf(ctx), unitCode))
    throw outOfReach(ctx, `unit ${unitCode}`, { unitCode });
}

export async function requireDepartment(
  ctx: GraphQLContext,
  departmentCode: string,
): Promise<void> {
  if (!(await departmentInScope(ctx.pool, await scopeOf(ctx), departmentCode)))
    throw outOfReach(ctx, `department ${departmentCode}`, { departmentCode });
}

/** Questions about the whole ledger (verify, digest) are for tokens not limited to a part. */
export async function requireWholeLedger(ctx: GraphQLContext): Promise<void> {
  if ((await scopeOf(ctx)) !== null) throw outOfReach(ctx, 'the whole ledger', {});
}

/**
 * The units a list may cover: the ones asked for, each of which must be in reach; or, when none
 * is asked for, every unit in reach (null: no limit).
 */
export async function unitsInReach(
  ctx: GraphQLContext,
  asked: readonly string[] | null | undefined,
): Promise<readonly string[] | null> {
  const scope = await scopeOf(ctx);
  if (asked?.length) {
    const outside = asked.find((u) => !unitInScope(scope, u));
    if (outside !== undefined) throw outOfReach(ctx, `unit ${outside}`, { unitCode: outside });
    return asked;
  }
  return scope === null ? null : [...scope];
}
