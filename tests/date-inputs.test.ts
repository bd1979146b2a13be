import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, getNamedType, isInputObjectType, type GraphQLInputType } from 'graphql';
import { demoIds, nameBasedId, statutoryOrganisationId } from '@safeguarding/shared';
import { demoReviewIds } from '../subgraphs/reviews/src/demo/demo-data';
import { at, dataOf, firstError, present, startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/**
 * Issue 14 item 6: every Date a mutation takes is checked against what is possible. The registry
 * classifies each one found in schema.graphql, so a new Date input fails this file until someone
 * decides what it records:
 *   PAST  records something that happened: refused after today;
 *   DUE   a due date set now: refused before today;
 *   OTHER anything else, with the reason.
 * Keys are the mutation and the path to the field inside its arguments, lists left out.
 */
type Kind = { kind: 'PAST' } | { kind: 'DUE' } | { kind: 'OTHER'; reason: string };
const PAST = { kind: 'PAST' } as const;
const DUE = { kind: 'DUE' } as const;
const other = (reason: string): Kind => ({ kind: 'OTHER', reason });

const registry: Record<string, Kind> = {
  'activatePartnership.activeFrom': other('a partnership may be set to come into force on a planned day'),
  'addDelegatedSafeguardingPartner.input.delegatedFrom': other('a delegation may be agreed to start on a planned day'),
  'addReviewAction.input.dueOn': DUE,
  'addReviewerToPool.input.joinedPoolOn': PAST,
  'completeSchoolSafeguardingAction.input.completedOn': PAST,
  'completeSection11Action.input.completedOn': PAST,
  'confirmFileTransferReceipt.input.receivedOn': PAST,
  'confirmToldOfSeriousIncident.toldOn': PAST,
  'decideRapidReview.input.decidedOn': PAST,
  'designateRelevantAgency.input.designatedFrom': other('a designation may be published ahead of the day it starts'),
  'designateSchools.input.designatedFrom': other('a designation may be published ahead of the day it starts'),
  'dissolvePartnership.dissolvedOn': other('a dissolution may be agreed ahead of the day it takes effect'),
  'endRelevantAgencyDesignation.input.designatedUntil': other(
    'a designation may be ended from a planned day; not before it began is checked',
  ),
  'endSchoolDesignation.input.designatedUntil': other(
    'a designation may be ended from a planned day; not before it began is checked',
  ),
  'escalateProfessionalDisagreement.input.escalatedOn': PAST,
  'markCdopNotified.notifiedOn': PAST,
  'markFileTransferSent.input.sentOn': PAST,
  'markSeriousIncidentNotified.dateNotified': PAST,
  'nameLeadSafeguardingPartner.input.namedOn': PAST,
  'notifySeriousIncident.input.dateAware': PAST,
  'notifySeriousIncident.input.dateNotified': PAST,
  'notifySeriousIncident.input.partnersTold.toldOn': PAST,
  'openRapidReview.openedOn': PAST,
  'progressReviewAction.input.on': PAST,
  'publishArrangements.input.publishedOn': PAST,
  'publishArrangements.input.scrutinyReports.publishedOn': PAST,
  'publishArrangements.input.signOffs.signedOn': PAST,
  'publishPracticeReview.publishedOn': PAST,
  'raiseProfessionalDisagreement.input.raisedOn': PAST,
  'recordChildDeath.input.cdopNotifiedOn': PAST,
  'recordChildDeath.input.dateOfDeath': PAST,
  'recordChildDeathPanelReview.input.panelReviewOn': PAST,
  'recordChildDeathReviewMeeting.meetingOn': PAST,
  'recordFileTransfer.input.leftOn': PAST,
  'recordPartnerTold.input.toldOn': PAST,
  'recordPracticeReviewDecision.input.decisionDate': PAST,
  'recordRapidReviewPanelResponse.input.respondedOn': PAST,
  'registerRelevantAgency.input.openedOn': other(
    'an agency may be registered before it opens (its closedOn is the date that must be past)',
  ),
  'removeReviewerFromPool.leftPoolOn': PAST,
  'resolveProfessionalDisagreement.input.agreedActions.dueOn': DUE,
  'resolveProfessionalDisagreement.input.resolvedOn': PAST,
  'sendPracticeReviewReport.sentOn': PAST,
  'sendRapidReviewToPanel.sentOn': PAST,
  'setSafeguardingLeads.input.leads.lastTrainedOn': PAST,
  'setSchoolCalendar.input.closureDays.date': other(
    'a school calendar plans the year: closure days are mostly still to come',
  ),
  'setSchoolCalendar.input.from': other('a school calendar plans the year ahead'),
  'setSchoolCalendar.input.to': other('a school calendar plans the year ahead'),
  'submitSchoolSafeguardingReturn.input.standards.actions.dueOn': DUE,
  'submitSection11Return.input.standards.actions.dueOn': DUE,
  'updateYearlyReport.input.publishedOn': PAST,
  'updateYearlyReport.input.sentToFoundationsOn': PAST,
  'updateYearlyReport.input.sentToPanelOn': PAST,
};

function dateInputsOfMutations(): string[] {
  const schema = buildSchema(readFileSync(join(__dirname, '..', 'schema.graphql'), 'utf8'));
  const found: string[] = [];
  const walk = (type: GraphQLInputType, path: string, within: ReadonlySet<string>): void => {
    const named = getNamedType(type);
    if (named.name === 'Date') found.push(path);
    else if (isInputObjectType(named) && !within.has(named.name)) {
      for (const field of Object.values(named.getFields()))
        walk(field.type, `${path}.${field.name}`, new Set([...within, named.name]));
    }
  };
  for (const mutation of Object.values(present(schema.getMutationType(), 'the Mutation type').getFields())) {
    for (const argument of mutation.args) walk(argument.type, `${mutation.name}.${argument.name}`, new Set());
  }
  return found.sort();
}

describe('the registry of Date inputs', () => {
  it('classifies every Date argument and input field of every mutation, and nothing that is gone', () => {
    const inSchema = dateInputsOfMutations();
    expect(inSchema.length).toBeGreaterThan(0);
    expect(inSchema.filter((key) => !(key in registry))).toEqual([]);
    expect(Object.keys(registry).filter((key) => !inSchema.includes(key))).toEqual([]);
    for (const [key, entry] of Object.entries(registry))
      if (entry.kind === 'OTHER') expect([key, entry.reason.length > 10]).toEqual([key, true]);
  });
});

// A fixed clock so the demo data's dates (November 2026) stay in place.
const today = '2026-11-23';
const tomorrow = '2026-11-24';
const yesterday = '2026-11-22';
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date(`${today}T12:00:00Z`) });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const eastSussex = demoIds.partnerships.eastSussex;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
const reviewsId = (name: string) => nameBasedId(`demo:reviews:${name}`);
const manager = 'west-sussex-business-manager';

const expectRefused = (key: string, result: GraphQLResponse<unknown>, field: string) => {
  // The key travels with the refusal so a failure says which input let the impossible date through.
  expect([key, result.errors?.[0]?.extensions?.['code'], result.errors?.[0]?.extensions?.['field']]).toEqual([
    key,
    'BAD_USER_INPUT',
    field,
  ]);
  expect([key, result.data ?? null]).toEqual([key, null]);
};

const probed = new Set<string>();
/** One impossible value for the registry entry `key`, expecting BAD_USER_INPUT naming `field`. */
async function probe(
  key: string,
  field: string,
  document: string,
  variables: Record<string, unknown>,
  as: string,
  reason?: RegExp,
): Promise<void> {
  expect([key, registry[key]?.kind === 'PAST' || registry[key]?.kind === 'DUE']).toEqual([key, true]);
  const result = await graph.query(document, variables, { as });
  expectRefused(key, result, field);
  // Refused for the date itself, not for some other rule the probe happened to break.
  expect([key, firstError(result).message]).toEqual([
    key,
    expect.stringMatching(reason ?? (present(registry[key], key).kind === 'PAST' ? /future/ : /today|past/)),
  ]);
  probed.add(key);
}
const impossible = (key: string) => (present(registry[key], key).kind === 'DUE' ? yesterday : tomorrow);

describe('each PAST and DUE input refuses an impossible day, naming its field, changing nothing', () => {
  it('reviews: reviewers, notifications, rapid and practice reviews, child deaths, actions', async () => {
    const key1 = 'addReviewerToPool.input.joinedPoolOn';
    await probe(
      key1,
      'input.joinedPoolOn',
      `mutation ($on: Date!) { addReviewerToPool(input: { name: "D. Probe", expertise: "Neglect", joinedPoolOn: $on }) { id } }`,
      { on: impossible(key1) },
      'panel-member',
    );
    const pool = await graph.query<{ reviewerPool: { nodes: Array<{ name: string }> } }>(
      `{ reviewerPool(first: 100) { nodes { name } } }`,
      {},
      { as: 'panel-member' },
    );
    expect(dataOf(pool).reviewerPool.nodes.map((r) => r.name)).not.toContain('D. Probe');

    const reviewer = reviewsId('reviewer:1');
    await probe(
      'removeReviewerFromPool.leftPoolOn',
      'leftPoolOn',
      `mutation ($id: ID!, $on: Date!) { removeReviewerFromPool(id: $id, leftPoolOn: $on) { id } }`,
      { id: reviewer, on: tomorrow },
      'panel-member',
    );

    await probe(
      'markSeriousIncidentNotified.dateNotified',
      'dateNotified',
      `mutation ($id: ID!, $on: Date!) { markSeriousIncidentNotified(id: $id, dateNotified: $on) { id } }`,
      { id: demoReviewIds.draft, on: tomorrow },
      manager,
    );
    await probe(
      'openRapidReview.openedOn',
      'openedOn',
      `mutation ($id: ID!, $on: Date!) { openRapidReview(notificationId: $id, openedOn: $on) { id } }`,
      { id: demoReviewIds.careLeaver, on: tomorrow },
      manager,
    );
    await probe(
      'sendRapidReviewToPanel.sentOn',
      'sentOn',
      `mutation ($id: ID!, $on: Date!) { sendRapidReviewToPanel(id: $id, sentOn: $on) { id } }`,
      { id: demoReviewIds.rapidReviewOpen, on: tomorrow },
      manager,
    );
    await probe(
      'decideRapidReview.input.decidedOn',
      'input.decidedOn',
      `mutation ($input: DecideRapidReviewInput!) { decideRapidReview(input: $input) { id } }`,
      {
        input: {
          rapidReviewId: demoReviewIds.rapidReviewOpen,
          decidedOn: tomorrow,
          localPracticeReview: true,
          nationalReviewRecommended: false,
          reasons: 'Probe',
        },
      },
      manager,
    );
    await probe(
      'recordRapidReviewPanelResponse.input.respondedOn',
      'input.respondedOn',
      `mutation ($input: RecordPanelResponseInput!) { recordRapidReviewPanelResponse(input: $input) { id } }`,
      {
        input: {
          rapidReviewId: demoReviewIds.rapidReviewDecided,
          agreed: true,
          respondedOn: tomorrow,
          response: 'Probe',
        },
      },
      'panel-member',
    );
    const rapid = await graph.query(
      `query ($id: ID!) { rapidReview(id: $id) { status sentToPanelOn decidedOn } }`,
      { id: demoReviewIds.rapidReviewOpen },
      { as: manager },
    );
    expect(dataOf(rapid).rapidReview).toMatchObject({ status: 'OPEN', sentToPanelOn: null, decidedOn: null });

    await probe(
      'sendPracticeReviewReport.sentOn',
      'sentOn',
      `mutation ($id: ID!, $on: Date!) { sendPracticeReviewReport(id: $id, sentOn: $on) { id } }`,
      { id: demoReviewIds.practiceReviewChildT, on: tomorrow },
      manager,
    );
    await probe(
      'publishPracticeReview.publishedOn',
      'publishedOn',
      `mutation ($id: ID!, $on: Date!) { publishPracticeReview(id: $id, publishedOn: $on, publicationUrl: "https://example.org/probe") { id } }`,
      { id: demoReviewIds.practiceReviewChildT, on: tomorrow },
      manager,
    );
    await probe(
      'recordPracticeReviewDecision.input.decisionDate',
      'input.decisionDate',
      `mutation ($input: RecordPracticeReviewDecisionInput!) { recordPracticeReviewDecision(input: $input) { id } }`,
      { input: { partnershipId: westSussex, kind: 'LOCAL', title: 'Probe review', decisionDate: tomorrow } },
      manager,
    );

    const death = (overrides: Record<string, unknown>) => ({
      input: {
        partnershipId: westSussex,
        localAuthorityGssCode: 'E10000032',
        integratedCareBoardOdsCode: 'QNX',
        childReference: 'CDR-PROBE',
        ageAtDeathYears: 2,
        dateOfDeath: yesterday,
        jointAgencyResponseNeeded: false,
        ...overrides,
      },
    });
    const recordDeath = `mutation ($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { id } }`;
    await probe(
      'recordChildDeath.input.dateOfDeath',
      'input.dateOfDeath',
      recordDeath,
      death({ dateOfDeath: tomorrow }),
      manager,
    );
    await probe(
      'recordChildDeath.input.cdopNotifiedOn',
      'input.cdopNotifiedOn',
      recordDeath,
      death({ cdopNotifiedOn: tomorrow }),
      manager,
    );
    const cdr = reviewsId('child-death:2026-11');
    await probe(
      'recordChildDeathReviewMeeting.meetingOn',
      'meetingOn',
      `mutation ($id: ID!, $on: Date!) { recordChildDeathReviewMeeting(id: $id, meetingOn: $on) { id } }`,
      { id: cdr, on: tomorrow },
      manager,
    );
    await probe(
      'recordChildDeathPanelReview.input.panelReviewOn',
      'input.panelReviewOn',
      `mutation ($input: RecordChildDeathPanelReviewInput!) { recordChildDeathPanelReview(input: $input) { id } }`,
      {
        input: {
          id: cdr,
          category: 'CHRONIC_MEDICAL_CONDITION',
          modifiableFactorsIdentified: false,
          panelReviewOn: tomorrow,
        },
      },
      manager,
    );
    await probe(
      'markCdopNotified.notifiedOn',
      'notifiedOn',
      `mutation ($id: ID!, $on: Date!) { markCdopNotified(id: $id, notifiedOn: $on) { id } }`,
      { id: reviewsId('child-death:2026-12'), on: tomorrow },
      manager,
    );

    const incident = (overrides: Record<string, unknown>) => ({
      input: {
        partnershipId: westSussex,
        localAuthorityGssCode: 'E10000032',
        caseReference: 'SIN-PROBE',
        dateAware: yesterday,
        children: [
          {
            reference: 'CHILD-PROBE',
            ageYears: 6,
            sex: 'FEMALE',
            ethnicity: 'WBRI',
            onChildProtectionPlan: true,
            lookedAfter: false,
          },
        ],
        criteria: {
          seriousHarm: true,
          abuseOrNeglectKnownOrSuspected: true,
          death: false,
          lookedAfterChildDeath: false,
          careLeaverDeath: false,
        },
        partnersTold: [{ organisationId: sussexPolice }],
        ...overrides,
      },
    });
    const notify = `mutation ($input: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $input) { id } }`;
    await probe(
      'notifySeriousIncident.input.dateAware',
      'input.dateAware',
      notify,
      incident({ dateAware: tomorrow }),
      manager,
    );
    await probe(
      'notifySeriousIncident.input.dateNotified',
      'input.dateNotified',
      notify,
      incident({ dateNotified: tomorrow }),
      manager,
    );
    await probe(
      'notifySeriousIncident.input.partnersTold.toldOn',
      'input.partnersTold.0.toldOn',
      notify,
      incident({ partnersTold: [{ organisationId: sussexPolice, toldOn: tomorrow }] }),
      manager,
    );
    await probe(
      'recordPartnerTold.input.toldOn',
      'input.toldOn',
      `mutation ($id: ID!, $input: PartnerToldInput!) { recordPartnerTold(notificationId: $id, input: $input) { id } }`,
      { id: demoReviewIds.notifiedOnTime, input: { organisationId: westSussexCouncil, toldOn: tomorrow } },
      manager,
    );
    await probe(
      'confirmToldOfSeriousIncident.toldOn',
      'toldOn',
      `mutation ($id: ID!, $on: Date!) { confirmToldOfSeriousIncident(notificationId: $id, toldOn: $on) { id } }`,
      { id: demoReviewIds.notifiedOnTime, on: tomorrow },
      'sussex-police-safeguarding-manager',
    );

    await probe(
      'progressReviewAction.input.on',
      'input.on',
      `mutation ($input: ProgressReviewActionInput!) { progressReviewAction(input: $input) { id } }`,
      { input: { id: demoReviewIds.overdueAction, to: 'IN_PROGRESS', on: tomorrow } },
      manager,
    );
    await probe(
      'addReviewAction.input.dueOn',
      'input.dueOn',
      `mutation ($input: AddReviewActionInput!) { addReviewAction(input: $input) { id } }`,
      {
        input: {
          recommendationId: reviewsId('recommendation:child-q:1'),
          description: 'Probe action',
          ownerKind: 'PARTNERSHIP',
          dueOn: yesterday,
        },
      },
      manager,
    );
  });

  it('partnerships: lead partners, arrangements, yearly reports', async () => {
    const partners = dataOf(
      await graph.query<{ partnership: { partners: Array<{ id: string; kind: string }> } }>(
        `query ($id: ID!) { partnership(id: $id) { partners { id kind } } }`,
        { id: westSussex },
      ),
    ).partnership.partners;
    await probe(
      'nameLeadSafeguardingPartner.input.namedOn',
      'input.namedOn',
      `mutation ($id: ID!, $input: LeadSafeguardingPartnerInput!) { nameLeadSafeguardingPartner(partnerId: $id, input: $input) { id } }`,
      { id: at(partners, 0).id, input: { name: 'F. Probe', office: 'Chief Executive', namedOn: tomorrow } },
      manager,
    );

    const arrangements = (overrides: Record<string, unknown>) => ({
      id: westSussex,
      input: {
        publishedOn: yesterday,
        url: 'https://example.org/arrangements-probe',
        signOffs: partners.map((p) => ({ partnerId: p.id, signedOn: '2026-10-20' })),
        relevantAgencyIds: [],
        relevantSchoolUrns: [],
        educationStrategic: 'Headteachers on the executive',
        educationOperational: 'DSL network',
        scrutineer: 'G. Probe',
        scrutinyFunctions: ['Challenge'],
        scrutinyReports: [
          { title: 'Scrutiny report 2025-26', url: 'https://example.org/scrutiny-probe', publishedOn: '2026-06-30' },
        ],
        childDeathReviewPartnerIds: partners.filter((p) => p.kind !== 'POLICE').map((p) => p.id),
        forums: [],
        ...overrides,
      },
    });
    const publish = `mutation ($id: ID!, $input: PublishArrangementsInput!) { publishArrangements(partnershipId: $id, input: $input) { version } }`;
    type Published = { partnership: { publishedArrangements: { version: number } | null } };
    const versionBefore =
      dataOf(
        await graph.query<Published>(
          `query ($id: ID!) { partnership(id: $id) { publishedArrangements { version } } }`,
          { id: westSussex },
          { as: manager },
        ),
      ).partnership.publishedArrangements?.version ?? null;
    await probe(
      'publishArrangements.input.publishedOn',
      'input.publishedOn',
      publish,
      arrangements({ publishedOn: tomorrow }),
      manager,
    );
    await probe(
      'publishArrangements.input.scrutinyReports.publishedOn',
      'input.scrutinyReports.0.publishedOn',
      publish,
      arrangements({
        scrutinyReports: [
          { title: 'Scrutiny report 2026-27', url: 'https://example.org/scrutiny-probe', publishedOn: tomorrow },
        ],
      }),
      manager,
    );
    await probe(
      'publishArrangements.input.signOffs.signedOn',
      'input.signOffs.0.signedOn',
      publish,
      // A sign-off comes no later than publication, itself not in the future.
      arrangements({
        signOffs: partners.map((p, index) => ({ partnerId: p.id, signedOn: index === 0 ? tomorrow : '2026-10-20' })),
      }),
      manager,
      /after publication/,
    );
    const versionAfter =
      dataOf(
        await graph.query<Published>(
          `query ($id: ID!) { partnership(id: $id) { publishedArrangements { version } } }`,
          { id: westSussex },
          { as: manager },
        ),
      ).partnership.publishedArrangements?.version ?? null;
    expect(versionAfter).toBe(versionBefore);

    type Reports = { partnership: { yearlyReports: { nodes: Array<{ id: string }> } } };
    const reports = dataOf(
      await graph.query<Reports>(
        `query ($id: ID!) { partnership(id: $id) { yearlyReports(first: 1) { nodes { id publishedOn sentToPanelOn sentToFoundationsOn } } } }`,
        { id: westSussex },
        { as: manager },
      ),
    ).partnership.yearlyReports.nodes;
    const report = at(reports, 0);
    const update = `mutation ($id: ID!, $input: UpdateYearlyReportInput!) { updateYearlyReport(id: $id, input: $input) { id } }`;
    await probe(
      'updateYearlyReport.input.publishedOn',
      'input.publishedOn',
      update,
      { id: report.id, input: { publishedOn: tomorrow, publicationUrl: 'https://example.org/yearly-probe' } },
      manager,
    );
    await probe(
      'updateYearlyReport.input.sentToPanelOn',
      'input.sentToPanelOn',
      update,
      { id: report.id, input: { sentToPanelOn: tomorrow } },
      manager,
    );
    await probe(
      'updateYearlyReport.input.sentToFoundationsOn',
      'input.sentToFoundationsOn',
      update,
      { id: report.id, input: { sentToFoundationsOn: tomorrow } },
      manager,
    );
    const after = dataOf(
      await graph.query<Reports>(
        `query ($id: ID!) { partnership(id: $id) { yearlyReports(first: 1) { nodes { id publishedOn sentToPanelOn sentToFoundationsOn } } } }`,
        { id: westSussex },
        { as: manager },
      ),
    ).partnership.yearlyReports.nodes[0];
    expect(after).toEqual(report);
  });

  it('escalations: professional disagreements raised, escalated, resolved', async () => {
    const practitioner = 'sussex-health-visitor';
    const raise = `mutation ($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { id status } }`;
    type Raised = { raiseProfessionalDisagreement: { id: string; status: string } };
    const input = (overrides: Record<string, unknown>) => ({
      input: {
        partnershipId: westSussex,
        caseReference: 'CASE-DATE-PROBE',
        issueType: 'INFORMATION_SHARING',
        summary: 'Date probe (fictional)',
        childAtImmediateRisk: false,
        raisedWithAgencyId: westSussexCouncil,
        ...overrides,
      },
    });
    await probe(
      'raiseProfessionalDisagreement.input.raisedOn',
      'input.raisedOn',
      raise,
      input({ raisedOn: tomorrow }),
      practitioner,
    );
    const raised = await graph.query<Raised>(raise, input({ raisedOn: yesterday }), { as: practitioner });
    expect(raised.errors).toBeUndefined();
    const id = dataOf(raised).raiseProfessionalDisagreement.id;
    await probe(
      'escalateProfessionalDisagreement.input.escalatedOn',
      'input.escalatedOn',
      `mutation ($id: ID!, $input: EscalateProfessionalDisagreementInput!) { escalateProfessionalDisagreement(id: $id, input: $input) { id } }`,
      { id, input: { childAtImmediateRisk: false, reason: 'Probe', escalatedOn: tomorrow } },
      practitioner,
    );
    const resolve = `mutation ($id: ID!, $input: ResolveProfessionalDisagreementInput!) { resolveProfessionalDisagreement(id: $id, input: $input) { id } }`;
    await probe(
      'resolveProfessionalDisagreement.input.resolvedOn',
      'input.resolvedOn',
      resolve,
      { id, input: { outcome: 'Agreed', agreedActions: [], resolvedOn: tomorrow } },
      practitioner,
    );
    await probe(
      'resolveProfessionalDisagreement.input.agreedActions.dueOn',
      'input.agreedActions.0.dueOn',
      resolve,
      {
        id,
        input: {
          outcome: 'Agreed',
          agreedActions: [{ description: 'Share the plan', dueOn: yesterday, ownerOrganisationId: westSussexCouncil }],
        },
      },
      practitioner,
    );
    const still = await graph.query<{ professionalDisagreement: { status: string } }>(
      `query ($id: ID!) { professionalDisagreement(id: $id) { status } }`,
      { id },
      { as: practitioner },
    );
    expect(dataOf(still).professionalDisagreement.status).toBe(dataOf(raised).raiseProfessionalDisagreement.status);
  });

  it('schools: safeguarding leads and file transfers', async () => {
    const dsl = 'seaview-primary-dsl';
    await probe(
      'setSafeguardingLeads.input.leads.lastTrainedOn',
      'input.leads.0.lastTrainedOn',
      `mutation ($input: SetSafeguardingLeadsInput!) { setSafeguardingLeads(input: $input) { name } }`,
      {
        input: {
          urn: '990001',
          leads: [{ name: 'P. Probe', role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: tomorrow }],
        },
      },
      dsl,
    );
    const leads = await graph.query<{ school: { safeguardingLeads: Array<{ name: string }> } }>(
      `{ school(urn: "990001") { safeguardingLeads { name } } }`,
      {},
      { as: dsl },
    );
    expect(dataOf(leads).school.safeguardingLeads.map((l) => l.name)).not.toContain('P. Probe');

    const record = `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`;
    const transfer = (leftOn: string) => ({
      input: { sendingUrn: '990001', receivingUrn: '990003', childReference: 'SVP-PROBE', leftOn },
    });
    await probe('recordFileTransfer.input.leftOn', 'input.leftOn', record, transfer(tomorrow), dsl);
    const recorded = await graph.query<{ recordFileTransfer: { id: string } }>(record, transfer(yesterday), {
      as: dsl,
    });
    expect(recorded.errors).toBeUndefined();
    const transferId = dataOf(recorded).recordFileTransfer.id;
    await probe(
      'markFileTransferSent.input.sentOn',
      'input.sentOn',
      `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { id } }`,
      { input: { transferId, sentOn: tomorrow } },
      dsl,
    );
    const beforeLeaving = await graph.query(
      `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { id } }`,
      { input: { transferId, sentOn: '2026-11-21' } },
      { as: dsl },
    );
    expectRefused('markFileTransferSent before the child left', beforeLeaving, 'input.sentOn');
    const sent = await graph.query<{ markFileTransferSent: { state: string } }>(
      `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { state } }`,
      { input: { transferId, sentOn: today } },
      { as: dsl },
    );
    expect(sent.errors).toBeUndefined();
    await probe(
      'confirmFileTransferReceipt.input.receivedOn',
      'input.receivedOn',
      `mutation ($input: ConfirmFileTransferReceiptInput!) { confirmFileTransferReceipt(input: $input) { id } }`,
      { input: { transferId, receivedOn: tomorrow } },
      'shingle-bay-primary-dsl',
    );
    const beforeSending = await graph.query(
      `mutation ($input: ConfirmFileTransferReceiptInput!) { confirmFileTransferReceipt(input: $input) { id } }`,
      { input: { transferId, receivedOn: yesterday } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expectRefused('confirmFileTransferReceipt before it was sent', beforeSending, 'input.receivedOn');
    const state = await graph.query<{ fileTransfer: { state: string } }>(
      `query ($id: ID!) { fileTransfer(id: $id) { state } }`,
      { id: transferId },
      { as: dsl },
    );
    expect(dataOf(state).fileTransfer.state).toBe(dataOf(sent).markFileTransferSent.state);
  });

  it('self-assessments: section 11 and section 175 actions due, and done no earlier than the return', async () => {
    const kinds = [
      {
        prefix: 'Section11',
        standards: 'section11Standards',
        member: { agencyId: demoIds.agencies.sussexCommunityTrust },
        as: 'sussex-community-safeguarding-lead',
        submit: 'submitSection11Return',
        complete: 'completeSection11Action',
      },
      {
        prefix: 'SchoolSafeguarding',
        standards: 'schoolSafeguardingStandards',
        member: { urn: '990003' },
        as: 'shingle-bay-primary-dsl',
        submit: 'submitSchoolSafeguardingReturn',
        complete: 'completeSchoolSafeguardingAction',
      },
    ] as const;
    for (const kind of kinds) {
      const standards = dataOf(
        await graph.query<{ partnership: Record<string, Array<{ key: string }>> }>(
          `query ($id: ID!) { partnership(id: $id) { ${kind.standards} { key } } }`,
          { id: eastSussex },
          { as: kind.as },
        ),
      ).partnership[kind.standards];
      const keys = present(standards, kind.standards).map((s) => s.key);
      const rated = (dueOn: string) =>
        keys.map((key, index) => ({
          standardKey: key,
          rating: index === 0 ? 'AMBER' : 'GREEN',
          evidence: 'Seen at audit (probe)',
          actions: index === 0 ? [{ description: 'Probe action', owner: 'Lead', dueOn }] : [],
        }));
      const input = (dueOn: string) => ({
        input: { partnershipId: eastSussex, financialYear: '2026-27', ...kind.member, standards: rated(dueOn) },
      });
      const submit = `mutation ($input: Submit${kind.prefix}ReturnInput!) { ${kind.submit}(input: $input) { submittedOn standards { actions { id deadline { completedOn } } } } }`;
      await probe(
        `${kind.submit}.input.standards.actions.dueOn`,
        'input.standards.0.actions.0.dueOn',
        submit,
        input(yesterday),
        kind.as,
      );

      const made = await graph.query<
        Record<string, { submittedOn: string; standards: Array<{ actions: Array<{ id: string }> }> }>
      >(submit, input(today), { as: kind.as });
      expect(made.errors).toBeUndefined();
      const submitted = present(dataOf(made)[kind.submit], kind.submit);
      expect(submitted.submittedOn).toBe(today);
      const actionId = at(
        submitted.standards.flatMap((s) => s.actions),
        0,
      ).id;
      const complete = `mutation ($input: Complete${kind.prefix}ActionInput!) { ${kind.complete}(input: $input) { id } }`;
      await probe(
        `${kind.complete}.input.completedOn`,
        'input.completedOn',
        complete,
        { input: { actionId, completedOn: tomorrow } },
        kind.as,
      );
      // Not before the record it follows: the return that committed to the action was made today.
      const early = await graph.query(complete, { input: { actionId, completedOn: yesterday } }, { as: kind.as });
      expectRefused(`${kind.complete} before the return`, early, 'input.completedOn');
      expect(firstError(early).message).toContain(today);
    }
  });

  it('reviews: a stage dated before the record it follows is refused too', async () => {
    const cases: Array<[string, string, string, Record<string, unknown>, string]> = [
      [
        'reviewer leaving before joining (2024-04-01)',
        'leftPoolOn',
        `mutation ($id: ID!, $on: Date!) { removeReviewerFromPool(id: $id, leftPoolOn: $on) { id } }`,
        { id: reviewsId('reviewer:1'), on: '2024-03-01' },
        'panel-member',
      ],
      [
        'CDOP told before the death (2026-11-21)',
        'notifiedOn',
        `mutation ($id: ID!, $on: Date!) { markCdopNotified(id: $id, notifiedOn: $on) { id } }`,
        { id: reviewsId('child-death:2026-12'), on: '2026-11-20' },
        manager,
      ],
      [
        'rapid review decided before it opened (2026-11-06)',
        'input.decidedOn',
        `mutation ($input: DecideRapidReviewInput!) { decideRapidReview(input: $input) { id } }`,
        {
          input: {
            rapidReviewId: demoReviewIds.rapidReviewOpen,
            decidedOn: '2026-11-05',
            localPracticeReview: true,
            nationalReviewRecommended: false,
            reasons: 'Probe',
          },
        },
        manager,
      ],
    ];
    for (const [what, field, document, variables, as] of cases) {
      const result = await graph.query(document, variables, { as });
      expectRefused(what, result, field);
      expect([what, firstError(result).message]).toEqual([what, expect.stringMatching(/must not be before/)]);
    }
  });

  it('has probed every PAST and DUE entry of the registry (run last: the probes above fill the set)', () => {
    const unprobed = Object.entries(registry)
      .filter(([key, entry]) => entry.kind !== 'OTHER' && !probed.has(key))
      .map(([key]) => key);
    expect(unprobed).toEqual([]);
  });
});
