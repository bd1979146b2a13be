import {
  AccessScope,
  AuditRecord,
  createLogger,
  demoIdentities,
  demoIds,
  ForbiddenError,
  nameBasedId,
  OutboxEvent,
  statutoryOrganisationId,
  toDomainEvent,
  type SubgraphContext,
} from '@safeguarding/shared';
import { PartnershipArea } from '../subgraphs/escalations/src/partnership-area/partnership-area.entity';
import { partnershipAreaIntake } from '../subgraphs/escalations/src/partnership-area/partnership-area.service';
import { isValidNhsNumber } from '../subgraphs/escalations/src/referral/nhs-number';
import { Referral } from '../subgraphs/escalations/src/referral/referral.entity';
import { ReferralService } from '../subgraphs/escalations/src/referral/referral.service';
import { relayed, startGraph, type TestGraph } from './support/graph';

/**
 * Issue 9: referrals to the child's home local authority through the gateway, with the clock
 * standing on chosen instants so the one-working-day response is exact across bank holidays.
 */
let now = new Date('2026-11-23T10:00:00Z');
const setNow = (instant: string) => {
  now = new Date(instant);
};

let graph: TestGraph;
beforeAll(async () => {
  // The batching test reads whole pages of 100 with their related entities, beyond the default cost limit.
  graph = await startGraph({ now: () => now, overrides: { MAX_COST: '100000' } });
});
afterAll(() => graph?.stop());

const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const barnsley = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '370' });
const healthTrust = demoIds.agencies.sussexCommunityTrust;
const validNhsNumber = '9434765919';

const fields = `id status urgency significantHarm childReference nhsNumber homeLocalAuthorityGssCode receivingLocalAuthorityGssCode
  concernCategories earlyHelpIndicators lawfulBasis consent consentReason receivedAt receivedOn suggestion decision feedback referrerKind
  practitioner { subject name role }
  referringAgency { id name } referringSchool { urn name }
  receivingAuthority { id name }
  acknowledgementDeadline { due rule basis status completedOn }
  decisionDeadline { due rule basis status completedOn }
  possibleDuplicateOf { id }`;

const submit = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { ${fields} } }`;
const read = `query Read($id: ID!) { referral(id: $id) { ${fields} } }`;
const acknowledge = `mutation Ack($id: ID!) { acknowledgeReferral(id: $id) { ${fields} } }`;
const decide = `mutation Decide($id: ID!, $input: DecideReferralInput!) { decideReferral(id: $id, input: $input) { ${fields} } }`;

let keys = 0;
function referralInput(overrides: Record<string, unknown> = {}) {
  keys += 1;
  return {
    idempotencyKey: `test-key-${String(keys).padStart(4, '0')}`,
    childReference: `CHILD-T-${String(keys).padStart(4, '0')}`,
    // The NHS number also links likely duplicates, so only the tests about it give one.
    nhsNumber: null,
    homeLocalAuthorityGssCode: 'E10000032',
    concernCategories: ['NEGLECT'],
    significantHarm: false,
    earlyHelpIndicators: [],
    lawfulBasis: 'PUBLIC_TASK',
    consent: 'OBTAINED',
    practitionerName: 'A. Visitor (test)',
    practitionerRole: 'Health visitor',
    ...overrides,
  };
}

type As = keyof typeof demoIdentities;
async function submitted(overrides: Record<string, unknown> = {}, as: As = 'sussex-health-visitor') {
  const result = await graph.query<any>(submit, { input: referralInput(overrides) }, { as });
  expect(result.errors).toBeUndefined();
  return result.data.submitReferral;
}

const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.['code'];
const fieldOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.['field'];
const rows = () => graph.subgraphs.escalations.db.getRepository(Referral);

describe('submitting a referral', () => {
  beforeEach(() => setNow('2026-11-23T10:00:00Z'));

  it('is routed to the home authority, whose name the gateway resolves from the agencies subgraph, and audited as it is written', async () => {
    const r = await submitted({ nhsNumber: validNhsNumber });
    expect(r).toMatchObject({
      status: 'RECEIVED',
      urgency: 'WITHIN_ONE_WORKING_DAY',
      nhsNumber: validNhsNumber,
      receivingLocalAuthorityGssCode: 'E10000032',
      receivingAuthority: { id: westSussexCouncil, name: 'West Sussex' },
      referringAgency: { id: healthTrust },
      referringSchool: null,
      referrerKind: 'AGENCY',
      practitioner: { subject: 'demo:sussex-health-visitor', name: 'A. Visitor (test)', role: 'Health visitor' },
      receivedOn: '2026-11-23',
      acknowledgementDeadline: {
        due: '2026-11-24',
        rule: '1 working day after 2026-11-23',
        status: 'PENDING',
        completedOn: null,
      },
      decisionDeadline: { due: '2026-11-24', status: 'PENDING' },
      suggestion: null,
      // Linked by NHS number to the demo referral 0001 the trust made about the same child a week earlier.
      possibleDuplicateOf: { id: nameBasedId('demo:referral:0001') },
    });
    const [last] = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .find({ where: { entityId: r.id, action: 'CREATE' as never } });
    expect(last).toMatchObject({
      entityType: 'Referral',
      subject: 'demo:sussex-health-visitor',
      clientOperationName: 'Submit',
      operationType: 'mutation',
      rootFields: 'submitReferral',
      partnershipId: demoIds.partnerships.westSussex,
    });
  });

  it('received on a Friday evening before the August bank holiday is due on the Tuesday', async () => {
    setNow('2026-08-28T18:30:00Z'); // 19:30 in London (BST)
    const r = await submitted();
    expect(r.receivedAt).toBe('2026-08-28T18:30:00.000Z');
    expect(r.receivedOn).toBe('2026-08-28');
    expect(r.decisionDeadline).toMatchObject({
      due: '2026-09-01',
      rule: '1 working day after 2026-08-28',
      status: 'PENDING',
    });
    // 00:30 on Saturday in London (23:30 UTC on Friday): received on the 29th, due Tuesday all the same.
    setNow('2026-08-28T23:30:00Z');
    const late = await submitted();
    expect(late.receivedOn).toBe('2026-08-29');
    expect(late.decisionDeadline.due).toBe('2026-09-01');
    setNow('2026-09-02T09:00:00Z');
    const later = await graph.query<any>(read, { id: r.id }, { as: 'west-sussex-social-worker' });
    expect(later.data.referral.decisionDeadline.status).toBe('OVERDUE');
  });

  it('refuses a malformed NHS number, naming the field and not echoing the number, and writes nothing', async () => {
    const before = await rows().count();
    for (const nhsNumber of ['94347659', '9434765918', '0000000060', '94347659AB']) {
      const result = await graph.query<any>(
        submit,
        { input: referralInput({ nhsNumber }) },
        { as: 'sussex-health-visitor' },
      );
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(fieldOf(result)).toBe('input.nhsNumber');
      expect(JSON.stringify(result)).not.toContain(nhsNumber);
    }
    expect(await rows().count()).toBe(before);
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('0000000060')).toBe(false); // check digit would be 10: never issued
    expect(isValidNhsNumber('1000000060')).toBe(true); // 11 minus a remainder of 0 is 11: check digit 0
    expect(isValidNhsNumber('1000000061')).toBe(false);
  });

  it('refuses an unknown authority, naming the field', async () => {
    const result = await graph.query<any>(
      submit,
      { input: referralInput({ homeLocalAuthorityGssCode: 'E10999999' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(codeOf(result)).toBe('BAD_USER_INPUT');
    expect(fieldOf(result)).toBe('input.homeLocalAuthorityGssCode');
  });

  it('routes a terminated GSS code to its successor authority', async () => {
    const r = await submitted({ homeLocalAuthorityGssCode: 'E08000016' });
    expect(r).toMatchObject({
      homeLocalAuthorityGssCode: 'E08000016',
      receivingLocalAuthorityGssCode: 'E08000038',
      receivingAuthority: { id: barnsley, name: 'Barnsley' },
    });
  });

  it('asks why when consent was not sought or refusal overridden', async () => {
    const result = await graph.query<any>(
      submit,
      { input: referralInput({ consent: 'NOT_SOUGHT' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(fieldOf(result)).toBe('input.consentReason');
    const r = await submitted({
      consent: 'REFUSED_OVERRIDDEN',
      consentReason: 'Risk of significant harm outweighs refusal (test)',
    });
    expect(r).toMatchObject({
      consent: 'REFUSED_OVERRIDDEN',
      consentReason: 'Risk of significant harm outweighs refusal (test)',
    });
  });

  it('is refused to callers without a case-work role and to the Panel', async () => {
    expect(
      codeOf(await graph.query<any>(submit, { input: referralInput() }, { as: 'west-sussex-business-manager' })),
    ).toBe('FORBIDDEN');
    expect(codeOf(await graph.query<any>(submit, { input: referralInput() }, { as: 'panel-member' }))).toBe(
      'FORBIDDEN',
    );
    expect(codeOf(await graph.query<any>(submit, { input: referralInput() }))).toBe('UNAUTHENTICATED');
  });
});

describe('safe to retry', () => {
  beforeEach(() => setNow('2026-11-23T10:00:00Z'));

  it('returns the first referral for a retry with the same key: one row', async () => {
    const input = referralInput();
    const first = await graph.query<any>(submit, { input }, { as: 'sussex-health-visitor' });
    const again = await graph.query<any>(submit, { input }, { as: 'sussex-health-visitor' });
    expect(again.errors).toBeUndefined();
    expect(again.data.submitReferral.id).toBe(first.data.submitReferral.id);
    expect(await rows().countBy({ idempotencyKey: input.idempotencyKey })).toBe(1);
  });

  it('makes one referral from five concurrent retries', async () => {
    const input = referralInput();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => graph.query<any>(submit, { input }, { as: 'sussex-health-visitor' })),
    );
    for (const result of results) expect(result.errors).toBeUndefined();
    expect(new Set(results.map((result) => result.data.submitReferral.id)).size).toBe(1);
    expect(await rows().countBy({ idempotencyKey: input.idempotencyKey })).toBe(1);
  });

  it('refuses the same key with different content as CONFLICT', async () => {
    const input = referralInput();
    await graph.query<any>(submit, { input }, { as: 'sussex-health-visitor' });
    const changed = await graph.query<any>(
      submit,
      { input: { ...input, concernCategories: ['PHYSICAL_ABUSE'] } },
      { as: 'sussex-health-visitor' },
    );
    expect(codeOf(changed)).toBe('CONFLICT');
    expect(await rows().countBy({ idempotencyKey: input.idempotencyKey })).toBe(1);
  });

  it('keys are per organisation: another organisation may use the same key', async () => {
    const input = referralInput({ nhsNumber: null });
    const mine = await graph.query<any>(submit, { input }, { as: 'sussex-health-visitor' });
    const theirs = await graph.query<any>(submit, { input }, { as: 'sussex-police-officer' });
    expect(theirs.errors).toBeUndefined();
    expect(theirs.data.submitReferral.id).not.toBe(mine.data.submitReferral.id);
  });

  it('links a likely duplicate (same child, same authority, within 30 days) without refusing it, and leaks nothing through the link', async () => {
    setNow('2026-11-02T10:00:00Z');
    const first = await submitted({ childReference: 'CHILD-DUP-1' });
    setNow('2026-11-23T10:00:00Z');
    const second = await submitted({ childReference: 'CHILD-DUP-1' });
    expect(second.possibleDuplicateOf).toEqual({ id: first.id });
    // From another referrer: linked for the authority, but the police cannot see the health trust's referral.
    const fromPolice = await submitted({ childReference: 'CHILD-DUP-1', nhsNumber: null }, 'sussex-police-officer');
    expect(fromPolice.possibleDuplicateOf).toBeNull();
    const seenByAuthority = await graph.query<any>(read, { id: fromPolice.id }, { as: 'west-sussex-social-worker' });
    expect(seenByAuthority.data.referral.possibleDuplicateOf).toEqual({ id: second.id });
    // Beyond 30 days: not linked.
    setNow('2026-12-24T10:00:00Z');
    const much = await submitted({ childReference: 'CHILD-DUP-2' });
    setNow('2027-01-26T10:00:00Z');
    expect((await submitted({ childReference: 'CHILD-DUP-2' })).possibleDuplicateOf).toBeNull();
    expect(much.id).toBeDefined();
  });
});

describe("the authority's response", () => {
  beforeEach(() => setNow('2026-11-23T10:00:00Z'));

  it('flags an immediate referral at once: due the day of receipt, overdue the day after, and listed for the authority', async () => {
    const r = await submitted({
      significantHarm: true,
      concernCategories: ['PHYSICAL_ABUSE', 'CHILD_CRIMINAL_EXPLOITATION'],
      earlyHelpIndicators: ['YOUNG_CARER'],
    });
    expect(r).toMatchObject({
      urgency: 'IMMEDIATE',
      suggestion: null,
      acknowledgementDeadline: {
        due: '2026-11-23',
        rule: 'immediately: on the day of receipt, 2026-11-23',
        status: 'DUE_TODAY',
      },
      decisionDeadline: { due: '2026-11-23', status: 'DUE_TODAY' },
    });
    setNow('2026-11-24T09:00:00Z');
    const overdue = await graph.query<any>(
      `{ overdueReferrals { nodes { id decisionDeadline { status } } } }`,
      {},
      { as: 'west-sussex-social-worker' },
    );
    expect(overdue.errors).toBeUndefined();
    expect(overdue.data.overdueReferrals.nodes).toContainEqual({ id: r.id, decisionDeadline: { status: 'OVERDUE' } });
    // Nobody else's overdue list shows it.
    const police = await graph.query<any>(`{ overdueReferrals { nodes { id } } }`, {}, { as: 'sussex-police-officer' });
    expect(codeOf(police)).toBe('FORBIDDEN');
  });

  it('suggests an early help assessment where early-help indicators come without significant harm', async () => {
    const r = await submitted({ earlyHelpIndicators: ['YOUNG_CARER', 'SPECIAL_EDUCATIONAL_NEEDS'] });
    expect(r.suggestion).toMatch(/early help assessment/);
    expect(r.earlyHelpIndicators).toEqual(['SPECIAL_EDUCATIONAL_NEEDS', 'YOUNG_CARER']);
  });

  it('RECEIVED → ACKNOWLEDGED → DECIDED by the receiving authority only; illegal moves are refused naming the state', async () => {
    const r = await submitted();
    const byReferrer = await graph.query<any>(acknowledge, { id: r.id }, { as: 'sussex-health-visitor' });
    expect(codeOf(byReferrer)).toBe('FORBIDDEN');
    const byThird = await graph.query<any>(acknowledge, { id: r.id }, { as: 'sussex-police-officer' });
    expect(codeOf(byThird)).toBe('NOT_FOUND');

    const acked = await graph.query<any>(acknowledge, { id: r.id }, { as: 'west-sussex-social-worker' });
    expect(acked.errors).toBeUndefined();
    expect(acked.data.acknowledgeReferral).toMatchObject({
      status: 'ACKNOWLEDGED',
      acknowledgementDeadline: { status: 'MET', completedOn: '2026-11-23' },
    });
    const twice = await graph.query<any>(acknowledge, { id: r.id }, { as: 'west-sussex-social-worker' });
    expect(codeOf(twice)).toBe('CONFLICT');
    expect(twice.errors?.[0]?.extensions).toMatchObject({ state: 'ACKNOWLEDGED', allowed: ['DECIDE'] });
    expect(twice.errors?.[0]?.message).toBe('referral is ACKNOWLEDGED: decide it next');

    setNow('2026-11-25T09:00:00Z'); // two working days after receipt: late
    const decided = await graph.query<any>(
      decide,
      {
        id: r.id,
        input: {
          decision: 'SECTION_17_ASSESSMENT',
          feedback: 'A child and family assessment will start this week (test)',
        },
      },
      { as: 'west-sussex-social-worker' },
    );
    expect(decided.errors).toBeUndefined();
    expect(decided.data.decideReferral).toMatchObject({
      status: 'DECIDED',
      decision: 'SECTION_17_ASSESSMENT',
      decisionDeadline: { due: '2026-11-24', status: 'MISSED', completedOn: '2026-11-25' },
    });
    // The referrer hears back.
    const seen = await graph.query<any>(read, { id: r.id }, { as: 'sussex-health-visitor' });
    expect(seen.data.referral).toMatchObject({
      status: 'DECIDED',
      decision: 'SECTION_17_ASSESSMENT',
      feedback: 'A child and family assessment will start this week (test)',
    });
    const again = await graph.query<any>(
      decide,
      { id: r.id, input: { decision: 'NO_FURTHER_ACTION', feedback: 'changed mind' } },
      { as: 'west-sussex-social-worker' },
    );
    expect(codeOf(again)).toBe('CONFLICT');
    expect(again.errors?.[0]?.extensions).toMatchObject({ state: 'DECIDED', allowed: [] });
    expect(again.errors?.[0]?.message).toMatch(/DECIDED/);
  });

  it('deciding straight from RECEIVED acknowledges it too', async () => {
    const r = await submitted();
    const decided = await graph.query<any>(
      decide,
      { id: r.id, input: { decision: 'SIGNPOSTING', feedback: 'Signposted to the family hub (test)' } },
      { as: 'west-sussex-social-worker' },
    );
    expect(decided.data.decideReferral).toMatchObject({
      status: 'DECIDED',
      acknowledgementDeadline: { status: 'MET', completedOn: '2026-11-23' },
      decisionDeadline: { status: 'MET', completedOn: '2026-11-23' },
    });
    const bad = await graph.query<any>(
      decide,
      { id: r.id, input: { decision: 'SIGNPOSTING', feedback: '  ' } },
      { as: 'west-sussex-social-worker' },
    );
    expect(fieldOf(bad)).toBe('input.feedback');
  });
});

describe('who sees a referral', () => {
  beforeEach(() => setNow('2026-11-23T10:00:00Z'));

  it('the referrer and the receiving authority see it with the NHS number; a third organisation, the Panel and partnership staff get nothing', async () => {
    const r = await submitted({ nhsNumber: validNhsNumber });
    for (const as of ['sussex-health-visitor', 'west-sussex-social-worker'] as const) {
      const seen = await graph.query<any>(read, { id: r.id }, { as });
      expect(seen.errors).toBeUndefined();
      expect(seen.data.referral).toMatchObject({ id: r.id, nhsNumber: validNhsNumber });
    }
    for (const as of [
      'sussex-police-officer',
      'panel-member',
      'west-sussex-scrutineer',
      'west-sussex-business-manager',
      'sussex-community-safeguarding-lead',
    ] as const) {
      const other = await graph.query<any>(read, { id: r.id }, { as });
      if (as === 'sussex-community-safeguarding-lead') {
        // The same trust as the referrer, in a case-work role: its own organisation's referral.
        expect(other.data.referral.id).toBe(r.id);
        continue;
      }
      expect(other.errors).toBeUndefined();
      expect(other.data).toEqual({ referral: null });
      expect(JSON.stringify(other)).not.toContain(validNhsNumber);
    }
    const anonymous = await graph.query<any>(read, { id: r.id });
    expect(codeOf(anonymous)).toBe('UNAUTHENTICATED');
    // Told "not there", each signed-in caller who may not see it is recorded as refused (ids only);
    // an id that names no referral at all is a true miss and leaves no record.
    const refused = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .find({ where: { entityId: r.id, outcome: 'REFUSED' as never }, order: { sequence: 'ASC' } });
    // In the trail of the partnership covering the receiving authority, as the referral's own records are.
    expect(refused.map((record) => [record.subject, record.action, record.entityType, record.partnershipId])).toEqual(
      ['sussex-police-officer', 'panel-member', 'west-sussex-scrutineer', 'west-sussex-business-manager'].map((who) => [
        `demo:${who}`,
        'READ',
        'Referral',
        demoIds.partnerships.westSussex,
      ]),
    );
    expect(JSON.stringify(refused)).not.toContain(validNhsNumber);
    const absent = nameBasedId('test:no-such-referral');
    expect((await graph.query<any>(read, { id: absent }, { as: 'sussex-police-officer' })).data).toEqual({
      referral: null,
    });
    expect(await graph.subgraphs.escalations.db.getRepository(AuditRecord).countBy({ entityId: absent })).toBe(0);

    const lists = `query Lists($trust: ID!, $council: ID!) {
      trust: agency(id: $trust) { referralsMade { nodes { id nhsNumber } } }
      council: agency(id: $council) { referralsReceived(first: 100) { nodes { id nhsNumber } } }
    }`;
    const third = await graph.query<any>(
      lists,
      { trust: healthTrust, council: westSussexCouncil },
      { as: 'sussex-police-officer' },
    );
    expect(third.errors).toBeUndefined();
    // Only the police's own referrals to the council, never the trust's.
    expect(third.data.trust).toEqual({ referralsMade: { nodes: [] } });
    expect(third.data.council.referralsReceived.nodes.map((x: { id: string }) => x.id)).not.toContain(r.id);
    expect(JSON.stringify(third)).not.toContain(validNhsNumber);
    const authority = await graph.query<any>(
      lists,
      { trust: healthTrust, council: westSussexCouncil },
      { as: 'west-sussex-social-worker' },
    );
    expect(authority.data.council.referralsReceived.nodes).toContainEqual({ id: r.id, nhsNumber: validNhsNumber });
    expect(authority.data.trust.referralsMade.nodes).toContainEqual({ id: r.id, nhsNumber: validNhsNumber });
  });

  it('audits every read of a referral', async () => {
    const r = await submitted();
    const audit = graph.subgraphs.escalations.db.getRepository(AuditRecord);
    const before = await audit.countBy({ entityId: r.id });
    await graph.query<any>(read, { id: r.id }, { as: 'west-sussex-social-worker' });
    const after = await audit.find({ where: { entityId: r.id }, order: { sequence: 'DESC' } });
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({
      action: 'READ',
      entityType: 'Referral',
      subject: 'demo:west-sussex-social-worker',
    });
  });

  it('the NHS number field rule refuses anyone but the two parties, whatever else reaches the row', () => {
    const row = Object.assign(new Referral(), {
      referrerOrganisationId: healthTrust,
      receivingAuthorityId: westSussexCouncil,
      nhsNumber: validNhsNumber,
    });
    const as = (name: As) =>
      new ReferralService({ scope: AccessScope.of(demoIdentities[name]!) } as unknown as SubgraphContext);
    expect(as('sussex-health-visitor').nhsNumber(row)).toBe(validNhsNumber);
    expect(as('west-sussex-social-worker').nhsNumber(row)).toBe(validNhsNumber);
    expect(() => as('sussex-police-officer').nhsNumber(row)).toThrow(ForbiddenError);
    expect(() => as('panel-member').nhsNumber(row)).toThrow(ForbiddenError);
  });

  it('a school refers by its URN, and School.referralsMade shows it to the school', async () => {
    const r = await submitted({ homeLocalAuthorityGssCode: 'E06000043', nhsNumber: null }, 'seaview-primary-dsl');
    expect(r).toMatchObject({
      referrerKind: 'SCHOOL',
      referringAgency: null,
      referringSchool: { urn: '990001' },
      receivingLocalAuthorityGssCode: 'E06000043',
    });
    const school = await graph.query<any>(
      `{ school(urn: "990001") { name referralsMade { nodes { id receivingAuthority { name } } } } }`,
      {},
      { as: 'seaview-primary-dsl' },
    );
    expect(school.errors).toBeUndefined();
    expect(school.data.school.referralsMade.nodes).toContainEqual({
      id: r.id,
      receivingAuthority: { name: 'Brighton and Hove' },
    });
    const police = await graph.query<any>(
      `{ school(urn: "990001") { referralsMade { nodes { id } } } }`,
      {},
      { as: 'sussex-police-officer' },
    );
    expect(police.data.school.referralsMade.nodes).toEqual([]);
  });
});

describe('demo referrals', () => {
  it('shows the Sussex authorities their referrals at different states, one overdue', async () => {
    setNow('2026-11-23T10:00:00Z');
    const ws = await graph.query<any>(
      `query { agency(id: "${westSussexCouncil}") { referralsReceived { nodes { childReference status } } } }`,
      {},
      { as: 'west-sussex-social-worker' },
    );
    expect(ws.data.agency.referralsReceived.nodes).toEqual(
      expect.arrayContaining([
        { childReference: 'CHILD-DEMO-0001', status: 'DECIDED' },
        { childReference: 'CHILD-DEMO-0004', status: 'RECEIVED' },
      ]),
    );
    const school = await graph.query<any>(
      `{ school(urn: "990001") { referralsMade { nodes { childReference status decisionDeadline { status } } } } }`,
      {},
      { as: 'seaview-primary-dsl' },
    );
    expect(school.data.school.referralsMade.nodes).toContainEqual({
      childReference: 'PUPIL-DEMO-0002',
      status: 'ACKNOWLEDGED',
      decisionDeadline: { status: 'OVERDUE' },
    });
  });
});

describe('batching', () => {
  it('costs the same statements per subgraph however many referrals the lists return', async () => {
    setNow('2026-11-23T10:00:00Z');
    const query = `query Lists($council: ID!, $trust: ID!) {
      council: agency(id: $council) {
        name
        referralsReceived(first: 100) { totalCount nodes { id possibleDuplicateOf { id childReference } referringAgency { id name } referringSchool { urn name } receivingAuthority { id name } } }
      }
      trust: agency(id: $trust) { referralsMade(first: 100) { totalCount nodes { id receivingAuthority { name } } } }
      school(urn: "990001") { referralsMade(first: 100) { totalCount nodes { id } } }
    }`;
    const measure = async () => {
      let returned = 0;
      let reads: string[] = [];
      const statements = await graph.countStatements(async () => {
        reads = await graph.subgraphs.escalations.statements.capture(async () => {
          const result = await graph.query<any>(
            query,
            { council: westSussexCouncil, trust: healthTrust },
            { as: 'west-sussex-social-worker' },
          );
          expect(result.errors).toBeUndefined();
          returned = result.data.council.referralsReceived.nodes.length;
          expect(
            result.data.council.referralsReceived.nodes.some(
              (r: { possibleDuplicateOf: unknown }) => r.possibleDuplicateOf !== null,
            ),
          ).toBe(true);
        });
      });
      // The audit trail's appends are shared by concurrent lists (group commit), so how many
      // transactions they take depends on timing, not on rows: the lists' own reads are counted.
      const escalations = reads.filter((sql) => /^\s*SELECT/i.test(sql) && !/audit_/.test(sql)).length;
      return { returned, statements: { ...statements, escalations } };
    };
    // Every list has rows in both measurements: an empty batch writes no audit, which would skew the count.
    await submitted({ childReference: 'CHILD-BATCH-1' });
    await submitted({ childReference: 'CHILD-BATCH-1' });
    await submitted({ homeLocalAuthorityGssCode: 'E10000032' }, 'seaview-primary-dsl');
    const small = await measure();
    for (let i = 0; i < 6; i++) await submitted({ childReference: `CHILD-BATCH-${i % 3}` });
    await submitted({ homeLocalAuthorityGssCode: 'E10000032' }, 'seaview-primary-dsl');
    const large = await measure();
    expect(large.returned).toBe(small.returned + 7);
    expect(large.statements.escalations).toBe(small.statements.escalations);
    expect(large.statements.agencies).toBe(small.statements.agencies);
    expect(large.statements.schools).toBe(small.statements.schools);
  });
});

describe('audit attribution', () => {
  const trail = `query Trail($id: ID!) { partnership(id: $id) { escalationsAuditTrail(limit: 1000) { records { entityType entityId action outcome } chain { intact } } } }`;
  const trailOf = async (partnershipId: string, as: As) => {
    const result = await graph.query<any>(trail, { id: partnershipId }, { as });
    expect(result.errors).toBeUndefined();
    return result.data.partnership.escalationsAuditTrail as {
      records: Array<{ entityType: string; entityId: string; action: string }>;
      chain: { intact: boolean };
    };
  };

  it("puts a referral's records in the trail of the partnership covering the receiving authority, and in no other", async () => {
    setNow('2026-11-23T10:00:00Z');
    const r = await submitted();
    expect((await graph.query<any>(read, { id: r.id }, { as: 'west-sussex-social-worker' })).errors).toBeUndefined();
    const west = await trailOf(demoIds.partnerships.westSussex, 'west-sussex-business-manager');
    expect(
      west.records
        .filter((record) => record.entityId === r.id)
        .map((record) => record.action)
        .sort(),
    ).toEqual(['CREATE', 'READ']);
    expect(west.chain.intact).toBe(true);
    const east = await trailOf(demoIds.partnerships.eastSussex, 'east-sussex-business-manager');
    expect(east.records.some((record) => record.entityId === r.id)).toBe(false);
  });

  it('follows the partnerships service: a dissolved arrangement no longer takes the records, and an older event changes nothing', async () => {
    setNow('2026-11-23T10:00:00Z');
    const dissolved = await graph.query<any>(
      `mutation ($id: ID!) { dissolvePartnership(id: $id, dissolvedOn: "2026-11-23") { status } }`,
      { id: demoIds.partnerships.westSussex },
      { as: 'west-sussex-business-manager' },
    );
    expect(dissolved.errors).toBeUndefined();
    // The footprint travels through the partnerships outbox to the escalations service's projection.
    await relayed(graph.subgraphs.partnerships);
    const events = await graph.subgraphs.partnerships.db.getRepository(OutboxEvent).find({
      where: { entityType: 'Partnership', entityId: demoIds.partnerships.westSussex },
      order: { sequence: 'ASC' },
    });
    expect(events.map((event) => event.type)).toEqual(['partnership.announced', 'partnership.dissolved']);
    expect(JSON.parse(events[1]!.payload)).toEqual({
      partnershipId: demoIds.partnerships.westSussex,
      status: 'DISSOLVED',
      localAuthorityGssCodes: ['E10000032'],
    });
    const r = await submitted();
    const [created] = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .find({ where: { entityId: r.id, action: 'CREATE' as never } });
    expect(created).toMatchObject({ entityType: 'Referral', partnershipId: null });
    // A late repeat of the first (ACTIVE) footprint is older than what the projection holds.
    const intake = partnershipAreaIntake({
      db: graph.subgraphs.escalations.db,
      logger: createLogger('test', 'silent'),
    });
    await intake({
      ...toDomainEvent('partnerships', events[0]!),
      payload: {
        partnershipId: demoIds.partnerships.westSussex,
        status: 'ACTIVE',
        localAuthorityGssCodes: ['E10000032'],
      },
    });
    expect(
      await graph.subgraphs.escalations.db
        .getRepository(PartnershipArea)
        .findBy({ partnershipId: demoIds.partnerships.westSussex }),
    ).toEqual([expect.objectContaining({ localAuthorityGssCode: 'E10000032', status: 'DISSOLVED', sequence: 2 })]);
    // A footprint that does not parse is refused by name, so the intake answers 400 and nothing is kept.
    await expect(
      intake({
        ...toDomainEvent('partnerships', events[1]!),
        sequence: 3,
        payload: { partnershipId: demoIds.partnerships.westSussex, status: 'GONE' },
      }),
    ).rejects.toThrow(/does not state a footprint/);
  });
});
