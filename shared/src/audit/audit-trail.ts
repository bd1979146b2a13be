import { z } from 'zod';
import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root, type ClassType } from 'type-graphql';
import { Directive } from 'type-graphql';
import { auditReaderRoles } from '../auth/roles';
import type { SubgraphContext } from '../context';
import { AuditAction, AuditRecord } from './audit-record.entity';
import { verifyAuditChain } from './audit-log';
import { validateInput } from '../validation';

/* A page of the trail: more than this is an export (npm run audit:export), not an answer. */
export const auditTrailMaxLimit = 1000;
const limitSchema = z
  .number()
  .int()
  .min(1, 'must be at least 1')
  .max(auditTrailMaxLimit, `must be at most ${auditTrailMaxLimit}: export the trail for more`);

@ObjectType('AuditChainStatus', { description: "Whether this subgraph's audit chain is unbroken" })
@Directive('@shareable')
export class AuditChainStatusView {
  @Field()
  intact!: boolean;

  @Field(() => Int)
  checked!: number;

  @Field(() => Int, { nullable: true })
  brokenAtSequence!: number | null;
}

@ObjectType({ description: "One subgraph's audit records for a partnership, and the state of its chain" })
@Directive('@shareable')
export class AuditTrail {
  @Field(() => [AuditRecord])
  records!: AuditRecord[];

  @Field(() => AuditChainStatusView)
  chain!: AuditChainStatusView;
}

/**
 * Each subgraph keeps its own chain in its own database and adds `<subgraph>AuditTrail` to
 * Partnership, so a partnership manager or scrutineer reads every subgraph's trail in one query.
 */
export function createAuditTrailResolver(subgraph: string, partnershipType: ClassType<{ id: string }>): ClassType {
  @Resolver(() => partnershipType)
  class AuditTrailResolver {
    @FieldResolver(() => AuditTrail, {
      nullable: true,
      name: `${subgraph}AuditTrail`,
      description: `Audit records of ${subgraph} for this partnership, newest first (partnership business managers and scrutineers)`,
    })
    async auditTrail(
      @Root() partnership: { id: string },
      @Ctx() ctx: SubgraphContext,
      @Arg('alertsOnly', () => Boolean, { defaultValue: false }) alertsOnly: boolean,
      @Arg('limit', () => Int, {
        defaultValue: 100,
        description: `How many records, newest first: 1 to ${auditTrailMaxLimit}`,
      })
      limit: number,
    ): Promise<AuditTrail> {
      ctx.scope.requirePartnershipRole(partnership.id, auditReaderRoles);
      // Refused rather than quietly capped, so a caller never mistakes a cut trail for the whole of it.
      const take = validateInput(limitSchema, limit, 'limit');
      const records = await ctx.db.manager.find(AuditRecord, {
        where: { partnershipId: partnership.id, ...(alertsOnly ? { action: AuditAction.ALERT } : {}) },
        order: { sequence: 'DESC' },
        take,
      });
      return { records, chain: await verifyAuditChain(ctx.db.manager, { now: ctx.now }) };
    }
  }
  return AuditTrailResolver;
}
