import {
  appendAudit,
  AuditAction,
  ChildHolderKind,
  ChildInvolvementKind,
  ChildRecordHolding,
  childAuditId,
  openChildKey,
  type SubgraphContext,
} from '@safeguarding/shared';
import { ChildDeathReviewRepository } from '../child-death/child-death-review.repository';
import type { Child } from './child.entity';

/** What the reviews subgraph contributes to a child's picture: the partners reviewing the child's death. */
export class ChildService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** Every child of the fetch in one statement (and one for what the caller may read); each look audited here. */
  childDeathReviewHoldings(child: Child): Promise<ChildRecordHolding[]> {
    return this.ctx.loaders
      .get<string, ChildRecordHolding[]>('child.childDeathReviewHoldings', (keys) => this.holdingsOf(keys))
      .load(child.key);
  }

  private async holdingsOf(keys: readonly string[]): Promise<ChildRecordHolding[][]> {
    const referencesOf = keys.map((key) => openChildKey(key) ?? []);
    const repository = new ChildDeathReviewRepository(this.ctx.db.manager, this.ctx.scope);
    const rows = await repository.holdersAbout(referencesOf.flat());
    const readable = await repository.readableAbout(referencesOf.flat());
    await appendAudit(
      this.ctx,
      keys.map((key) => ({
        action: AuditAction.READ,
        entityType: 'Child',
        entityId: childAuditId(key),
        partnershipId: null,
      })),
    );
    return referencesOf.map((references) =>
      rows
        .filter((row) => references.includes(row.childReference))
        .flatMap((row) =>
          [row.localAuthorityId, row.integratedCareBoardId].map((organisationId) =>
            ChildRecordHolding.of({
              organisationId,
              organisationKind: ChildHolderKind.AGENCY,
              involvement: ChildInvolvementKind.CHILD_DEATH_REVIEW,
              on: row.dateOfDeath,
              recordId: row.id,
              readable: readable.has(row.id),
            }),
          ),
        ),
    );
  }
}
