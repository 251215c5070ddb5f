import { Ctx, Query, Resolver } from 'type-graphql';
import type { GraphQLContext } from '../context';
import { ViewerInfo } from './viewer.type';

/** A client's sign-in: what the token it holds may do, without trying a mutation to find out. */
@Resolver()
export class ViewerResolver {
  @Query(() => ViewerInfo, {
    description: 'The caller: role, reach, person and actor of its token (PUBLIC without a token).',
  })
  viewer(@Ctx() ctx: GraphQLContext): ViewerInfo {
    const { role, unitCodes, departmentCodes, person, actor } = ctx.viewer;
    return { role, unitCodes, departmentCodes, person, actor };
  }
}
