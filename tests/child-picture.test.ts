import { AuditRecord, demoIds, OutboxEvent, openChildKey, statutoryOrganisationId } from '@safeguarding/shared';
import { WebhookDelivery } from '@safeguarding/notifications';
import { relayed, startGraph, type GraphQLResponse, type QueryOptions, type TestGraph } from './support/graph';

/**
 * Issue 17: a child's multi-agency picture through the gateway. A referral (escalations) and a
 * child-protection file transfer (schools) about the same child; each organisation holding one
 * sees who else is involved, never what the others' records say, and anyone else cannot tell the
 * child is known at all.
 */
let graph: TestGraph;
beforeAll(async () => {
  // Workers stay off: the test reads the deliveries queued, not the HTTP posts.
  graph = await startGraph({ now: () => new Date('2027-01-06T12:00:00Z'), relayIntervalMs: 40, startWorkers: false });
});
afterAll(() => graph.stop());

const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const healthTrust = demoIds.agencies.sussexCommunityTrust;
// Valid (modulus 11) and on no demo referral; the second is on no referral at all.
const nhsNumber = '9434765013';
const unknownNhsNumber = '9434765021';
const reference = 'PIC-2026-0001';

interface Line {
  involvement: string;
  organisationKind: string;
  since: string;
  latest: string;
  yourOrganisation: boolean;
  agency: { id: string; name: string; contacts: Array<{ role: string }> } | null;
  school: { urn: string; name: string } | null;
}
interface ChildPicture {
  key: string;
  involvements: { nodes: Line[] };
  referrals: { totalCount: number; nodes: Array<{ id: string; childReference: string }> };
}
type Answer = GraphQLResponse<{ child: ChildPicture | null }>;

const picture = `query ($nhsNumber: String, $reference: String) {
  child(nhsNumber: $nhsNumber, reference: $reference) {
    key
    involvements { nodes { involvement organisationKind since latest yourOrganisation
      agency { id name contacts { role } } school { urn name } } }
    referrals { totalCount nodes { id childReference } }
  }
}`;
const grown = `query ($reference: String) { child(reference: $reference) {
  involvements { nodes { involvement agency { name } school { name } } } chronology(first: 100) { totalCount nodes { on restricted } } } }`;
const involvementsOnly = `query ($reference: String) { child(reference: $reference) { involvements { nodes { involvement since } } } }`;
const referralsPage = `query ($reference: String, $first: Int, $after: String) { child(reference: $reference) {
  referrals(first: $first, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { id receivedAt } } } }`;
type ReferralsPage = {
  child: {
    referrals: {
      totalCount: number;
      pageInfo: { endCursor: string | null; hasNextPage: boolean };
      nodes: Array<{ id: string; receivedAt: string }>;
    };
  } | null;
};
const keyOnly = `query ($nhsNumber: String, $reference: String) { child(nhsNumber: $nhsNumber, reference: $reference) { key } }`;

const ask = (query: string, variables: Record<string, string>, as: NonNullable<QueryOptions['as']>): Promise<Answer> =>
  graph.query<{ child: ChildPicture | null }>(query, variables, { as });

function childOf(result: Answer): ChildPicture {
  expect(result.errors).toBeUndefined();
  const child = result.data?.child;
  if (!child) throw new Error('no child in the answer');
  return child;
}

const lines = (child: ChildPicture) =>
  child.involvements.nodes.map((line) => ({
    involvement: line.involvement,
    organisation: line.agency?.id ?? line.school?.urn,
    since: line.since,
    yourOrganisation: line.yourOrganisation,
  }));

let keys = 0;
async function refer(childReference: string, withNhsNumber: string | null, receivedAt: string): Promise<string> {
  keys += 1;
  const result = await graph.query<{ submitReferral: { id: string } }>(
    `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
    {
      input: {
        idempotencyKey: `picture-key-${String(keys).padStart(4, '0')}`,
        childReference,
        nhsNumber: withNhsNumber,
        homeLocalAuthorityGssCode: 'E10000032',
        concernCategories: ['NEGLECT'],
        significantHarm: false,
        earlyHelpIndicators: [],
        lawfulBasis: 'PUBLIC_TASK',
        consent: 'OBTAINED',
        practitionerName: 'A. Visitor (test)',
        practitionerRole: 'Health visitor',
        receivedAt,
      },
    },
    { as: 'sussex-health-visitor' },
  );
  expect(result.errors).toBeUndefined();
  return String(result.data?.submitReferral.id);
}

async function transfer(childReference: string, leftOn: string): Promise<void> {
  const result = await graph.query(
    `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`,
    { input: { sendingUrn: '990001', receivingUrn: '990003', childReference, leftOn } },
    { as: 'seaview-primary-dsl' },
  );
  expect(result.errors).toBeUndefined();
}

let incidents = 0;
/** A serious incident notification naming the child (and another), sent, and its rapid review opened. */
async function notifyIncident(
  childReference: string,
  dateAware: string,
): Promise<{ notification: string; rapid: string; sibling: string }> {
  incidents += 1;
  const sibling = `PIC-SIBLING-${String(incidents).padStart(4, '0')}`;
  const manager = { as: 'west-sussex-business-manager' } as const;
  const child = (reference: string) => ({
    reference,
    ageYears: 7,
    sex: 'FEMALE',
    ethnicity: 'WBRI',
    onChildProtectionPlan: true,
    lookedAfter: false,
  });
  const created = await graph.query<{ notifySeriousIncident: { id: string } }>(
    `mutation ($input: NotifySeriousIncidentInput!) { notifySeriousIncident(input: $input) { id } }`,
    {
      input: {
        partnershipId: demoIds.partnerships.westSussex,
        localAuthorityGssCode: 'E10000032',
        caseReference: `SI-PIC-${String(incidents).padStart(4, '0')}`,
        dateAware,
        children: [child(sibling), child(childReference)],
        criteria: { seriousHarm: true, abuseOrNeglectKnownOrSuspected: true },
      },
    },
    manager,
  );
  expect(created.errors).toBeUndefined();
  const notification = String(created.data?.notifySeriousIncident.id);
  const sent = await graph.query(
    `mutation ($id: ID!, $on: Date!) { markSeriousIncidentNotified(id: $id, dateNotified: $on) { status } }`,
    { id: notification, on: dateAware },
    manager,
  );
  expect(sent.errors).toBeUndefined();
  const opened = await graph.query<{ openRapidReview: { id: string } }>(
    `mutation ($id: ID!, $on: Date!) { openRapidReview(notificationId: $id, openedOn: $on) { id } }`,
    { id: notification, on: dateAware },
    manager,
  );
  expect(opened.errors).toBeUndefined();
  return { notification, rapid: String(opened.data?.openRapidReview.id), sibling };
}

let disagreements = 0;
/** The health trust disputes the council's decision about the child: a disagreement naming the child. */
async function disagree(childReference: string, raisedOn: string): Promise<string> {
  disagreements += 1;
  const result = await graph.query<{ raiseProfessionalDisagreement: { id: string; childReference: string | null } }>(
    `mutation ($input: RaiseProfessionalDisagreementInput!) {
      raiseProfessionalDisagreement(input: $input) { id childReference } }`,
    {
      input: {
        partnershipId: demoIds.partnerships.westSussex,
        caseReference: `CASE-PIC-${String(disagreements).padStart(4, '0')}`,
        childReference,
        raisedWithAgencyId: westSussexCouncil,
        issueType: 'THRESHOLD_OR_REFERRAL_DECISION',
        summary: 'The referral was closed without an assessment (test)',
        raisedOn,
      },
    },
    { as: 'sussex-health-visitor' },
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.raiseProfessionalDisagreement.childReference).toBe(childReference);
  return String(result.data?.raiseProfessionalDisagreement.id);
}

let referralId = '';
beforeAll(async () => {
  referralId = await refer(reference, nhsNumber, '2026-12-01T10:00:00Z');
  await transfer(reference, '2026-12-18');
});

describe("a child's picture", () => {
  it('shows a school holding a file the other organisations involved, without their referral', async () => {
    const child = childOf(await ask(picture, { reference }, 'seaview-primary-dsl'));
    expect(lines(child)).toEqual([
      { involvement: 'REFERRAL_MADE', organisation: healthTrust, since: '2026-12-01', yourOrganisation: false },
      {
        involvement: 'REFERRAL_RECEIVED',
        organisation: westSussexCouncil,
        since: '2026-12-01',
        yourOrganisation: false,
      },
      {
        involvement: 'CHILD_PROTECTION_FILE_RECEIVED',
        organisation: '990003',
        since: '2026-12-18',
        yourOrganisation: false,
      },
      {
        involvement: 'CHILD_PROTECTION_FILE_SENT',
        organisation: '990001',
        since: '2026-12-18',
        yourOrganisation: true,
      },
    ]);
    // How to reach them comes from the agency directory; the referral itself is not the school's to read.
    const council = child.involvements.nodes.find((line) => line.involvement === 'REFERRAL_RECEIVED');
    expect(council?.agency?.name).toEqual(expect.any(String));
    expect(Array.isArray(council?.agency?.contacts)).toBe(true);
    expect(child.involvements.nodes.find((line) => line.school?.urn === '990003')?.school?.name).toBe(
      'Shingle Bay Primary School (demo)',
    );
    expect(child.referrals).toEqual({ totalCount: 0, nodes: [] });
  });

  it('finds the same child by NHS number for the referrer, who sees the schools and its own referral', async () => {
    const child = childOf(await ask(picture, { nhsNumber }, 'sussex-health-visitor'));
    expect(lines(child).map((line) => [line.involvement, line.organisation, line.yourOrganisation])).toEqual([
      ['REFERRAL_MADE', healthTrust, true],
      ['REFERRAL_RECEIVED', westSussexCouncil, false],
      ['CHILD_PROTECTION_FILE_RECEIVED', '990003', false],
      ['CHILD_PROTECTION_FILE_SENT', '990001', false],
    ]);
    expect(child.referrals).toEqual({ totalCount: 1, nodes: [{ id: referralId, childReference: reference }] });
    const byReference = childOf(await ask(picture, { reference }, 'sussex-health-visitor'));
    expect(byReference.key).toBe(child.key);
  });

  it('keeps the NHS number out of the key, which only the graph can open', async () => {
    const { key } = childOf(await ask(keyOnly, { nhsNumber }, 'sussex-health-visitor'));
    expect(key).not.toContain(nhsNumber);
    expect(key).not.toContain(reference);
    expect(openChildKey(key)).toEqual([reference]);
    expect(openChildKey(`${key.slice(0, -2)}AA`)).toBeNull();
  });

  it('answers an unrelated organisation exactly as for a child no one knows', async () => {
    const shapeOf = (result: Answer) => ({
      data: result.data,
      errors: result.errors?.map((error) => ({
        message: error.message,
        path: error.path,
        code: error.extensions?.['code'],
      })),
    });
    const unknown = await ask(involvementsOnly, { reference: 'PIC-NOBODY-9999' }, 'chalk-cliff-high-dsl');
    expect(shapeOf(unknown)).toEqual({
      data: { child: null },
      errors: [{ message: expect.any(String) as unknown, path: ['child', 'involvements'], code: 'NOT_FOUND' }],
    });
    for (const as of ['chalk-cliff-high-dsl', 'sussex-police-officer'] as const) {
      expect(shapeOf(await ask(involvementsOnly, { reference }, as))).toEqual(shapeOf(unknown));
    }
    // Keys have one length whether or not records stand behind them, by NHS number or by reference.
    const lengths = new Set<number>();
    for (const variables of [
      { reference },
      { reference: 'PIC-NOBODY-9999' },
      { nhsNumber },
      { nhsNumber: unknownNhsNumber },
    ]) {
      lengths.add(childOf(await ask(keyOnly, variables, 'sussex-police-officer')).key.length);
    }
    expect(lengths.size).toBe(1);
  });

  it('refuses a lookup naming the child twice, or not at all, or wrongly, without echoing the value', async () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ reference, nhsNumber }, 'reference'],
      [{}, 'reference'],
      [{ nhsNumber: '9434765018' }, 'nhsNumber'],
      [{ reference: 'Jane Smith' }, 'reference'],
    ];
    for (const [variables, field] of cases) {
      const result = await ask(picture, variables, 'sussex-health-visitor');
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(JSON.stringify(result.errors)).not.toContain('9434765018');
      expect(JSON.stringify(result.errors)).not.toContain('Jane Smith');
    }
  });

  it('audits each look in every subgraph holding records, and a refused one as refused', async () => {
    const trail = (name: 'escalations' | 'schools' | 'reviews') =>
      graph.subgraphs[name].db
        .getRepository(AuditRecord)
        .find({ where: { entityType: 'Child' }, order: { sequence: 'ASC' } });
    const before = {
      escalations: (await trail('escalations')).length,
      schools: (await trail('schools')).length,
      reviews: (await trail('reviews')).length,
    };
    await ask(involvementsOnly, { reference }, 'seaview-primary-dsl');
    await ask(involvementsOnly, { reference }, 'chalk-cliff-high-dsl');
    const escalations = (await trail('escalations')).slice(before.escalations);
    const schools = (await trail('schools')).slice(before.schools);
    const reviews = (await trail('reviews')).slice(before.reviews);
    expect(escalations.map((record) => [record.subject, record.outcome])).toEqual([
      ['demo:seaview-primary-dsl', 'ALLOWED'],
      ['demo:chalk-cliff-high-dsl', 'REFUSED'],
    ]);
    expect(schools.map((record) => record.subject)).toEqual(['demo:seaview-primary-dsl', 'demo:chalk-cliff-high-dsl']);
    expect(reviews.map((record) => record.subject)).toEqual(schools.map((record) => record.subject));
    expect(new Set([...escalations, ...schools, ...reviews].map((record) => record.entityId)).size).toBe(1);
  });

  it('costs the same statements however many records the child has', async () => {
    const counted = async () => {
      let seen = 0;
      let referrals = 0;
      const statements = await graph.countStatements(async () => {
        const child = childOf(await ask(grown, { reference: 'PIC-GROW-0001' }, 'seaview-primary-dsl'));
        seen = child.involvements.nodes.length;
        // The referrer's own referrals about the child, a page and its count.
        const own = await graph.query<ReferralsPage>(
          referralsPage,
          { reference: 'PIC-GROW-0001', first: 100 },
          { as: 'sussex-health-visitor' },
        );
        expect(own.errors).toBeUndefined();
        referrals = own.data?.child?.referrals.totalCount ?? -1;
      });
      return { statements, seen, referrals };
    };
    await refer('PIC-GROW-0001', null, '2026-12-02T10:00:00Z');
    await transfer('PIC-GROW-0001', '2026-12-10');
    await notifyIncident('PIC-GROW-0001', '2026-12-20');
    await disagree('PIC-GROW-0001', '2026-12-21');
    const small = await counted();
    for (let i = 0; i < 4; i += 1) {
      await refer('PIC-GROW-0001', null, `2026-12-0${3 + i}T10:00:00Z`);
      await transfer('PIC-GROW-0001', `2026-12-1${1 + i}`);
      await notifyIncident('PIC-GROW-0001', `2026-12-2${1 + i}`);
      await disagree('PIC-GROW-0001', `2026-12-2${2 + i}`);
    }
    const large = await counted();
    // Referral made and received, file sent and received, incident notified and rapidly reviewed, disagreement raised and raised with.
    expect(small.seen).toBe(8);
    expect(large.seen).toBe(8);
    expect([small.referrals, large.referrals]).toEqual([1, 5]);
    expect(large.statements).toEqual(small.statements);
  });

  it("pages the child's referrals newest first and its involvements earliest first, refusing a page over 100", async () => {
    // The child grown by the test above: five referrals by the health visitor, eight lines of involvement.
    const pages: Array<Array<{ id: string; receivedAt: string }>> = [];
    let after: string | null = null;
    for (let i = 0; i < 5 && (i === 0 || after !== null); i += 1) {
      const result: GraphQLResponse<ReferralsPage> = await graph.query<ReferralsPage>(
        referralsPage,
        { reference: 'PIC-GROW-0001', first: 2, ...(after ? { after } : {}) },
        { as: 'sussex-health-visitor' },
      );
      expect(result.errors).toBeUndefined();
      const referrals = result.data?.child?.referrals;
      expect(referrals?.totalCount).toBe(5);
      pages.push(referrals?.nodes ?? []);
      after = referrals?.pageInfo.hasNextPage ? referrals.pageInfo.endCursor : null;
    }
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    const read = pages.flat().map((referral) => referral.receivedAt);
    expect(read).toEqual([...read].sort().reverse());
    expect(new Set(pages.flat().map((referral) => referral.id)).size).toBe(5);

    const involvementsPage = `query ($reference: String, $after: String) { child(reference: $reference) {
      involvements(first: 5, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { involvement since } } } }`;
    type Lines = {
      child: {
        involvements: {
          totalCount: number;
          pageInfo: { endCursor: string | null; hasNextPage: boolean };
          nodes: Array<{ involvement: string; since: string }>;
        };
      } | null;
    };
    const first = await graph.query<Lines>(
      involvementsPage,
      { reference: 'PIC-GROW-0001' },
      { as: 'seaview-primary-dsl' },
    );
    expect(first.errors).toBeUndefined();
    const head = first.data?.child?.involvements;
    expect(head?.totalCount).toBe(8);
    expect(head?.pageInfo.hasNextPage).toBe(true);
    const second = await graph.query<Lines>(
      involvementsPage,
      { reference: 'PIC-GROW-0001', after: head?.pageInfo.endCursor },
      { as: 'seaview-primary-dsl' },
    );
    const tail = second.data?.child?.involvements;
    expect(tail?.pageInfo.hasNextPage).toBe(false);
    const all = [...(head?.nodes ?? []), ...(tail?.nodes ?? [])];
    expect(all).toHaveLength(8);
    expect(all.map((line) => line.since)).toEqual(all.map((line) => line.since).sort());

    // The largest page is within the cost limit.
    const largest = await graph.query<Lines>(
      `query ($reference: String) { child(reference: $reference) {
        involvements(first: 100) { totalCount pageInfo { endCursor hasNextPage } nodes { involvement since organisationKind yourOrganisation } } } }`,
      { reference: 'PIC-GROW-0001' },
      { as: 'seaview-primary-dsl' },
    );
    expect(largest.errors).toBeUndefined();
    expect(largest.data?.child?.involvements.nodes).toHaveLength(8);

    for (const query of [
      `query ($reference: String) { child(reference: $reference) { referrals(first: 101) { nodes { id } } } }`,
      `query ($reference: String) { child(reference: $reference) { involvements(first: 101) { nodes { since } } } }`,
    ]) {
      const refused = await graph.query(query, { reference: 'PIC-GROW-0001' }, { as: 'sussex-health-visitor' });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
      expect(refused.errors?.[0]?.extensions?.['field']).toBe('first');
    }
  });

  it("lets a case worker with a stated reason see the picture, tells the home authority's endpoints, and lists the look", async () => {
    const registered = await graph.query(
      `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { secret } }`,
      { input: { url: 'http://127.0.0.1:9/child-picture', eventTypes: ['child.picture_viewed_with_reason'] } },
      { as: 'west-sussex-business-manager' },
    );
    expect(registered.errors).toBeUndefined();
    const withReason = `query ($reference: String, $reason: ChildPictureReason) {
      child(reference: $reference) { involvements(reason: $reason) { nodes { involvement yourOrganisation } } } }`;
    const seen = await graph.query<{ child: ChildPicture | null }>(
      withReason,
      { reference, reason: 'EMERGENCY_DUTY' },
      { as: 'sussex-police-officer' },
    );
    const child = childOf(seen);
    expect(child.involvements.nodes.map((line) => line.involvement)).toEqual([
      'REFERRAL_MADE',
      'REFERRAL_RECEIVED',
      'CHILD_PROTECTION_FILE_RECEIVED',
      'CHILD_PROTECTION_FILE_SENT',
    ]);
    expect(child.involvements.nodes.some((line) => line.yourOrganisation)).toBe(false);
    // A reason opens nothing for a child no one knows.
    const nobody = await graph.query(
      withReason,
      { reference: 'PIC-NOBODY-9999', reason: 'EMERGENCY_DUTY' },
      {
        as: 'sussex-police-officer',
      },
    );
    expect(nobody.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');

    const events = await graph.subgraphs.escalations.db
      .getRepository(OutboxEvent)
      .findBy({ type: 'child.picture_viewed_with_reason' });
    expect(events).toHaveLength(1);
    expect(JSON.stringify(events[0]?.payload)).not.toContain(reference);
    await relayed(graph.subgraphs.escalations);
    const deliveries = async () =>
      graph.subgraphs.notifications.db
        .getRepository(WebhookDelivery)
        .findBy({ eventType: 'child.picture_viewed_with_reason' });
    const end = Date.now() + 20_000;
    while ((await deliveries()).length === 0 && Date.now() < end) await new Promise((r) => setTimeout(r, 50));
    const [delivery] = await deliveries();
    expect(delivery?.body).toContain('EMERGENCY_DUTY');
    expect(delivery?.body).not.toContain(reference);

    const looks = `query ($reference: String) { child(reference: $reference) {
      looks { at subject organisationId action outcome reason } } }`;
    type Looks = { child: { looks: Array<Record<string, string | null>> } | null };
    const listed = await graph.query<Looks>(looks, { reference }, { as: 'west-sussex-social-worker' });
    expect(listed.errors).toBeUndefined();
    const latest = listed.data?.child?.looks ?? [];
    // Its own look first, then the reasoned one, which is an ALERT.
    expect(latest[0]).toMatchObject({ subject: 'demo:west-sussex-social-worker', action: 'READ', outcome: 'ALLOWED' });
    expect(latest).toContainEqual(
      expect.objectContaining({
        subject: 'demo:sussex-police-officer',
        organisationId: statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }),
        action: 'ALERT',
        outcome: 'ALLOWED',
        reason: 'EMERGENCY_DUTY',
      }),
    );
    expect(latest.length).toBeLessThanOrEqual(25);
    // A school holding a record sees the involvements, not who looked.
    const school = await graph.query<Looks>(looks, { reference }, { as: 'seaview-primary-dsl' });
    expect(school.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
  });

  it('merges referrals, file transfers and child death reviews in date order, restricting what each caller may not read', async () => {
    const chronological = 'PIC-CHRON-0001';
    await refer(chronological, null, '2026-11-20T10:00:00Z');
    await transfer(chronological, '2026-12-10');
    const death = await graph.query(
      `mutation ($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { id } }`,
      {
        input: {
          partnershipId: demoIds.partnerships.westSussex,
          localAuthorityGssCode: 'E10000032',
          integratedCareBoardOdsCode: 'QNX',
          childReference: chronological,
          ageAtDeathYears: 9,
          dateOfDeath: '2026-12-28',
          jointAgencyResponseNeeded: false,
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(death.errors).toBeUndefined();
    const chronology = `query ($reference: String, $after: String) { child(reference: $reference) {
      chronology(first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage }
        nodes { on record restricted recordId agencies { id } schools { urn } } } } }`;
    type Entry = { on: string; record: string; restricted: boolean; recordId: string | null };
    type Page = {
      child: {
        chronology: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: Entry[] };
      } | null;
    };
    const read = async (as: NonNullable<QueryOptions['as']>) => {
      const first = await graph.query<Page>(chronology, { reference: chronological }, { as });
      expect(first.errors).toBeUndefined();
      const page = first.data?.child?.chronology;
      expect(page?.totalCount).toBe(3);
      expect(page?.pageInfo.hasNextPage).toBe(true);
      const second = await graph.query<Page>(
        chronology,
        { reference: chronological, after: page?.pageInfo.endCursor ?? '' },
        { as },
      );
      expect(second.errors).toBeUndefined();
      expect(second.data?.child?.chronology.pageInfo.hasNextPage).toBe(false);
      return [...(page?.nodes ?? []), ...(second.data?.child?.chronology.nodes ?? [])];
    };
    const summary = (entries: Entry[]) =>
      entries.map((entry) => [entry.on, entry.record, entry.restricted, entry.recordId === null]);
    // The school reads its own transfer; the referral and the review are only "a record exists at …".
    expect(summary(await read('seaview-primary-dsl'))).toEqual([
      ['2026-11-20', 'REFERRAL', true, true],
      ['2026-12-10', 'CHILD_PROTECTION_FILE_TRANSFER', false, false],
      ['2026-12-28', 'CHILD_DEATH_REVIEW', true, true],
    ]);
    // The partnership's business manager reads the review, not the referral (no case-work role) nor the transfer.
    const council = await read('west-sussex-business-manager');
    expect(summary(council)).toEqual([
      ['2026-11-20', 'REFERRAL', true, true],
      ['2026-12-10', 'CHILD_PROTECTION_FILE_TRANSFER', true, true],
      ['2026-12-28', 'CHILD_DEATH_REVIEW', false, false],
    ]);
  });

  it('adds the serious incident notifications naming the child and their rapid reviews, read only under the notification rules', async () => {
    const notified = 'PIC-SI-0001';
    await refer(notified, null, '2026-11-02T10:00:00Z');
    await transfer(notified, '2026-11-10');
    const { notification, rapid, sibling } = await notifyIncident(notified, '2026-11-16');
    const query = `query ($reference: String) { child(reference: $reference) {
      involvements { nodes { involvement agency { id } school { urn } since } }
      chronology(first: 10) { totalCount nodes { on record restricted recordId agencies { id } } } } }`;
    type Entry = {
      on: string;
      record: string;
      restricted: boolean;
      recordId: string | null;
      agencies: Array<{ id: string }>;
    };
    type Seen = {
      child: {
        involvements: { nodes: Array<{ involvement: string; agency: { id: string } | null; since: string }> };
        chronology: { totalCount: number; nodes: Entry[] };
      } | null;
    };
    const as = async (who: NonNullable<QueryOptions['as']>) => {
      const result = await graph.query<Seen>(query, { reference: notified }, { as: who });
      expect(result.errors).toBeUndefined();
      if (!result.data?.child) throw new Error('no child in the answer');
      return result.data.child;
    };
    // The school sees the council as notifier and as the partner in the rapid review, with no detail of either.
    const school = await as('seaview-primary-dsl');
    expect(
      school.involvements.nodes
        .filter((line) => ['SERIOUS_INCIDENT_NOTIFIED', 'RAPID_REVIEW'].includes(line.involvement))
        .map((line) => [line.involvement, line.agency?.id, line.since]),
    ).toEqual([
      ['RAPID_REVIEW', westSussexCouncil, '2026-11-16'],
      ['SERIOUS_INCIDENT_NOTIFIED', westSussexCouncil, '2026-11-16'],
    ]);
    const summary = (entries: Entry[]) =>
      entries.map((entry) => [entry.on, entry.record, entry.restricted, entry.recordId]);
    expect(summary(school.chronology.nodes)).toEqual([
      ['2026-11-02', 'REFERRAL', true, null],
      ['2026-11-10', 'CHILD_PROTECTION_FILE_TRANSFER', false, expect.any(String)],
      ['2026-11-16', 'RAPID_REVIEW', true, null],
      ['2026-11-16', 'SERIOUS_INCIDENT_NOTIFICATION', true, null],
    ]);
    // The partnership's staff read the notification and its review, as seriousIncidentNotification(id) lets them.
    const council = await as('west-sussex-business-manager');
    expect(summary(council.chronology.nodes).slice(2)).toEqual([
      ['2026-11-16', 'RAPID_REVIEW', false, rapid],
      ['2026-11-16', 'SERIOUS_INCIDENT_NOTIFICATION', false, notification],
    ]);
    expect(council.chronology.nodes[3]?.agencies).toEqual([{ id: westSussexCouncil }]);
    // The sibling notified alongside is a child of its own: nothing of this child's referral or file.
    const siblingPicture = await graph.query<Seen>(
      query,
      { reference: sibling },
      { as: 'west-sussex-business-manager' },
    );
    expect(siblingPicture.data?.child?.chronology.nodes.map((entry) => entry.record)).toEqual([
      'RAPID_REVIEW',
      'SERIOUS_INCIDENT_NOTIFICATION',
    ]);
  });

  it("reads the looks at a child's picture through an index, not a scan of the audit trail", async () => {
    const { db } = graph.subgraphs.escalations;
    const looks = `SELECT * FROM audit_records WHERE entityType = 'Child' AND entityId = 'x' ORDER BY sequence DESC LIMIT 25`;
    const plan = JSON.stringify(
      await db.query(db.options.type === 'better-sqlite3' ? `EXPLAIN QUERY PLAN ${looks}` : `EXPLAIN ${looks}`),
    );
    expect(plan).toMatch(/IDX_03b6bb8f722b2233fb150a9b95/);
    expect(plan).not.toMatch(/SCAN audit_records\b(?! USING)|"type":"ALL"/);
  });

  it('adds a disagreement naming the child: its two organisations involved, its content for them only', async () => {
    const disputed = 'PIC-DIS-0001';
    await transfer(disputed, '2026-11-10');
    const id = await disagree(disputed, '2026-11-20');
    const query = `query ($reference: String) { child(reference: $reference) {
      involvements { nodes { involvement agency { id } since yourOrganisation } }
      chronology(first: 10) { nodes { on record restricted recordId agencies { id } } } } }`;
    type Seen = {
      child: {
        involvements: { nodes: Array<{ involvement: string; agency: { id: string } | null; since: string }> };
        chronology: { nodes: Array<{ on: string; record: string; restricted: boolean; recordId: string | null }> };
      } | null;
    };
    const as = async (who: NonNullable<QueryOptions['as']>) => {
      const result = await graph.query<Seen>(query, { reference: disputed }, { as: who });
      expect(result.errors).toBeUndefined();
      if (!result.data?.child) throw new Error('no child in the answer');
      return result.data.child;
    };
    // The school holding the file learns who is in the disagreement, not what it says.
    const school = await as('seaview-primary-dsl');
    expect(
      school.involvements.nodes
        .filter((line) => line.involvement.startsWith('DISAGREEMENT'))
        .map((line) => [line.involvement, line.agency?.id, line.since]),
    ).toEqual([
      ['DISAGREEMENT_RAISED', healthTrust, '2026-11-20'],
      ['DISAGREEMENT_RAISED_WITH', westSussexCouncil, '2026-11-20'],
    ]);
    type Picture = NonNullable<Seen['child']>;
    const entry = (child: Picture) =>
      child.chronology.nodes.find((node) => node.record === 'PROFESSIONAL_DISAGREEMENT');
    expect(entry(school)).toEqual({
      on: '2026-11-20',
      record: 'PROFESSIONAL_DISAGREEMENT',
      restricted: true,
      recordId: null,
      agencies: [{ id: healthTrust }, { id: westSussexCouncil }],
    });
    // Each party, holding the disagreement, sees the picture and reads the disagreement.
    for (const party of ['sussex-health-visitor', 'west-sussex-social-worker'] as const) {
      expect(entry(await as(party))).toMatchObject({ restricted: false, recordId: id });
    }
    // An unrelated organisation still cannot tell the child is known.
    const outsider = await graph.query(query, { reference: disputed }, { as: 'chalk-cliff-high-dsl' });
    expect(outsider.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });

  it('refuses a disagreement naming the child by anything but a pseudonymous reference, without echoing it', async () => {
    const result = await graph.query(
      `mutation ($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { id } }`,
      {
        input: {
          partnershipId: demoIds.partnerships.westSussex,
          caseReference: 'CASE-PIC-NAMED',
          childReference: 'Jane Smith',
          raisedWithAgencyId: westSussexCouncil,
          issueType: 'OTHER',
          summary: 'A name is not a reference (test)',
        },
      },
      { as: 'sussex-health-visitor' },
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.childReference' });
    expect(JSON.stringify(result.errors)).not.toContain('Jane Smith');
  });
});
