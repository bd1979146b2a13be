import {
  AccessScope,
  audienceAdmits,
  AuditAction,
  AuditRecord,
  demoIdentities,
  demoIds,
  Obligation,
  OutboxEvent,
  type ObligationAudience,
} from '@safeguarding/shared';
import { reconcileSection11Obligations } from '../subgraphs/agencies/src/section11/section11.module';
import { startGraph, type TestGraph } from './support/graph';

/**
 * The self-assessment engine both modules share (agencies' section 11, schools' section 175/157):
 * reads of returns audited like any restricted record, and returns and actions as obligations.
 */
let graph: TestGraph;
const now = () => new Date('2026-03-02T12:00:00Z');
beforeAll(async () => {
  // 2 March 2026: the financial year 2025-26 is under way and its returns are due on 31 March by default.
  graph = await startGraph({ now });
});
afterAll(() => graph?.stop());

const { westSussex, eastSussex, brightonAndHove } = demoIds.partnerships;
const reads = (subgraph: 'agencies' | 'schools', entityType: string) =>
  graph.subgraphs[subgraph].db
    .getRepository(AuditRecord)
    .find({ where: { action: AuditAction.READ, entityType }, order: { sequence: 'ASC' } });
const obligations = (subgraph: 'agencies' | 'schools', kind: string) =>
  graph.subgraphs[subgraph].db
    .getRepository(Obligation)
    .find({ where: { kind }, order: { due: 'ASC', entityId: 'ASC' } });
const admits = (obligation: Obligation, who: string) =>
  audienceAdmits(JSON.parse(obligation.audience) as ObligationAudience, AccessScope.of(demoIdentities[who]!));

const submitSchoolReturn = `mutation ($input: SubmitSchoolSafeguardingReturnInput!) { submitSchoolSafeguardingReturn(input: $input) {
  id standards { standardKey actions { id deadline { due status } } } } }`;
const completeSchoolAction = `mutation ($input: CompleteSchoolSafeguardingActionInput!) { completeSchoolSafeguardingAction(input: $input) { id } }`;
const ratingsOf = (defaults: { key: string }[]) =>
  defaults.map((s) => ({ standardKey: s.key, rating: 'GREEN', evidence: 'Seen at audit', actions: [] as unknown[] }));

describe('audited reads', () => {
  it('records one READ a section 11 return read, by whom, and none for a caller who may see none', async () => {
    const before = (await reads('agencies', 'Section11Return')).length;
    const result = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) { section11Returns { nodes { id } } } }`,
      { id: westSussex },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    const ids = result.data.partnership.section11Returns.nodes.map((r: { id: string }) => r.id).sort();
    expect(ids.length).toBeGreaterThan(0);
    const records = (await reads('agencies', 'Section11Return')).slice(before);
    expect(records.map((r) => r.entityId).sort()).toEqual(ids);
    expect(
      records.every(
        (r) => r.subject === demoIdentities['west-sussex-business-manager']!.subject && r.partnershipId === westSussex,
      ),
    ).toBe(true);

    // Through the agency as well: the same rule, the same record.
    const agencyRead = await graph.query<any>(
      `query ($id: ID!) { agency(id: $id) { section11Returns { nodes { id } } } }`,
      { id: demoIds.agencies.sussexCommunityTrust },
      { as: 'sussex-community-safeguarding-lead' },
    );
    expect(agencyRead.errors).toBeUndefined();
    const own = (await reads('agencies', 'Section11Return')).slice(before + records.length);
    expect(own.map((r) => r.entityId)).toEqual(
      agencyRead.data.agency.section11Returns.nodes.map((r: { id: string }) => r.id),
    );
    expect(own.every((r) => r.organisationId === demoIds.agencies.sussexCommunityTrust)).toBe(true);

    const nothing = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) { section11Returns { nodes { id } } } }`,
      { id: westSussex },
      { as: 'sussex-police-officer' },
    );
    expect(nothing.data.partnership.section11Returns.nodes).toEqual([]);
    expect((await reads('agencies', 'Section11Return')).length).toBe(before + records.length + own.length);
  });

  it('records one READ a school safeguarding return read', async () => {
    const defaults = (
      await graph.query<any>(`query ($id: ID!) { partnership(id: $id) { schoolSafeguardingStandards { key } } }`, {
        id: brightonAndHove,
      })
    ).data.partnership.schoolSafeguardingStandards;
    const submitted = await graph.query<any>(
      submitSchoolReturn,
      {
        input: {
          partnershipId: brightonAndHove,
          urn: '990001',
          financialYear: '2025-26',
          standards: ratingsOf(defaults),
        },
      },
      { as: 'seaview-primary-dsl' },
    );
    expect(submitted.errors).toBeUndefined();
    const before = (await reads('schools', 'SchoolSafeguardingReturn')).length;
    const result = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) { schoolSafeguardingReturns { nodes { id } } } }`,
      { id: brightonAndHove },
      { as: 'seaview-primary-dsl' },
    );
    expect(result.data.partnership.schoolSafeguardingReturns.nodes).toEqual([
      { id: submitted.data.submitSchoolSafeguardingReturn.id },
    ]);
    const records = (await reads('schools', 'SchoolSafeguardingReturn')).slice(before);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      entityId: submitted.data.submitSchoolSafeguardingReturn.id,
      organisationId: '990001',
      partnershipId: brightonAndHove,
    });
  });
});

describe('obligations', () => {
  it("opens this year's section 11 return for each designated agency that has not returned, at start, due on the default day", async () => {
    const returns = await obligations('agencies', 'SECTION_11_RETURN');
    const probation = returns.find(
      (o) => o.entityId === demoIds.agencies.probationKss && o.ownerPartnershipId === westSussex,
    );
    expect(probation).toMatchObject({
      status: 'OPEN',
      due: '2026-03-31',
      entityType: 'Agency',
      occurrence: `2025-26:${westSussex.replace(/-/g, '')}`,
      ownerOrganisationId: demoIds.agencies.probationKss,
      owedTo: 'PARTNERSHIP',
    });
    expect(probation!.basis).toContain('Children Act 2004 s11');
    // The agencies that returned owe nothing for the year.
    expect(
      returns.filter(
        (o) =>
          o.status === 'OPEN' &&
          o.entityId === demoIds.agencies.sussexCommunityTrust &&
          o.ownerPartnershipId === westSussex,
      ),
    ).toEqual([]);
    // Who may read the return today: the partnership's staff, not another partnership's nor another agency.
    expect(admits(probation!, 'west-sussex-business-manager')).toBe(true);
    expect(admits(probation!, 'east-sussex-business-manager')).toBe(false);
    expect(admits(probation!, 'sussex-community-safeguarding-lead')).toBe(false);

    const actions = await obligations('agencies', 'SECTION_11_ACTION');
    const open = actions.filter((o) => o.status === 'OPEN');
    expect(open.map((o) => o.due)).toEqual(expect.arrayContaining(['2026-03-31', '2027-03-31']));
    expect(open.every((o) => o.ownerPartnershipId === westSussex && o.entityType === 'Section11Action')).toBe(true);
    expect(admits(open[0]!, 'sussex-community-safeguarding-lead')).toBe(true);
  });

  it('reconciles idempotently: a second pass writes no obligation and no event', async () => {
    const db = graph.subgraphs.agencies.db;
    const events = await db.getRepository(OutboxEvent).count();
    const rows = await db.getRepository(Obligation).count();
    await reconcileSection11Obligations({ db, now });
    expect(await db.getRepository(OutboxEvent).count()).toBe(events);
    expect(await db.getRepository(Obligation).count()).toBe(rows);
  });

  it("meets a school's return when it is made, opens its actions, and meets each action when done, with the events in the same transaction", async () => {
    const before = (await obligations('schools', 'SCHOOL_SAFEGUARDING_RETURN')).find(
      (o) => o.entityId === '990003' && o.ownerPartnershipId === eastSussex,
    );
    expect(before).toMatchObject({ status: 'OPEN', due: '2026-03-31', entityType: 'School' });
    const defaults = (
      await graph.query<any>(`query ($id: ID!) { partnership(id: $id) { schoolSafeguardingStandards { key } } }`, {
        id: eastSussex,
      })
    ).data.partnership.schoolSafeguardingStandards;
    const standards = ratingsOf(defaults);
    standards[0]!.actions = [{ description: 'Train the deputy DSL', owner: 'Headteacher', dueOn: '2026-07-15' }];
    const submitted = await graph.query<any>(
      submitSchoolReturn,
      { input: { partnershipId: eastSussex, urn: '990003', financialYear: '2025-26', standards } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(submitted.errors).toBeUndefined();
    const after = (await obligations('schools', 'SCHOOL_SAFEGUARDING_RETURN')).find((o) => o.id === before!.id);
    expect(after).toMatchObject({ status: 'MET', metOn: '2026-03-02' });
    const events = graph.subgraphs.schools.db.getRepository(OutboxEvent);
    expect(await events.count({ where: { entityId: before!.id, type: 'obligation.met' } })).toBe(1);

    const actionId = submitted.data.submitSchoolSafeguardingReturn.standards.flatMap(
      (r: { actions: Array<{ id: string }> }) => r.actions,
    )[0].id;
    const action = (await obligations('schools', 'SCHOOL_SAFEGUARDING_ACTION')).find((o) => o.entityId === actionId);
    expect(action).toMatchObject({
      status: 'OPEN',
      due: '2026-07-15',
      ownerOrganisationId: '990003',
      ownerPartnershipId: eastSussex,
      entityType: 'SchoolSafeguardingAction',
    });
    expect(admits(action!, 'shingle-bay-primary-dsl')).toBe(true);
    expect(admits(action!, 'seaview-primary-dsl')).toBe(false);
    expect(admits(action!, 'east-sussex-business-manager')).toBe(true);

    const done = await graph.query<any>(
      completeSchoolAction,
      { input: { actionId, completedOn: '2026-03-02' } },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(done.errors).toBeUndefined();
    expect(
      (await obligations('schools', 'SCHOOL_SAFEGUARDING_ACTION')).find((o) => o.entityId === actionId),
    ).toMatchObject({ status: 'MET', metOn: '2026-03-02' });
    expect(await events.count({ where: { entityId: action!.id, type: 'obligation.met' } })).toBe(1);
  });

  it("lets a partnership set the day its returns are due, moving this year's open returns to it", async () => {
    const setDay = `mutation ($id: ID!, $day: String!) { setSchoolSafeguardingReturnDue(partnershipId: $id, returnDue: $day) }`;
    const dayOf = `query ($id: ID!) { partnership(id: $id) { schoolSafeguardingReturnDue section11ReturnDue } }`;
    expect((await graph.query<any>(dayOf, { id: eastSussex })).data.partnership).toEqual({
      schoolSafeguardingReturnDue: '03-31',
      section11ReturnDue: '03-31',
    });

    const outsider = await graph.query<any>(
      setDay,
      { id: eastSussex, day: '01-31' },
      { as: 'west-sussex-business-manager' },
    );
    expect(outsider.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const school = await graph.query<any>(setDay, { id: eastSussex, day: '01-31' }, { as: 'shingle-bay-primary-dsl' });
    expect(school.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const leap = await graph.query<any>(
      setDay,
      { id: eastSussex, day: '02-29' },
      { as: 'east-sussex-business-manager' },
    );
    expect(leap.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'returnDue' });

    const set = await graph.query<any>(
      setDay,
      { id: eastSussex, day: '01-31' },
      { as: 'east-sussex-business-manager' },
    );
    expect(set.errors).toBeUndefined();
    expect(set.data.setSchoolSafeguardingReturnDue).toBe('01-31');
    expect((await graph.query<any>(dayOf, { id: eastSussex })).data.partnership).toEqual({
      schoolSafeguardingReturnDue: '01-31',
      section11ReturnDue: '03-31',
    });
    const returns = (await obligations('schools', 'SCHOOL_SAFEGUARDING_RETURN')).filter(
      (o) => o.ownerPartnershipId === eastSussex,
    );
    // Wealdview has not returned: its return moves to 31 January 2026; Shingle Bay's stays met.
    expect(returns.find((o) => o.entityId === '990004')).toMatchObject({ status: 'OPEN', due: '2026-01-31' });
    expect(returns.find((o) => o.entityId === '990003')).toMatchObject({ status: 'MET' });
    expect(returns.find((o) => o.entityId === '990004')!.rule).toContain('the day the partnership set');
    // Brighton and Hove's day is its own.
    expect(
      (await obligations('schools', 'SCHOOL_SAFEGUARDING_RETURN'))
        .filter((o) => o.ownerPartnershipId === brightonAndHove && o.status === 'OPEN')
        .every((o) => o.due === '2026-03-31'),
    ).toBe(true);
  });

  it("opens an agency's return when a partnership designates it for the year, and cancels it when the designation ends before the year, in the same transaction", async () => {
    const registered = await graph.query<any>(
      `mutation ($input: RegisterRelevantAgencyInput!) { registerRelevantAgency(input: $input) { id } }`,
      {
        input: {
          name: 'Bognor Regis College (test)',
          scheduleCategory: 'EDUCATION_AND_CHILDCARE',
          scheduleEntry: 'FURTHER_EDUCATION_COLLEGE',
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(registered.errors).toBeUndefined();
    const agencyId = registered.data.registerRelevantAgency.id;
    const designated = await graph.query<any>(
      `mutation ($input: DesignateRelevantAgencyInput!) { designateRelevantAgency(input: $input) { id } }`,
      {
        input: {
          partnershipId: westSussex,
          agencyId,
          designatedFrom: '2025-01-01',
          reason: 'Named in the arrangements',
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(designated.errors).toBeUndefined();
    const owed = (await obligations('agencies', 'SECTION_11_RETURN')).find((o) => o.entityId === agencyId);
    expect(owed).toMatchObject({
      status: 'OPEN',
      due: '2026-03-31',
      ownerPartnershipId: westSussex,
      occurrence: `2025-26:${westSussex.replace(/-/g, '')}`,
    });

    const ended = await graph.query<any>(
      `mutation ($input: EndDesignationInput!) { endRelevantAgencyDesignation(input: $input) { id } }`,
      {
        input: {
          designationId: designated.data.designateRelevantAgency.id,
          designatedUntil: '2025-03-31',
          reason: 'Designated in error',
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(ended.errors).toBeUndefined();
    expect((await obligations('agencies', 'SECTION_11_RETURN')).find((o) => o.id === owed!.id)).toMatchObject({
      status: 'CANCELLED',
    });
    expect(
      await graph.subgraphs.agencies.db
        .getRepository(OutboxEvent)
        .count({ where: { entityId: owed!.id, type: 'obligation.cancelled' } }),
    ).toBe(1);
  });
});
