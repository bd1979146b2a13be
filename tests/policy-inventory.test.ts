import { subgraphSchema } from '@safeguarding/shared';
import { subgraphs } from '@safeguarding/gateway';
import { isObjectType, type GraphQLSchema } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

/**
 * Issue 16 item 5: every root field declares who may reach it (`@Policy`, shared/src/auth/policy.ts),
 * enforced by the one checker before its resolver runs. Read from type-graphql's own schema, where
 * the declaration sits as an extension (the served schema is rebuilt from SDL and drops them).
 */
interface DeclaredField {
  readonly path: string;
  readonly policy: string | undefined;
}

function rootFields(subgraph: string, schema: GraphQLSchema): DeclaredField[] {
  return [schema.getQueryType(), schema.getMutationType()].flatMap((type) =>
    isObjectType(type)
      ? Object.values(type.getFields()).map((field) => ({
          path: `${subgraph}: ${type.name}.${field.name}`,
          policy: typeof field.extensions['policy'] === 'string' ? field.extensions['policy'] : undefined,
        }))
      : [],
  );
}

/**
 * Open to anyone on purpose; each carries `who: 'anyone'` with its reason in the declaration, and
 * the scoped repositories still decide what an anonymous caller sees. This list is the review point.
 */
const deliberatelyPublic: string[] = [
  'agencies: Query.agencies',
  'agencies: Query.agency',
  'agencies: Query.agencyByCode',
  'agencies: Query.frontDoorFor',
  'agencies: Query.viewer',
  'notifications: Query.deadlinePreview',
  'partnerships: Query.coverage',
  'partnerships: Query.integratedCareBoards',
  'partnerships: Query.localAuthorities',
  'partnerships: Query.localAuthority',
  'partnerships: Query.partnership',
  'partnerships: Query.partnershipFor',
  'partnerships: Query.partnerships',
  'partnerships: Query.policeForceAreas',
  'reviews: Query.childDeathAggregates',
  'reviews: Query.practiceReview',
  'reviews: Query.publishedPracticeReviews',
  'reviews: Query.reviewerPool',
  'schools: Query.school',
  'schools: Query.schoolByCode',
  'schools: Query.schools',
  'schools: Query.trust',
];

/**
 * Field resolvers below the root not yet declared (by resolver class and field). Most read through
 * a parent the caller could already see, or compute from it; the rest check in their services.
 * This list may only shrink: a new field resolver arrives declared, and one here that gains its
 * policy is struck off.
 */
const fieldResolversNotYetDeclared: string[] = [
  'ActionResolver.agency',
  'ActionResolver.deadline',
  'ActionResolver.school',
  'AgencyConnectionResolver.totalCount',
  'AgencyContactResolver.contacts',
  'AgencyDesignationResolver.designations',
  'ArrangementsResolver.childDeathReviewPartners',
  'ArrangementsResolver.education',
  'ArrangementsResolver.forums',
  'ArrangementsResolver.independentScrutiny',
  'ArrangementsResolver.relevantAgencies',
  'ArrangementsResolver.relevantSchools',
  'ArrangementsResolver.signOffs',
  'AuditTrailResolver.agenciesAuditTrail',
  'AuditTrailResolver.escalationsAuditTrail',
  'AuditTrailResolver.notificationsAuditTrail',
  'AuditTrailResolver.partnershipsAuditTrail',
  'AuditTrailResolver.reviewsAuditTrail',
  'AuditTrailResolver.schoolsAuditTrail',
  'ChildDeathReview.categoryNumber',
  'ChildDeathReview.childDeathReviewPartners',
  'ChildDeathReview.partnership',
  'ChildDeathReview.stage',
  'ChildDeathReviewResolver.cdopNotificationDeadline',
  'ChildDeathReviewResolver.panelReviewDeadline',
  'ChildDeathReviewResolver.reviewMeetingDeadline',
  'ChildFileTransfersResolver.fileTransferHoldings',
  'ChildResolver.chronology',
  'ChildResolver.involvements',
  'ChildResolver.referrals',
  'DesignationResolver.agency',
  'DesignationResolver.partnership',
  'DesignationResolver.status',
  'EducationRepresentativeResolver.educationRepresentatives',
  'EscalationEvent.agreedActions',
  'EscalationReportResolver.byOrganisationPair',
  'FileTransferResolver.receivingSchool',
  'FileTransferResolver.sendingSchool',
  'MemberSelfAssessmentResolver.safeguardingReturns',
  'MemberSelfAssessmentResolver.section11Returns',
  'NationalEscalationResolver.acknowledgementDeadline',
  'NationalEscalationResolver.history',
  'NationalEscalationResolver.historyChain',
  'NodeConnection.totalCount',
  'ObligationConnectionResolver.counts',
  'ObligationConnectionResolver.totalCount',
  'OverviewResolver.notReturned',
  'OverviewResolver.overdueActions',
  'PartnerTold.confirmed',
  'PartnerTold.organisation',
  'PartnerToldResolver.deadline',
  'PartnershipArrangementsResolver.arrangementsHistory',
  'PartnershipArrangementsResolver.publishedArrangements',
  'PartnershipDesignationResolver.relevantAgencies',
  'PartnershipEscalationsResolver.childPicturePolicy',
  'PartnershipEscalationsResolver.escalationLearningNotes',
  'PartnershipEscalationsResolver.escalationPolicy',
  'PartnershipEscalationsResolver.escalationReport',
  'PartnershipPracticeReviewsResolver.cdopNotificationSetting',
  'PartnershipPracticeReviewsResolver.practiceReviews',
  'PartnershipResolver.localAuthorities',
  'PartnershipResolver.partners',
  'PartnershipReturnDueResolver.schoolSafeguardingReturnDue',
  'PartnershipReturnDueResolver.section11ReturnDue',
  'PartnershipSchoolsResolver.schools',
  'PartnershipSelfAssessmentResolver.schoolSafeguardingOverview',
  'PartnershipSelfAssessmentResolver.schoolSafeguardingReturns',
  'PartnershipSelfAssessmentResolver.schoolSafeguardingStandards',
  'PartnershipSelfAssessmentResolver.section11Overview',
  'PartnershipSelfAssessmentResolver.section11Returns',
  'PartnershipSelfAssessmentResolver.section11Standards',
  'PartnershipWhatIsDueResolver.whatIsDue',
  'PartnershipYearlyReportsResolver.yearlyReportObligations',
  'PartnershipYearlyReportsResolver.yearlyReports',
  'PracticeReview.partnership',
  'PracticeReviewResolver.publicationDeadline',
  'PracticeReviewResolver.rapidReview',
  'PracticeReviewResolver.reportToPanelDeadline',
  'PracticeReviewResolver.reviewer',
  'ProfessionalDisagreement.raisedBy',
  'ProfessionalDisagreement.raisedBySchool',
  'ProfessionalDisagreement.raisedWith',
  'ProfessionalDisagreement.raisedWithSchool',
  'ProfessionalDisagreementResolver.history',
  'ProfessionalDisagreementResolver.historyChain',
  'ProfessionalDisagreementResolver.stageDeadline',
  'ProfessionalDisagreementResolver.summary',
  'RapidReview.partnership',
  'RapidReviewResolver.deadline',
  'RapidReviewResolver.notification',
  'RatingResolver.actions',
  'Recommendation.owner',
  'RecommendationResolver.practiceReview',
  'ReferenceDataResolver.integratedCareBoards',
  'ReferenceDataResolver.policeForceAreas',
  'ReferenceDataResolver.successor',
  'ReferenceDataResolver.successors',
  'Referral.practitioner',
  'Referral.receivingAuthority',
  'Referral.referringAgency',
  'Referral.referringSchool',
  'ReferralResolver.acknowledgementDeadline',
  'ReferralResolver.decisionDeadline',
  'ReferralResolver.nhsNumber',
  'ReferralResolver.possibleDuplicateOf',
  'ReferralResolver.suggestion',
  'ReturnResolver.agency',
  'ReturnResolver.partnership',
  'ReturnResolver.school',
  'ReturnResolver.standards',
  'ReviewAction.owner',
  'ReviewAction.partnership',
  'ReviewActionResolver.deadline',
  'Reviewer.inPool',
  'School.localAuthority',
  'SchoolCalendarResolver.closureDays',
  'SchoolConnectionResolver.totalCount',
  'SchoolDelegation.active',
  'SchoolResolver.trust',
  'SeriousIncidentNotification.criteria',
  'SeriousIncidentNotification.localAuthority',
  'SeriousIncidentNotification.partnership',
  'SeriousIncidentNotification.rapidReviewRequired',
  'SeriousIncidentNotification.routedTo',
  'SeriousIncidentNotificationResolver.children',
  'SeriousIncidentNotificationResolver.notificationDeadline',
  'SeriousIncidentNotificationResolver.notifiedOnTime',
  'SeriousIncidentNotificationResolver.partnersTold',
  'SeriousIncidentNotificationResolver.rapidReview',
  'StatutoryPartner.leadSafeguardingPartner',
  'StatutoryPartner.organisation',
  'StatutoryPartnerResolver.delegatedSafeguardingPartners',
  'TrustResolver.schools',
  'ViewerDelegationsResolver.delegations',
  'ViewerResolver.organisation',
  'WebhookResolver.deliveries',
  'YearlyReportResolver.content',
  'YearlyReportResolver.financialYear',
  'YearlyReportResolver.foundationsDeadline',
  'YearlyReportResolver.missingContent',
  'YearlyReportResolver.panelDeadline',
  'YearlyReportResolver.partnership',
  'YearlyReportResolver.publicationDeadline',
  'YearlyReportResolver.status',
  'YearlyReportResolver.statusReasons',
];

let fields: DeclaredField[] = [];
beforeAll(async () => {
  fields = (
    await Promise.all(
      subgraphs.map(async (definition) => rootFields(definition.name, (await subgraphSchema(definition)).source)),
    )
  ).flat();
});

describe('every root field declares its policy', () => {
  it('finds the root fields of every subgraph', () => {
    // A walk that found nothing would pass everything below.
    expect(fields.map((field) => field.path)).toEqual(
      expect.arrayContaining(['partnerships: Query.partnerships', 'escalations: Mutation.submitReferral']),
    );
  });

  it('declares a policy on each', () => {
    expect(fields.filter((field) => field.policy === undefined).map((field) => field.path)).toEqual([]);
  });

  it('opens to anyone only the fields listed as deliberately public', () => {
    const open = fields.filter((field) => field.policy === 'anyone').map((field) => field.path);
    expect(open.sort()).toEqual([...deliberatelyPublic].sort());
  });

  it('declares a policy on each field resolver, apart from the listed ones still to do', () => {
    // Read from type-graphql's metadata, filled for every resolver class when the schemas were built.
    const undeclared = getMetadataStorage()
      .fieldResolvers.filter((resolver) => resolver.extensions?.['policy'] === undefined)
      .map((resolver) => `${resolver.target.name}.${resolver.schemaName}`);
    expect([...new Set(undeclared)].sort()).toEqual([...fieldResolversNotYetDeclared].sort());
  });

  it('declares no mutation open to anyone', () => {
    expect(fields.filter((field) => field.path.includes(': Mutation.') && field.policy === 'anyone')).toEqual([]);
  });
});
