import { AuditRecord, demoIds, nameBasedId, Role, statutoryOrganisationId, type Identity } from '@safeguarding/shared';
import { dataOf, firstError, gql, startGraph, type TestGraph } from './support/graph';

/**
 * Issue 12: who owns what a mutation changes, seen from the owners' side (the schema-wide refusals
 * are in security-mutations.test.ts), and a mutation's answer read under the same rules as a query.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2026-11-20T12:00:00Z') });
});
afterAll(() => graph?.stop());

const { westSussex, eastSussex, brightonAndHove } = demoIds.partnerships;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const brightonCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '846' });
const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.['code'];

async function bearer(identity: Identity): Promise<string> {
  return `Bearer ${await graph.tokenFor(identity)}`;
}
const brightonManager = (): Promise<string> =>
  bearer({
    subject: 'test:brighton-business-manager',
    organisation: { id: brightonCouncil, kind: 'LOCAL_AUTHORITY' },
    roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
    partnershipIds: [brightonAndHove],
  });

describe("an agency's contacts", () => {
  const setContact = `mutation ($agencyId: ID!, $input: AgencyContactInput!) { setAgencyContact(agencyId: $agencyId, input: $input) { role telephone } }`;
  const frontDoor = gql<{ frontDoorFor: { inHours: { telephone: string; email: string | null } } }>(
    `{ frontDoorFor(localAuthorityGssCode: "E10000032") { inHours { telephone email } } }`,
  );
  const attacker = {
    role: 'CHILDRENS_SOCIAL_CARE_FRONT_DOOR',
    telephone: '01632 960666',
    email: 'referrals@attacker.example',
  };

  it("keeps West Sussex's front door from East Sussex's business manager, so frontDoorFor still gives out the council's own number", async () => {
    const before = await graph.query(frontDoor);
    expect(dataOf(before).frontDoorFor.inHours.telephone).toBe('01632 960301');
    const result = await graph.query(
      setContact,
      { agencyId: westSussexCouncil, input: attacker },
      { as: 'east-sussex-business-manager' },
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(result.data).toBeNull();
    expect(await graph.query(frontDoor)).toEqual(before);
    // Not even West Sussex's own partnership manager: a statutory partner's contacts are its own staff's.
    const partnership = await graph.query(
      setContact,
      {
        agencyId: statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }),
        input: { role: 'SAFEGUARDING_LEAD', telephone: '01632 960667' },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(codeOf(partnership)).toBe('FORBIDDEN');
  });

  it("lets the council's own staff change it", async () => {
    const result = await graph.query(
      setContact,
      { agencyId: westSussexCouncil, input: { role: 'CHILDRENS_SOCIAL_CARE_FRONT_DOOR', telephone: '01632 960311' } },
      { as: 'west-sussex-social-worker' },
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(await graph.query(frontDoor)).frontDoorFor.inHours.telephone).toBe('01632 960311');
  });

  it('lets the administrators of a partnership that names a relevant agency correct its contacts, and no other partnership', async () => {
    const lead = { role: 'SAFEGUARDING_LEAD', name: 'Designated safeguarding lead (test)', telephone: '01632 960412' };
    // Downs Youth Trust works in Brighton & Hove only.
    const elsewhere = await graph.query(
      setContact,
      { agencyId: demoIds.agencies.youthCharity, input: lead },
      { as: 'east-sussex-business-manager' },
    );
    expect(codeOf(elsewhere)).toBe('FORBIDDEN');
    const own = await graph.query(
      setContact,
      { agencyId: demoIds.agencies.youthCharity, input: lead },
      { authorization: await brightonManager() },
    );
    expect(own.errors).toBeUndefined();
    expect(dataOf(own).setAgencyContact).toEqual({ role: 'SAFEGUARDING_LEAD', telephone: '01632 960412' });
  });
});

describe("a school's records", () => {
  const designate = `mutation ($input: DesignateSchoolsInput!) { designateSchools(input: $input) { totalCount } }`;
  const setLeads = `mutation ($input: SetSafeguardingLeadsInput!) { setSafeguardingLeads(input: $input) { name } }`;
  const setCalendar = `mutation ($input: SetSchoolCalendarInput!) { setSchoolCalendar(input: $input) { date } }`;
  const upsert = `mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { urn outcome } }`;
  const calendar = (urn: string) => ({
    urn,
    from: '2027-02-15',
    to: '2027-02-19',
    closureDays: [{ date: '2027-02-15', reason: 'INSET day' }],
  });

  it("stay with the school's partnership: another partnership cannot designate the school into its own and then rewrite them", async () => {
    const grab = await graph.query(
      designate,
      { input: { partnershipId: eastSussex, urns: ['990001'], designatedFrom: '2026-11-01' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(codeOf(grab)).toBe('FORBIDDEN');
    expect(firstError(grab).message).toMatch(/^input\.urns\.0: /);
    const byArea = await graph.query(
      designate,
      { input: { partnershipId: eastSussex, localAuthorityDfeCodes: ['846'], designatedFrom: '2026-11-01' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(codeOf(byArea)).toBe('FORBIDDEN');
    const schools = await graph.query<{ partnership: { schools: { nodes: Array<{ urn: string }> } } }>(
      `query ($id: ID!) { partnership(id: $id) { schools { nodes { urn } } } }`,
      { id: eastSussex },
    );
    expect(dataOf(schools).partnership.schools.nodes.map((s) => s.urn)).not.toContain('990001');
    expect(
      codeOf(
        await graph.query(
          setLeads,
          { input: { urn: '990001', leads: [{ name: 'Not the DSL', role: 'DESIGNATED_SAFEGUARDING_LEAD' }] } },
          { as: 'east-sussex-business-manager' },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      codeOf(await graph.query(setCalendar, { input: calendar('990001') }, { as: 'east-sussex-business-manager' })),
    ).toBe('FORBIDDEN');
    // Its own partnership may.
    expect(
      (await graph.query(setCalendar, { input: calendar('990001') }, { authorization: await brightonManager() }))
        .errors,
    ).toBeUndefined();
    expect(
      (await graph.query(setCalendar, { input: calendar('990001') }, { as: 'seaview-primary-dsl' })).errors,
    ).toBeUndefined();
  });

  it("are changed in the national register by the school's partnership or a national administrator, and a batch reaching further is refused whole", async () => {
    const west = {
      urn: '970101',
      name: 'Register School 970101',
      localAuthorityDfeCode: '938',
      establishmentNumber: '0101',
      phase: 'PRIMARY',
      status: 'OPEN',
    };
    const brighton = {
      urn: '970102',
      name: 'Register School 970102',
      localAuthorityDfeCode: '846',
      establishmentNumber: '0102',
      phase: 'PRIMARY',
      status: 'OPEN',
    };
    const mixed = await graph.query(upsert, { rows: [west, brighton] }, { as: 'west-sussex-business-manager' });
    expect(codeOf(mixed)).toBe('FORBIDDEN');
    expect(firstError(mixed).message).toMatch(/^rows\.1: /);
    expect((await graph.query('{ a: school(urn: "970101") { urn } b: school(urn: "970102") { urn } }')).data).toEqual({
      a: null,
      b: null,
    });
    const own = await graph.query(upsert, { rows: [west] }, { as: 'west-sussex-business-manager' });
    expect(dataOf(own).upsertSchools).toEqual([{ urn: '970101', outcome: 'CREATED' }]);
    const national = await graph.query(upsert, { rows: [brighton] }, { as: 'national-administrator' });
    expect(dataOf(national).upsertSchools).toEqual([{ urn: '970102', outcome: 'CREATED' }]);
    // Sending a record unchanged writes nothing, so needs no permission.
    const unchanged = await graph.query(upsert, { rows: [brighton] }, { as: 'west-sussex-business-manager' });
    expect(dataOf(unchanged).upsertSchools).toEqual([{ urn: '970102', outcome: 'UNCHANGED' }]);
    // Moving a Brighton school into West Sussex needs both areas.
    const moved = await graph.query(
      upsert,
      { rows: [{ ...brighton, localAuthorityDfeCode: '938' }] },
      { as: 'west-sussex-business-manager' },
    );
    expect(codeOf(moved)).toBe('FORBIDDEN');
  });

  it("keep a multi-area trust's record from any one of its areas", async () => {
    const record = `mutation ($input: RecordTrustInput!) { recordTrust(input: $input) { uid name } }`;
    const input = { uid: '99001', name: 'Downland Learning Trust (renamed)', companiesHouseNumber: '09999001' };
    // Downland runs Wealdview (East Sussex) and Chalk Cliff (Brighton & Hove).
    expect(codeOf(await graph.query(record, { input }, { as: 'east-sussex-business-manager' }))).toBe('FORBIDDEN');
    const national = await graph.query(record, { input }, { as: 'national-administrator' });
    expect(dataOf(national).recordTrust).toEqual({ uid: '99001', name: 'Downland Learning Trust (renamed)' });
  });
});

describe("a change's answer is a read", () => {
  const disagreementId = nameBasedId('demo:disagreement:0001');
  const learn = gql<{ recordEscalationLearning: { caseReference: string } }>(
    `mutation Learn($id: ID!, $note: String!, $reason: String) { recordEscalationLearning(id: $id, note: $note, accessReason: $reason) { caseReference raisedBy { id } history { nodes { kind reason } } } }`,
  );
  const audit = () => graph.subgraphs.escalations.db.getRepository(AuditRecord);
  const events = () =>
    graph.subgraphs.escalations.db.getRepository('EscalationEvent').countBy({ streamId: disagreementId });

  it("gives a partnership's staff, not party to the disagreement, nothing without a stated reason, and writes nothing", async () => {
    const eventsBefore = await events();
    // The scrutineer is West Sussex partnership staff, and never party to a case.
    const result = await graph.query(
      learn,
      { id: disagreementId, note: 'Learning noted by the scrutineer' },
      { as: 'west-sussex-scrutineer' },
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(JSON.stringify(result)).not.toContain('CASE-DEMO-0001');
    expect(await events()).toBe(eventsBefore);
    // Another partnership's staff cannot tell it exists.
    expect(
      codeOf(
        await graph.query(
          learn,
          { id: disagreementId, note: 'x', reason: 'Assurance of our own cases' },
          { as: 'east-sussex-business-manager' },
        ),
      ),
    ).toBe('NOT_FOUND');
  });

  it('with a stated reason, answers and records the look as an ALERT with that reason, as reading it would', async () => {
    const before = await audit().count();
    const reason = 'Preparing the learning section of the yearly report';
    const result = await graph.query(
      learn,
      { id: disagreementId, note: 'Threshold decisions explained in writing', reason },
      { as: 'west-sussex-scrutineer' },
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).recordEscalationLearning.caseReference).toBe('CASE-DEMO-0001');
    const written = await audit().find({ where: { entityId: disagreementId }, order: { sequence: 'DESC' }, take: 2 });
    expect(await audit().count()).toBe(before + 2);
    expect(written.map((r) => [r.action, r.reason, r.subject]).sort()).toEqual([
      ['ALERT', reason, 'demo:west-sussex-scrutineer'],
      ['UPDATE', null, 'demo:west-sussex-scrutineer'],
    ]);
  });

  it('asks no reason of a party, whose change is recorded as an UPDATE only', async () => {
    const before = await audit().count();
    const result = await graph.query(
      learn,
      { id: disagreementId, note: 'Agreed to explain thresholds at the first call' },
      { as: 'sussex-health-visitor' },
    );
    expect(result.errors).toBeUndefined();
    const [last] = await audit().find({ order: { sequence: 'DESC' }, take: 1 });
    expect(await audit().count()).toBe(before + 1);
    expect(last).toMatchObject({ action: 'UPDATE', entityId: disagreementId, reason: null });
  });
});

describe('the national administrator', () => {
  it('keeps the registers but sees no case and acts for no partnership', async () => {
    const disagreement = await graph.query(
      `query ($id: ID!) { professionalDisagreement(id: $id) { id } }`,
      { id: nameBasedId('demo:disagreement:0001') },
      { as: 'national-administrator' },
    );
    expect(dataOf(disagreement).professionalDisagreement).toBeNull();
    const policy = `mutation ($p: ID!) { configureEscalationPolicy(partnershipId: $p, stages: [{ name: "Practitioners", participants: "the practitioners", timescaleWorkingDays: 5 }]) { stages { name } } }`;
    expect(codeOf(await graph.query(policy, { p: westSussex }, { as: 'national-administrator' }))).toBe('FORBIDDEN');
    const contact = `mutation ($agencyId: ID!) { setAgencyContact(agencyId: $agencyId, input: { role: SAFEGUARDING_LEAD, telephone: "01632 960413" }) { role } }`;
    expect(
      codeOf(await graph.query(contact, { agencyId: demoIds.agencies.youthCharity }, { as: 'national-administrator' })),
    ).toBe('FORBIDDEN');
  });
});
