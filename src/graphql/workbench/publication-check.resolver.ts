import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { budgetStreamId, gateVerdict, publicationFindings } from '../../domain';
import { NotFoundError } from '../../domain/errors';
import { Role, assertActsFor } from '../auth';
import type { GraphQLContext } from '../context';
import { settledPositionCovering } from '../write/settled';
import { PublicationCheck } from './publication-check.type';
import { mapPublicationFinding } from './publication-finding.type';

/**
 * Dry run of publishDisclosure: the publication gate on the disclosure at the position a
 * publication would record now, with the same facts, rules and acknowledgement check. A finding
 * is a value here, not an error; nothing is appended.
 */
@Resolver()
export class PublicationCheckResolver {
  @Authorized(Role.BUDGET_OFFICER)
  @Query(() => PublicationCheck, {
    description:
      'Dry run of publishDisclosure (same unit, year and acknowledge; BUDGET_OFFICER of the unit, or ADMIN): every finding of the publication gate, and whether publishing would be accepted. Appends nothing.',
  })
  async publicationCheck(
    @Ctx() ctx: GraphQLContext,
    @Arg('unitCode') unitCode: string,
    @Arg('fiscalYear', () => Int) fiscalYear: number,
    @Arg('acknowledge', () => [String], {
      defaultValue: [],
      description: 'WARNING rule ids the publisher would acknowledge.',
    })
    acknowledge: string[],
  ): Promise<PublicationCheck> {
    assertActsFor(ctx.viewer, unitCode);
    const position = await settledPositionCovering(ctx.store, budgetStreamId(unitCode, fiscalYear));
    const subject = await ctx.service.publicationSubject(unitCode, fiscalYear, String(position));
    if (!subject) throw new NotFoundError(`unit ${unitCode} is not registered`, { unitCode });
    const reference = ctx.service.references.current.index(fiscalYear);
    const findings = publicationFindings(subject.facts, reference);
    const { blocking } = gateVerdict(findings, acknowledge, reference);
    return {
      unitCode,
      departmentCode: subject.facts.department.code,
      fiscalYear,
      ledgerPosition: position,
      publishable: blocking.length === 0,
      findings: findings.map(mapPublicationFinding),
      blocking: blocking.map(mapPublicationFinding),
    };
  }
}
