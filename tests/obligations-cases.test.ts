import path from 'node:path';
import {
  inTransaction,
  AccessScope,
  audienceAdmits,
  caseClockRules,
  createLogger,
  demoIdentities,
  demoIds,
  Obligation,
  OutboxEvent,
  ReferenceData,
  Role,
  statutoryOrganisationId,
  WorkingDayCalendar,
  type ObligationAudience,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { escalationsSubgraph } from '@safeguarding/escalations';
import { ProfessionalDisagreement } from '../subgraphs/escalations/src/disagreement/professional-disagreement.entity';
import { schoolsSubgraph } from '@safeguarding/schools';
import { startGraph, testConfig, type TestGraph } from './support/graph';

/**
 * Issue 21 (items 1, 2 and 4) for the case-work clocks: referrals, professional disagreements,
 * national escalations, child-protection file transfers and DSL training, each an obligation in
 * the owning subgraph's ledger, written with its domain event in the change's own transaction,
 * with the audience its service's row rule gives; and the dates a case system supplies.
 */
let now = new Date('2026-11-30T09:00:00Z');
const setNow = (instant: string) => {
  now = new Date(instant);
};

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => now });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const eastSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '845' });
const brightonCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' });
const healthTrust = demoIds.agencies.sussexCommunityTrust;

type Subgraph = 'escalations' | 'schools';
const ledger = (subgraph: Subgraph, entityId: string) =>
  graph.subgraphs[subgraph].db
    .getRepository(Obligation)
    .find({ where: { entityId }, order: { kind: 'ASC', occurrence: 'ASC' } });
const outbox = (subgraph: Subgraph, entityIds: string[]) =>
  graph.subgraphs[subgraph].db
    .getRepository(OutboxEvent)
    .find({ order: { position: 'ASC' } })
    .then((rows) => rows.filter((row) => entityIds.includes(row.entityId)));
const obligationIds = async (subgraph: Subgraph, entityId: string) =>
  (await ledger(subgraph, entityId)).map((row) => row.id);
/** The entity's own events and those of its obligations, in commit order. */
async function eventsOf(
  subgraph: Subgraph,
  entityId: string,
): Promise<Array<{ type: string; kind?: string; status?: string }>> {
  const rows = await outbox(subgraph, [entityId, ...(await obligationIds(subgraph, entityId))]);
  return rows.map((row) => {
    const payload = JSON.parse(row.payload) as { kind?: string; status?: string };
    return row.type.startsWith('obligation.')
      ? { type: row.type, kind: payload.kind!, status: payload.status! }
      : { type: row.type };
  });
}
const audienceOf = (row: Obligation) => JSON.parse(row.audience) as ObligationAudience;
const admits = (row: Obligation, as: keyof typeof demoIdentities) =>
  audienceAdmits(audienceOf(row), AccessScope.of(demoIdentities[as]!));
const fieldOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.['field'];

// ---- referrals --------------------------------------------------------------------------------

const referralFields = `id status receivedAt receivedOn receivedAtSource acknowledgedAtSource decidedAt decidedAtSource
  acknowledgementDeadline { due rule status completedOn } decisionDeadline { due rule status completedOn }`;
const submit = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { ${referralFields} } }`;
const acknowledge = `mutation Ack($id: ID!, $at: String) { acknowledgeReferral(id: $id, acknowledgedAt: $at) { ${referralFields} } }`;
const decide = `mutation Decide($id: ID!, $input: DecideReferralInput!) { decideReferral(id: $id, input: $input) { ${referralFields} } }`;

let keys = 0;
function referralInput(overrides: Record<string, unknown> = {}) {
  keys += 1;
  return {
    idempotencyKey: `obl-case-${String(keys).padStart(4, '0')}`,
    childReference: `CHILD-OBL-${String(keys).padStart(4, '0')}`,
    homeLocalAuthorityGssCode: 'E10000032',
    concernCategories: ['NEGLECT'],
    significantHarm: false,
    earlyHelpIndicators: [],
    lawfulBasis: 'PUBLIC_TASK',
    consent: 'OBTAINED',
    ...overrides,
  };
}

describe('referral obligations and events', () => {
  beforeEach(() => setNow('2026-11-30T09:00:00Z'));

  it('a referral received at 17:40 on a Friday, loaded on Monday, is due on Monday; the receiving authority owes the referrer both duties', async () => {
    const result = await graph.query<any>(
      submit,
      { input: referralInput({ receivedAt: '2026-11-27T17:40:00Z' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(result.errors).toBeUndefined();
    const referral = result.data.submitReferral;
    expect(referral).toMatchObject({
      receivedAt: '2026-11-27T17:40:00.000Z',
      receivedOn: '2026-11-27',
      receivedAtSource: 'CALLER',
      decisionDeadline: { due: '2026-11-30', rule: '1 working day after 2026-11-27', status: 'DUE_TODAY' },
    });
    // The registry's rule and the recorded deadline are one computation.
    const calendar = WorkingDayCalendar.fromFile(
      path.join(testConfig().REFERENCE_DATA_DIR, 'bank-holidays-england-and-wales.json'),
    );
    expect(caseClockRules.REFERRAL_DECISION!.compute('2026-11-27', calendar)).toEqual({
      due: '2026-11-30',
      rule: '1 working day after 2026-11-27',
      provisional: false,
    });

    const rows = await ledger('escalations', referral.id);
    expect(
      rows.map((row) => [
        row.kind,
        row.status,
        row.due,
        row.rule,
        row.ownerOrganisationId,
        row.ownerPartnershipId,
        row.owedTo,
      ]),
    ).toEqual([
      [
        'REFERRAL_ACKNOWLEDGEMENT',
        'OPEN',
        '2026-11-30',
        '1 working day after 2026-11-27',
        westSussexCouncil,
        null,
        healthTrust,
      ],
      [
        'REFERRAL_DECISION',
        'OPEN',
        '2026-11-30',
        '1 working day after 2026-11-27',
        westSussexCouncil,
        null,
        healthTrust,
      ],
    ]);
    expect(rows[0]!.basis).toContain('Working Together');
    expect(audienceOf(rows[1]!)).toEqual({
      organisationIds: [healthTrust, westSussexCouncil],
      organisationRoles: [Role.PRACTITIONER, Role.DESIGNATED_SAFEGUARDING_LEAD, Role.SAFEGUARDING_MANAGER],
      partnershipIds: [],
      partnershipRoles: [],
      nationalRoles: [],
    });
    // As the referral itself: the two organisations' case workers, not partnership staff of either, not the Panel.
    expect(admits(rows[1]!, 'west-sussex-social-worker')).toBe(true);
    expect(admits(rows[1]!, 'sussex-health-visitor')).toBe(true);
    expect(admits(rows[1]!, 'west-sussex-business-manager')).toBe(false);
    expect(admits(rows[1]!, 'panel-member')).toBe(false);
    expect(admits(rows[1]!, 'sussex-police-officer')).toBe(false);
    const readable = await graph.query<any>(
      `query ($id: ID!) { referral(id: $id) { id } }`,
      { id: referral.id },
      { as: 'west-sussex-business-manager' },
    );
    expect(readable.data.referral).toBeNull();

    // Acknowledged at a time the authority's system gives, then decided: each duty met on its day, events in order.
    const refused = await graph.query<any>(
      acknowledge,
      { id: referral.id, at: '2026-11-27T17:00:00Z' },
      { as: 'west-sussex-social-worker' },
    );
    expect(fieldOf(refused)).toBe('acknowledgedAt');
    expect(refused.errors![0]!.message).toContain('must not be before the referral was received');
    const acked = await graph.query<any>(
      acknowledge,
      { id: referral.id, at: '2026-11-27T18:05:00Z' },
      { as: 'west-sussex-social-worker' },
    );
    expect(acked.data.acknowledgeReferral).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgedAtSource: 'CALLER',
      acknowledgementDeadline: { completedOn: '2026-11-27' },
    });
    const early = await graph.query<any>(
      decide,
      {
        id: referral.id,
        input: { decision: 'EARLY_HELP', feedback: 'Early help offered', decidedAt: '2026-11-27T18:00:00Z' },
      },
      { as: 'west-sussex-social-worker' },
    );
    expect(fieldOf(early)).toBe('input.decidedAt');
    expect(early.errors![0]!.message).toContain('must not be before the referral was acknowledged');
    const future = await graph.query<any>(
      decide,
      {
        id: referral.id,
        input: { decision: 'EARLY_HELP', feedback: 'Early help offered', decidedAt: '2026-11-30T09:00:01Z' },
      },
      { as: 'west-sussex-social-worker' },
    );
    expect(fieldOf(future)).toBe('input.decidedAt');
    const decided = await graph.query<any>(
      decide,
      { id: referral.id, input: { decision: 'EARLY_HELP', feedback: 'Early help offered' } },
      { as: 'west-sussex-social-worker' },
    );
    expect(decided.data.decideReferral).toMatchObject({
      status: 'DECIDED',
      decidedAt: '2026-11-30T09:00:00.000Z',
      decidedAtSource: 'SERVER',
      decisionDeadline: { status: 'MET', completedOn: '2026-11-30' },
    });
    expect((await ledger('escalations', referral.id)).map((row) => [row.kind, row.status, row.metOn])).toEqual([
      ['REFERRAL_ACKNOWLEDGEMENT', 'MET', '2026-11-27'],
      ['REFERRAL_DECISION', 'MET', '2026-11-30'],
    ]);
    expect(await eventsOf('escalations', referral.id)).toEqual([
      { type: 'referral.received' },
      { type: 'obligation.opened', kind: 'REFERRAL_ACKNOWLEDGEMENT', status: 'OPEN' },
      { type: 'obligation.opened', kind: 'REFERRAL_DECISION', status: 'OPEN' },
      { type: 'obligation.met', kind: 'REFERRAL_ACKNOWLEDGEMENT', status: 'MET' },
      { type: 'referral.decided' },
      { type: 'obligation.met', kind: 'REFERRAL_DECISION', status: 'MET' },
    ]);
    // Thin payloads: ids, dates and the audience; no child reference, no feedback.
    const payloads = (await outbox('escalations', [referral.id])).map((row) => JSON.parse(row.payload));
    expect(payloads[0]).toEqual({
      ids: { referralId: referral.id, referrerOrganisationId: healthTrust, receivingAuthorityId: westSussexCouncil },
      dates: { receivedAt: '2026-11-27T17:40:00.000Z', receivedOn: '2026-11-27', dueOn: '2026-11-30' },
      audience: audienceOf(rows[1]!),
    });
    const text = JSON.stringify(payloads);
    expect(text).not.toContain('CHILD-OBL');
    expect(text).not.toContain('Early help offered');
  });

  it('a referral about significant harm is due at once; one with no date given is dated by the graph', async () => {
    const harm = await graph.query<any>(
      submit,
      { input: referralInput({ significantHarm: true }) },
      { as: 'sussex-health-visitor' },
    );
    expect(harm.data.submitReferral).toMatchObject({
      receivedAtSource: 'SERVER',
      receivedAt: '2026-11-30T09:00:00.000Z',
    });
    const rows = await ledger('escalations', harm.data.submitReferral.id);
    expect(rows.map((row) => [row.kind, row.due, row.rule])).toEqual([
      ['REFERRAL_ACKNOWLEDGEMENT', '2026-11-30', 'immediately: on the day of receipt, 2026-11-30'],
      ['REFERRAL_DECISION', '2026-11-30', 'immediately: on the day of receipt, 2026-11-30'],
    ]);
    expect(rows[0]!.basis).toContain('significant harm');
  });

  it("a backlog loaded after an outage keeps each referral's own clock, and refusals name the field", async () => {
    setNow('2026-12-07T08:00:00Z');
    const loaded = [];
    for (const receivedAt of ['2026-12-03T10:15:00Z', '2026-12-04T16:59:00+00:00', '2026-12-05T11:00:00Z']) {
      const result = await graph.query<any>(
        submit,
        { input: referralInput({ receivedAt }) },
        { as: 'sussex-health-visitor' },
      );
      expect(result.errors).toBeUndefined();
      loaded.push(result.data.submitReferral.decisionDeadline.due);
    }
    // Thursday → Friday; Friday → Monday; Saturday → Monday.
    expect(loaded).toEqual(['2026-12-04', '2026-12-07', '2026-12-07']);
    for (const receivedAt of ['2026-12-07T08:00:01Z', '2026-12-07', 'yesterday']) {
      const result = await graph.query<any>(
        submit,
        { input: referralInput({ receivedAt }) },
        { as: 'sussex-health-visitor' },
      );
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.receivedAt' });
    }
  });

  it('a failed change rolls back its obligations and its events with it', async () => {
    const result = await graph.query<any>(submit, { input: referralInput() }, { as: 'sussex-health-visitor' });
    const id = result.data.submitReferral.id;
    const db = graph.subgraphs.escalations.db;
    const before = {
      events: await db.getRepository(OutboxEvent).count(),
      obligations: await db.getRepository(Obligation).find({ where: { entityId: id } }),
    };
    // The audit record is the transaction's last write: without its table the decision fails after the ledger was written.
    await db.query(
      db.options.type === 'better-sqlite3'
        ? 'ALTER TABLE audit_records RENAME TO audit_records_away'
        : 'RENAME TABLE audit_records TO audit_records_away',
    );
    try {
      const failed = await graph.query<any>(
        decide,
        { id, input: { decision: 'SIGNPOSTING', feedback: 'Signposted' } },
        { as: 'west-sussex-social-worker' },
      );
      expect(failed.errors).toBeDefined();
    } finally {
      await db.query(
        db.options.type === 'better-sqlite3'
          ? 'ALTER TABLE audit_records_away RENAME TO audit_records'
          : 'RENAME TABLE audit_records_away TO audit_records',
      );
    }
    expect(await db.getRepository(OutboxEvent).count()).toBe(before.events);
    expect(await db.getRepository(Obligation).find({ where: { entityId: id } })).toEqual(before.obligations);
    expect(before.obligations.every((row) => row.status === 'OPEN')).toBe(true);
  });
});

// ---- professional disagreements -------------------------------------------------------------------

const disagreementFields = `id status stagePosition stageStartedOn raisedOn raisedOnSource stageDeadline { due rule status }
  history { nodes { kind occurredOn occurredOnSource } } historyChain { intact }`;
const raise = `mutation ($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { ${disagreementFields} } }`;
const escalate = `mutation ($id: ID!, $input: EscalateProfessionalDisagreementInput!) { escalateProfessionalDisagreement(id: $id, input: $input) { ${disagreementFields} } }`;
const resolve = `mutation ($id: ID!, $input: ResolveProfessionalDisagreementInput!) { resolveProfessionalDisagreement(id: $id, input: $input) { ${disagreementFields} } }`;
const withdraw = `mutation ($id: ID!) { withdrawProfessionalDisagreement(id: $id, reason: "Agreed informally (test)") { id status } }`;
const raiseInput = (overrides: Record<string, unknown> = {}) => ({
  partnershipId: westSussex,
  caseReference: 'CASE-OBL-0001',
  raisedWithAgencyId: westSussexCouncil,
  issueType: 'THRESHOLD_OR_REFERRAL_DECISION',
  summary: 'Referral judged below threshold (test)',
  ...overrides,
});

describe('escalation stage obligations and events', () => {
  beforeEach(() => setNow('2026-12-10T10:00:00Z'));

  it('each stage is owed by the organisation challenged to the one that raised it, from the dates the raiser gives', async () => {
    const future = await graph.query<any>(
      raise,
      { input: raiseInput({ raisedOn: '2026-12-11' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(future.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.raisedOn' });
    const raised = await graph.query<any>(
      raise,
      { input: raiseInput({ raisedOn: '2026-12-01' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(raised.errors).toBeUndefined();
    const d = raised.data.raiseProfessionalDisagreement;
    expect(d).toMatchObject({
      raisedOn: '2026-12-01',
      raisedOnSource: 'CALLER',
      stageStartedOn: '2026-12-01',
      stageDeadline: { due: '2026-12-08', rule: '5 working days after 2026-12-01', status: 'OVERDUE' },
      history: { nodes: [{ kind: 'RAISED', occurredOn: '2026-12-01', occurredOnSource: 'CALLER' }] },
    });
    const [stage1] = await ledger('escalations', d.id);
    expect(stage1).toMatchObject({
      kind: 'ESCALATION_STAGE',
      occurrence: 'stage-1',
      status: 'OPEN',
      due: '2026-12-08',
      rule: '5 working days after 2026-12-01',
      ownerOrganisationId: westSussexCouncil,
      ownerPartnershipId: westSussex,
      owedTo: healthTrust,
    });
    expect(stage1!.basis).toContain('escalation policy');
    expect(audienceOf(stage1!)).toEqual({
      organisationIds: [healthTrust, westSussexCouncil],
      organisationRoles: [],
      partnershipIds: [westSussex],
      partnershipRoles: [
        Role.PARTNERSHIP_BUSINESS_MANAGER,
        Role.LEAD_SAFEGUARDING_PARTNER,
        Role.DELEGATED_SAFEGUARDING_PARTNER,
        Role.SCRUTINEER,
      ],
      nationalRoles: [],
    });
    expect(admits(stage1!, 'west-sussex-social-worker')).toBe(true);
    expect(admits(stage1!, 'west-sussex-business-manager')).toBe(true);
    expect(admits(stage1!, 'east-sussex-business-manager')).toBe(false);
    expect(admits(stage1!, 'sussex-police-officer')).toBe(false);
    expect(admits(stage1!, 'panel-member')).toBe(false);

    const beforeRaise = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'No agreement', escalatedOn: '2026-11-30' } },
      { as: 'sussex-health-visitor' },
    );
    expect(beforeRaise.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.escalatedOn' });
    expect(beforeRaise.errors![0]!.message).toContain('must not be before stage 1 began (2026-12-01)');
    const escalated = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'No agreement', escalatedOn: '2026-12-04' } },
      { as: 'sussex-health-visitor' },
    );
    expect(escalated.errors).toBeUndefined();
    expect(escalated.data.escalateProfessionalDisagreement).toMatchObject({
      stagePosition: 2,
      stageStartedOn: '2026-12-04',
      stageDeadline: { due: '2026-12-11', rule: '5 working days after 2026-12-04' },
      historyChain: { intact: true },
    });
    const beforeEscalation = await graph.query<any>(
      resolve,
      { id: d.id, input: { outcome: 'Agreed', resolvedOn: '2026-12-03' } },
      { as: 'sussex-health-visitor' },
    );
    expect(beforeEscalation.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.resolvedOn',
    });
    expect(beforeEscalation.errors![0]!.message).toContain('must not be before the last escalation (2026-12-04)');
    const resolved = await graph.query<any>(
      resolve,
      { id: d.id, input: { outcome: 'Agreed', resolvedOn: '2026-12-09' } },
      { as: 'sussex-health-visitor' },
    );
    expect(resolved.data.resolveProfessionalDisagreement).toMatchObject({
      status: 'RESOLVED',
      stageDeadline: { status: 'MET' },
      historyChain: { intact: true },
    });
    expect((await ledger('escalations', d.id)).map((row) => [row.occurrence, row.status, row.due, row.metOn])).toEqual([
      ['stage-1', 'MET', '2026-12-08', '2026-12-04'],
      ['stage-2', 'MET', '2026-12-11', '2026-12-09'],
    ]);
    expect(await eventsOf('escalations', d.id)).toEqual([
      { type: 'disagreement.raised' },
      { type: 'obligation.opened', kind: 'ESCALATION_STAGE', status: 'OPEN' },
      { type: 'disagreement.escalated' },
      { type: 'obligation.met', kind: 'ESCALATION_STAGE', status: 'MET' },
      { type: 'obligation.opened', kind: 'ESCALATION_STAGE', status: 'OPEN' },
      { type: 'disagreement.resolved' },
      { type: 'obligation.met', kind: 'ESCALATION_STAGE', status: 'MET' },
    ]);
    const payloads = (await outbox('escalations', [d.id])).map((row) => JSON.parse(row.payload));
    expect(payloads.map((p) => [p.stages, p.dates])).toEqual([
      [
        { from: null, to: 1 },
        { raisedOn: '2026-12-01', stageDueOn: '2026-12-08' },
      ],
      [
        { from: 1, to: 2 },
        { raisedOn: '2026-12-01', escalatedOn: '2026-12-04', stageDueOn: '2026-12-11' },
      ],
      [
        { from: 2, to: null },
        { raisedOn: '2026-12-01', resolvedOn: '2026-12-09' },
      ],
    ]);
    expect(JSON.stringify(payloads)).not.toMatch(/CASE-OBL|threshold|Agreed/);
  });

  it("a withdrawn disagreement's stage is cancelled", async () => {
    const raised = await graph.query<any>(
      raise,
      { input: raiseInput({ caseReference: 'CASE-OBL-0002' }) },
      { as: 'sussex-health-visitor' },
    );
    const id = raised.data.raiseProfessionalDisagreement.id;
    expect(raised.data.raiseProfessionalDisagreement).toMatchObject({
      raisedOnSource: 'SERVER',
      raisedOn: '2026-12-10',
    });
    await graph.query<any>(withdraw, { id }, { as: 'sussex-health-visitor' });
    expect((await ledger('escalations', id)).map((row) => [row.occurrence, row.status])).toEqual([
      ['stage-1', 'CANCELLED'],
    ]);
    expect((await eventsOf('escalations', id)).map((e) => e.type)).toEqual([
      'disagreement.raised',
      'obligation.opened',
      'obligation.cancelled',
    ]);
  });
});

// ---- national escalations -------------------------------------------------------------------------

describe('national escalation obligations', () => {
  const raiseNational = `mutation ($input: RaiseNationalEscalationInput!) { raiseNationalEscalation(input: $input) { id status acknowledgedOn } }`;
  const input = {
    partnershipId: westSussex,
    escalatedTo: 'CHILD_SAFEGUARDING_PRACTICE_REVIEW_PANEL',
    matter: 'OTHER',
    summary: 'A national matter (test)',
  };

  it('the national acknowledgement is owed to the partnership, seen by its staff and the Panel; met on acknowledgement, cancelled on withdrawal', async () => {
    setNow('2026-12-10T10:00:00Z');
    const raised = await graph.query<any>(raiseNational, { input }, { as: 'west-sussex-business-manager' });
    expect(raised.errors).toBeUndefined();
    const id = raised.data.raiseNationalEscalation.id;
    const [row] = await ledger('escalations', id);
    expect(row).toMatchObject({
      kind: 'NATIONAL_ESCALATION',
      status: 'OPEN',
      due: '2026-12-24',
      rule: '10 working days after 2026-12-10',
      ownerOrganisationId: null,
      ownerPartnershipId: westSussex,
      owedTo: 'PARTNERSHIP',
    });
    expect(admits(row!, 'panel-member')).toBe(true);
    expect(admits(row!, 'west-sussex-business-manager')).toBe(true);
    expect(admits(row!, 'east-sussex-business-manager')).toBe(false);
    expect(admits(row!, 'west-sussex-social-worker')).toBe(false);
    setNow('2026-12-14T10:00:00Z');
    const acked = await graph.query<any>(
      `mutation ($id: ID!) { acknowledgeNationalEscalation(id: $id) { status acknowledgedOn acknowledgementDeadline { due rule status completedOn } } }`,
      { id },
      { as: 'panel-member' },
    );
    expect(acked.data.acknowledgeNationalEscalation).toEqual({
      status: 'ACKNOWLEDGED',
      acknowledgedOn: '2026-12-14',
      acknowledgementDeadline: { due: row!.due, rule: row!.rule, status: 'MET', completedOn: '2026-12-14' },
    });
    expect((await ledger('escalations', id)).map((r) => [r.status, r.metOn])).toEqual([['MET', '2026-12-14']]);

    const other = await graph.query<any>(raiseNational, { input }, { as: 'west-sussex-business-manager' });
    const otherId = other.data.raiseNationalEscalation.id;
    await graph.query<any>(
      `mutation ($id: ID!) { withdrawNationalEscalation(id: $id, reason: "Resolved locally") { status } }`,
      { id: otherId },
      { as: 'west-sussex-business-manager' },
    );
    expect((await ledger('escalations', otherId)).map((r) => r.status)).toEqual(['CANCELLED']);
  });
});

// ---- file transfers -------------------------------------------------------------------------------

describe('file transfer obligations and events', () => {
  const fields = `id state deadline { due rule status completedOn }`;
  const record = `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { ${fields} } }`;
  const markSent = `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { ${fields} } }`;
  const confirm = `mutation ($input: ConfirmFileTransferReceiptInput!) { confirmFileTransferReceipt(input: $input) { ${fields} } }`;

  it('the sending school owes the receiving school the file in 5 school days, seen by both DSLs and their authorities; met on receipt', async () => {
    setNow('2026-12-10T10:00:00Z');
    const recorded = await graph.query<any>(
      record,
      { input: { sendingUrn: '990001', receivingUrn: '990003', childReference: 'SVP-OBL-1', leftOn: '2026-12-09' } },
      { as: 'seaview-primary-dsl' },
    );
    expect(recorded.errors).toBeUndefined();
    const transfer = recorded.data.recordFileTransfer;
    expect(transfer.deadline).toMatchObject({ due: '2026-12-16', rule: '5 working days after 2026-12-09' });
    const [row] = await ledger('schools', transfer.id);
    expect(row).toMatchObject({
      kind: 'FILE_TRANSFER',
      status: 'OPEN',
      due: transfer.deadline.due,
      rule: transfer.deadline.rule,
      ownerOrganisationId: '990001',
      ownerPartnershipId: null,
      owedTo: '990003',
    });
    expect(row!.basis).toContain('KCSIE');
    const audience = audienceOf(row!);
    expect(audience).toMatchObject({
      organisationIds: ['990001', '990003'],
      organisationRoles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
      nationalRoles: [],
    });
    // Seaview is in Brighton and Hove, Shingle Bay in East Sussex: anyone of either council, whatever their role.
    expect(audience.organisationGroups).toHaveLength(1);
    expect([...audience.organisationGroups![0]!.organisationIds].sort()).toEqual(
      [brightonCouncil, eastSussexCouncil].sort(),
    );
    expect(audience.organisationGroups![0]!.organisationRoles).toEqual([]);
    for (const as of ['seaview-primary-dsl', 'shingle-bay-primary-dsl', 'east-sussex-business-manager'] as const) {
      expect(admits(row!, as)).toBe(true);
      const seen = await graph.query<any>(
        `query ($id: ID!) { fileTransfer(id: $id) { id } }`,
        { id: transfer.id },
        { as },
      );
      expect(seen.data.fileTransfer).toEqual({ id: transfer.id });
    }
    for (const as of [
      'chalk-cliff-high-dsl',
      'west-sussex-business-manager',
      'sussex-health-visitor',
      'panel-member',
    ] as const) {
      expect(admits(row!, as)).toBe(false);
      const unseen = await graph.query<any>(
        `query ($id: ID!) { fileTransfer(id: $id) { id } }`,
        { id: transfer.id },
        { as },
      );
      expect(unseen.data?.fileTransfer ?? null).toBeNull();
    }
    await graph.query<any>(
      markSent,
      { input: { transferId: transfer.id, sentOn: '2026-12-10' } },
      { as: 'seaview-primary-dsl' },
    );
    expect((await ledger('schools', transfer.id))[0]!.status).toBe('OPEN');
    setNow('2026-12-11T10:00:00Z');
    const confirmed = await graph.query<any>(
      confirm,
      { input: { transferId: transfer.id } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(confirmed.data.confirmFileTransferReceipt.deadline).toMatchObject({
      status: 'MET',
      completedOn: '2026-12-11',
    });
    expect((await ledger('schools', transfer.id)).map((r) => [r.status, r.metOn])).toEqual([['MET', '2026-12-11']]);
    expect(await eventsOf('schools', transfer.id)).toEqual([
      { type: 'obligation.opened', kind: 'FILE_TRANSFER', status: 'OPEN' },
      { type: 'file_transfer.sent' },
      { type: 'file_transfer.confirmed' },
      { type: 'obligation.met', kind: 'FILE_TRANSFER', status: 'MET' },
    ]);
    const payloads = (await outbox('schools', [transfer.id])).map((r) => JSON.parse(r.payload));
    expect(payloads[0]).toMatchObject({
      ids: { transferId: transfer.id, sendingUrn: '990001', receivingUrn: '990003' },
      dates: { leftOn: '2026-12-09', sentOn: '2026-12-10', receivedOn: null },
    });
    expect(JSON.stringify(payloads)).not.toContain('SVP-OBL');
  });

  it("the sending school's calendar moves its open transfers' obligations in the same change", async () => {
    setNow('2026-12-10T10:00:00Z');
    const recorded = await graph.query<any>(
      record,
      { input: { sendingUrn: '990002', receivingUrn: '990003', childReference: 'CCH-OBL-1', leftOn: '2026-12-10' } },
      { as: 'chalk-cliff-high-dsl' },
    );
    const id = recorded.data.recordFileTransfer.id;
    expect((await ledger('schools', id))[0]!.due).toBe('2026-12-17');
    const calendar = `mutation ($input: SetSchoolCalendarInput!) { setSchoolCalendar(input: $input) { date } }`;
    const set = await graph.query<any>(
      calendar,
      {
        input: {
          urn: '990002',
          from: '2026-12-01',
          to: '2026-12-31',
          closureDays: [{ date: '2026-12-14', reason: 'Training day' }],
        },
      },
      { as: 'chalk-cliff-high-dsl' },
    );
    expect(set.errors).toBeUndefined();
    const [moved] = await ledger('schools', id);
    expect(moved).toMatchObject({ status: 'OPEN', due: '2026-12-18' });
    expect(moved!.basis).toContain("the sending school's calendar");
    expect((await eventsOf('schools', id)).map((e) => e.type)).toEqual(['obligation.opened', 'obligation.changed']);
  });
});

// ---- DSL training ---------------------------------------------------------------------------------

describe('DSL training obligations', () => {
  const set = `mutation ($input: SetSafeguardingLeadsInput!) { setSafeguardingLeads(input: $input) { name trainingDue { due } trainingOverdue } }`;
  const dslTraining = async (urn: string) =>
    (await ledger('schools', urn)).filter((row) => row.kind === 'DSL_TRAINING');

  it('each lead owes training two years after the last; training again meets it, leaving the list cancels it', async () => {
    setNow('2026-12-10T10:00:00Z');
    const first = await graph.query<any>(
      set,
      {
        input: {
          urn: '990006',
          leads: [
            { name: 'Obl Lead (test)', role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: '2025-03-31' },
            { name: 'Obl Deputy (test)', role: 'DEPUTY' },
          ],
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(first.errors).toBeUndefined();
    let rows = await dslTraining('990006');
    const open = rows.filter((row) => row.status === 'OPEN');
    expect(open.map((row) => [row.due, row.rule]).sort()).toEqual([
      ['2026-12-10', 'no DSL training recorded: due at once, from 2026-12-10'],
      ['2027-03-31', '24 months after 2025-03-31'],
    ]);
    expect(open[0]).toMatchObject({ ownerOrganisationId: '990006', owedTo: 'PARTNERSHIP', entityType: 'School' });
    // Leads are read by anyone signed in, so their training duty is too; no occurrence holds a name.
    expect(admits(open[0]!, 'sussex-police-officer')).toBe(true);
    expect(admits(open[0]!, 'panel-member')).toBe(true);
    expect(rows.map((row) => row.occurrence).join(' ')).not.toMatch(/Obl|test/);

    setNow('2026-12-12T10:00:00Z');
    await graph.query<any>(
      set,
      {
        input: {
          urn: '990006',
          leads: [{ name: 'Obl Lead (test)', role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: '2026-12-11' }],
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    rows = await dslTraining('990006');
    expect(rows.map((row) => [row.due, row.status, row.metOn]).sort()).toEqual(
      [
        ['2026-12-10', 'CANCELLED', null],
        ['2027-03-31', 'MET', '2026-12-11'],
        ['2028-12-11', 'OPEN', null],
      ].sort(),
    );
    // Setting the same list again writes nothing.
    const before = (
      await outbox(
        'schools',
        rows.map((row) => row.id),
      )
    ).length;
    await graph.query<any>(
      set,
      {
        input: {
          urn: '990006',
          leads: [{ name: 'Obl Lead (test)', role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: '2026-12-11' }],
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(
      (
        await outbox(
          'schools',
          rows.map((row) => row.id),
        )
      ).length,
    ).toBe(before);
  });
});

// ---- establishment numbers (issue 14 item 6) -------------------------------------------------------

describe('establishment numbers', () => {
  it('refuses a number that is not 4 digits rather than storing a LAESTAB no school has', async () => {
    const upsert = `mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { outcome field reason school { laestab } } }`;
    const base = { name: 'Obl Number School', localAuthorityDfeCode: '938', phase: 'PRIMARY', status: 'OPEN' };
    const result = await graph.query<any>(
      upsert,
      {
        rows: [
          { ...base, urn: '970901', establishmentNumber: '123' },
          { ...base, urn: '970902', establishmentNumber: '12345' },
          { ...base, urn: '970903', establishmentNumber: '2123' },
        ],
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.upsertSchools.map((r: any) => [r.outcome, r.field, r.school?.laestab ?? null])).toEqual([
      ['REJECTED', 'establishmentNumber', null],
      ['REJECTED', 'establishmentNumber', null],
      ['CREATED', null, '9382123'],
    ]);
    expect(result.data.upsertSchools[0].reason).toContain('exactly 4 digits');
  });
});

// ---- rollback ------------------------------------------------------------------------------------

/** Runs a change with one of its subgraph's tables missing, so it fails inside its transaction after the ledger was written. */
async function withoutTable(subgraph: Subgraph, table: string, work: () => Promise<void>): Promise<void> {
  const db = graph.subgraphs[subgraph].db;
  // In a transaction of its own: the outbox relay runs beside the test, and on SQLite's one
  // connection a bare statement would land inside the relay's transaction and roll back with it.
  const rename = (from: string, to: string) =>
    inTransaction(db, (manager) =>
      manager.query(
        db.options.type === 'better-sqlite3' ? `ALTER TABLE ${from} RENAME TO ${to}` : `RENAME TABLE ${from} TO ${to}`,
      ),
    );
  await rename(table, `${table}_away`);
  try {
    await work();
  } finally {
    await rename(`${table}_away`, table);
  }
}

async function snapshot(subgraph: Subgraph) {
  const db = graph.subgraphs[subgraph].db;
  return {
    events: await db.getRepository(OutboxEvent).count(),
    obligations: await db.getRepository(Obligation).find({ order: { id: 'ASC' } }),
  };
}

describe('a change that fails writes neither its obligations nor its events', () => {
  beforeEach(() => setNow('2026-12-15T10:00:00Z'));

  const failing = async (subgraph: Subgraph, table: string, change: () => Promise<{ errors?: unknown[] }>) => {
    const before = await snapshot(subgraph);
    await withoutTable(subgraph, table, async () => {
      expect((await change()).errors).toBeDefined();
    });
    expect(await snapshot(subgraph)).toEqual(before);
  };

  it('for an escalation stage, a national escalation, a file transfer and DSL training', async () => {
    const raised = await graph.query<any>(
      raise,
      { input: raiseInput({ caseReference: 'CASE-OBL-0004' }) },
      { as: 'sussex-health-visitor' },
    );
    const disagreementId = raised.data.raiseProfessionalDisagreement.id;
    await failing('escalations', 'audit_records', () =>
      graph.query(escalate, { id: disagreementId, input: { reason: 'No agreement' } }, { as: 'sussex-health-visitor' }),
    );
    await failing('escalations', 'audit_records', () =>
      graph.query(raise, { input: raiseInput({ caseReference: 'CASE-OBL-0005' }) }, { as: 'sussex-health-visitor' }),
    );
    const national = await graph.query<any>(
      `mutation ($input: RaiseNationalEscalationInput!) { raiseNationalEscalation(input: $input) { id } }`,
      {
        input: {
          partnershipId: westSussex,
          escalatedTo: 'SECRETARY_OF_STATE',
          matter: 'OTHER',
          summary: 'A national matter (test)',
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    await failing('escalations', 'audit_records', () =>
      graph.query(
        `mutation ($id: ID!) { acknowledgeNationalEscalation(id: $id) { status } }`,
        { id: national.data.raiseNationalEscalation.id },
        { as: 'panel-member' },
      ),
    );
    const recordTransfer = `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`;
    const transferInput = {
      sendingUrn: '990001',
      receivingUrn: '990003',
      childReference: 'SVP-OBL-F',
      leftOn: '2026-12-14',
    };
    await failing('schools', 'audit_records', () =>
      graph.query(recordTransfer, { input: transferInput }, { as: 'seaview-primary-dsl' }),
    );
    const transfer = await graph.query<any>(recordTransfer, { input: transferInput }, { as: 'seaview-primary-dsl' });
    await failing('schools', 'audit_records', () =>
      graph.query(
        `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { id } }`,
        { input: { transferId: transfer.data.recordFileTransfer.id } },
        { as: 'seaview-primary-dsl' },
      ),
    );
    // Setting leads is not audited (they are staff, not case data): its obligation's event is the write that fails.
    await failing('schools', 'outbox_event', () =>
      graph.query(
        `mutation ($input: SetSafeguardingLeadsInput!) { setSafeguardingLeads(input: $input) { name } }`,
        {
          input: {
            urn: '990005',
            leads: [{ name: 'Rolled Back (test)', role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: '2025-01-01' }],
          },
        },
        { as: 'west-sussex-business-manager' },
      ),
    );
    const leads = await graph.query<any>(
      `{ school(urn: "990005") { safeguardingLeads { name } } }`,
      {},
      { as: 'sussex-health-visitor' },
    );
    expect(leads.data.school.safeguardingLeads.map((lead: { name: string }) => lead.name)).not.toContain(
      'Rolled Back (test)',
    );
  });
});

// ---- start-up reconciliation ---------------------------------------------------------------------

function runtimeOf(subgraph: Subgraph): SubgraphRuntime {
  const config = testConfig();
  return {
    db: graph.subgraphs[subgraph].db,
    logger: createLogger('test', 'silent'),
    reference: ReferenceData.load(config.REFERENCE_DATA_DIR),
    calendar: WorkingDayCalendar.fromFile(path.join(config.REFERENCE_DATA_DIR, 'bank-holidays-england-and-wales.json')),
    now: () => now,
  };
}

describe('reconciling obligations at start-up', () => {
  const passOf = async (subgraph: Subgraph) => {
    const definition = subgraph === 'escalations' ? escalationsSubgraph : schoolsSubgraph;
    const { statements } = graph.subgraphs[subgraph];
    const before = statements.count;
    await definition.reconcileObligations!(runtimeOf(subgraph));
    return statements.count - before;
  };

  it('the demo data came with its obligations, and a second pass writes nothing', async () => {
    for (const subgraph of ['escalations', 'schools'] as const) {
      const { db } = graph.subgraphs[subgraph];
      await passOf(subgraph);
      const events = await db.getRepository(OutboxEvent).count();
      const obligations = await db.getRepository(Obligation).find({ order: { id: 'ASC' } });
      expect(await passOf(subgraph)).toBeGreaterThan(0);
      expect(await db.getRepository(OutboxEvent).count()).toBe(events);
      expect(await db.getRepository(Obligation).find({ order: { id: 'ASC' } })).toEqual(obligations);
    }
    // The demo referrals, disagreements, national escalation and DSLs have theirs without anyone touching them.
    const kinds = async (subgraph: Subgraph) =>
      [...new Set((await graph.subgraphs[subgraph].db.getRepository(Obligation).find()).map((row) => row.kind))].sort();
    expect(await kinds('escalations')).toEqual([
      'ESCALATION_STAGE',
      'NATIONAL_ESCALATION',
      'REFERRAL_ACKNOWLEDGEMENT',
      'REFERRAL_DECISION',
    ]);
    expect(await kinds('schools')).toEqual(expect.arrayContaining(['DSL_TRAINING', 'FILE_TRANSFER']));
  });

  it('takes a flat number of statements as rows grow, and restores obligations lost or never written', async () => {
    const quiet = { escalations: await passOf('escalations'), schools: await passOf('schools') };
    setNow('2026-12-14T10:00:00Z');
    for (let n = 0; n < 5; n += 1) {
      expect(
        (await graph.query<any>(submit, { input: referralInput() }, { as: 'sussex-health-visitor' })).errors,
      ).toBeUndefined();
      const transfer = {
        sendingUrn: '990001',
        receivingUrn: '990003',
        childReference: `SVP-OBL-R${n}`,
        leftOn: '2026-12-11',
      };
      expect(
        (
          await graph.query<any>(
            `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`,
            { input: transfer },
            { as: 'seaview-primary-dsl' },
          )
        ).errors,
      ).toBeUndefined();
    }
    expect(await passOf('escalations')).toBe(quiet.escalations);
    expect(await passOf('schools')).toBe(quiet.schools);
    // Rows that predate the ledger: their obligations are opened (and met where they were) on the next pass.
    const { db } = graph.subgraphs.escalations;
    const lost = await db.getRepository(Obligation).find({ where: { kind: 'REFERRAL_DECISION' } });
    await db.getRepository(Obligation).delete({ kind: 'REFERRAL_DECISION' });
    await passOf('escalations');
    const restored = await db.getRepository(Obligation).find({ where: { kind: 'REFERRAL_DECISION' } });
    const shape = (rows: Obligation[]) =>
      rows.map((row) => [row.id, row.status, row.due, row.metOn, row.audience].join('|')).sort();
    expect(shape(restored)).toEqual(shape(lost));
    expect(await passOf('escalations')).toBe(quiet.escalations);
  });

  it('a disagreement moved on by a change that wrote no obligation: the stage it left is met when the next began', async () => {
    setNow('2026-12-14T10:00:00Z');
    const raised = await graph.query<any>(
      raise,
      { input: raiseInput({ caseReference: 'CASE-OBL-0003' }) },
      { as: 'sussex-health-visitor' },
    );
    const id = raised.data.raiseProfessionalDisagreement.id;
    // As a bulk load or a repair script would leave it: the row at stage 2, the ledger still at stage 1.
    await graph.subgraphs.escalations.db.getRepository(ProfessionalDisagreement).update(
      { id },
      {
        stagePosition: 2,
        stageName: 'Managers',
        stageStartedOn: '2026-12-16',
        stageDueOn: '2026-12-23',
        stageDueRule: '5 working days after 2026-12-16',
      },
    );
    await passOf('escalations');
    expect((await ledger('escalations', id)).map((row) => [row.occurrence, row.status, row.due, row.metOn])).toEqual([
      ['stage-1', 'MET', '2026-12-21', '2026-12-16'],
      ['stage-2', 'OPEN', '2026-12-23', null],
    ]);
  });
});
