import {
  demoIds,
  mintDevelopmentToken,
  newId,
  Role,
  statutoryOrganisationId,
  type Identity,
} from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * The reviews subgraph's new list fields batch: the SQL a query costs must not grow with the number
 * of partnerships, notifications, children, rapid reviews, recommendations, actions or deaths.
 */
let graph: TestGraph;
beforeAll(async () => {
  // The cost limit is not under test here: one query reads every list of every partnership.
  graph = await startGraph({ now: () => new Date('2026-11-22T12:00:00Z'), overrides: { MAX_COST: '1000000' } });
});
afterAll(() => graph?.stop());

const everything = `{
  partnerships(first: 20) { nodes {
    id
    seriousIncidentNotifications(first: 5) { totalCount nodes { caseReference children { reference } partnersTold { toldOn deadline { due } } notificationDeadline { due } rapidReview { status deadline { due } } } }
    rapidReviews(first: 5) { totalCount nodes { status notification { caseReference } } }
    childDeathReviews(first: 5) { totalCount nodes { childReference cdopNotificationDeadline { due } } }
    practiceReviews(first: 5) { nodes { title recommendations(first: 2) { totalCount nodes { text actions(first: 2) { totalCount nodes { description deadline { status } } } } } } }
    overdueReviewActions(first: 2) { totalCount nodes { id } }
    whatIsDue { totalCount nodes { kind deadline { due } } }
    cdopNotificationSetting { hours }
    relevantAgencies(first: 5) { nodes { id recommendations(first: 2) { totalCount nodes { text } } reviewActions(first: 2) { totalCount nodes { description } } } }
    schools(first: 5) { nodes { urn recommendations(first: 2) { totalCount nodes { text } } reviewActions(first: 2) { totalCount nodes { description } } } }
  }
}
}`;

const partnershipIds: string[] = [];
let added = 0;

/** A partnership with a record of every kind in the reviews subgraph, and an agency and a school that own actions. */
async function addPartnership(): Promise<void> {
  added += 1;
  const n = String(added).padStart(2, '0');
  const created = await graph.query<{ createPartnership: { id: string } }>(
    `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
    {
      input: {
        name: `Reviews batch ${n}`,
        localAuthorityGssCodes: ['E06000001'],
        integratedCareBoardOdsCodes: ['QHM'],
        policeForceGssCodes: ['E23000013'],
      },
    },
    { as: 'national-administrator' },
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createPartnership.id;
  partnershipIds.push(id);
  await graph.subgraphs.partnerships.db
    .getRepository('Partnership')
    .update({ id }, { status: 'ACTIVE', activeFrom: '2020-01-01' });
  const agencyId = newId();
  await graph.subgraphs.agencies.db.getRepository('Agency').insert({
    id: agencyId,
    name: `Agency ${n}`,
    kind: 'RELEVANT_AGENCY',
    scheduleCategory: 'MISCELLANEOUS',
    gssCode: null,
    dfeCode: null,
    odsCode: null,
  });
  await graph.subgraphs.agencies.db.getRepository('Designation').insert({
    id: newId(),
    partnershipId: id,
    agencyId,
    designatedFrom: '2020-01-01',
    designatedUntil: null,
    reason: 'test',
  });
  const urn = `97${String(added).padStart(4, '0')}`;
  await graph.subgraphs.schools.db.getRepository('School').insert({
    urn,
    name: `School ${n}`,
    laestab: `8053${String(added).padStart(3, '0')}`,
    localAuthorityDfeCode: '805',
    phase: 'PRIMARY',
    status: 'OPEN',
    ukprn: null,
  });
  await graph.subgraphs.schools.db
    .getRepository('SchoolDesignation')
    .insert({ id: newId(), partnershipId: id, urn, designatedFrom: '2020-01-01', designatedUntil: null });

  const reviews = graph.subgraphs.reviews.db;
  const notificationId = newId();
  await reviews.getRepository('SeriousIncidentNotification').insert({
    id: notificationId,
    partnershipId: id,
    caseReference: `SI-B-${n}`,
    localAuthorityGssCode: 'E06000001',
    localAuthorityId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '805' }),
    dateAware: '2026-11-02',
    dateNotified: '2026-11-05',
    status: 'SENT',
    death: false,
    seriousHarm: true,
    abuseOrNeglect: true,
    lookedAfterChildDeath: false,
    careLeaverDeath: false,
    careLeaverAgeAtDeath: null,
  });
  for (const position of [1, 2]) {
    await reviews.getRepository('NotifiedChild').insert({
      id: newId(),
      notificationId,
      partnershipId: id,
      position,
      reference: `C-${n}-${position}`,
      ageYears: 4,
      sex: 'MALE',
      ethnicityCode: 'WBRI',
      onChildProtectionPlan: true,
      lookedAfter: false,
    });
  }
  await reviews
    .getRepository('PartnerTold')
    .insert({ id: newId(), notificationId, organisationId: agencyId, toldOn: null, dateAware: '2026-11-02' });
  await reviews.getRepository('RapidReview').insert({
    id: newId(),
    notificationId,
    partnershipId: id,
    status: 'OPEN',
    openedOn: '2026-11-06',
    notificationSentOn: '2026-11-05',
    decidedOn: null,
    localPracticeReviewDecided: null,
    nationalReviewRecommended: null,
    decisionReasons: null,
    sentToPanelOn: null,
    panelRespondedOn: null,
    panelAgreed: null,
    panelResponse: null,
  });
  const reviewId = newId();
  await reviews.getRepository('PracticeReview').insert({
    id: reviewId,
    partnershipId: id,
    kind: 'LOCAL',
    title: `Review ${n}`,
    decisionDate: '2026-06-01',
    status: 'IN_PROGRESS',
    publishedOn: null,
    publicationUrl: null,
    rapidReviewId: null,
    reviewerId: null,
    localReviewerName: null,
    termsOfReference: null,
    reportSentOn: null,
  });
  for (const [ownerKind, ownerOrganisationId] of [
    ['AGENCY', agencyId],
    ['SCHOOL', urn],
    ['PARTNERSHIP', id],
  ] as const) {
    const recommendationId = newId();
    await reviews.getRepository('Recommendation').insert({
      id: recommendationId,
      practiceReviewId: reviewId,
      partnershipId: id,
      text: `R ${n} ${ownerKind}`,
      ownerKind,
      ownerOrganisationId,
    });
    await reviews.getRepository('ReviewAction').insert({
      id: newId(),
      recommendationId,
      partnershipId: id,
      description: `A ${n} ${ownerKind}`,
      ownerKind,
      ownerOrganisationId,
      dueOn: '2026-06-30',
      status: 'OPEN',
      startedOn: null,
      completedOn: null,
      evidencedOn: null,
      evidence: null,
      impactNotes: null,
    });
  }
  await reviews.getRepository('ChildDeathReview').insert({
    id: newId(),
    partnershipId: id,
    localAuthorityGssCode: 'E06000001',
    localAuthorityId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '805' }),
    integratedCareBoardOdsCode: 'QHM',
    integratedCareBoardId: statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: 'QHM' }),
    childReference: `CDR-B-${n}`,
    ageAtDeathYears: 2,
    dateOfDeath: '2026-11-20',
    cdopNotificationHours: 24,
    cdopNotifiedOn: null,
    jointAgencyResponseNeeded: false,
    jointAgencyResponseReason: null,
    reviewMeetingOn: null,
    panelReviewOn: null,
    category: null,
    modifiableFactorsIdentified: null,
  });
}

/** A business manager acting in every partnership, so every restricted field returns rows. */
async function staffToken(): Promise<string> {
  const identity: Identity = {
    subject: 'test:all-partnerships-manager',
    organisation: { id: newId(), kind: 'LOCAL_AUTHORITY' },
    roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
    partnershipIds: [...Object.values(demoIds.partnerships), ...partnershipIds],
  };
  return `Bearer ${await mintDevelopmentToken(identity, { secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' })}`;
}

async function measure(): Promise<{ count: number; statements: Record<string, number> }> {
  const authorization = await staffToken();
  let count = 0;
  let reviewsSql: string[] = [];
  const statements = await graph.countStatements(async () => {
    reviewsSql = await graph.subgraphs.reviews.statements.capture(async () => {
      const result = await graph.query<{ partnerships: { nodes: Array<Record<string, any>> } }>(
        everything,
        {},
        { authorization },
      );
      expect(result.errors).toBeUndefined();
      const batch = result.data!.partnerships.nodes.filter((p) => partnershipIds.includes(p['id']));
      count = batch.length;
      for (const partnership of batch) {
        // Every partnership really has rows of every kind, so an N+1 would show.
        expect(partnership['seriousIncidentNotifications'].nodes[0].children).toHaveLength(2);
        expect(partnership['seriousIncidentNotifications'].nodes[0].rapidReview.status).toBe('OPEN');
        // Pages of 2 out of 3: cut per parent in SQL, with the look-ahead row telling that more follow.
        const recommendations = partnership['practiceReviews'].nodes[0].recommendations;
        expect(recommendations.totalCount).toBe(3);
        expect(recommendations.nodes).toHaveLength(2);
        for (const recommendation of recommendations.nodes)
          expect(recommendation.actions).toMatchObject({ totalCount: 1, nodes: [expect.any(Object)] });
        expect(partnership['childDeathReviews'].nodes).toHaveLength(1);
        expect(partnership['childDeathReviews'].totalCount).toBe(1);
        expect(partnership['overdueReviewActions'].totalCount).toBe(3);
        expect(partnership['overdueReviewActions'].nodes).toHaveLength(2);
        // What is due now comes from the notifications service's index (its own statements, also counted).
        expect(typeof partnership['whatIsDue'].totalCount).toBe('number');
        for (const owner of [partnership['relevantAgencies'].nodes[0], partnership['schools'].nodes[0]]) {
          expect(owner.recommendations).toMatchObject({ totalCount: 1, nodes: [expect.any(Object)] });
          expect(owner.reviewActions).toMatchObject({ totalCount: 1, nodes: [expect.any(Object)] });
        }
      }
    });
  });
  // The audit trail's appends are shared by concurrent lists (group commit), so the transactions
  // they take depend on timing, not on rows: reviews is counted by its reads, apart from the audit.
  const reviews = reviewsSql.filter((sql) => /^\s*SELECT/i.test(sql) && !/audit_/.test(sql)).length;
  return { count, statements: { ...statements, reviews } };
}

it('costs the same SQL statements in the reviews subgraph for 2 partnerships as for 8', async () => {
  for (let i = 0; i < 2; i++) await addPartnership();
  const small = await measure();
  expect(small.count).toBe(2);
  for (let i = 0; i < 6; i++) await addPartnership();
  const large = await measure();
  expect(large.count).toBe(8);
  expect(large.statements).toEqual(small.statements);
});
