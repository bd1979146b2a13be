import type { SubgraphDefinition } from '@safeguarding/shared';
import { CdopNotificationSetting, ChildDeathReview } from './child-death/child-death-review.entity';
import { childDeathReviewReference } from './child-death/child-death-review.reference';
import { ChildDeathReviewResolver } from './child-death/child-death-review.resolver';
import { Child } from './child/child.entity';
import { childKeyReference } from './child/child.reference';
import { ChildDeathReviewHoldingsResolver } from './child/child.resolver';
import { loadDemoData } from './demo/demo-data';
import { AgencyReviewWorkResolver } from './external/agency.resolver';
import { AgencyStub } from './external/agency.type';
import { PartnershipPracticeReviewsResolver } from './external/partnership.resolver';
import { PartnershipReference } from './external/partnership.type';
import { SchoolReviewWorkResolver } from './external/school.resolver';
import { SchoolStub } from './external/school.type';
import { migrations } from './migrations';
import { reconcileReviewObligations } from './obligations/reconcile';
import {
  NotifiedChild,
  PartnerTold,
  SeriousIncidentNotification,
} from './notification/serious-incident-notification.entity';
import { seriousIncidentNotificationReference } from './notification/serious-incident-notification.reference';
import {
  PartnerToldResolver,
  SeriousIncidentNotificationResolver,
} from './notification/serious-incident-notification.resolver';
import { PracticeReview } from './practice-review/practice-review.entity';
import { practiceReviewReference } from './practice-review/practice-review.reference';
import { PracticeReviewResolver } from './practice-review/practice-review.resolver';
import { RapidReview } from './rapid-review/rapid-review.entity';
import { rapidReviewReference } from './rapid-review/rapid-review.reference';
import { RapidReviewResolver } from './rapid-review/rapid-review.resolver';
import { Recommendation, ReviewAction } from './recommendation/recommendation.entity';
import { recommendationReference, reviewActionReference } from './recommendation/recommendation.reference';
import { RecommendationResolver, ReviewActionResolver } from './recommendation/recommendation.resolver';
import { Reviewer } from './reviewer/reviewer.entity';
import { reviewerReference } from './reviewer/reviewer.reference';
import { ReviewerResolver } from './reviewer/reviewer.resolver';

export const reviewsSubgraph: SubgraphDefinition = {
  name: 'reviews',
  entities: [
    PracticeReview,
    SeriousIncidentNotification,
    NotifiedChild,
    PartnerTold,
    RapidReview,
    Reviewer,
    Recommendation,
    ReviewAction,
    ChildDeathReview,
    CdopNotificationSetting,
  ],
  migrations,
  resolvers: [
    PracticeReviewResolver,
    PartnershipPracticeReviewsResolver,
    SeriousIncidentNotificationResolver,
    PartnerToldResolver,
    RapidReviewResolver,
    ReviewerResolver,
    RecommendationResolver,
    ReviewActionResolver,
    ChildDeathReviewResolver,
    ChildDeathReviewHoldingsResolver,
    AgencyReviewWorkResolver,
    SchoolReviewWorkResolver,
  ],
  // Agency and School are reached only through _entities (or as owners), so name them here.
  orphanedTypes: [AgencyStub, SchoolStub, Child],
  references: {
    PracticeReview: practiceReviewReference,
    SeriousIncidentNotification: seriousIncidentNotificationReference,
    RapidReview: rapidReviewReference,
    Reviewer: reviewerReference,
    Recommendation: recommendationReference,
    ReviewAction: reviewActionReference,
    ChildDeathReview: childDeathReviewReference,
    Child: childKeyReference,
  },
  partnershipType: PartnershipReference,
  loadDemoData,
  reconcileObligations: reconcileReviewObligations,
};
