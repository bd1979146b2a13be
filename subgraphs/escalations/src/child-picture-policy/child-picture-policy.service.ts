import { z } from 'zod';
import {
  alignByKey,
  appendAudit,
  AuditAction,
  boundedList,
  inTransaction,
  partnershipAdministratorRoles,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { ChildPictureReason } from '../child/child.entity';
import { ChildPicturePolicy, defaultChildPictureReasons } from './child-picture-policy.entity';
import { ChildPicturePolicyRepository } from './child-picture-policy.repository';

const partnershipIdSchema = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

/** Every reason the graph knows, so a list of them can never need more. */
export const childPictureReasonsLimit = Object.values(ChildPictureReason).length;

const reasonsSchema = boundedList(
  childPictureReasonsLimit,
  'reasons',
  z
    .array(z.enum(ChildPictureReason))
    .refine((reasons) => new Set(reasons).size === reasons.length, 'must not list a reason twice'),
);

export class ChildPicturePolicyService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ChildPicturePolicyRepository {
    return new ChildPicturePolicyRepository(manager, this.ctx.scope);
  }

  private async policiesOf(partnershipIds: readonly string[]): Promise<ChildPicturePolicy[]> {
    const found = await this.ctx.loaders
      .get<string, ChildPicturePolicy | null>('Partnership.childPicturePolicy', async (ids) =>
        alignByKey(ids, await this.repository().policiesOf(ids), (policy) => policy.partnershipId),
      )
      .loadMany(partnershipIds);
    return partnershipIds.map((partnershipId, index) => {
      const policy = found[index];
      // A failed read fails the caller: taken for "no policy set", it would admit the default reasons
      // a partnership may have withdrawn.
      if (policy instanceof Error) throw policy;
      return policy instanceof ChildPicturePolicy
        ? ChildPicturePolicy.of(partnershipId, policy.reasons, true)
        : ChildPicturePolicy.of(partnershipId, defaultChildPictureReasons, false);
    });
  }

  async policyOf(partnershipId: string): Promise<ChildPicturePolicy> {
    const [policy] = await this.policiesOf([partnershipId]);
    return policy ?? ChildPicturePolicy.of(partnershipId, defaultChildPictureReasons, false);
  }

  /**
   * Whether a reason opens the picture of a child of this home partnership: the partnership's own
   * reasons, the defaults until it sets them, and the defaults for a child no partnership covers.
   * The caller's own partnerships play no part: the child's partnership governs looks at its children.
   */
  async allowsFor(homePartnershipId: string | null, reason: ChildPictureReason): Promise<boolean> {
    if (homePartnershipId == null) return defaultChildPictureReasons.includes(reason);
    return (await this.policyOf(homePartnershipId)).reasons.includes(reason);
  }

  async configure(partnershipIdInput: string, reasonsInput: readonly string[]): Promise<ChildPicturePolicy> {
    const partnershipId = validateInput(partnershipIdSchema, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const reasons = validateInput(reasonsSchema, reasonsInput, 'reasons');
    await inTransaction(this.ctx.db, async (manager) => {
      await this.repository(manager).save(partnershipId, reasons);
      await appendAudit(
        this.ctx,
        [{ action: AuditAction.UPDATE, entityType: 'ChildPicturePolicy', entityId: partnershipId, partnershipId }],
        manager,
      );
    });
    this.ctx.logger.info({ partnershipId, reasons: reasons.length }, 'child picture reasons configured');
    return this.repository()
      .policiesOf([partnershipId])
      .then(([saved]) => ChildPicturePolicy.of(partnershipId, saved?.reasons ?? reasons, true));
  }
}
