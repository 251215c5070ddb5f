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
