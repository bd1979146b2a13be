import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import {
  inTransaction,
  demoIds,
  nameBasedId,
  statutoryOrganisationId,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { CdopCategory, ChildDeathReview } from '../child-death/child-death-review.entity';
import { OwnerKind } from '../common/organisation-owner';
import {
  ChildSex,
  NotificationStatus,
  NotifiedChild,
  PartnerTold,
  SeriousIncidentNotification,
} from '../notification/serious-incident-notification.entity';
import { PracticeReview, PracticeReviewKind, PracticeReviewStatus } from '../practice-review/practice-review.entity';
import { RapidReview, RapidReviewStatus } from '../rapid-review/rapid-review.entity';
import { Recommendation, ReviewAction, ReviewActionStatus } from '../recommendation/recommendation.entity';
import { Reviewer } from '../reviewer/reviewer.entity';

const westSussex = demoIds.partnerships.westSussex;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const sussexIcb = statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: 'QNX' });
const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
const id = (name: string) => nameBasedId(`demo:reviews:${name}`);

export const demoReviewIds = {
  notifiedOnTime: id('notification:si-2026-07'),
  notifiedLate: id('notification:si-2026-03'),
  draft: id('notification:si-2026-08'),
  careLeaver: id('notification:si-2026-06'),
  childQ: id('notification:si-2025-02'),
  rapidReviewOpen: id('rapid-review:si-2026-07'),
  rapidReviewDecided: id('rapid-review:si-2026-03'),
  rapidReviewChildQ: id('rapid-review:si-2025-02'),
  practiceReviewChildQ: nameBasedId('demo:review:west-sussex-child-q'),
  practiceReviewChildT: id('practice-review:child-t'),
  overdueAction: id('action:child-q:school-attendance'),
} as const;

const notification = (
  values: Partial<SeriousIncidentNotification> &
    Pick<SeriousIncidentNotification, 'id' | 'caseReference' | 'dateAware'>,
) =>
  Object.assign(new SeriousIncidentNotification(), {
    partnershipId: westSussex,
    localAuthorityGssCode: 'E10000032',
    localAuthorityId: westSussexCouncil,
    dateNotified: null,
    status: NotificationStatus.DRAFT,
    death: false,
    seriousHarm: true,
    abuseOrNeglect: true,
    lookedAfterChildDeath: false,
    careLeaverDeath: false,
    careLeaverAgeAtDeath: null,
    ...values,
  });

const child = (notificationId: string, position: number, values: Partial<NotifiedChild>) =>
  Object.assign(new NotifiedChild(), {
    id: id(`child:${notificationId}:${position}`),
    notificationId,
    partnershipId: westSussex,
    position,
    reference: `CHILD-DEMO-${position}`,
    ageYears: 3,
    sex: ChildSex.NOT_KNOWN,
    ethnicityCode: 'NOBT',
    onChildProtectionPlan: false,
    lookedAfter: false,
    ...values,
  });

const partner = (notificationId: string, dateAware: string, organisationId: string, toldOn: string | null) =>
  Object.assign(new PartnerTold(), {
    id: id(`partner:${notificationId}:${organisationId}`),
    notificationId,
    organisationId,
    toldOn,
    dateAware,
    confirmedToldOn: null,
    confirmedAt: null,
  });

const rapidReview = (
  values: Partial<RapidReview> &
    Pick<RapidReview, 'id' | 'notificationId' | 'openedOn' | 'notificationSentOn' | 'status'>,
) =>
  Object.assign(new RapidReview(), {
    partnershipId: westSussex,
    decidedOn: null,
    localPracticeReviewDecided: null,
    nationalReviewRecommended: null,
    decisionReasons: null,
    sentToPanelOn: null,
    panelRespondedOn: null,
    panelAgreed: null,
    panelResponse: null,
    ...values,
  });

const practiceReview = (
  values: Partial<PracticeReview> & Pick<PracticeReview, 'id' | 'partnershipId' | 'title' | 'decisionDate' | 'status'>,
) =>
  Object.assign(new PracticeReview(), {
    kind: PracticeReviewKind.LOCAL,
    publishedOn: null,
    publicationUrl: null,
    rapidReviewId: null,
    reviewerId: null,
    localReviewerName: null,
    termsOfReference: null,
    reportSentOn: null,
    ...values,
  });

const action = (
  name: string,
  values: Partial<ReviewAction> &
    Pick<ReviewAction, 'recommendationId' | 'description' | 'ownerKind' | 'ownerOrganisationId' | 'dueOn' | 'status'>,
) =>
  Object.assign(new ReviewAction(), {
    id: id(`action:${name}`),
    partnershipId: westSussex,
    startedOn: null,
    completedOn: null,
    evidencedOn: null,
    evidence: null,
    impactNotes: null,
    ...values,
  });

const childDeath = (
  name: string,
  values: Partial<ChildDeathReview> & Pick<ChildDeathReview, 'dateOfDeath' | 'childReference'>,
) =>
  Object.assign(new ChildDeathReview(), {
    id: id(`child-death:${name}`),
    partnershipId: westSussex,
    localAuthorityGssCode: 'E10000032',
    localAuthorityId: westSussexCouncil,
    integratedCareBoardOdsCode: 'QNX',
    integratedCareBoardId: sussexIcb,
    ageAtDeathYears: 0,
    cdopNotificationHours: 24,
    cdopNotifiedOn: null,
    jointAgencyResponseNeeded: false,
    jointAgencyResponseReason: null,
    reviewMeetingOn: null,
    panelReviewOn: null,
    category: null,
    modifiableFactorsIdentified: null,
    ...values,
  });

/**
 * Plainly fictional pan-Sussex reviews: in West Sussex an incident at every stage (a draft
 * notification, one notified on time with its rapid review open, one notified late whose rapid review
 * decided on a local review now in progress, a care leaver's death, and Child Q's published review
 * with recommendations and actions, one overdue), child death reviews, and the reviewer pool; in
 * East Sussex a review in progress.
 */
export async function loadDemoData({ db, logger }: SubgraphRuntime): Promise<void> {
  const r = demoReviewIds;
  const rows: Array<[EntityTarget<ObjectLiteral>, ObjectLiteral & { id: string }]> = [
    [
      Reviewer,
      Object.assign(new Reviewer(), {
        id: id('reviewer:1'),
        name: 'A. Example (demo reviewer)',
        expertise: 'Neglect; adolescent exploitation; multi-agency practice',
        joinedPoolOn: '2024-04-01',
        leftPoolOn: null,
      }),
    ],
    [
      Reviewer,
      Object.assign(new Reviewer(), {
        id: id('reviewer:2'),
        name: 'B. Sample (demo reviewer)',
        expertise: 'Infant safeguarding; health visiting; domestic abuse',
        joinedPoolOn: '2024-04-01',
        leftPoolOn: null,
      }),
    ],

    // Child Q: notified on time, rapid review sent to the Panel, LCSPR published with its actions.
    [
      SeriousIncidentNotification,
      notification({
        id: r.childQ,
        caseReference: 'SI-DEMO-2025-02',
        dateAware: '2025-02-13',
        dateNotified: '2025-02-19',
        status: NotificationStatus.SENT,
      }),
    ],
    [
      NotifiedChild,
      child(r.childQ, 1, {
        reference: 'CHILD-Q-DEMO',
        ageYears: 9,
        sex: ChildSex.FEMALE,
        ethnicityCode: 'WBRI',
        onChildProtectionPlan: true,
      }),
    ],
    [
      RapidReview,
      rapidReview({
        id: r.rapidReviewChildQ,
        notificationId: r.childQ,
        openedOn: '2025-02-20',
        notificationSentOn: '2025-02-19',
        status: RapidReviewStatus.PANEL_RESPONDED,
        decidedOn: '2025-03-10',
        localPracticeReviewDecided: true,
        nationalReviewRecommended: false,
        decisionReasons: 'Learning about neglect and school absence across agencies (fictional)',
        sentToPanelOn: '2025-03-11',
        panelRespondedOn: '2025-04-02',
        panelAgreed: true,
        panelResponse: 'The Panel agrees a local review is appropriate (fictional)',
      }),
    ],
    [
      PracticeReview,
      practiceReview({
        id: r.practiceReviewChildQ,
        partnershipId: westSussex,
        title: 'Child Q (demo): learning about neglect and school absence',
        decisionDate: '2025-03-10',
        status: PracticeReviewStatus.PUBLISHED,
        publishedOn: '2025-09-01',
        publicationUrl: 'https://example.org/demo/lcspr-child-q',
        rapidReviewId: r.rapidReviewChildQ,
        localReviewerName: 'Independent reviewer (demo)',
        termsOfReference: 'Multi-agency response to neglect and persistent absence, 2023-2025 (fictional)',
        reportSentOn: '2025-08-15',
      }),
    ],
    [
      Recommendation,
      Object.assign(new Recommendation(), {
        id: id('recommendation:child-q:1'),
        practiceReviewId: r.practiceReviewChildQ,
        partnershipId: westSussex,
        text: 'Health visitors share concerns about neglect with the school nurse at transition (fictional)',
        ownerKind: OwnerKind.AGENCY,
        ownerOrganisationId: demoIds.agencies.sussexCommunityTrust,
      }),
    ],
    [
      Recommendation,
      Object.assign(new Recommendation(), {
        id: id('recommendation:child-q:2'),
        practiceReviewId: r.practiceReviewChildQ,
        partnershipId: westSussex,
        text: "Schools refer persistent unexplained absence to children's social care where neglect is suspected (fictional)",
        ownerKind: OwnerKind.SCHOOL,
        ownerOrganisationId: '990005',
      }),
    ],
    [
      Recommendation,
      Object.assign(new Recommendation(), {
        id: id('recommendation:child-q:3'),
        practiceReviewId: r.practiceReviewChildQ,
        partnershipId: westSussex,
        text: 'The partnership audits neglect cases yearly (fictional)',
        ownerKind: OwnerKind.PARTNERSHIP,
        ownerOrganisationId: westSussex,
      }),
    ],
    [
      ReviewAction,
      action('child-q:health-visiting', {
        recommendationId: id('recommendation:child-q:1'),
        description: 'Add a neglect-sharing step to the health visiting transition checklist',
        ownerKind: OwnerKind.AGENCY,
        ownerOrganisationId: demoIds.agencies.sussexCommunityTrust,
        dueOn: '2025-12-31',
        status: ReviewActionStatus.EVIDENCED,
        startedOn: '2025-10-01',
        completedOn: '2025-12-15',
        evidencedOn: '2026-02-01',
        evidence: 'Checklist revised; audit of 30 transitions (fictional)',
        impactNotes: 'Earlier school nurse involvement in 4 of 5 audited cases (fictional)',
      }),
    ],
    [
      ReviewAction,
      Object.assign(
        action('child-q:school-attendance', {
          recommendationId: id('recommendation:child-q:2'),
          description: 'Revise the attendance policy to prompt a referral where neglect is suspected',
          ownerKind: OwnerKind.SCHOOL,
          ownerOrganisationId: '990005',
          dueOn: '2026-06-30',
          status: ReviewActionStatus.IN_PROGRESS,
          startedOn: '2026-01-12',
        }),
        { id: r.overdueAction },
      ),
    ],
    [
      ReviewAction,
      action('child-q:neglect-audit', {
        recommendationId: id('recommendation:child-q:3'),
        description: 'Run the first multi-agency neglect audit',
        ownerKind: OwnerKind.PARTNERSHIP,
        ownerOrganisationId: westSussex,
        dueOn: '2027-03-31',
        status: ReviewActionStatus.OPEN,
      }),
    ],

    // Notified late (due 2026-06-08); its rapid review decided on a local review, now in progress.
    [
      SeriousIncidentNotification,
      notification({
        id: r.notifiedLate,
        caseReference: 'SI-DEMO-2026-03',
        dateAware: '2026-06-01',
        dateNotified: '2026-06-10',
        status: NotificationStatus.SENT,
        death: true,
        seriousHarm: false,
      }),
    ],
    [
      NotifiedChild,
      child(r.notifiedLate, 1, {
        reference: 'CHILD-T-DEMO',
        ageYears: 1,
        sex: ChildSex.MALE,
        ethnicityCode: 'MWBC',
        onChildProtectionPlan: false,
      }),
    ],
    [PartnerTold, partner(r.notifiedLate, '2026-06-01', sussexIcb, '2026-06-10')],
    [PartnerTold, partner(r.notifiedLate, '2026-06-01', sussexPolice, '2026-06-05')],
    [
      RapidReview,
      rapidReview({
        id: r.rapidReviewDecided,
        notificationId: r.notifiedLate,
        openedOn: '2026-06-11',
        notificationSentOn: '2026-06-10',
        status: RapidReviewStatus.PANEL_RESPONDED,
        decidedOn: '2026-06-26',
        localPracticeReviewDecided: true,
        nationalReviewRecommended: false,
        decisionReasons: "Questions about information sharing between maternity and children's services (fictional)",
        sentToPanelOn: '2026-07-01',
        panelRespondedOn: '2026-07-20',
        panelAgreed: true,
        panelResponse: 'Agreed (fictional)',
      }),
    ],
    [
      PracticeReview,
      practiceReview({
        id: r.practiceReviewChildT,
        partnershipId: westSussex,
        title: 'Child T (demo): information sharing before birth',
        decisionDate: '2026-06-26',
        status: PracticeReviewStatus.IN_PROGRESS,
        rapidReviewId: r.rapidReviewDecided,
        localReviewerName: 'Independent reviewer (demo)',
        termsOfReference: 'Pre-birth assessment and information sharing, 2025-2026 (fictional)',
      }),
    ],

    // Notified on time (due 2026-11-09); its rapid review is open (due 15 working days after 2026-11-05).
    [
      SeriousIncidentNotification,
      notification({
        id: r.notifiedOnTime,
        caseReference: 'SI-DEMO-2026-07',
        dateAware: '2026-11-02',
        dateNotified: '2026-11-05',
        status: NotificationStatus.SENT,
      }),
    ],
    [
      NotifiedChild,
      child(r.notifiedOnTime, 1, {
        reference: 'CHILD-U-DEMO',
        ageYears: 2,
        sex: ChildSex.FEMALE,
        ethnicityCode: 'ABAN',
        onChildProtectionPlan: true,
      }),
    ],
    [
      NotifiedChild,
      child(r.notifiedOnTime, 2, {
        reference: 'CHILD-V-DEMO',
        ageYears: 5,
        sex: ChildSex.MALE,
        ethnicityCode: 'ABAN',
        onChildProtectionPlan: true,
      }),
    ],
    [PartnerTold, partner(r.notifiedOnTime, '2026-11-02', sussexIcb, '2026-11-04')],
    [PartnerTold, partner(r.notifiedOnTime, '2026-11-02', sussexPolice, '2026-11-04')],
    [
      RapidReview,
      rapidReview({
        id: r.rapidReviewOpen,
        notificationId: r.notifiedOnTime,
        openedOn: '2026-11-06',
        notificationSentOn: '2026-11-05',
        status: RapidReviewStatus.OPEN,
      }),
    ],

    // A draft: the LA became aware on 2026-11-18 and has not notified yet (due 2026-11-25).
    [
      SeriousIncidentNotification,
      notification({ id: r.draft, caseReference: 'SI-DEMO-2026-08', dateAware: '2026-11-18' }),
    ],
    [
      NotifiedChild,
      child(r.draft, 1, {
        reference: 'CHILD-W-DEMO',
        ageYears: 15,
        sex: ChildSex.MALE,
        ethnicityCode: 'BCRB',
        lookedAfter: true,
      }),
    ],
    [PartnerTold, partner(r.draft, '2026-11-18', sussexIcb, null)],

    // A care leaver's death: to the Secretary of State and Ofsted, no rapid review.
    [
      SeriousIncidentNotification,
      notification({
        id: r.careLeaver,
        caseReference: 'SI-DEMO-2026-06',
        dateAware: '2026-10-05',
        dateNotified: '2026-10-07',
        status: NotificationStatus.SENT,
        death: true,
        seriousHarm: false,
        abuseOrNeglect: false,
        careLeaverDeath: true,
        careLeaverAgeAtDeath: 21,
      }),
    ],
    [
      NotifiedChild,
      child(r.careLeaver, 1, {
        reference: 'CARE-LEAVER-DEMO',
        ageYears: 21,
        sex: ChildSex.FEMALE,
        ethnicityCode: 'WIRI',
      }),
    ],

    // Child deaths: one notified to the CDOP in time, one reviewed by the panel, one not yet notified.
    [
      ChildDeathReview,
      childDeath('2026-11', {
        childReference: 'CDR-DEMO-2026-11',
        dateOfDeath: '2026-11-19',
        cdopNotifiedOn: '2026-11-20',
        jointAgencyResponseNeeded: true,
        jointAgencyResponseReason: 'Sudden unexpected death of an infant at home (fictional)',
      }),
    ],
    [
      ChildDeathReview,
      childDeath('2026-03', {
        childReference: 'CDR-DEMO-2026-03',
        dateOfDeath: '2026-03-02',
        cdopNotifiedOn: '2026-03-03',
        reviewMeetingOn: '2026-05-12',
        panelReviewOn: '2026-09-15',
        category: CdopCategory.PERINATAL_NEONATAL_EVENT,
        modifiableFactorsIdentified: false,
      }),
    ],
    [
      ChildDeathReview,
      childDeath('2026-12', { childReference: 'CDR-DEMO-2026-12', ageAtDeathYears: 16, dateOfDeath: '2026-11-21' }),
    ],

    [
      PracticeReview,
      practiceReview({
        id: nameBasedId('demo:review:east-sussex-sibling-group-r'),
        partnershipId: demoIds.partnerships.eastSussex,
        title: 'Sibling group R (demo)',
        decisionDate: '2026-08-14',
        status: PracticeReviewStatus.IN_PROGRESS,
      }),
    ],
  ];
  await inTransaction(db, async (manager) => {
    let loaded = 0;
    for (const [entity, row] of rows) loaded += (await insertOnce(manager, entity, row)) ? 1 : 0;
    if (loaded > 0) logger.info({ rows: loaded }, 'demo reviews loaded');
  });
}

async function insertOnce(
  manager: EntityManager,
  entity: EntityTarget<ObjectLiteral>,
  row: ObjectLiteral & { id: string },
): Promise<boolean> {
  if (await manager.existsBy(entity, { id: row.id })) return false;
  await manager.insert(entity, row);
  return true;
}
