import {
  cdopNotificationDeadline,
  childDeathReviewStageDeadline,
  childDeathReviewStages,
  metOn,
  noLongerOwed,
  ObligationLedger,
  partnershipStaffRoles,
  reportToPanelDeadline,
  reviewClockRule,
  Role,
  stillOpen,
  type Deadline,
  type ObligationAudience,
  type ObligationDraft,
  type ObligationKind,
  type ObligationPlan,
  type WorkingDayCalendar,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { toldPartnerRoles } from '../common/case-access';
import { OwnerKind } from '../common/organisation-owner';
import type { ChildDeathReview } from '../child-death/child-death-review.entity';
import type { PartnerTold, SeriousIncidentNotification } from '../notification/serious-incident-notification.entity';
import { PracticeReviewKind, type PracticeReview } from '../practice-review/practice-review.entity';
import type { RapidReview } from '../rapid-review/rapid-review.entity';
import type { ReviewAction } from '../recommendation/recommendation.entity';

/** The subgraph whose database keeps these obligations; part of each obligation's id. */
export const reviewsSource = 'reviews';

export const reviewObligationKinds: readonly ObligationKind[] = [
  'SERIOUS_INCIDENT_NOTIFICATION',
  'PARTNERS_TOLD_OF_INCIDENT',
  'RAPID_REVIEW',
  'PANEL_RESPONSE',
  'PRACTICE_REVIEW_PUBLICATION',
  'PRACTICE_REVIEW_TO_PANEL',
  'REVIEW_ACTION',
  'CHILD_DEATH_NOTIFICATION',
  'CHILD_DEATH_REVIEW_STAGE',
];

export function reviewsLedger(manager: EntityManager, at: Date): ObligationLedger {
  return new ObligationLedger(manager, reviewsSource, at);
}

/**
 * Who may read each record today, as the repositories' rules say (common/case-access.ts): the
 * partnership's staff, the Panel where the record goes to the Panel, and the organisations that
 * reach it as themselves (partners told of an incident, the owner of an action).
 */
function audience(partnershipId: string, extra: Partial<ObligationAudience> = {}): ObligationAudience {
  return {
    organisationIds: [],
    organisationRoles: [],
    partnershipIds: [partnershipId],
    partnershipRoles: [...partnershipStaffRoles],
    nationalRoles: [],
    ...extra,
  };
}

export function notificationAudience(
  notification: SeriousIncidentNotification,
  partners: readonly PartnerTold[],
): ObligationAudience {
  const told = [...new Set(partners.map((p) => p.organisationId))].sort();
  return audience(notification.partnershipId, {
    organisationIds: told,
    organisationRoles: told.length > 0 ? [...toldPartnerRoles] : [],
    nationalRoles: [Role.PANEL_MEMBER],
  });
}

const panelCaseAudience = (partnershipId: string) => audience(partnershipId, { nationalRoles: [Role.PANEL_MEMBER] });

function draft(
  kind: ObligationKind,
  about: { type: string; id: string },
  owner: ObligationDraft['owner'],
  owedTo: string,
  deadline: Deadline,
  audienceOf: ObligationAudience,
  occurrence?: string,
): ObligationDraft {
  return {
    kind,
    about,
    owner,
    owedTo,
    // Review duties are owed to a recipient (the Panel, the partners…), never to an organisation by id.
    owedToKind: null,
    deadline,
    basis: reviewClockRule(kind).basis,
    audience: audienceOf,
    ...(occurrence ? { occurrence } : {}),
  };
}

const latest = (dates: readonly string[]) => [...dates].sort().at(-1)!;

/**
 * The notification's own duty (to the Panel, or the Secretary of State and Ofsted for a care
 * leaver's death alone), telling the partners, and the rapid review that its sending starts.
 */
export function notificationPlans(
  calendar: WorkingDayCalendar,
  notification: SeriousIncidentNotification,
  partners: readonly PartnerTold[],
  rapidReview: RapidReview | null,
): ObligationPlan[] {
  const about = { type: 'SeriousIncidentNotification', id: notification.id };
  const owner = {
    organisationId: notification.localAuthorityId,
    organisationKind: 'AGENCY' as const,
    partnershipId: notification.partnershipId,
  };
  const seen = notificationAudience(notification, partners);
  const plans: ObligationPlan[] = [
    {
      draft: draft(
        'SERIOUS_INCIDENT_NOTIFICATION',
        about,
        owner,
        notification.rapidReviewRequired() ? 'NATIONAL_PANEL' : 'SECRETARY_OF_STATE',
        reviewClockRule('SERIOUS_INCIDENT_NOTIFICATION').compute(notification.dateAware, calendar),
        seen,
      ),
      state: notification.dateNotified ? metOn(notification.dateNotified) : stillOpen,
    },
  ];
  // Met once every partner told has confirmed it; until partners are listed, still owed.
  const confirmed = partners.map((p) => p.confirmedToldOn).filter((date): date is string => date !== null);
  plans.push({
    draft: draft(
      'PARTNERS_TOLD_OF_INCIDENT',
      about,
      owner,
      'SAFEGUARDING_PARTNERS',
      reviewClockRule('PARTNERS_TOLD_OF_INCIDENT').compute(notification.dateAware, calendar),
      seen,
    ),
    state: partners.length > 0 && confirmed.length === partners.length ? metOn(latest(confirmed)) : stillOpen,
  });
  if (notification.dateNotified && notification.rapidReviewRequired()) {
    plans.push(
      rapidReviewPlan(calendar, notification.id, notification.partnershipId, notification.dateNotified, rapidReview),
    );
  }
  return plans;
}

/**
 * About the notification, not the rapid review: the 15 working days run from its sending whether
 * or not a rapid review has been opened, so a review never opened is not missed silently.
 */
export function rapidReviewPlan(
  calendar: WorkingDayCalendar,
  notificationId: string,
  partnershipId: string,
  notificationSentOn: string,
  review: RapidReview | null,
): ObligationPlan {
  return {
    draft: draft(
      'RAPID_REVIEW',
      { type: 'SeriousIncidentNotification', id: notificationId },
      { organisationId: null, organisationKind: null, partnershipId },
      'NATIONAL_PANEL',
      reviewClockRule('RAPID_REVIEW').compute(notificationSentOn, calendar),
      panelCaseAudience(partnershipId),
    ),
    state: review?.sentToPanelOn ? metOn(review.sentToPanelOn) : stillOpen,
  };
}

/** The Panel's own duty: owed by no partnership, to the partnership that sent the review. */
export function panelResponsePlans(calendar: WorkingDayCalendar, review: RapidReview): ObligationPlan[] {
  if (!review.sentToPanelOn) return [];
  return [
    {
      draft: draft(
        'PANEL_RESPONSE',
        { type: 'RapidReview', id: review.id },
        { organisationId: null, organisationKind: null, partnershipId: null },
        'PARTNERSHIP',
        reviewClockRule('PANEL_RESPONSE').compute(review.sentToPanelOn, calendar),
        panelCaseAudience(review.partnershipId),
      ),
      state: review.panelRespondedOn ? metOn(review.panelRespondedOn) : stillOpen,
    },
  ];
}

export function practiceReviewPlans(calendar: WorkingDayCalendar, review: PracticeReview): ObligationPlan[] {
  const about = { type: 'PracticeReview', id: review.id };
  const owner = { organisationId: null, organisationKind: null, partnershipId: review.partnershipId };
  const seen = panelCaseAudience(review.partnershipId);
  return [
    {
      draft: draft(
        'PRACTICE_REVIEW_PUBLICATION',
        about,
        owner,
        review.kind === PracticeReviewKind.NATIONAL ? 'SECRETARY_OF_STATE' : 'NATIONAL_PANEL',
        reviewClockRule('PRACTICE_REVIEW_PUBLICATION').compute(review.decisionDate, calendar),
        seen,
      ),
      state: review.publishedOn ? metOn(review.publishedOn) : stillOpen,
    },
    {
      draft: draft(
        'PRACTICE_REVIEW_TO_PANEL',
        about,
        owner,
        'NATIONAL_PANEL',
        reportToPanelDeadline(calendar, review.decisionDate, review.publishedOn),
        seen,
      ),
      state: review.reportSentOn ? metOn(review.reportSentOn) : stillOpen,
    },
  ];
}

/** Owed by the organisation that owns the action (or the partnership itself), seen by it and the partnership's staff. */
export function reviewActionPlans(calendar: WorkingDayCalendar, action: ReviewAction): ObligationPlan[] {
  const byPartnership = action.ownerKind === OwnerKind.PARTNERSHIP;
  return [
    {
      draft: draft(
        'REVIEW_ACTION',
        { type: 'ReviewAction', id: action.id },
        {
          organisationId: byPartnership ? null : action.ownerOrganisationId,
          organisationKind: byPartnership ? null : action.ownerKind === OwnerKind.SCHOOL ? 'SCHOOL' : 'AGENCY',
          partnershipId: action.partnershipId,
        },
        'PARTNERSHIP',
        reviewClockRule('REVIEW_ACTION').compute(action.dueOn, calendar),
        audience(action.partnershipId, byPartnership ? {} : { organisationIds: [action.ownerOrganisationId] }),
      ),
      state: action.completedOn ? metOn(action.completedOn) : stillOpen,
    },
  ];
}

/** Child death reviews go to the CDOP, not the Panel: the partnership's staff alone see them. */
export function childDeathPlans(calendar: WorkingDayCalendar, review: ChildDeathReview): ObligationPlan[] {
  const about = { type: 'ChildDeathReview', id: review.id };
  const owner = {
    organisationId: review.localAuthorityId,
    organisationKind: 'AGENCY' as const,
    partnershipId: review.partnershipId,
  };
  const seen = audience(review.partnershipId);
  const plans: ObligationPlan[] = [
    {
      draft: draft(
        'CHILD_DEATH_NOTIFICATION',
        about,
        owner,
        'CHILD_DEATH_REVIEW_PARTNERS',
        cdopNotificationDeadline(calendar, review.dateOfDeath, review.cdopNotificationHours),
        seen,
      ),
      state: review.cdopNotifiedOn ? metOn(review.cdopNotifiedOn) : stillOpen,
    },
  ];
  for (const stage of childDeathReviewStages) {
    const doneOn = stage === 'REVIEW_MEETING' ? review.reviewMeetingOn : review.panelReviewOn;
    plans.push({
      draft: draft(
        'CHILD_DEATH_REVIEW_STAGE',
        about,
        owner,
        'CHILD_DEATH_REVIEW_PARTNERS',
        childDeathReviewStageDeadline(calendar, review.dateOfDeath, stage),
        seen,
        stage,
      ),
      // A CDOP review recorded without its meeting (old data) leaves the meeting no longer owed.
      state: doneOn ? metOn(doneOn) : stage === 'REVIEW_MEETING' && review.panelReviewOn ? noLongerOwed : stillOpen,
    });
  }
  return plans;
}
