import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  AccessScope,
  AuditRecord,
  audienceAdmits,
  createLogger,
  demoIdentities,
  demoIds,
  mintDevelopmentToken,
  Obligation,
  OutboxEvent,
  partnershipStaffRoles,
  ReferenceData,
  Role,
  statutoryOrganisationId,
  WorkingDayCalendar,
  type Identity,
  type ObligationAudience,
  type RunningSubgraph,
  type SubgraphDefinition,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { In } from 'typeorm';
import { partnershipsSubgraph } from '../subgraphs/partnerships/src/subgraph';
import { demoReviewIds } from '../subgraphs/reviews/src/demo/demo-data';
import { SeriousIncidentNotification } from '../subgraphs/reviews/src/notification/serious-incident-notification.entity';
import { reviewsSubgraph } from '../subgraphs/reviews/src/subgraph';
import { dropDatabases, onMysql, startGraph, testConfig, type TestGraph } from './support/graph';

/**
 * Every clock of the reviews and partnerships subgraphs as an obligation, through the gateway: the
 * row with its rule, owner and audience (checked against who may read the entity), met or cancelled
 * as the entity changes, its events in order, nothing left by a change that rolled back, and the
 * start-up reconciliation idempotent with a statement count that does not grow with the rows.
 */
let today = '2026-11-22';
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date(`${today}T12:00:00Z`) });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
const sussexIcb = statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: 'QNX' });
const manager = { as: 'west-sussex-business-manager' } as const;
const policeLead = { as: 'sussex-police-safeguarding-manager' } as const;
const panel = { as: 'panel-member' } as const;
const staff = [...partnershipStaffRoles];
const toldRoles = [
  Role.SAFEGUARDING_MANAGER,
  Role.DESIGNATED_SAFEGUARDING_LEAD,
  Role.LEAD_SAFEGUARDING_PARTNER,
  Role.DELEGATED_SAFEGUARDING_PARTNER,
];
const icbLead: Identity = {
  subject: 'test:sussex-icb-safeguarding-lead',
  organisation: { id: sussexIcb, kind: 'INTEGRATED_CARE_BOARD' },
  roles: [Role.SAFEGUARDING_MANAGER],
  partnershipIds: [westSussex],
};
const asIcbLead = async () => ({
  authorization: `Bearer ${await mintDevelopmentToken(icbLead, { secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' })}`,
});

const reviews = () => graph.subgraphs.reviews;
const partnerships = () => graph.subgraphs.partnerships;

async function obligation(
  subgraph: RunningSubgraph,
  kind: string,
  entityId: string,
  occurrence = '',
): Promise<Obligation> {
  const row = await subgraph.db.getRepository(Obligation).findOneBy({ kind, entityId, occurrence });
  expect(row).not.toBeNull();
  return row!;
}

const audienceOf = (row: Obligation) => JSON.parse(row.audience) as ObligationAudience;

/** The events of an obligation, oldest first: their types and per-entity sequence. */
async function eventsOf(
  subgraph: RunningSubgraph,
  obligationRow: Obligation,
): Promise<Array<{ type: string; sequence: number }>> {
  const rows = await subgraph.db
    .getRepository(OutboxEvent)
    .find({ where: { entityType: 'Obligation', entityId: obligationRow.id }, order: { position: 'ASC' } });
  return rows.map((row) => ({ type: row.type, sequence: Number(row.sequence) }));
}

async function lastPosition(subgraph: RunningSubgraph): Promise<number> {
  const [last] = await subgraph.db.getRepository(OutboxEvent).find({ order: { position: 'DESC' }, take: 1 });
  return last?.position ?? 0;
}

async function eventsAfter(subgraph: RunningSubgraph, position: number): Promise<OutboxEvent[]> {
  const rows = await subgraph.db.getRepository(OutboxEvent).find({ order: { position: 'ASC' } });
  return rows.filter((row) => row.position > position);
}

/** What each event says, as the notifications service would read it. */
const kindOf = (event: OutboxEvent) =>
  event.type.startsWith('obligation.')
    ? `${event.type}:${(JSON.parse(event.payload) as { kind: string }).kind}`
    : event.type;

/** The audience admits exactly the demo identities the graph shows the entity to. */
async function expectAudienceMatchesReaders(
  audience: ObligationAudience,
  sees: (as: string) => Promise<boolean>,
): Promise<void> {
  const names = Object.keys(demoIdentities);
  const actual: Array<readonly [string, boolean]> = [];
  for (const name of names) actual.push([name, await sees(name)] as const);
  const expected = names.map(
    (name) => [name, audienceAdmits(audience, AccessScope.of(demoIdentities[name]!))] as const,
  );
  expect(actual).toEqual(expected);
  // Not vacuous: someone sees it and someone does not.
  expect(actual.some(([, seen]) => seen)).toBe(true);
  expect(actual.some(([, seen]) => !seen)).toBe(true);
}

const notify = `mutation ($input: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $input) { id status } }`;
const incident = (reference: string, dateAware: string, extra: Record<string, unknown> = {}) => ({
  partnershipId: westSussex,
  localAuthorityGssCode: 'E10000032',
  caseReference: reference,
  dateAware,
  children: [
    {
      reference: `CHILD-${reference}`,
      ageYears: 6,
      sex: 'FEMALE',
      ethnicity: 'WBRI',
      onChildProtectionPlan: true,
      lookedAfter: false,
    },
  ],
  criteria: { seriousHarm: true, abuseOrNeglectKnownOrSuspected: true },
  partnersTold: [{ organisationId: sussexPolice }, { organisationId: sussexIcb }],
  ...extra,
});

async function notified(reference: string, dateAware: string, extra: Record<string, unknown> = {}): Promise<string> {
  const result = await graph.query<any>(notify, { input: incident(reference, dateAware, extra) }, manager);
  expect(result.errors).toBeUndefined();
  return result.data.notifySeriousIncident.id;
}

describe('serious incident notification, partners told and the domain event', () => {
  it('opens both duties with their rule, owner and audience, and meets the notification when sent', async () => {
    today = '2026-11-22';
    const before = await lastPosition(reviews());
    const id = await notified('SI-OBL-1', '2026-11-16');
    const owed = await obligation(reviews(), 'SERIOUS_INCIDENT_NOTIFICATION', id);
    expect(owed).toMatchObject({
      entityType: 'SeriousIncidentNotification',
      ownerOrganisationId: westSussexCouncil,
      ownerPartnershipId: westSussex,
      owedTo: 'NATIONAL_PANEL',
      due: '2026-11-23',
      rule: '5 working days after 2026-11-16',
      status: 'OPEN',
      metOn: null,
    });
    expect(owed.basis).toContain('s16C');
    const audience = audienceOf(owed);
    expect(audience).toEqual({
      organisationIds: [sussexPolice, sussexIcb].sort(),
      organisationRoles: toldRoles,
      partnershipIds: [westSussex],
      partnershipRoles: staff,
      nationalRoles: [Role.PANEL_MEMBER],
    });
    await expectAudienceMatchesReaders(audience, async (as) => {
      const result = await graph.query<any>(
        `query ($id: ID!) { seriousIncidentNotification(id: $id) { id } }`,
        { id },
        { as },
      );
      return result.data?.seriousIncidentNotification != null;
    });
    const told = await obligation(reviews(), 'PARTNERS_TOLD_OF_INCIDENT', id);
    expect(told).toMatchObject({
      owedTo: 'SAFEGUARDING_PARTNERS',
      due: '2026-11-23',
      status: 'OPEN',
      ownerOrganisationId: westSussexCouncil,
    });
    expect(told.audience).toBe(owed.audience);

    const sent = await graph.query<any>(
      `mutation ($id: ID!) { markSeriousIncidentNotified(id: $id, dateNotified: "2026-11-20") { status } }`,
      { id },
      manager,
    );
    expect(sent.errors).toBeUndefined();
    expect(await obligation(reviews(), 'SERIOUS_INCIDENT_NOTIFICATION', id)).toMatchObject({
      status: 'MET',
      metOn: '2026-11-20',
    });
    expect(await eventsOf(reviews(), owed)).toEqual([
      { type: 'obligation.opened', sequence: 1 },
      { type: 'obligation.met', sequence: 2 },
    ]);
    // Sending starts the rapid review's 15 working days, whether or not a rapid review is opened.
    expect(await obligation(reviews(), 'RAPID_REVIEW', id)).toMatchObject({
      entityType: 'SeriousIncidentNotification',
      ownerOrganisationId: null,
      ownerPartnershipId: westSussex,
      owedTo: 'NATIONAL_PANEL',
      due: '2026-12-11',
      rule: '15 working days after 2026-11-20',
      status: 'OPEN',
    });

    const events = await eventsAfter(reviews(), before);
    expect(events.map(kindOf)).toEqual([
      'obligation.opened:SERIOUS_INCIDENT_NOTIFICATION',
      'obligation.opened:PARTNERS_TOLD_OF_INCIDENT',
      'obligation.met:SERIOUS_INCIDENT_NOTIFICATION',
      'obligation.opened:RAPID_REVIEW',
      'serious_incident.notified',
    ]);
    const domain = events.at(-1)!;
    expect(domain).toMatchObject({ entityType: 'SeriousIncidentNotification', entityId: id, sequence: 1 });
    expect(JSON.parse(domain.payload)).toEqual({
      ids: { notificationId: id, partnershipId: westSussex, localAuthorityId: westSussexCouncil },
      dates: { dateAware: '2026-11-16', dateNotified: '2026-11-20' },
      audience,
    });
    // Thin: no child's reference and no case reference.
    expect(domain.payload).not.toContain('CHILD-SI-OBL-1');
    expect(domain.payload).not.toContain('SI-OBL-1');
  });

  it("records the domain event when a notification is recorded as already sent, and a care leaver's death is owed to the Secretary of State", async () => {
    const before = await lastPosition(reviews());
    const id = await notified('SI-OBL-2', '2026-11-02', {
      dateNotified: '2026-11-05',
      children: [
        {
          reference: 'CL-OBL-2',
          ageYears: 21,
          sex: 'MALE',
          ethnicity: 'NOBT',
          onChildProtectionPlan: false,
          lookedAfter: false,
        },
      ],
      criteria: { death: true, careLeaverDeath: true, careLeaverAgeAtDeath: 21 },
    });
    expect(await obligation(reviews(), 'SERIOUS_INCIDENT_NOTIFICATION', id)).toMatchObject({
      owedTo: 'SECRETARY_OF_STATE',
      status: 'MET',
      metOn: '2026-11-05',
    });
    // No rapid review follows a care leaver's death alone.
    expect(await reviews().db.getRepository(Obligation).findOneBy({ kind: 'RAPID_REVIEW', entityId: id })).toBeNull();
    expect((await eventsAfter(reviews(), before)).map(kindOf)).toEqual([
      'obligation.opened:SERIOUS_INCIDENT_NOTIFICATION',
      'obligation.met:SERIOUS_INCIDENT_NOTIFICATION',
      'obligation.opened:PARTNERS_TOLD_OF_INCIDENT',
      'serious_incident.notified',
    ]);
  });
});

describe('issue 14 item 7: partners told see the notification and confirm when they were told', () => {
  let id: string;
  beforeAll(async () => {
    today = '2026-11-22';
    id = await notified('SI-OBL-7', '2026-11-17');
  });
  const view = `query ($id: ID!) { seriousIncidentNotification(id: $id) { id caseReference dateAware children { reference } partnersTold { organisation { id } toldOn confirmed confirmedToldOn } } }`;
  const confirm = `mutation ($id: ID!, $on: Date!) { confirmToldOfSeriousIncident(notificationId: $id, toldOn: $on) { id } }`;

  it("a told partner's safeguarding lead sees it without the child; its practitioners and partners not told see nothing", async () => {
    const seen = await graph.query<any>(view, { id }, policeLead);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.seriousIncidentNotification).toMatchObject({ id, dateAware: '2026-11-17', children: [] });
    expect(
      (
        await graph.query<any>(`{ seriousIncidentNotifications(first: 50) { nodes { id } } }`, {}, policeLead)
      ).data.seriousIncidentNotifications.nodes.map((n: any) => n.id),
    ).toContain(id);
    expect(
      (await graph.query<any>(view, { id }, { as: 'sussex-police-officer' })).data.seriousIncidentNotification,
    ).toBeNull();
    expect(
      (await graph.query<any>(view, { id }, { as: 'sussex-community-safeguarding-lead' })).data
        .seriousIncidentNotification,
    ).toBeNull();
    // Party to the case: the partnership's staff and the Panel see the child.
    expect((await graph.query<any>(view, { id }, manager)).data.seriousIncidentNotification.children).toEqual([
      { reference: 'CHILD-SI-OBL-7' },
    ]);
    expect((await graph.query<any>(view, { id }, panel)).data.seriousIncidentNotification.children).toEqual([
      { reference: 'CHILD-SI-OBL-7' },
    ]);
  });

  it('only a listed partner confirms, once, on a possible date; the LA sees who has; PARTNERS_TOLD is met when all have', async () => {
    const refusals = [
      [
        await graph.query<any>(confirm, { id, on: '2026-11-16' }, policeLead),
        { code: 'BAD_USER_INPUT', field: 'toldOn' },
      ],
      [
        await graph.query<any>(confirm, { id, on: '2026-11-23' }, policeLead),
        { code: 'BAD_USER_INPUT', field: 'toldOn' },
      ],
      [
        await graph.query<any>(confirm, { id, on: '2026-11-18' }, { as: 'sussex-police-officer' }),
        { code: 'FORBIDDEN' },
      ],
      [
        await graph.query<any>(confirm, { id, on: '2026-11-18' }, { as: 'sussex-community-safeguarding-lead' }),
        { code: 'NOT_FOUND' },
      ],
      // The LA's own business manager is not the partner: it records toldOn, it does not confirm for the partner.
      [await graph.query<any>(confirm, { id, on: '2026-11-18' }, manager), { code: 'FORBIDDEN' }],
    ] as const;
    for (const [result, extensions] of refusals) expect(result.errors?.[0]?.extensions).toMatchObject(extensions);
    expect((await obligation(reviews(), 'PARTNERS_TOLD_OF_INCIDENT', id)).status).toBe('OPEN');

    const confirmed = await graph.query<any>(confirm, { id, on: '2026-11-18' }, policeLead);
    expect(confirmed.errors).toBeUndefined();
    expect(
      (await graph.query<any>(confirm, { id, on: '2026-11-19' }, policeLead)).errors?.[0]?.extensions,
    ).toMatchObject({ code: 'CONFLICT' });
    const audited = await reviews()
      .db.getRepository(AuditRecord)
      .findBy({ entityType: 'PartnerTold', action: 'UPDATE' as never });
    expect(audited.length).toBe(1);

    const la = (await graph.query<any>(view, { id }, manager)).data.seriousIncidentNotification.partnersTold;
    expect(la).toEqual(
      [
        { organisation: { id: sussexPolice }, toldOn: null, confirmed: true, confirmedToldOn: '2026-11-18' },
        { organisation: { id: sussexIcb }, toldOn: null, confirmed: false, confirmedToldOn: null },
      ].sort((a, b) => a.organisation.id.localeCompare(b.organisation.id)),
    );
    expect((await obligation(reviews(), 'PARTNERS_TOLD_OF_INCIDENT', id)).status).toBe('OPEN');

    const icb = await graph.query<any>(confirm, { id, on: '2026-11-20' }, await asIcbLead());
    expect(icb.errors).toBeUndefined();
    const met = await obligation(reviews(), 'PARTNERS_TOLD_OF_INCIDENT', id);
    expect(met).toMatchObject({ status: 'MET', metOn: '2026-11-20' });
    expect((await eventsOf(reviews(), met)).map((e) => e.type)).toEqual(['obligation.opened', 'obligation.met']);
  });
});

describe("rapid review and the Panel's response", () => {
  it("meets the rapid review when sent, opens the Panel's response owed to the partnership, meets it when the Panel responds", async () => {
    today = '2026-11-22';
    const id = await notified('SI-OBL-RR', '2026-10-01', { dateNotified: '2026-10-05' });
    const rapid = (
      await graph.query<any>(
        `mutation ($id: ID!) { openRapidReview(notificationId: $id, openedOn: "2026-10-06") { id } }`,
        { id },
        manager,
      )
    ).data.openRapidReview;
    const rapidDuty = await obligation(reviews(), 'RAPID_REVIEW', id);
    expect(rapidDuty).toMatchObject({ due: '2026-10-26', status: 'OPEN' });
    await expectAudienceMatchesReaders(audienceOf(rapidDuty), async (as) => {
      const result = await graph.query<any>(
        `query ($id: ID!) { rapidReview(id: $id) { id } }`,
        { id: rapid.id },
        { as },
      );
      return result.data?.rapidReview != null;
    });
    const decided = await graph.query<any>(
      `mutation ($input: DecideRapidReviewInput!) { decideRapidReview(input: $input) { status } }`,
      {
        input: {
          rapidReviewId: rapid.id,
          decidedOn: '2026-10-15',
          localPracticeReview: true,
          nationalReviewRecommended: false,
          reasons: 'Learning',
        },
      },
      manager,
    );
    expect(decided.errors).toBeUndefined();
    // Deciding moves no clock: nothing written.
    expect(await eventsOf(reviews(), rapidDuty)).toEqual([{ type: 'obligation.opened', sequence: 1 }]);
    await graph.query<any>(
      `mutation ($id: ID!) { sendRapidReviewToPanel(id: $id, sentOn: "2026-10-20") { status } }`,
      { id: rapid.id },
      manager,
    );
    expect(await obligation(reviews(), 'RAPID_REVIEW', id)).toMatchObject({ status: 'MET', metOn: '2026-10-20' });
    const response = await obligation(reviews(), 'PANEL_RESPONSE', rapid.id);
    expect(response).toMatchObject({
      entityType: 'RapidReview',
      ownerOrganisationId: null,
      ownerPartnershipId: null,
      owedTo: 'PARTNERSHIP',
      due: '2026-11-10',
      rule: '15 working days after 2026-10-20',
      status: 'OPEN',
    });
    expect(audienceOf(response)).toEqual(audienceOf(rapidDuty));
    const responded = await graph.query<any>(
      `mutation ($input: RecordPanelResponseInput!) { recordRapidReviewPanelResponse(input: $input) { status } }`,
      {
        input: { rapidReviewId: rapid.id, respondedOn: '2026-11-03', agreed: true, response: 'Agreed' },
      },
      panel,
    );
    expect(responded.errors).toBeUndefined();
    expect(await obligation(reviews(), 'PANEL_RESPONSE', rapid.id)).toMatchObject({
      status: 'MET',
      metOn: '2026-11-03',
    });
  });
});

describe('practice review: publication in 6 months and the report to the Panel before it', () => {
  it("opens both at the decision and meets each as it happens, matching the review's own deadlines", async () => {
    today = '2026-11-22';
    const fields = 'id publicationDeadline { due rule } reportToPanelDeadline { due rule }';
    const recorded = await graph.query<any>(
      `mutation ($input: RecordPracticeReviewDecisionInput!) { recordPracticeReviewDecision(input: $input) { ${fields} } }`,
      {
        input: {
          partnershipId: westSussex,
          kind: 'LOCAL',
          title: 'Child O (obligations test)',
          decisionDate: '2026-08-31',
        },
      },
      manager,
    );
    expect(recorded.errors).toBeUndefined();
    const review = recorded.data.recordPracticeReviewDecision;
    const publication = await obligation(reviews(), 'PRACTICE_REVIEW_PUBLICATION', review.id);
    const report = await obligation(reviews(), 'PRACTICE_REVIEW_TO_PANEL', review.id);
    expect({ due: publication.due, rule: publication.rule }).toEqual(review.publicationDeadline);
    expect({ due: report.due, rule: report.rule }).toEqual(review.reportToPanelDeadline);
    expect(publication).toMatchObject({
      due: '2027-02-28',
      owedTo: 'NATIONAL_PANEL',
      ownerPartnershipId: westSussex,
      ownerOrganisationId: null,
      status: 'OPEN',
    });
    await expectAudienceMatchesReaders(audienceOf(publication), async (as) => {
      const result = await graph.query<any>(
        `query ($id: ID!) { practiceReview(id: $id) { id } }`,
        { id: review.id },
        { as },
      );
      return result.data?.practiceReview != null;
    });
    await graph.query<any>(
      `mutation ($id: ID!) { sendPracticeReviewReport(id: $id, sentOn: "2026-11-10") { status } }`,
      { id: review.id },
      manager,
    );
    expect(await obligation(reviews(), 'PRACTICE_REVIEW_TO_PANEL', review.id)).toMatchObject({
      status: 'MET',
      metOn: '2026-11-10',
    });
    expect((await obligation(reviews(), 'PRACTICE_REVIEW_PUBLICATION', review.id)).status).toBe('OPEN');
    await graph.query<any>(
      `mutation ($id: ID!) { publishPracticeReview(id: $id, publishedOn: "2026-11-20", publicationUrl: "https://example.org/o") { status } }`,
      { id: review.id },
      manager,
    );
    expect(await obligation(reviews(), 'PRACTICE_REVIEW_PUBLICATION', review.id)).toMatchObject({
      status: 'MET',
      metOn: '2026-11-20',
    });
  });
});

describe('review actions', () => {
  it("owed by the owning agency to the partnership, seen by it and the partnership's staff, met when completed", async () => {
    today = '2026-11-22';
    const recommendation = (
      await graph.query<any>(
        `mutation ($input: AddRecommendationInput!) { addRecommendation(input: $input) { id } }`,
        {
          input: {
            practiceReviewId: demoReviewIds.practiceReviewChildQ,
            text: 'Joint chronologies (obligations test)',
            ownerKind: 'AGENCY',
            ownerId: demoIds.agencies.sussexCommunityTrust,
          },
        },
        manager,
      )
    ).data.addRecommendation;
    const added = await graph.query<any>(
      `mutation ($input: AddReviewActionInput!) { addReviewAction(input: $input) { id deadline { due rule } } }`,
      {
        input: {
          recommendationId: recommendation.id,
          description: 'Template (obligations test)',
          ownerKind: 'AGENCY',
          ownerId: demoIds.agencies.sussexCommunityTrust,
          dueOn: '2027-01-31',
        },
      },
      manager,
    );
    const action = added.data.addReviewAction;
    const duty = await obligation(reviews(), 'REVIEW_ACTION', action.id);
    expect(duty).toMatchObject({
      ownerOrganisationId: demoIds.agencies.sussexCommunityTrust,
      ownerPartnershipId: westSussex,
      owedTo: 'PARTNERSHIP',
      status: 'OPEN',
    });
    expect({ due: duty.due, rule: duty.rule }).toEqual(action.deadline);
    expect(audienceOf(duty)).toEqual({
      organisationIds: [demoIds.agencies.sussexCommunityTrust],
      organisationRoles: [],
      partnershipIds: [westSussex],
      partnershipRoles: staff,
      nationalRoles: [],
    });
    await expectAudienceMatchesReaders(audienceOf(duty), async (as) => {
      const result = await graph.query<any>(
        `query ($id: ID!) { reviewAction(id: $id) { id } }`,
        { id: action.id },
        { as },
      );
      return result.data?.reviewAction != null;
    });
    const progress = `mutation ($input: ProgressReviewActionInput!) { progressReviewAction(input: $input) { status } }`;
    await graph.query<any>(
      progress,
      { input: { id: action.id, to: 'IN_PROGRESS', on: '2026-11-20' } },
      { as: 'sussex-health-visitor' },
    );
    expect((await obligation(reviews(), 'REVIEW_ACTION', action.id)).status).toBe('OPEN');
    await graph.query<any>(
      progress,
      { input: { id: action.id, to: 'COMPLETED', on: '2026-11-21' } },
      { as: 'sussex-health-visitor' },
    );
    expect(await obligation(reviews(), 'REVIEW_ACTION', action.id)).toMatchObject({
      status: 'MET',
      metOn: '2026-11-21',
    });
    expect((await eventsOf(reviews(), duty)).map((e) => e.type)).toEqual(['obligation.opened', 'obligation.met']);
  });
});

describe("child death: CDOP notification in the partnership's hours, and the review's stages", () => {
  it("opens the notification and each stage, seen by the partnership's staff alone, and meets each as recorded", async () => {
    today = '2026-11-22';
    const recorded = await graph.query<any>(
      `mutation ($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { id cdopNotificationDeadline { due rule } reviewMeetingDeadline { due rule } panelReviewDeadline { due rule } } }`,
      {
        input: {
          partnershipId: westSussex,
          localAuthorityGssCode: 'E10000032',
          integratedCareBoardOdsCode: 'QNX',
          childReference: 'CDR-OBL-1',
          ageAtDeathYears: 2,
          dateOfDeath: '2026-11-21',
          jointAgencyResponseNeeded: false,
        },
      },
      manager,
    );
    expect(recorded.errors).toBeUndefined();
    const review = recorded.data.recordChildDeath;
    const cdop = await obligation(reviews(), 'CHILD_DEATH_NOTIFICATION', review.id);
    expect(cdop).toMatchObject({
      ownerOrganisationId: westSussexCouncil,
      ownerPartnershipId: westSussex,
      owedTo: 'CHILD_DEATH_REVIEW_PARTNERS',
      status: 'OPEN',
    });
    expect({ due: cdop.due, rule: cdop.rule }).toEqual(review.cdopNotificationDeadline);
    expect(cdop.rule).toMatch(/^\d+ hours after death on 2026-11-21 \(local practice\)$/);
    const meeting = await obligation(reviews(), 'CHILD_DEATH_REVIEW_STAGE', review.id, 'REVIEW_MEETING');
    const panelReview = await obligation(reviews(), 'CHILD_DEATH_REVIEW_STAGE', review.id, 'PANEL_REVIEW');
    expect({ due: meeting.due, rule: meeting.rule }).toEqual(review.reviewMeetingDeadline);
    expect({ due: panelReview.due, rule: panelReview.rule }).toEqual(review.panelReviewDeadline);
    expect(audienceOf(cdop)).toEqual({
      organisationIds: [],
      organisationRoles: [],
      partnershipIds: [westSussex],
      partnershipRoles: staff,
      nationalRoles: [],
    });
    await expectAudienceMatchesReaders(audienceOf(cdop), async (as) => {
      const result = await graph.query<any>(
        `query ($id: ID!) { childDeathReview(id: $id) { id } }`,
        { id: review.id },
        { as },
      );
      return result.data?.childDeathReview != null;
    });
    await graph.query<any>(
      `mutation ($id: ID!) { markCdopNotified(id: $id, notifiedOn: "2026-11-22") { id } }`,
      { id: review.id },
      manager,
    );
    expect(await obligation(reviews(), 'CHILD_DEATH_NOTIFICATION', review.id)).toMatchObject({
      status: 'MET',
      metOn: '2026-11-22',
    });
    await graph.query<any>(
      `mutation ($id: ID!) { recordChildDeathReviewMeeting(id: $id, meetingOn: "2026-11-22") { id } }`,
      { id: review.id },
      manager,
    );
    expect(await obligation(reviews(), 'CHILD_DEATH_REVIEW_STAGE', review.id, 'REVIEW_MEETING')).toMatchObject({
      status: 'MET',
      metOn: '2026-11-22',
    });
    expect((await obligation(reviews(), 'CHILD_DEATH_REVIEW_STAGE', review.id, 'PANEL_REVIEW')).status).toBe('OPEN');
  });
});

describe('yearly report: 30 September, and sent to the Panel and Foundations within 7 days', () => {
  const eastSussex = demoIds.partnerships.eastSussex;

  it('a year with no report recorded is owed (demo data reconciled at start) and met on publication; sending is owed to each recipient', async () => {
    today = '2026-11-22';
    const owed = await obligation(partnerships(), 'YEARLY_REPORT', eastSussex, '2025-26');
    expect(owed).toMatchObject({
      entityType: 'Partnership',
      ownerOrganisationId: null,
      ownerPartnershipId: eastSussex,
      due: '2026-09-30',
      rule: '30 September after the financial year 2025-26 ends',
      status: 'OPEN',
    });
    expect(owed.basis).toContain('s16G');
    const audience = audienceOf(owed);
    await expectAudienceMatchesReaders(audience, async (as) => {
      const own = await graph.query<any>(
        `query ($p: ID!) { partnership(id: $p) { yearlyReportObligations { nodes { financialYear } } } }`,
        { p: eastSussex },
        { as },
      );
      if ((own.data?.partnership?.yearlyReportObligations?.nodes ?? []).some((o: any) => o.financialYear === '2025-26'))
        return true;
      const national = await graph.query<any>(
        `{ yearlyReportCompliance(financialYear: "2025-26", first: 100) { nodes { partnership { id } } } }`,
        {},
        { as },
      );
      return (national.data?.yearlyReportCompliance?.nodes ?? []).some((c: any) => c.partnership.id === eastSussex);
    });

    const eastManager = { as: 'east-sussex-business-manager' } as const;
    const report = (
      await graph.query<any>(
        `mutation ($input: RecordYearlyReportInput!) { recordYearlyReport(input: $input) { id } }`,
        {
          input: { partnershipId: eastSussex, financialYear: '2025-26', hasSecureEstablishment: false },
        },
        eastManager,
      )
    ).data.recordYearlyReport;
    const update = `mutation ($id: ID!, $input: UpdateYearlyReportInput!) { updateYearlyReport(id: $id, input: $input) { id publicationDeadline { due rule } } }`;
    const published = await graph.query<any>(
      update,
      { id: report.id, input: { publishedOn: '2026-11-16', publicationUrl: 'https://example.org/es-2025-26' } },
      eastManager,
    );
    expect(published.errors).toBeUndefined();
    const met = await obligation(partnerships(), 'YEARLY_REPORT', eastSussex, '2025-26');
    expect(met).toMatchObject({ status: 'MET', metOn: '2026-11-16' });
    expect({ due: met.due, rule: met.rule }).toEqual(published.data.updateYearlyReport.publicationDeadline);
    const toPanel = await obligation(partnerships(), 'YEARLY_REPORT_SENT', report.id, 'NATIONAL_PANEL');
    const toFoundations = await obligation(partnerships(), 'YEARLY_REPORT_SENT', report.id, 'FOUNDATIONS');
    expect(toPanel).toMatchObject({
      entityType: 'YearlyReport',
      owedTo: 'NATIONAL_PANEL',
      due: '2026-11-23',
      rule: '7 days after 2026-11-16',
      status: 'OPEN',
    });
    expect(toFoundations).toMatchObject({ owedTo: 'FOUNDATIONS', due: '2026-11-23', status: 'OPEN' });
    await graph.query<any>(update, { id: report.id, input: { sentToPanelOn: '2026-11-18' } }, eastManager);
    expect(await obligation(partnerships(), 'YEARLY_REPORT_SENT', report.id, 'NATIONAL_PANEL')).toMatchObject({
      status: 'MET',
      metOn: '2026-11-18',
    });
    expect((await obligation(partnerships(), 'YEARLY_REPORT_SENT', report.id, 'FOUNDATIONS')).status).toBe('OPEN');
    expect((await eventsOf(partnerships(), met)).map((e) => e.type)).toEqual(['obligation.opened', 'obligation.met']);
  });
});

describe('yearly report obligations when arrangements end', () => {
  it("cancels the years whose due date falls after dissolution, in the dissolution's transaction", async () => {
    today = '2026-11-22';
    const brighton = demoIds.partnerships.brightonAndHove;
    const administrator: Identity = {
      subject: 'test:brighton-business-manager',
      organisation: {
        id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' }),
        kind: 'LOCAL_AUTHORITY',
      },
      roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
      partnershipIds: [brighton],
    };
    const token = await mintDevelopmentToken(administrator, {
      secret: graph.secrets.jwt,
      issuer: 'test-issuer',
      audience: 'test-audience',
    });
    const before = await obligation(partnerships(), 'YEARLY_REPORT', brighton, '2024-25');
    expect(before.status).toBe('OPEN');
    expect((await obligation(partnerships(), 'YEARLY_REPORT', brighton, '2026-27')).status).toBe('OPEN');
    const dissolved = await graph.query<any>(
      `mutation ($id: ID!) { dissolvePartnership(id: $id, dissolvedOn: "2026-09-01") { status } }`,
      { id: brighton },
      { authorization: `Bearer ${token}` },
    );
    expect(dissolved.errors).toBeUndefined();
    // Still owed: 2024-25 was due on 30 September 2025, while the arrangements were in force.
    expect((await obligation(partnerships(), 'YEARLY_REPORT', brighton, '2024-25')).status).toBe('OPEN');
    for (const year of ['2025-26', '2026-27']) {
      const row = await obligation(partnerships(), 'YEARLY_REPORT', brighton, year);
      expect(row.status).toBe('CANCELLED');
      expect((await eventsOf(partnerships(), row)).map((e) => e.type)).toEqual([
        'obligation.opened',
        'obligation.cancelled',
      ]);
    }
  });
});

describe('a change that rolls back writes no obligation and no event', () => {
  it('leaves nothing when the transaction fails after the ledger wrote', async () => {
    today = '2026-11-22';
    const db = reviews().db;
    const obligationsBefore = await db.getRepository(Obligation).count();
    const eventsBefore = await db.getRepository(OutboxEvent).count();
    // The audit record is written last in the transaction: refusing it fails the change after its obligations.
    if (onMysql) {
      await db.query(
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test'",
      );
    } else {
      await db.query(
        "CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_records BEGIN SELECT RAISE(ABORT, 'refused by test'); END",
      );
    }
    try {
      const result = await graph.query<any>(
        notify,
        { input: incident('SI-OBL-RB', '2026-11-18', { dateNotified: '2026-11-19' }) },
        manager,
      );
      expect(result.errors?.length).toBeGreaterThan(0);
    } finally {
      await db.query('DROP TRIGGER refuse_audit');
    }
    expect(await db.getRepository(SeriousIncidentNotification).countBy({ caseReference: 'SI-OBL-RB' })).toBe(0);
    expect(await db.getRepository(Obligation).count()).toBe(obligationsBefore);
    expect(await db.getRepository(OutboxEvent).count()).toBe(eventsBefore);
  });
});

describe('start-up reconciliation', () => {
  const config = testConfig();
  const runtimeOf = (subgraph: RunningSubgraph): SubgraphRuntime => ({
    db: subgraph.db,
    logger: createLogger('test', 'silent'),
    reference: ReferenceData.load(config.REFERENCE_DATA_DIR),
    calendar: WorkingDayCalendar.fromFile(path.join(config.REFERENCE_DATA_DIR, 'bank-holidays-england-and-wales.json')),
    now: () => new Date(`${today}T12:00:00Z`),
  });

  async function reconcile(
    definition: SubgraphDefinition,
    subgraph: RunningSubgraph,
  ): Promise<{ statements: number; obligations: number; events: number }> {
    const before = subgraph.statements.count;
    await definition.reconcileObligations!(runtimeOf(subgraph));
    return {
      statements: subgraph.statements.count - before,
      obligations: await subgraph.db.getRepository(Obligation).count(),
      events: await subgraph.db.getRepository(OutboxEvent).count(),
    };
  }

  /** Old rows written straight to the table, as a load before the clocks were obligations would have. */
  async function insertOldNotifications(count: number, tag: string): Promise<string[]> {
    const rows = Array.from({ length: count }, (_, i) =>
      Object.assign(new SeriousIncidentNotification(), {
        id: `0000${tag}-0000-4000-8000-${String(i).padStart(12, '0')}`,
        partnershipId: westSussex,
        caseReference: `SI-OLD-${tag}-${i}`,
        localAuthorityGssCode: 'E10000032',
        localAuthorityId: westSussexCouncil,
        dateAware: '2026-11-02',
        dateNotified: null,
        status: 'DRAFT',
        death: false,
        seriousHarm: true,
        abuseOrNeglect: true,
        lookedAfterChildDeath: false,
        careLeaverDeath: false,
        careLeaverAgeAtDeath: null,
      }),
    );
    await reviews().db.getRepository(SeriousIncidentNotification).insert(rows);
    return rows.map((row) => row.id);
  }

  it("found the demo data's obligations at start", async () => {
    expect(await obligation(reviews(), 'SERIOUS_INCIDENT_NOTIFICATION', demoReviewIds.draft)).toMatchObject({
      status: 'OPEN',
    });
    expect(await obligation(reviews(), 'REVIEW_ACTION', demoReviewIds.overdueAction)).toMatchObject({ status: 'OPEN' });
  });

  it('a second run writes nothing, on both subgraphs', async () => {
    for (const [definition, subgraph] of [
      [reviewsSubgraph, reviews()],
      [partnershipsSubgraph, partnerships()],
    ] as const) {
      const first = await reconcile(definition, subgraph);
      const second = await reconcile(definition, subgraph);
      expect(second).toEqual(first);
    }
  });

  it("opens old rows' obligations, with a statement count that does not grow with the rows, and then writes nothing", async () => {
    const idle = await reconcile(reviewsSubgraph, reviews());
    const few = await insertOldNotifications(5, 'aaaa');
    const writingFew = await reconcile(reviewsSubgraph, reviews());
    expect(writingFew.obligations - idle.obligations).toBe(10);
    const many = await insertOldNotifications(60, 'bbbb');
    const writingMany = await reconcile(reviewsSubgraph, reviews());
    expect(writingMany.obligations - writingFew.obligations).toBe(120);
    expect(writingMany.events - writingFew.events).toBe(120);
    expect(writingMany.statements).toBe(writingFew.statements);
    const idleAgain = await reconcile(reviewsSubgraph, reviews());
    expect(idleAgain.statements).toBe(idle.statements);
    expect(idleAgain.events).toBe(writingMany.events);
    const opened = await reviews()
      .db.getRepository(Obligation)
      .findBy({ kind: 'SERIOUS_INCIDENT_NOTIFICATION', entityId: In([...few, ...many]) });
    expect(opened).toHaveLength(65);
    expect(opened.every((row) => row.status === 'OPEN' && row.due === '2026-11-09')).toBe(true);

    // Two replicas starting together: they take turns, and the second writes nothing.
    const together = await insertOldNotifications(8, 'cccc');
    const settled = await reconcile(reviewsSubgraph, reviews());
    // Lost rows (as if never written) are opened again, once, whichever replica gets there first.
    await reviews()
      .db.getRepository(Obligation)
      .delete({ entityId: In(together) });
    await Promise.all([reconcile(reviewsSubgraph, reviews()), reconcile(reviewsSubgraph, reviews())]);
    expect(
      await reviews()
        .db.getRepository(Obligation)
        .countBy({ entityId: In(together) }),
    ).toBe(16);
    expect(await reviews().db.getRepository(OutboxEvent).count()).toBe(settled.events + 16);

    // Sent outside the services: the next start meets it; deleted: cancels it.
    await reviews()
      .db.getRepository(SeriousIncidentNotification)
      .update({ id: few[0]! }, { status: 'SENT' as never, dateNotified: '2026-11-06' });
    await reviews().db.getRepository(SeriousIncidentNotification).delete({ id: few[1]! });
    await reconcile(reviewsSubgraph, reviews());
    expect(await obligation(reviews(), 'SERIOUS_INCIDENT_NOTIFICATION', few[0]!)).toMatchObject({
      status: 'MET',
      metOn: '2026-11-06',
    });
    expect(await obligation(reviews(), 'SERIOUS_INCIDENT_NOTIFICATION', few[1]!)).toMatchObject({
      status: 'CANCELLED',
    });
  });
});

describe('a real second start', () => {
  const prefix = `test_${process.pid}_oblrestart_`;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'obligations-restart-'));
  afterAll(async () => {
    fs.rmSync(directory, { recursive: true, force: true });
    await dropDatabases(testConfig({ DATABASE_NAME_PREFIX: prefix }));
  });

  it('writes no obligation and no event when the same databases start again', async () => {
    const start = () =>
      startGraph({
        overrides: { DATA_DIR: directory, DATABASE_NAME_PREFIX: prefix },
        keepDatabases: true,
        now: () => new Date('2026-11-22T12:00:00Z'),
      });
    const counts = async (started: TestGraph) => {
      const result: Record<string, { obligations: number; events: number }> = {};
      for (const name of ['reviews', 'partnerships'] as const) {
        const db = started.subgraphs[name].db;
        result[name] = {
          obligations: await db.getRepository(Obligation).count(),
          events: await db.getRepository(OutboxEvent).count(),
        };
      }
      return result;
    };
    const first = await start();
    const afterFirst = await counts(first);
    await first.stop();
    expect(afterFirst['reviews']!.obligations).toBeGreaterThan(0);
    expect(afterFirst['partnerships']!.obligations).toBeGreaterThan(0);
    const second = await start();
    try {
      expect(await counts(second)).toEqual(afterFirst);
    } finally {
      await second.stop();
    }
  });
});
