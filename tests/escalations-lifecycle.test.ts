import { AuditRecord, demoIds, nameBasedId, statutoryOrganisationId, subgraphSchema } from '@safeguarding/shared';
import { defaultEscalationStages, EscalationEventRepository, escalationsSubgraph } from '@safeguarding/escalations';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 8: professional disagreements through the gateway, with the clock standing on chosen days
 * so deadlines across bank holidays are exact.
 */
let now = new Date('2026-12-23T10:00:00Z');
const setToday = (day: string) => {
  now = new Date(`${day}T10:00:00Z`);
};

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => now });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const eastSussex = demoIds.partnerships.eastSussex;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const eastSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '845' });

const fields = `id status stagePosition stageName childAtImmediateRisk stageStartedOn
  stageDeadline { due rule basis status completedOn }
  history { nodes { sequence kind fromStage toStage stageName stageDueOn reason outcome subject organisationId agreedActions { description ownerOrganisationId dueOn } } }
  historyChain { intact events brokenAtSequence }`;

const raise = `mutation Raise($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { ${fields} } }`;
const escalate = `mutation Escalate($id: ID!, $input: EscalateProfessionalDisagreementInput!) { escalateProfessionalDisagreement(id: $id, input: $input) { ${fields} } }`;
const resolve = `mutation Resolve($id: ID!, $input: ResolveProfessionalDisagreementInput!) { resolveProfessionalDisagreement(id: $id, input: $input) { ${fields} } }`;
const withdraw = `mutation Withdraw($id: ID!, $reason: String!) { withdrawProfessionalDisagreement(id: $id, reason: $reason) { ${fields} } }`;
const read = `query Read($id: ID!) { professionalDisagreement(id: $id) { ${fields} } }`;

function raiseInput(overrides: Record<string, unknown> = {}) {
  return {
    partnershipId: westSussex,
    caseReference: 'CASE-T-0001',
    raisedWithAgencyId: westSussexCouncil,
    issueType: 'THRESHOLD_OR_REFERRAL_DECISION',
    summary: 'Referral judged below threshold (test)',
    ...overrides,
  };
}

async function raised(
  overrides: Record<string, unknown> = {},
  as: 'sussex-health-visitor' | 'sussex-police-officer' = 'sussex-health-visitor',
) {
  const result = await graph.query<any>(raise, { input: raiseInput(overrides) }, { as });
  expect(result.errors).toBeUndefined();
  return result.data.raiseProfessionalDisagreement;
}

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.['code'];

describe('raising a disagreement', () => {
  beforeEach(() => setToday('2026-12-23'));

  it('starts at stage 1 with the deadline counted over Christmas and the New Year bank holidays, as one audited event', async () => {
    const audit = graph.subgraphs.escalations.db.getRepository(AuditRecord);
    const d = await raised();
    expect(d).toMatchObject({
      status: 'OPEN',
      stagePosition: 1,
      stageName: 'Practitioners',
      stageStartedOn: '2026-12-23',
      // Thu 24 (1), Tue 29 (2), Wed 30 (3), Thu 31 (4), Mon 4 Jan (5): DOMAIN.md §3's own example.
      stageDeadline: {
        due: '2027-01-04',
        rule: '5 working days after 2026-12-23',
        status: 'PENDING',
        completedOn: null,
      },
      historyChain: { intact: true, events: 1, brokenAtSequence: null },
    });
    expect(d.history.nodes).toEqual([
      expect.objectContaining({
        sequence: 1,
        kind: 'RAISED',
        toStage: 1,
        stageDueOn: '2027-01-04',
        subject: 'demo:sussex-health-visitor',
        organisationId: demoIds.agencies.sussexCommunityTrust,
      }),
    ]);
    const [last] = await audit.find({ order: { sequence: 'DESC' }, take: 1 });
    expect(last).toMatchObject({
      action: 'CREATE',
      entityType: 'ProfessionalDisagreement',
      entityId: d.id,
      subject: 'demo:sussex-health-visitor',
      clientOperationName: 'Raise',
      operationType: 'mutation',
    });
  });

  it('with the child at immediate risk, starts at the stage that can act now: stage 2 by default, as configured otherwise', async () => {
    const d = await raised({ childAtImmediateRisk: true, caseReference: 'CASE-T-RISK' });
    expect(d).toMatchObject({
      stagePosition: 2,
      stageName: 'Managers',
      childAtImmediateRisk: true,
      stageDeadline: { due: '2027-01-04' },
    });

    const configure = `mutation ($p: ID!, $stages: [EscalationStageInput!]!) { configureEscalationPolicy(partnershipId: $p, stages: $stages, immediateRiskStagePosition: 3) { immediateRiskStagePosition partnershipStagePosition stages { position actsOnImmediateRisk } } }`;
    const stages = [1, 2, 3, 4, 5].map((n) => ({
      name: `Stage ${n}`,
      participants: 'those involved',
      timescaleWorkingDays: n,
    }));
    const policy = await graph.query<any>(configure, { p: eastSussex, stages }, { as: 'east-sussex-business-manager' });
    expect(policy.errors).toBeUndefined();
    expect(policy.data.configureEscalationPolicy).toMatchObject({
      immediateRiskStagePosition: 3,
      partnershipStagePosition: 4,
    });
    const atRisk = await raised({
      partnershipId: eastSussex,
      raisedWithAgencyId: eastSussexCouncil,
      childAtImmediateRisk: true,
      caseReference: 'CASE-T-RISK-ES',
    });
    // Stage 3 has 3 working days: Thu 24, Tue 29, Wed 30.
    expect(atRisk).toMatchObject({ stagePosition: 3, stageName: 'Stage 3', stageDeadline: { due: '2026-12-30' } });

    const outOfRange = await graph.query<any>(
      configure.replace('immediateRiskStagePosition: 3', 'immediateRiskStagePosition: 6'),
      { p: eastSussex, stages },
      { as: 'east-sussex-business-manager' },
    );
    expect(outOfRange.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'immediateRiskStagePosition',
    });
  });

  it('refuses bad input naming the field, another partnership, and a disagreement with oneself; writes nothing', async () => {
    const count = () => graph.subgraphs.escalations.db.getRepository('ProfessionalDisagreement').count();
    const before = await count();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ caseReference: 'Jane Smith' }, 'input.caseReference'],
      [{ summary: '  ' }, 'input.summary'],
      [{ raisedWithSchoolUrn: '990005' }, 'input.raisedWithAgencyId'],
      [{ raisedWithAgencyId: demoIds.agencies.sussexCommunityTrust }, 'input.raisedWithAgencyId'],
    ];
    for (const [overrides, field] of cases) {
      const result = await graph.query<any>(raise, { input: raiseInput(overrides) }, { as: 'sussex-health-visitor' });
      expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
    const elsewhere = await graph.query<any>(
      raise,
      { input: raiseInput({ partnershipId: eastSussex }) },
      { as: 'west-sussex-social-worker' },
    );
    expect(elsewhere.errors![0]).toMatchObject({
      message: 'You do not act in that partnership',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(codeOf(await graph.query(raise, { input: raiseInput() }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await graph.query(raise, { input: raiseInput() }, { as: 'panel-member' }))).toBe('FORBIDDEN');
    expect(await count()).toBe(before);
  });

  it('lets a school raise one with its local authority; the school sees it on School.escalationsRaised', async () => {
    const result = await graph.query<any>(
      raise,
      {
        input: raiseInput({
          partnershipId: demoIds.partnerships.brightonAndHove,
          raisedWithAgencyId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' }),
          caseReference: 'CASE-T-SCHOOL',
        }),
      },
      { as: 'seaview-primary-dsl' },
    );
    expect(result.errors).toBeUndefined();
    const school = await graph.query<any>(
      `{ school(urn: "990001") { name escalationsRaised { nodes { caseReference raisedBy { id } raisedBySchool { urn name } raisedWith { name } } } } }`,
      {},
      { as: 'seaview-primary-dsl' },
    );
    expect(school.errors).toBeUndefined();
    expect(school.data.school.escalationsRaised.nodes.map((d: any) => d.caseReference).sort()).toEqual([
      'CASE-DEMO-0006',
      'CASE-T-SCHOOL',
    ]);
    expect(school.data.school.escalationsRaised.nodes[0]).toMatchObject({
      raisedBy: null,
      raisedBySchool: { urn: '990001', name: 'Seaview Primary School (demo)' },
      raisedWith: { name: expect.stringContaining('Brighton') },
    });
  });
});

describe('transitions: a state machine whose history is the record', () => {
  beforeEach(() => setToday('2026-12-23'));

  it('escalates to the next stage only, unless the child is at immediate risk; the new deadline is fixed when the stage starts', async () => {
    const d = await raised({ caseReference: 'CASE-T-SKIP' });
    const skip = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'Straight to the partnership', toStagePosition: 3 } },
      { as: 'sussex-health-visitor' },
    );
    expect(codeOf(skip)).toBe('CONFLICT');
    expect(skip.errors![0]!.extensions).toMatchObject({
      state: 'OPEN',
      stage: 1,
      allowed: ['ESCALATE', 'RESOLVE', 'WITHDRAW'],
    });
    expect(skip.errors![0]!.message).toBe(
      'professional disagreement is OPEN at stage 1: skipping to stage 3 needs the child to be at immediate risk',
    );
    const back = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'Again', toStagePosition: 1 } },
      { as: 'sussex-health-visitor' },
    );
    expect(back.errors![0]!.message).toContain('OPEN at stage 1: escalation goes forward');
    const missingReason = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: ' ' } },
      { as: 'sussex-health-visitor' },
    );
    expect(missingReason.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.reason' });

    setToday('2026-12-24');
    const next = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'No agreement between practitioners' } },
      { as: 'west-sussex-social-worker' },
    );
    expect(next.errors).toBeUndefined();
    expect(next.data.escalateProfessionalDisagreement).toMatchObject({
      stagePosition: 2,
      stageStartedOn: '2026-12-24',
      // Tue 29, Wed 30, Thu 31, Mon 4, Tue 5.
      stageDeadline: { due: '2027-01-05', rule: '5 working days after 2026-12-24' },
      historyChain: { intact: true, events: 2 },
    });
    expect(next.data.escalateProfessionalDisagreement.history.nodes[1]).toMatchObject({
      sequence: 2,
      kind: 'ESCALATED',
      fromStage: 1,
      toStage: 2,
      reason: 'No agreement between practitioners',
      organisationId: westSussexCouncil,
    });

    const urgent = await graph.query<any>(
      escalate,
      {
        id: d.id,
        input: { reason: 'The child is now at immediate risk', toStagePosition: 4, childAtImmediateRisk: true },
      },
      { as: 'sussex-health-visitor' },
    );
    expect(urgent.errors).toBeUndefined();
    expect(urgent.data.escalateProfessionalDisagreement).toMatchObject({
      stagePosition: 4,
      childAtImmediateRisk: true,
      stageName: 'Partnership business unit and independent scrutineer',
    });
  });

  it('keeps a running deadline when the policy changes mid-escalation; the next stage takes the new timescale', async () => {
    const d = await raised({ caseReference: 'CASE-T-POLICY' });
    expect(d.stageDeadline.due).toBe('2027-01-04');
    const configure = `mutation ($p: ID!, $stages: [EscalationStageInput!]!) { configureEscalationPolicy(partnershipId: $p, stages: $stages) { stages { position timescaleWorkingDays } } }`;
    const changed = await graph.query<any>(
      configure,
      {
        p: westSussex,
        stages: [
          { name: 'Practitioners', participants: 'the practitioners', timescaleWorkingDays: 20 },
          { name: 'Managers (fast track)', participants: 'their managers', timescaleWorkingDays: 2 },
          { name: 'Leads', participants: 'named leads', timescaleWorkingDays: 5 },
          { name: 'Partnership', participants: 'business unit and scrutineer', timescaleWorkingDays: 10 },
        ],
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(changed.errors).toBeUndefined();
    const after = await graph.query<any>(read, { id: d.id }, { as: 'sussex-health-visitor' });
    expect(after.data.professionalDisagreement.stageDeadline).toMatchObject({
      due: '2027-01-04',
      rule: '5 working days after 2026-12-23',
    });
    // The demo disagreement started its stage under the old policy too.
    const demo = await graph.query<any>(
      read,
      { id: nameBasedId('demo:disagreement:0001') },
      { as: 'sussex-health-visitor' },
    );
    expect(demo.data.professionalDisagreement.stageDeadline).toMatchObject({ due: '2026-11-23', status: 'OVERDUE' });

    const next = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'Needs managers' } },
      { as: 'sussex-health-visitor' },
    );
    // 2 working days after Wed 23 Dec: Thu 24, Tue 29.
    expect(next.data.escalateProfessionalDisagreement).toMatchObject({
      stageName: 'Managers (fast track)',
      stageDeadline: { due: '2026-12-29' },
    });
    expect(next.data.escalateProfessionalDisagreement.history.nodes[0].stageDueOn).toBe('2027-01-04');

    // Back to the default policy for the tests that follow.
    const restored = await graph.query<any>(
      configure,
      {
        p: westSussex,
        stages: defaultEscalationStages().map(({ name, participants, timescaleWorkingDays }) => ({
          name,
          participants,
          timescaleWorkingDays,
        })),
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(restored.errors).toBeUndefined();
  });

  it('resolves with the outcome and the agreed actions, then refuses every attempt to alter that history, naming the state', async () => {
    const d = await raised({ caseReference: 'CASE-T-RESOLVE' });
    const badAction = await graph.query<any>(
      resolve,
      {
        id: d.id,
        input: {
          outcome: 'Agreed',
          agreedActions: [{ description: 'Assess', ownerOrganisationId: 'not-an-org', dueOn: '2027-01-15' }],
        },
      },
      { as: 'west-sussex-social-worker' },
    );
    expect(badAction.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.agreedActions.0.ownerOrganisationId',
    });
    const pastAction = await graph.query<any>(
      resolve,
      {
        id: d.id,
        input: {
          outcome: 'Agreed',
          agreedActions: [{ description: 'Assess', ownerOrganisationId: westSussexCouncil, dueOn: '2026-12-01' }],
        },
      },
      { as: 'west-sussex-social-worker' },
    );
    expect(pastAction.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.agreedActions.0.dueOn',
    });

    setToday('2027-01-05');
    const actions = [
      {
        description: 'Complete a child and family assessment',
        ownerOrganisationId: westSussexCouncil,
        dueOn: '2027-01-15',
      },
      {
        description: 'Share health visiting records',
        ownerOrganisationId: demoIds.agencies.sussexCommunityTrust,
        dueOn: '2027-01-08',
      },
    ];
    const done = await graph.query<any>(
      resolve,
      { id: d.id, input: { outcome: 'Referral accepted for assessment', agreedActions: actions } },
      { as: 'west-sussex-social-worker' },
    );
    expect(done.errors).toBeUndefined();
    expect(done.data.resolveProfessionalDisagreement).toMatchObject({
      status: 'RESOLVED',
      // Closed the day after the deadline: the stage deadline was missed.
      stageDeadline: { due: '2027-01-04', completedOn: '2027-01-05', status: 'MISSED' },
      historyChain: { intact: true, events: 2 },
    });
    expect(done.data.resolveProfessionalDisagreement.history.nodes[1]).toMatchObject({
      kind: 'RESOLVED',
      outcome: 'Referral accepted for assessment',
      agreedActions: actions,
    });

    const attempts = [
      await graph.query<any>(
        resolve,
        { id: d.id, input: { outcome: 'A different outcome', agreedActions: [] } },
        { as: 'sussex-health-visitor' },
      ),
      await graph.query<any>(escalate, { id: d.id, input: { reason: 'Reopen it' } }, { as: 'sussex-health-visitor' }),
      await graph.query<any>(withdraw, { id: d.id, reason: 'Never mind' }, { as: 'sussex-health-visitor' }),
    ];
    for (const attempt of attempts) {
      expect(codeOf(attempt)).toBe('CONFLICT');
      expect(attempt.errors![0]!.extensions).toMatchObject({ state: 'RESOLVED', allowed: [] });
      expect(attempt.errors![0]!.message).toMatch(/^professional disagreement is RESOLVED: its history is closed/);
    }
    const after = await graph.query<any>(read, { id: d.id }, { as: 'sussex-health-visitor' });
    expect(after.data.professionalDisagreement.history.nodes).toEqual(
      done.data.resolveProfessionalDisagreement.history.nodes,
    );
  });

  it('lets only the organisation that raised it withdraw it', async () => {
    const d = await raised({ caseReference: 'CASE-T-WITHDRAW' });
    const other = await graph.query<any>(
      withdraw,
      { id: d.id, reason: 'Not ours to withdraw' },
      { as: 'west-sussex-social-worker' },
    );
    expect(other.errors![0]).toMatchObject({
      message: 'Only the organisation that raised this disagreement may withdraw it',
      extensions: { code: 'FORBIDDEN' },
    });
    const stranger = await graph.query<any>(
      withdraw,
      { id: d.id, reason: 'Not ours' },
      { as: 'sussex-police-officer' },
    );
    expect(codeOf(stranger)).toBe('NOT_FOUND');
    const own = await graph.query<any>(
      withdraw,
      { id: d.id, reason: 'Resolved informally by phone' },
      { as: 'sussex-health-visitor' },
    );
    expect(own.data.withdrawProfessionalDisagreement).toMatchObject({
      status: 'WITHDRAWN',
      stageDeadline: { completedOn: '2026-12-23', status: 'MET' },
    });
    const again = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'Escalate anyway' } },
      { as: 'sussex-health-visitor' },
    );
    expect(again.errors![0]!.message).toMatch(/^professional disagreement is WITHDRAWN/);
  });

  it('offers no way to edit or delete an event, and shows a tampered or removed event in the history chain', async () => {
    // The escalations subgraph: no mutation or input reaches an event (other subgraphs' own updates are theirs).
    const { schema } = await subgraphSchema(escalationsSubgraph);
    const mutations = Object.keys(schema.getMutationType()!.getFields());
    expect(mutations).toContain('escalateProfessionalDisagreement');
    expect(mutations.filter((name) => /event|history/i.test(name))).toEqual([]);
    expect(mutations.filter((name) => /^(update|delete|remove|edit)/i.test(name))).toEqual([]);
    // The repository: reads (whole histories, pages and counts) and appends, nothing else.
    expect(Object.getOwnPropertyNames(EscalationEventRepository.prototype).sort()).toEqual([
      'append',
      'constructor',
      'countsOfStreams',
      'learningNoteCounts',
      'learningNotePages',
      'learningNotesQuery',
      'ofStreams',
      'ofStreamsQuery',
      'pagesOfStreams',
    ]);

    const d = await raised({ caseReference: 'CASE-T-TAMPER' });
    await graph.query(escalate, { id: d.id, input: { reason: 'No agreement' } }, { as: 'sussex-health-visitor' });
    await graph.query(escalate, { id: d.id, input: { reason: 'Still no agreement' } }, { as: 'sussex-health-visitor' });
    const events = graph.subgraphs.escalations.db.getRepository('EscalationEvent');
    const second = await events.findOneByOrFail({ streamId: d.id, sequence: 2 });
    await events.update({ id: second['id'] }, { reason: 'Rewritten afterwards' });
    let chain = (await graph.query<any>(read, { id: d.id }, { as: 'sussex-health-visitor' })).data
      .professionalDisagreement.historyChain;
    expect(chain).toEqual({ intact: false, events: 3, brokenAtSequence: 2 });
    await events.update({ id: second['id'] }, { reason: second['reason'] });
    chain = (await graph.query<any>(read, { id: d.id }, { as: 'sussex-health-visitor' })).data.professionalDisagreement
      .historyChain;
    expect(chain.intact).toBe(true);
    await events.delete({ id: second['id'] });
    chain = (await graph.query<any>(read, { id: d.id }, { as: 'sussex-health-visitor' })).data.professionalDisagreement
      .historyChain;
    expect(chain).toEqual({ intact: false, events: 2, brokenAtSequence: 3 });
  });
});

describe("the scrutineer's advice and learning notes", () => {
  beforeEach(() => setToday('2026-12-23'));
  const advise = `mutation ($id: ID!, $advice: String!, $reason: String) { recordScrutineerAdvice(id: $id, advice: $advice, accessReason: $reason) { history { nodes { kind reason subject } } } }`;
  const facilitating = 'Facilitating the partnership stage of this escalation';
  const learn = `mutation ($id: ID!, $note: String!) { recordEscalationLearning(id: $id, note: $note) { history { nodes { kind reason } } } }`;

  it('records advice only from the scrutineer, and only from the partnership stage', async () => {
    const d = await raised({ caseReference: 'CASE-T-ADVICE' });
    const early = await graph.query<any>(
      advise,
      { id: d.id, advice: 'Meet within two days', reason: facilitating },
      { as: 'west-sussex-scrutineer' },
    );
    expect(early.errors![0]!.message).toBe(
      'professional disagreement is OPEN at stage 1: the scrutineer advises from the partnership stage, 4',
    );
    const partnership = await graph.query<any>(
      escalate,
      { id: d.id, input: { reason: 'Urgent', toStagePosition: 4, childAtImmediateRisk: true } },
      { as: 'sussex-health-visitor' },
    );
    expect(partnership.errors).toBeUndefined();
    expect(codeOf(await graph.query(advise, { id: d.id, advice: 'My advice' }, { as: 'sussex-health-visitor' }))).toBe(
      'FORBIDDEN',
    );
    // The scrutineer is not party to the case: the answer shows it, so the reason is required and recorded.
    const unstated = await graph.query<any>(
      advise,
      { id: d.id, advice: 'Convene the leads with the business unit this week' },
      { as: 'west-sussex-scrutineer' },
    );
    expect(codeOf(unstated)).toBe('FORBIDDEN');
    expect(JSON.stringify(unstated)).not.toContain('CASE-T-ADVICE');
    const advice = await graph.query<any>(
      advise,
      { id: d.id, advice: 'Convene the leads with the business unit this week', reason: facilitating },
      { as: 'west-sussex-scrutineer' },
    );
    expect(advice.errors).toBeUndefined();
    expect(advice.data.recordScrutineerAdvice.history.nodes.at(-1)).toEqual({
      kind: 'SCRUTINEER_ADVICE',
      reason: 'Convene the leads with the business unit this week',
      subject: 'demo:west-sussex-scrutineer',
    });
  });

  it("lists a partnership's learning notes for a period to its staff only, and audits the look", async () => {
    const d = await raised({ caseReference: 'CASE-T-LEARN' });
    const note = await graph.query<any>(
      learn,
      { id: d.id, note: 'Threshold decisions should be explained to the referrer in writing' },
      { as: 'sussex-health-visitor' },
    );
    expect(note.errors).toBeUndefined();
    const notes = `query Notes($p: ID!, $from: Date!, $to: Date!) { partnership(id: $p) { escalationLearningNotes(from: $from, to: $to) { nodes { kind reason occurredOn } } } }`;
    const audit = graph.subgraphs.escalations.db.getRepository(AuditRecord);
    const before = await audit.count();
    const staff = await graph.query<any>(
      notes,
      { p: westSussex, from: '2026-12-01', to: '2026-12-31' },
      { as: 'west-sussex-business-manager' },
    );
    expect(staff.data.partnership.escalationLearningNotes.nodes).toEqual([
      {
        kind: 'LEARNING_NOTE',
        reason: 'Threshold decisions should be explained to the referrer in writing',
        occurredOn: '2026-12-23',
      },
    ]);
    expect(await audit.count()).toBe(before + 1);
    const outside = await graph.query<any>(
      notes,
      { p: westSussex, from: '2026-01-01', to: '2026-11-30' },
      { as: 'west-sussex-business-manager' },
    );
    expect(outside.data.partnership.escalationLearningNotes.nodes).toEqual([]);
    expect(
      codeOf(
        await graph.query(
          notes,
          { p: westSussex, from: '2026-12-01', to: '2026-12-31' },
          { as: 'west-sussex-social-worker' },
        ),
      ),
    ).toBe('FORBIDDEN');
    const backwards = await graph.query<any>(
      notes,
      { p: westSussex, from: '2026-12-31', to: '2026-12-01' },
      { as: 'west-sussex-business-manager' },
    );
    expect(backwards.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
  });
});

describe('escalations on Agency, through the gateway', () => {
  it('shows an agency the disagreements it raised and received, and others only those they are party to', async () => {
    const query = `query ($id: ID!) { agency(id: $id) { name escalationsRaised { nodes { caseReference raisedWith { name } } } escalationsReceived { nodes { caseReference } } } }`;
    const own = await graph.query<any>(
      query,
      { id: demoIds.agencies.sussexCommunityTrust },
      { as: 'sussex-health-visitor' },
    );
    expect(own.errors).toBeUndefined();
    expect(own.data.agency.escalationsRaised.nodes.map((d: any) => d.caseReference)).toContain('CASE-DEMO-0001');
    const council = await graph.query<any>(query, { id: westSussexCouncil }, { as: 'west-sussex-social-worker' });
    expect(council.data.agency.escalationsReceived.nodes.map((d: any) => d.caseReference)).toContain('CASE-DEMO-0001');
    // The police are party to none of the community trust's disagreements.
    const police = await graph.query<any>(
      query,
      { id: demoIds.agencies.sussexCommunityTrust },
      { as: 'sussex-police-officer' },
    );
    expect(police.data.agency).toMatchObject({ escalationsRaised: { nodes: [] }, escalationsReceived: { nodes: [] } });
  });
});
