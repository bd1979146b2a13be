import { AuditRecord, demoIds, statutoryOrganisationId } from '@safeguarding/shared';
import { demoReviewIds } from '../subgraphs/reviews/src/demo/demo-data';
import { startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/** Stages as state machines, validation naming fields, access and suppression, through the gateway. */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2026-11-22T12:00:00Z') });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const manager = { as: 'west-sussex-business-manager' } as const;
const panel = { as: 'panel-member' } as const;

const notify = `mutation ($input: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $input) { id status localAuthority { id name } routedTo rapidReviewRequired criteria { section16CMet } } }`;
const child = {
  reference: 'CHILD-L-1',
  ageYears: 7,
  sex: 'MALE',
  ethnicity: 'CHNE',
  onChildProtectionPlan: false,
  lookedAfter: false,
};
const incident = (extra: Record<string, unknown> = {}) => ({
  partnershipId: westSussex,
  localAuthorityGssCode: 'E10000032',
  caseReference: 'SI-LIFE-1',
  dateAware: '2026-10-01',
  children: [child],
  criteria: { death: true, abuseOrNeglectKnownOrSuspected: true },
  ...extra,
});

function codeOf(result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) {
  return result.errors?.[0]?.extensions;
}

describe('the whole chain, in order', () => {
  it('notification -> rapid review -> LCSPR -> report to the Panel -> publication -> recommendations and actions', async () => {
    const created = await graph.query<any>(notify, { input: incident() }, manager);
    expect(created.errors).toBeUndefined();
    const notification = created.data.notifySeriousIncident;
    expect(notification).toMatchObject({
      status: 'DRAFT',
      routedTo: ['CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL'],
      rapidReviewRequired: true,
      criteria: { section16CMet: true },
    });
    // The Agency id comes from the LA's DfE code, and the gateway resolves it in the agencies subgraph.
    expect(notification.localAuthority).toEqual({
      id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' }),
      name: 'West Sussex',
    });

    const open = `mutation ($id: ID!) { openRapidReview(notificationId: $id, openedOn: "2026-10-08") { id status } }`;
    const tooEarly = await graph.query<any>(open, { id: notification.id }, manager);
    expect(codeOf(tooEarly)).toMatchObject({ code: 'CONFLICT' });
    expect(tooEarly.errors![0]!.message).toContain('notification is DRAFT');

    const sent = await graph.query<any>(
      `mutation ($id: ID!) { markSeriousIncidentNotified(id: $id, dateNotified: "2026-10-07") { status dateNotified } }`,
      { id: notification.id },
      manager,
    );
    expect(sent.data.markSeriousIncidentNotified).toEqual({ status: 'SENT', dateNotified: '2026-10-07' });
    const again = await graph.query<any>(
      `mutation ($id: ID!) { markSeriousIncidentNotified(id: $id, dateNotified: "2026-10-08") { status } }`,
      { id: notification.id },
      manager,
    );
    expect(again.errors![0]!.message).toContain('notification is SENT');

    const rapid = (await graph.query<any>(open, { id: notification.id }, manager)).data.openRapidReview;
    expect(rapid.status).toBe('OPEN');
    expect(codeOf(await graph.query<any>(open, { id: notification.id }, manager))).toMatchObject({ code: 'CONFLICT' });

    // Out of order: sent to the Panel or answered by it before any decision.
    const send = `mutation ($id: ID!) { sendRapidReviewToPanel(id: $id, sentOn: "2026-10-20") { status sentToPanelOn deadline { due status } } }`;
    const early = await graph.query<any>(send, { id: rapid.id }, manager);
    expect(codeOf(early)).toMatchObject({ code: 'CONFLICT', state: 'OPEN', allowed: ['DECIDE'] });
    expect(early.errors![0]!.message).toBe('rapid review is OPEN: sending it to the Panel needs it to be DECIDED');
    const respond = `mutation ($input: RecordPanelResponseInput!) { recordRapidReviewPanelResponse(input: $input) { status panelAgreed } }`;
    const response = { rapidReviewId: rapid.id, respondedOn: '2026-11-02', agreed: true, response: 'Agreed' };
    expect((await graph.query<any>(respond, { input: response }, panel)).errors![0]!.message).toContain(
      'rapid review is OPEN',
    );

    const decide = `mutation ($input: DecideRapidReviewInput!) { decideRapidReview(input: $input) { status decidedOn localPracticeReviewDecided } }`;
    const decision = {
      rapidReviewId: rapid.id,
      decidedOn: '2026-10-16',
      localPracticeReview: true,
      nationalReviewRecommended: false,
      reasons: 'Learning about joint working',
    };
    const backdated = await graph.query<any>(decide, { input: { ...decision, decidedOn: '2026-10-01' } }, manager);
    expect(codeOf(backdated)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decidedOn' });
    expect((await graph.query<any>(decide, { input: decision }, manager)).data.decideRapidReview).toEqual({
      status: 'DECIDED',
      decidedOn: '2026-10-16',
      localPracticeReviewDecided: true,
    });
    expect((await graph.query<any>(decide, { input: decision }, manager)).errors![0]!.message).toContain(
      'rapid review is DECIDED',
    );

    // 15 working days after 2026-10-07 is 2026-10-28: sent on 20 October, met.
    expect((await graph.query<any>(send, { id: rapid.id }, manager)).data.sendRapidReviewToPanel).toEqual({
      status: 'SENT_TO_PANEL',
      sentToPanelOn: '2026-10-20',
      deadline: { due: '2026-10-28', status: 'MET' },
    });
    // Only the Panel records its own response.
    expect(codeOf(await graph.query<any>(respond, { input: response }, manager))).toMatchObject({ code: 'FORBIDDEN' });
    expect((await graph.query<any>(respond, { input: response }, panel)).data.recordRapidReviewPanelResponse).toEqual({
      status: 'PANEL_RESPONDED',
      panelAgreed: true,
    });

    const record = `mutation ($input: RecordPracticeReviewDecisionInput!) { recordPracticeReviewDecision(input: $input) { id status decisionDate publicationDeadline { due rule } rapidReview { id } } }`;
    const wrongDate = await graph.query<any>(
      record,
      {
        input: {
          partnershipId: westSussex,
          kind: 'LOCAL',
          title: 'Child L (test)',
          rapidReviewId: rapid.id,
          decisionDate: '2026-10-17',
        },
      },
      manager,
    );
    expect(codeOf(wrongDate)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.decisionDate' });
    const review = (
      await graph.query<any>(
        record,
        { input: { partnershipId: westSussex, kind: 'LOCAL', title: 'Child L (test)', rapidReviewId: rapid.id } },
        manager,
      )
    ).data.recordPracticeReviewDecision;
    expect(review).toMatchObject({
      status: 'IN_PROGRESS',
      decisionDate: '2026-10-16',
      publicationDeadline: { due: '2027-04-16', rule: '6 months after 2026-10-16' },
      rapidReview: { id: rapid.id },
    });

    const publish = `mutation ($id: ID!) { publishPracticeReview(id: $id, publishedOn: "2026-11-20", publicationUrl: "https://example.org/l") { status } }`;
    const unpublished = await graph.query<any>(publish, { id: review.id }, manager);
    expect(codeOf(unpublished)).toMatchObject({ code: 'CONFLICT', state: 'IN_PROGRESS', allowed: ['SEND_REPORT'] });
    expect(unpublished.errors![0]!.message).toContain('practice review is IN_PROGRESS');

    const update = `mutation ($input: UpdatePracticeReviewInput!) { updatePracticeReview(input: $input) { localReviewerName termsOfReference reviewer { name } } }`;
    const pool = await graph.query<any>('{ reviewerPool { nodes { id name inPool } } }');
    expect(pool.data.reviewerPool.nodes.length).toBeGreaterThanOrEqual(2);
    const appointed = await graph.query<any>(
      update,
      {
        input: {
          id: review.id,
          reviewerId: pool.data.reviewerPool.nodes[0].id,
          termsOfReference: 'Joint working, 2025-2026',
        },
      },
      manager,
    );
    expect(appointed.data.updatePracticeReview).toEqual({
      localReviewerName: null,
      termsOfReference: 'Joint working, 2025-2026',
      reviewer: { name: pool.data.reviewerPool.nodes[0].name },
    });

    const report = await graph.query<any>(
      `mutation ($id: ID!) { sendPracticeReviewReport(id: $id, sentOn: "2026-11-10") { status reportSentOn reportToPanelDeadline { rule basis completedOn } } }`,
      { id: review.id },
      manager,
    );
    expect(report.data.sendPracticeReviewReport).toMatchObject({
      status: 'REPORT_SENT',
      reportSentOn: '2026-11-10',
      reportToPanelDeadline: {
        rule: '7 working days before the publication deadline 2027-04-16',
        completedOn: '2026-11-10',
      },
    });
    expect(report.data.sendPracticeReviewReport.reportToPanelDeadline.basis).toContain('unconfirmed');
    expect((await graph.query<any>(publish, { id: review.id }, manager)).data.publishPracticeReview.status).toBe(
      'PUBLISHED',
    );
    expect((await graph.query<any>(publish, { id: review.id }, manager)).errors![0]!.message).toContain(
      'practice review is PUBLISHED',
    );

    const recommendation = (
      await graph.query<any>(
        `mutation ($input: AddRecommendationInput!) { addRecommendation(input: $input) { id owner { kind agency { id name } school { urn } } } }`,
        {
          input: {
            practiceReviewId: review.id,
            text: 'Joint chronologies',
            ownerKind: 'AGENCY',
            ownerId: demoIds.agencies.sussexCommunityTrust,
          },
        },
        manager,
      )
    ).data.addRecommendation;
    expect(recommendation.owner).toEqual({
      kind: 'AGENCY',
      agency: { id: demoIds.agencies.sussexCommunityTrust, name: 'Sussex Community NHS Foundation Trust (demo)' },
      school: null,
    });

    const action = (
      await graph.query<any>(
        `mutation ($input: AddReviewActionInput!) { addReviewAction(input: $input) { id status deadline { due status } } }`,
        {
          input: {
            recommendationId: recommendation.id,
            description: 'Shared chronology template',
            ownerKind: 'AGENCY',
            ownerId: demoIds.agencies.sussexCommunityTrust,
            dueOn: '2027-01-31',
          },
        },
        manager,
      )
    ).data.addReviewAction;
    expect(action).toMatchObject({ status: 'OPEN', deadline: { due: '2027-01-31', status: 'PENDING' } });

    const progress = `mutation ($input: ProgressReviewActionInput!) { progressReviewAction(input: $input) { status startedOn completedOn evidence deadline { status } } }`;
    const skipped = await graph.query<any>(
      progress,
      { input: { id: action.id, to: 'COMPLETED', on: '2026-11-21' } },
      { as: 'sussex-health-visitor' },
    );
    expect(skipped.errors![0]!.message).toBe('review action is OPEN: it can move only to IN_PROGRESS, not COMPLETED');
    // Not the owner and not the partnership's administrator.
    expect(
      codeOf(
        await graph.query<any>(
          progress,
          { input: { id: action.id, to: 'IN_PROGRESS', on: '2026-11-21' } },
          { as: 'sussex-police-officer' },
        ),
      ),
    ).toMatchObject({ code: 'NOT_FOUND' });
    // The owning agency moves its own action on.
    expect(
      (
        await graph.query<any>(
          progress,
          { input: { id: action.id, to: 'IN_PROGRESS', on: '2026-11-20' } },
          { as: 'sussex-health-visitor' },
        )
      ).data.progressReviewAction.status,
    ).toBe('IN_PROGRESS');
    expect(
      (
        await graph.query<any>(
          progress,
          { input: { id: action.id, to: 'COMPLETED', on: '2026-11-21' } },
          { as: 'sussex-health-visitor' },
        )
      ).data.progressReviewAction,
    ).toMatchObject({ status: 'COMPLETED', completedOn: '2026-11-21', deadline: { status: 'MET' } });
    const noEvidence = await graph.query<any>(
      progress,
      { input: { id: action.id, to: 'EVIDENCED', on: '2026-11-22' } },
      { as: 'sussex-health-visitor' },
    );
    expect(codeOf(noEvidence)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.evidence' });
    expect(
      (
        await graph.query<any>(
          progress,
          {
            input: {
              id: action.id,
              to: 'EVIDENCED',
              on: '2026-11-22',
              evidence: 'Template in use',
              impactNotes: 'Fewer gaps',
            },
          },
          { as: 'sussex-health-visitor' },
        )
      ).data.progressReviewAction.status,
    ).toBe('EVIDENCED');
    expect(
      (
        await graph.query<any>(
          progress,
          { input: { id: action.id, to: 'EVIDENCED', on: '2026-11-22', evidence: 'x' } },
          manager,
        )
      ).errors![0]!.message,
    ).toContain('review action is EVIDENCED: it is finished');
  });

  it("opens no rapid review for a care leaver's death alone, which goes to the Secretary of State and Ofsted", async () => {
    const query = `query ($id: ID!) { seriousIncidentNotification(id: $id) { routedTo rapidReviewRequired criteria { careLeaverAgeAtDeath section16CMet } } }`;
    const result = await graph.query<any>(query, { id: demoReviewIds.careLeaver }, manager);
    expect(result.data.seriousIncidentNotification).toEqual({
      routedTo: ['SECRETARY_OF_STATE', 'OFSTED'],
      rapidReviewRequired: false,
      criteria: { careLeaverAgeAtDeath: 21, section16CMet: false },
    });
    const refused = await graph.query<any>(
      `mutation ($id: ID!) { openRapidReview(notificationId: $id, openedOn: "2026-10-08") { id } }`,
      { id: demoReviewIds.careLeaver },
      manager,
    );
    expect(codeOf(refused)).toMatchObject({ code: 'CONFLICT' });
    expect(refused.errors![0]!.message).toContain('care leaver');
  });

  it('refuses a local review where the rapid review decided against one', async () => {
    const rapid = await graph.query<any>(
      `query ($id: ID!) { rapidReview(id: $id) { status } }`,
      { id: demoReviewIds.rapidReviewOpen },
      manager,
    );
    expect(rapid.data.rapidReview.status).toBe('OPEN');
    const result = await graph.query<any>(
      `mutation ($input: RecordPracticeReviewDecisionInput!) { recordPracticeReviewDecision(input: $input) { id } }`,
      {
        input: {
          partnershipId: westSussex,
          kind: 'LOCAL',
          title: 'Too soon',
          rapidReviewId: demoReviewIds.rapidReviewOpen,
        },
      },
      manager,
    );
    expect(result.errors![0]!.message).toContain('rapid review is OPEN');
  });
});

describe('validation names the field', () => {
  it.each([
    ['an unknown ethnicity code', { children: [child, { ...child, ethnicity: 'XXXX' }] }, 'input.children.1.ethnicity'],
    ['five children', { children: [child, child, child, child, child] }, 'input.children'],
    ['no children', { children: [] }, 'input.children'],
    ["an adult without a care leaver's death", { children: [{ ...child, ageYears: 19 }] }, 'input.children.0.ageYears'],
    [
      'abuse suspected without death or serious harm',
      { criteria: { abuseOrNeglectKnownOrSuspected: true } },
      'input.criteria',
    ],
    ['death without abuse or neglect', { criteria: { death: true } }, 'input.criteria'],
    [
      'a care leaver aged 25',
      { criteria: { death: true, careLeaverDeath: true, careLeaverAgeAtDeath: 25 } },
      'input.criteria.careLeaverAgeAtDeath',
    ],
    [
      'a care leaver with no age',
      { criteria: { death: true, careLeaverDeath: true } },
      'input.criteria.careLeaverAgeAtDeath',
    ],
    [
      'a looked-after child\'s "death" without a death',
      { criteria: { seriousHarm: true, lookedAfterChildDeath: true } },
      'input.criteria.lookedAfterChildDeath',
    ],
    ['an unknown GSS code', { localAuthorityGssCode: 'E10009999' }, 'input.localAuthorityGssCode'],
    ['a notification before awareness', { dateNotified: '2026-09-30' }, 'input.dateNotified'],
    ['a date aware in the future', { dateAware: '2026-12-01' }, 'input.dateAware'],
  ])('refuses %s', async (_label, change, field) => {
    const before = await graph.subgraphs.reviews.db.getRepository('SeriousIncidentNotification').count();
    const result = await graph.query<any>(notify, { input: incident(change) }, manager);
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(await graph.subgraphs.reviews.db.getRepository('SeriousIncidentNotification').count()).toBe(before);
  });

  it("accepts a looked-after child's death without abuse or neglect, and a terminated GSS code through its DfE code", async () => {
    const result = await graph.query<any>(
      notify,
      {
        input: incident({ localAuthorityGssCode: 'E08000016', criteria: { death: true, lookedAfterChildDeath: true } }),
      },
      manager,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.notifySeriousIncident).toMatchObject({
      rapidReviewRequired: true,
      localAuthority: { id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '370' }), name: 'Barnsley' },
    });
  });

  it('refuses a child death review of an 18-year-old', async () => {
    const result = await graph.query<any>(
      `mutation ($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { id } }`,
      {
        input: {
          partnershipId: westSussex,
          localAuthorityGssCode: 'E10000032',
          integratedCareBoardOdsCode: 'QNX',
          childReference: 'X',
          ageAtDeathYears: 18,
          dateOfDeath: '2026-11-01',
          jointAgencyResponseNeeded: false,
        },
      },
      manager,
    );
    expect(codeOf(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.ageAtDeathYears' });
  });
});

describe('who sees what', () => {
  const list = `query ($p: ID!) { partnership(id: $p) { seriousIncidentNotifications(first: 100) { nodes { caseReference children { reference ethnicityCode } } } rapidReviews(first: 100) { nodes { status } } childDeathReviews(first: 100) { nodes { childReference } } } }`;

  it("partnership staff see their partnership's notifications, rapid reviews and child deaths, and every read is audited", async () => {
    const audit = graph.subgraphs.reviews.db.getRepository(AuditRecord);
    const before = await audit.count();
    const result = await graph.query<any>(list, { p: westSussex }, manager);
    expect(result.errors).toBeUndefined();
    const [seriousIncidentNotifications, rapidReviews, childDeathReviews] = [
      'seriousIncidentNotifications',
      'rapidReviews',
      'childDeathReviews',
    ].map((list) => result.data.partnership[list].nodes);
    expect(seriousIncidentNotifications.map((n: any) => n.caseReference)).toEqual(
      expect.arrayContaining(['SI-DEMO-2026-07', 'SI-DEMO-2026-03', 'SI-DEMO-2026-08']),
    );
    expect(rapidReviews.length).toBeGreaterThanOrEqual(3);
    expect(childDeathReviews.map((c: any) => c.childReference)).toEqual(expect.arrayContaining(['CDR-DEMO-2026-11']));
    const children = seriousIncidentNotifications.flatMap((n: any) => n.children).length;
    const read = seriousIncidentNotifications.length + children + rapidReviews.length + childDeathReviews.length;
    expect(await audit.count()).toBe(before + read);
  });

  it("another partnership's staff and practitioners see nothing; anonymous callers are refused", async () => {
    for (const as of ['east-sussex-business-manager', 'sussex-police-officer'] as const) {
      const result = await graph.query<any>(list, { p: westSussex }, { as });
      expect(result.errors).toBeUndefined();
      expect(result.data.partnership).toEqual({
        seriousIncidentNotifications: { nodes: [] },
        rapidReviews: { nodes: [] },
        childDeathReviews: { nodes: [] },
      });
      const single = await graph.query<any>(
        `query ($id: ID!) { seriousIncidentNotification(id: $id) { id } }`,
        { id: demoReviewIds.notifiedOnTime },
        { as },
      );
      expect(single.data.seriousIncidentNotification).toBeNull();
    }
    const anonymous = await graph.query<any>(list, { p: westSussex });
    expect(codeOf(anonymous)).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(JSON.stringify(anonymous.data)).not.toContain('SI-DEMO');
  });

  it("records an attempt on a notification the caller may not see as REFUSED, in its partnership's trail, and still answers not there", async () => {
    const audit = graph.subgraphs.reviews.db.getRepository(AuditRecord);
    const id = demoReviewIds.notifiedOnTime;
    const before = await audit.countBy({ entityId: id, outcome: 'REFUSED' as never });
    const single = await graph.query<any>(
      `query ($id: ID!) { seriousIncidentNotification(id: $id) { id } }`,
      { id },
      { as: 'east-sussex-business-manager' },
    );
    expect(single.data.seriousIncidentNotification).toBeNull();
    const sent = await graph.query<any>(
      `mutation ($id: ID!) { markSeriousIncidentNotified(id: $id, dateNotified: "2026-01-05") { id } }`,
      { id },
      { as: 'east-sussex-business-manager' },
    );
    expect(codeOf(sent)).toMatchObject({ code: 'NOT_FOUND' });
    const refused = await audit.find({
      where: { entityId: id, outcome: 'REFUSED' as never },
      order: { sequence: 'ASC' },
    });
    expect(
      refused.slice(before).map((record) => [record.action, record.subject, record.entityType, record.partnershipId]),
    ).toEqual([
      ['READ', 'demo:east-sussex-business-manager', 'SeriousIncidentNotification', westSussex],
      ['WRITE', 'demo:east-sussex-business-manager', 'SeriousIncidentNotification', westSussex],
    ]);
    // The same shared check behind the other by-id reads: another partnership's rapid review.
    const rapid = await graph.query<any>(
      `query ($id: ID!) { rapidReview(id: $id) { id } }`,
      { id: demoReviewIds.rapidReviewOpen },
      { as: 'east-sussex-business-manager' },
    );
    expect(rapid.data.rapidReview).toBeNull();
    expect(
      await audit.findOne({
        where: { entityId: demoReviewIds.rapidReviewOpen, outcome: 'REFUSED' as never },
        order: { sequence: 'DESC' },
      }),
    ).toMatchObject({
      action: 'READ',
      entityType: 'RapidReview',
      subject: 'demo:east-sussex-business-manager',
      partnershipId: westSussex,
    });
    // A true miss: nothing exists to have been refused.
    const absent = '00000000-0000-4000-8000-000000000000';
    await graph.query<any>(
      `query ($id: ID!) { seriousIncidentNotification(id: $id) { id } }`,
      { id: absent },
      { as: 'east-sussex-business-manager' },
    );
    expect(await audit.countBy({ entityId: absent })).toBe(0);
  });

  it('the Panel sees notifications and rapid reviews nationally, but not child death reviews', async () => {
    const national = await graph.query<any>(
      '{ seriousIncidentNotifications(first: 100) { nodes { caseReference partnership { id } } } rapidReviews(first: 100) { nodes { status notification { caseReference } } } }',
      {},
      panel,
    );
    expect(national.errors).toBeUndefined();
    expect(national.data.seriousIncidentNotifications.nodes.map((n: any) => n.caseReference)).toEqual(
      expect.arrayContaining(['SI-DEMO-2026-07', 'SI-DEMO-2025-02']),
    );
    expect(national.data.rapidReviews.nodes.map((r: any) => r.notification.caseReference)).toEqual(
      expect.arrayContaining(['SI-DEMO-2026-07']),
    );
    const deaths = await graph.query<any>(list, { p: westSussex }, panel);
    expect(deaths.data.partnership.childDeathReviews.nodes).toEqual([]);
    expect(deaths.data.partnership.seriousIncidentNotifications.nodes.length).toBeGreaterThan(0);
  });

  it('an organisation sees the actions it owns through Agency and School; others see none', async () => {
    const agency = `query ($id: ID!) { agency(id: $id) { name recommendations { nodes { text } } reviewActions { nodes { description status deadline { status } } } } }`;
    const own = await graph.query<any>(
      agency,
      { id: demoIds.agencies.sussexCommunityTrust },
      { as: 'sussex-health-visitor' },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.agency.reviewActions.nodes).toEqual(
      expect.arrayContaining([
        {
          description: 'Add a neglect-sharing step to the health visiting transition checklist',
          status: 'EVIDENCED',
          deadline: { status: 'MET' },
        },
      ]),
    );
    expect(own.data.agency.recommendations.nodes.length).toBeGreaterThan(0);
    const other = await graph.query<any>(
      agency,
      { id: demoIds.agencies.sussexCommunityTrust },
      { as: 'sussex-police-officer' },
    );
    expect(other.data.agency).toMatchObject({ recommendations: { nodes: [] }, reviewActions: { nodes: [] } });

    const school = `{ school(urn: "990005") { name recommendations { nodes { text } } reviewActions { nodes { description deadline { due status } } } } }`;
    const staff = await graph.query<any>(school, {}, manager);
    expect(staff.data.school.reviewActions.nodes).toEqual([
      {
        description: 'Revise the attendance policy to prompt a referral where neglect is suspected',
        deadline: { due: '2026-06-30', status: 'OVERDUE' },
      },
    ]);
    expect(
      (await graph.query<any>(school, {}, { as: 'east-sussex-business-manager' })).data.school.reviewActions.nodes,
    ).toEqual([]);

    const overdue = await graph.query<any>(
      `query ($p: ID!) { partnership(id: $p) { overdueReviewActions { totalCount nodes { id owner { kind school { urn name } } } } } }`,
      { p: westSussex },
      manager,
    );
    expect(overdue.data.partnership.overdueReviewActions).toEqual({
      totalCount: 1,
      nodes: [
        {
          id: demoReviewIds.overdueAction,
          owner: { kind: 'SCHOOL', school: { urn: '990005', name: 'Harbourside Nursery School (demo)' } },
        },
      ],
    });
  });

  it('the reviewer pool is public; only Panel members change it', async () => {
    expect(
      (await graph.query<any>('{ reviewerPool { nodes { name expertise } } }')).data.reviewerPool.nodes.length,
    ).toBeGreaterThanOrEqual(2);
    const add = `mutation { addReviewerToPool(input: { name: "C. Test", expertise: "Exploitation", joinedPoolOn: "2026-11-01" }) { id inPool } }`;
    expect(codeOf(await graph.query<any>(add, {}, manager))).toMatchObject({ code: 'FORBIDDEN' });
    const added = await graph.query<any>(add, {}, panel);
    expect(added.data.addReviewerToPool.inPool).toBe(true);
    const left = await graph.query<any>(
      `mutation ($id: ID!) { removeReviewerFromPool(id: $id, leftPoolOn: "2026-11-20") { inPool } }`,
      { id: added.data.addReviewerToPool.id },
      panel,
    );
    expect(left.data.removeReviewerFromPool.inPool).toBe(false);
  });
});

describe('child death aggregates: every count below 5 suppressed', () => {
  const record = `mutation ($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { id } }`;
  const aggregates = `{ childDeathAggregates(year: 2025, localAuthorityGssCode: "E06000043") { nodes {
    localAuthorityName year deaths { value suppressed } awaitingPanelReview { value suppressed }
    byCategory { category count { value suppressed } } } } }`;
  const death = (n: number) => ({
    partnershipId: demoIds.partnerships.brightonAndHove,
    localAuthorityGssCode: 'E06000043',
    integratedCareBoardOdsCode: 'QNX',
    childReference: `AGG-${n}`,
    ageAtDeathYears: 10,
    dateOfDeath: `2025-0${n}-10`,
    jointAgencyResponseNeeded: false,
  });
  const brightonManager = { authorization: '' };

  beforeAll(async () => {
    const { mintDevelopmentToken } = await import('@safeguarding/shared');
    const token = await mintDevelopmentToken(
      {
        subject: 'test:bh-manager',
        organisation: {
          id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' }),
          kind: 'LOCAL_AUTHORITY',
        },
        roles: ['PARTNERSHIP_BUSINESS_MANAGER' as never],
        partnershipIds: [demoIds.partnerships.brightonAndHove],
      },
      { secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' },
    );
    brightonManager.authorization = `Bearer ${token}`;
  });

  it('suppresses 4 and shows 5, and hides the total when it would give a small cell back', async () => {
    const ids: string[] = [];
    for (let n = 1; n <= 4; n++)
      ids.push((await graph.query<any>(record, { input: death(n) }, brightonManager)).data.recordChildDeath.id);
    let result = (await graph.query<any>(aggregates)).data.childDeathAggregates.nodes;
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      localAuthorityName: 'Brighton and Hove',
      year: 2025,
      deaths: { value: null, suppressed: true },
      awaitingPanelReview: { value: null, suppressed: true },
    });

    ids.push((await graph.query<any>(record, { input: death(5) }, brightonManager)).data.recordChildDeath.id);
    result = (await graph.query<any>(aggregates)).data.childDeathAggregates.nodes;
    expect(result[0]).toMatchObject({
      deaths: { value: 5, suppressed: false },
      awaitingPanelReview: { value: 5, suppressed: false },
    });
    for (const cell of result[0].byCategory) expect(cell.count).toEqual({ value: null, suppressed: true });

    // One death reviewed: category INFECTION holds 1, awaiting 4; the total would give them back, so it goes too.
    await graph.query(
      `mutation ($id: ID!) { markCdopNotified(id: $id, notifiedOn: "2025-01-11") { cdopNotifiedOn } }`,
      { id: ids[0] },
      brightonManager,
    );
    await graph.query(
      `mutation ($id: ID!) { recordChildDeathReviewMeeting(id: $id, meetingOn: "2025-03-01") { stage } }`,
      { id: ids[0] },
      brightonManager,
    );
    const reviewed = await graph.query<any>(
      `mutation ($input: RecordChildDeathPanelReviewInput!) { recordChildDeathPanelReview(input: $input) { stage categoryNumber } }`,
      { input: { id: ids[0], panelReviewOn: '2025-06-01', category: 'INFECTION', modifiableFactorsIdentified: false } },
      brightonManager,
    );
    expect(reviewed.data.recordChildDeathPanelReview).toEqual({ stage: 'REVIEWED', categoryNumber: 9 });
    result = (await graph.query<any>(aggregates)).data.childDeathAggregates.nodes;
    expect(result[0]).toMatchObject({
      deaths: { value: null, suppressed: true },
      awaitingPanelReview: { value: null, suppressed: true },
    });
    expect(JSON.stringify(result)).not.toMatch(/"value":[1-4][,}]/);
  });

  it('pages the areas by GSS code, each whole, counting them only when asked', async () => {
    type Areas = {
      childDeathAggregates: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes: { localAuthorityGssCode: string }[];
      };
    };
    const page = `query ($after: String) { childDeathAggregates(year: 2025, first: 1, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } nodes { localAuthorityGssCode deaths { suppressed } } } }`;
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let i = 0; i < 200; i++) {
      const result: GraphQLResponse<Areas> = await graph.query<Areas>(page, { after });
      expect(result.errors).toBeUndefined();
      const answer = result.data?.childDeathAggregates;
      if (!answer) throw new Error('no page');
      total = answer.totalCount;
      expect(answer.nodes.length).toBeLessThanOrEqual(1);
      seen.push(...answer.nodes.map((node) => node.localAuthorityGssCode));
      if (!answer.pageInfo.hasNextPage) break;
      after = answer.pageInfo.endCursor;
    }
    expect(seen).toContain('E06000043');
    expect(seen).toEqual([...new Set(seen)].sort());
    expect(seen).toHaveLength(total);
    // The page of areas and their deaths, and the count only when selected: whatever the number of areas.
    const counted = await graph.countStatements(() => graph.query(page, { after: null }));
    const uncounted = await graph.countStatements(() =>
      graph.query('{ childDeathAggregates(year: 2025, first: 100) { nodes { localAuthorityGssCode } } }'),
    );
    expect({ counted: counted.reviews, uncounted: uncounted.reviews }).toEqual({ counted: 3, uncounted: 2 });
    const over = await graph.query<Areas>('{ childDeathAggregates(year: 2025, first: 101) { nodes { year } } }');
    expect(over.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('refuses the panel review before the review meeting, naming the stage', async () => {
    const id = (await graph.query<any>(record, { input: death(6) }, brightonManager)).data.recordChildDeath.id;
    const result = await graph.query<any>(
      `mutation ($input: RecordChildDeathPanelReviewInput!) { recordChildDeathPanelReview(input: $input) { stage } }`,
      { input: { id, panelReviewOn: '2025-07-01', category: 'MALIGNANCY', modifiableFactorsIdentified: false } },
      brightonManager,
    );
    expect(codeOf(result)).toMatchObject({ code: 'CONFLICT' });
    expect(result.errors![0]!.message).toContain('child death review is AWAITING_REVIEW_MEETING');
  });
});

describe('recommendations and actions are pages', () => {
  it("pages a review's recommendations by cursor, counting only when asked", async () => {
    const query = `query ($id: ID!, $after: String) { practiceReview(id: $id) { recommendations(first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id } } } }`;
    const first = await graph.query<any>(query, { id: demoReviewIds.practiceReviewChildQ, after: null }, manager);
    expect(first.errors).toBeUndefined();
    const page1 = first.data.practiceReview.recommendations;
    expect(page1).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(page1.nodes).toHaveLength(2);
    const second = await graph.query<any>(
      query,
      { id: demoReviewIds.practiceReviewChildQ, after: page1.pageInfo.endCursor },
      manager,
    );
    const page2 = second.data.practiceReview.recommendations;
    expect(page2).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    const ids = [...page1.nodes, ...page2.nodes].map((node: { id: string }) => node.id);
    // Every recommendation once, in the list's stable order (by id).
    expect(ids).toEqual([...new Set(ids)].sort());
    expect(ids).toHaveLength(3);
  });

  it('accepts the maximum page of each list under the default cost limit, and names `first` beyond it', async () => {
    const action = 'id description dueOn status deadline { due status }';
    const atMaximum = [
      [
        `query ($id: ID!) { practiceReview(id: $id) { recommendations(first: 100) { totalCount pageInfo { endCursor hasNextPage } nodes { id text owner { kind } } } } }`,
        { id: demoReviewIds.practiceReviewChildQ },
      ],
      [
        `query ($id: ID!) { reviewAction(id: $id) { recommendation { actions(first: 100) { totalCount nodes { id description dueOn status } } } } }`,
        { id: demoReviewIds.overdueAction },
      ],
      [
        `query ($id: ID!) { partnership(id: $id) { overdueReviewActions(first: 100) { totalCount nodes { ${action} } } } }`,
        { id: westSussex },
      ],
      [
        `query ($id: ID!) { agency(id: $id) { recommendations(first: 100) { totalCount nodes { id text } } } }`,
        { id: demoIds.agencies.sussexCommunityTrust },
      ],
      [
        `query ($id: ID!) { agency(id: $id) { reviewActions(first: 100) { totalCount nodes { ${action} } } } }`,
        { id: demoIds.agencies.sussexCommunityTrust },
      ],
      [`{ school(urn: "990005") { reviewActions(first: 100) { totalCount nodes { ${action} } } } }`, {}],
    ] as const;
    for (const [query, variables] of atMaximum) {
      const result = await graph.query<any>(query, variables, manager);
      expect(result.errors).toBeUndefined();
    }
    const beyond = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) { overdueReviewActions(first: 101) { nodes { id } } } }`,
      { id: westSussex },
      manager,
    );
    expect(beyond.errors![0]).toMatchObject({
      message: 'first: must be at most 100',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
    // A cursor of another list is refused by name, not read as a key of this one.
    const recommendations = await graph.query<any>(
      `query ($id: ID!) { practiceReview(id: $id) { recommendations(first: 1) { pageInfo { endCursor } } } }`,
      { id: demoReviewIds.practiceReviewChildQ },
      manager,
    );
    const foreign = recommendations.data.practiceReview.recommendations.pageInfo.endCursor;
    const misused = await graph.query<any>(
      `query ($id: ID!, $after: String) { partnership(id: $id) { overdueReviewActions(after: $after) { nodes { id } } } }`,
      { id: westSussex, after: foreign },
      manager,
    );
    expect(misused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });
});

describe('each step follows what it answers, in every case', () => {
  type Errors = { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
  const refusal = (result: Errors) => ({
    code: result.errors?.[0]?.extensions?.['code'],
    field: result.errors?.[0]?.extensions?.['field'],
    message: result.errors?.[0]?.message,
  });

  it('opens a rapid review neither before the date aware nor before the notification was sent (Working Together 2023 ch. 5)', async () => {
    const created = await graph.query<{ notifySeriousIncident: { id: string } }>(
      notify,
      { input: incident({ caseReference: 'SI-LIFE-ORDER', dateAware: '2026-10-01' }) },
      manager,
    );
    const id = created.data?.notifySeriousIncident.id;
    expect(id).toBeDefined();
    await graph.query(
      `mutation ($id: ID!) { markSeriousIncidentNotified(id: $id, dateNotified: "2026-10-07") { status } }`,
      { id },
      manager,
    );
    const open = `mutation ($id: ID!, $on: Date!) { openRapidReview(notificationId: $id, openedOn: $on) { id openedOn notificationSentOn } }`;
    for (const [on, after] of [
      ['2026-09-30', 'date aware 2026-10-01'],
      ['2026-10-05', 'date notified 2026-10-07'],
    ] as const) {
      expect(refusal(await graph.query(open, { id, on }, manager))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'openedOn',
        message: expect.stringContaining(`must not be before the ${after}`) as unknown,
      });
    }
    const status = `query ($id: ID!) { seriousIncidentNotification(id: $id) { status } }`;
    expect((await graph.query(status, { id }, manager)).data).toEqual({
      seriousIncidentNotification: { status: 'SENT' },
    });

    const opened = await graph.query(open, { id, on: '2026-10-07' }, manager);
    expect(opened.errors).toBeUndefined();
    expect(opened.data).toMatchObject({
      openRapidReview: { openedOn: '2026-10-07', notificationSentOn: '2026-10-07' },
    });
  });

  it('records the panel review only after the review meeting and the CDOP notification, dated on or after both', async () => {
    const recorded = await graph.query<{ recordChildDeath: { id: string } }>(
      `mutation ($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { id } }`,
      {
        input: {
          partnershipId: westSussex,
          localAuthorityGssCode: 'E10000032',
          integratedCareBoardOdsCode: 'QNX',
          childReference: 'CDR-ORDER-1',
          ageAtDeathYears: 4,
          dateOfDeath: '2026-01-10',
          jointAgencyResponseNeeded: false,
        },
      },
      manager,
    );
    const id = recorded.data?.recordChildDeath.id;
    expect(id).toBeDefined();
    const review = `mutation ($input: RecordChildDeathPanelReviewInput!) { recordChildDeathPanelReview(input: $input) { stage panelReviewOn } }`;
    const panel = (panelReviewOn: string) => ({
      input: { id, panelReviewOn, category: 'SUDDEN_UNEXPECTED_UNEXPLAINED_DEATH', modifiableFactorsIdentified: false },
    });

    expect(refusal(await graph.query(review, panel('2026-06-01'), manager))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('AWAITING_REVIEW_MEETING') as unknown,
    });
    await graph.query(
      `mutation ($id: ID!) { recordChildDeathReviewMeeting(id: $id, meetingOn: "2026-03-02") { stage } }`,
      { id },
      manager,
    );
    // The meeting is recorded, but the CDOP was never told of the death: the panel cannot have reviewed it.
    expect(refusal(await graph.query(review, panel('2026-06-01'), manager))).toMatchObject({
      code: 'CONFLICT',
      message: expect.stringContaining('CDOP has not been notified') as unknown,
    });
    await graph.query(
      `mutation ($id: ID!) { markCdopNotified(id: $id, notifiedOn: "2026-03-09") { cdopNotifiedOn } }`,
      { id },
      manager,
    );
    for (const [on, after] of [
      ['2026-02-27', 'review meeting on 2026-03-02'],
      ['2026-03-05', 'CDOP was notified on 2026-03-09'],
    ] as const) {
      expect(refusal(await graph.query(review, panel(on), manager))).toEqual({
        code: 'BAD_USER_INPUT',
        field: 'input.panelReviewOn',
        message: expect.stringContaining(`must not be before the ${after}`) as unknown,
      });
    }
    const stage = `query ($id: ID!) { childDeathReview(id: $id) { stage panelReviewOn } }`;
    expect((await graph.query(stage, { id }, manager)).data).toEqual({
      childDeathReview: { stage: 'AWAITING_PANEL_REVIEW', panelReviewOn: null },
    });

    const reviewed = await graph.query(review, panel('2026-03-09'), manager);
    expect(reviewed.errors).toBeUndefined();
    expect(reviewed.data).toEqual({ recordChildDeathPanelReview: { stage: 'REVIEWED', panelReviewOn: '2026-03-09' } });
  });
});
