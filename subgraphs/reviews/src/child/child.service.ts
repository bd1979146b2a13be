import {
  ChildHolderKind,
  ChildInvolvementKind,
  childHoldings,
  ChildRecordHolding,
  type SubgraphContext,
} from '@safeguarding/shared';
import { ChildDeathReviewRepository } from '../child-death/child-death-review.repository';
import { SeriousIncidentNotificationRepository } from '../notification/serious-incident-notification.repository';
import { RapidReviewRepository } from '../rapid-review/rapid-review.repository';
import type { Child } from './child.entity';

// Every review record is a partnership's: that of the local authority for the child's area.
const agencyHolding = (
  organisationId: string,
  involvement: ChildInvolvementKind,
  row: { id: string; partnershipId: string },
  on: string,
  readable: boolean,
): ChildRecordHolding =>
  ChildRecordHolding.of({
    organisationId,
    organisationKind: ChildHolderKind.AGENCY,
    involvement,
    on,
    recordId: row.id,
    readable,
    partnershipId: row.partnershipId,
  });

/**
 * What the reviews subgraph contributes to a child's picture: the partners reviewing the child's
 * death, and the serious incident notifications naming the child with their rapid reviews. Each
 * record's readability is the rule its own query (childDeathReview, seriousIncidentNotification,
 * rapidReview) applies; the look is audited here once per child and request.
 */
export class ChildService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** Every child of the fetch in one statement (and one for what the caller may read). */
  childDeathReviewHoldings(child: Child): Promise<ChildRecordHolding[]> {
    const repository = new ChildDeathReviewRepository(this.ctx.db.manager, this.ctx.scope);
    return this.ctx.loaders
      .get<string, ChildRecordHolding[]>('child.childDeathReviewHoldings', (keys) =>
        childHoldings(this.ctx, keys, {
          holders: (references) => repository.holdersAbout(references),
          readable: (references) => repository.readableAbout(references),
          holdingsOf: (row, readable) =>
            [row.localAuthorityId, row.integratedCareBoardId].map((organisationId) =>
              agencyHolding(organisationId, ChildInvolvementKind.CHILD_DEATH_REVIEW, row, row.dateOfDeath, readable),
            ),
        }),
      )
      .load(child.key);
  }

  /** The notifications naming the child and their rapid reviews: one statement each, and one each for reading. */
  async seriousIncidentHoldings(child: Child): Promise<ChildRecordHolding[]> {
    const notifications = new SeriousIncidentNotificationRepository(this.ctx.db.manager, this.ctx.scope);
    const rapidReviews = new RapidReviewRepository(this.ctx.db.manager, this.ctx.scope);
    const [notified, reviewed] = await Promise.all([
      this.ctx.loaders
        .get<string, ChildRecordHolding[]>('child.seriousIncidentNotificationHoldings', (keys) =>
          childHoldings(this.ctx, keys, {
            holders: (references) => notifications.holdersAbout(references),
            readable: (_, rows) => notifications.readableOf(rows.map((row) => row.id)),
            holdingsOf: (row, readable) => [
              agencyHolding(
                row.localAuthorityId,
                ChildInvolvementKind.SERIOUS_INCIDENT_NOTIFIED,
                row,
                row.dateAware,
                readable,
              ),
            ],
          }),
        )
        .load(child.key),
      this.ctx.loaders
        .get<string, ChildRecordHolding[]>('child.rapidReviewHoldings', (keys) =>
          childHoldings(this.ctx, keys, {
            holders: (references) => rapidReviews.holdersAbout(references),
            readable: (_, rows) => rapidReviews.readableOf(rows.map((row) => row.id)),
            holdingsOf: (row, readable) => [
              agencyHolding(row.localAuthorityId, ChildInvolvementKind.RAPID_REVIEW, row, row.openedOn, readable),
            ],
          }),
        )
        .load(child.key),
    ]);
    return [...notified, ...reviewed];
  }
}
