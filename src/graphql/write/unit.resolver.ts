import { Arg, Authorized, Ctx, Field, InputType, Int, Mutation, Resolver } from 'type-graphql';
import { unitStreamId, type RegisterBudgetUnit, type UnitKind } from '../../domain';
import { Role } from '../auth';
import type { GraphQLContext } from '../context';
import { CommandInput, prepare } from './command';
import { payloadOf, RegisterBudgetUnitPayload } from './payload';

@InputType({
  description: 'A budget unit (预算单位) joins the registry; its fiscal years can then be opened.',
})
export class RegisterBudgetUnitInput extends CommandInput {
  @Field({ description: 'e.g. "019001" (letters, digits, "_" and ".").' }) unitCode!: string;
  @Field() name!: string;
  @Field({
    description:
      'administrative 行政单位 | civil-service-managed 参公事业单位 | institution 事业单位',
  })
  kind!: string;
  @Field(() => String, {
    nullable: true,
    description: 'The unit it reports to (本级 of the department), if any.',
  })
  parentUnitCode?: string | null;
  @Field({ description: 'The department (部门) code, e.g. "019".' }) departmentCode!: string;
  @Field(() => Int, { nullable: true, description: '编制数' }) staffingAuthorized?: number | null;
  @Field(() => Int, { nullable: true, description: '实有人数' }) staffingActual?: number | null;
  @Field(() => String, { nullable: true, description: 'ISO date; default today.' }) registeredAt?:
    string | null;
}

/** The unit registry is the finance bureau's master data: only ADMIN changes it. */
@Resolver()
export class UnitMutations {
  @Authorized(Role.ADMIN)
  @Mutation(() => RegisterBudgetUnitPayload, { description: 'Register a budget unit (ADMIN).' })
  async registerBudgetUnit(
    @Ctx() ctx: GraphQLContext,
    @Arg('input') input: RegisterBudgetUnitInput,
  ): Promise<RegisterBudgetUnitPayload> {
    const { defaults, options } = await prepare(ctx, input, unitStreamId(input.unitCode));
    const command: RegisterBudgetUnit = {
      type: 'RegisterBudgetUnit',
      data: {
        unitCode: input.unitCode,
        name: input.name,
        kind: input.kind as UnitKind,
        parentUnitCode: input.parentUnitCode ?? null,
        departmentCode: input.departmentCode,
        staffing: {
          authorized: input.staffingAuthorized ?? null,
          actual: input.staffingActual ?? null,
        },
        registeredAt: defaults.date(input.registeredAt, 'registeredAt'),
      },
    };
    return payloadOf(await ctx.service.registerUnit(command, options));
  }
}
