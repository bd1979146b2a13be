import { newId } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Every entity reference and list field batches: the SQL a query costs in each subgraph must not
 * grow with the number of entities it returns.
 */
let graph: TestGraph;
beforeAll(async () => {
  // The cost limit is not under test here: one query reads every list of 23 partnerships at once.
  graph = await startGraph({ overrides: { MAX_COST: '100000' } });
});
afterAll(() => graph?.stop());

const everything = `{
  partnerships(first: 30) { nodes {
    id name
    localAuthorities { name }
    partners { kind organisation { id name } delegatedSafeguardingPartners(first: 2) { totalCount nodes { name } } }
    yearlyReports(first: 2) { totalCount nodes { financialYear status } }
    arrangementsHistory(first: 2) { totalCount nodes { version } }
    publishedArrangements { version signOffs { partner { code } } childDeathReviewPartners { kind } }
    relevantAgencies(first: 2) { totalCount nodes { id name } }
    schools(first: 2) { totalCount nodes { urn name localAuthority { name } } }
    practiceReviews(first: 2) { totalCount nodes { id title publicationDeadline { due status } } }
    escalationPolicy { stages { name } }
  } }
}`;

let added = 0;
/** Adds a partnership with data in every subgraph, written straight to each subgraph's database. */
async function addPartnership(): Promise<void> {
  added += 1;
  const n = String(added).padStart(2, '0');
  const created = await graph.query<{ createPartnership: { id: string } }>(
    `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id } }`,
    {
      input: {
        name: `Batch partnership ${n}`,
        localAuthorityGssCodes: ['E06000001'],
        integratedCareBoardOdsCodes: ['QHM'],
        policeForceGssCodes: ['E23000013'],
      },
    },
    { as: 'national-administrator' },
  );
  expect(created.errors).toBeUndefined();
  const id = created.data!.createPartnership.id;
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
  const urn = `98${String(added).padStart(4, '0')}`;
  await graph.subgraphs.schools.db.getRepository('School').insert({
    urn,
    name: `School ${n}`,
    laestab: `8052${String(added).padStart(3, '0')}`,
    localAuthorityDfeCode: '805',
    phase: 'PRIMARY',
    status: 'OPEN',
    ukprn: null,
  });
  await graph.subgraphs.schools.db
    .getRepository('SchoolDesignation')
    .insert({ id: newId(), partnershipId: id, urn, designatedFrom: '2020-01-01', designatedUntil: null });
  await graph.subgraphs.reviews.db.getRepository('PracticeReview').insert({
    id: newId(),
    partnershipId: id,
    kind: 'LOCAL',
    title: `Review ${n}`,
    decisionDate: '2024-01-10',
    status: 'PUBLISHED',
    publishedOn: '2024-06-01',
    publicationUrl: 'https://example.org/r',
  });
  await graph.subgraphs.partnerships.db.getRepository('YearlyReport').insert({
    id: newId(),
    partnershipId: id,
    financialYearStart: 2024,
    publishedOn: '2025-09-01',
    publicationUrl: 'https://example.org/y',
    sentToPanelOn: null,
    sentToFoundationsOn: null,
    contentPresent: [],
    hasSecureEstablishment: false,
  });
  for (const version of [1, 2, 3]) {
    await graph.subgraphs.partnerships.db.getRepository('PublishedArrangements').insert({
      id: newId(),
      partnershipId: id,
      version,
      publishedOn: `202${version}-04-01`,
      url: 'https://example.org/a',
      signOffs: [],
      relevantAgencyIds: [],
      relevantSchoolUrns: [],
      educationStrategic: 'e',
      educationOperational: 'e',
      scrutineer: 's',
      scrutinyFunctions: ['f'],
      scrutinyReports: [],
      childDeathReviewPartnerIds: [],
      forums: [],
    });
  }
  // Three delegates for each partner, so a page of two is cut from more than it answers.
  const partners = await graph.subgraphs.partnerships.db
    .getRepository('StatutoryPartner')
    .find({ where: { partnershipId: id } });
  for (const partner of partners)
    for (const d of [1, 2, 3])
      await graph.subgraphs.partnerships.db.getRepository('DelegatedSafeguardingPartner').insert({
        id: newId(),
        partnerId: String(partner['id']),
        name: `Delegate ${n}-${d}`,
        office: 'Director',
        functions: ['f'],
        delegatedFrom: `2024-0${d}-01`,
      });
  await graph.subgraphs.escalations.db.getRepository('EscalationStage').insert({
    id: newId(),
    partnershipId: id,
    position: 1,
    name: 'Practitioners',
    participants: 'the practitioners',
    timescaleWorkingDays: 5,
  });
}

async function measure(): Promise<{ count: number; statements: Record<string, number> }> {
  let count = 0;
  const statements = await graph.countStatements(async () => {
    type Page = { totalCount: number; nodes: unknown[] };
    const result = await graph.query<{ partnerships: { nodes: Array<Record<string, Page>> } }>(everything);
    expect(result.errors).toBeUndefined();
    count = result.data!.partnerships.nodes.length;
    for (const partnership of result.data!.partnerships.nodes) {
      // Each partnership really has rows in every subgraph, so an N+1 would show.
      expect(partnership['relevantAgencies']!.nodes.length).toBeGreaterThan(0);
      expect(partnership['schools']!.nodes.length).toBeGreaterThan(0);
      if (String(partnership['name']).startsWith('Batch partnership')) {
        expect(partnership['yearlyReports']).toMatchObject({ totalCount: 1, nodes: [{ financialYear: '2024-25' }] });
        expect(partnership['arrangementsHistory']).toMatchObject({
          totalCount: 3,
          nodes: [{ version: 3 }, { version: 2 }],
        });
        type Delegates = { totalCount: number; nodes: { name: string }[] };
        const partners = partnership['partners'] as unknown as Array<{ delegatedSafeguardingPartners: Delegates }>;
        expect(partners.length).toBeGreaterThan(0);
        for (const { delegatedSafeguardingPartners: delegates } of partners) {
          expect(delegates.totalCount).toBe(3);
          // The earliest two of three, in the order delegated.
          expect(delegates.nodes.map((d) => d.name.slice(-2))).toEqual(['-1', '-2']);
        }
      }
      for (const list of ['relevantAgencies', 'schools', 'practiceReviews', 'yearlyReports', 'arrangementsHistory']) {
        expect(partnership[list]!.nodes.length).toBe(Math.min(2, partnership[list]!.totalCount));
      }
    }
  });
  return { count, statements };
}

it('costs the same SQL statements per subgraph for 3 partnerships as for 23', async () => {
  const small = await measure();
  expect(small.count).toBe(3);
  for (let i = 0; i < 20; i++) await addPartnership();
  const large = await measure();
  expect(large.count).toBe(23);
  expect(large.statements).toEqual(small.statements);
  // One statement per entity type and subgraph fetch: partnerships, areas, partners, delegates' pages and counts,
  // yearly reports' pages and counts, the arrangements in force (a page of one per partnership,
  // whose sign-offs reuse the partners already loaded), the arrangements' history and its counts | a page of
  // designations with their agencies for every partnership at once and its counts, and agencies by
  // id twice, because the gateway's plan asks for the partners' organisations and the schools'
  // local authorities in two fetches | schools' pages and counts | reviews' pages and counts |
  // stages.
  // The notifications service is not asked: nothing in the query is its.
  expect(large.statements).toEqual({
    partnerships: 10,
    agencies: 4,
    schools: 2,
    reviews: 2,
    escalations: 1,
    notifications: 0,
  });
});

it('resolves any number of yearly-report references in one statement', async () => {
  // Published ones: an anonymous caller rightly sees no other.
  const reports = (
    await graph.subgraphs.partnerships.db
      .getRepository('YearlyReport')
      .find({ select: { id: true, publishedOn: true } })
  ).filter((r) => r.publishedOn);
  expect(reports.length).toBeGreaterThan(3);
  const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on YearlyReport { id financialYear } } }`;
  const count = async (ids: string[]) => {
    let found = 0;
    const statements = await graph.subgraphs.partnerships.statements.capture(async () => {
      const response = await fetch(graph.subgraphs.partnerships.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables: { r: ids.map((id) => ({ __typename: 'YearlyReport', id })) } }),
      });
      found = ((await response.json()) as { data: { _entities: Array<{ id: string } | null> } }).data._entities.filter(
        Boolean,
      ).length;
    });
    return { found, statements: statements.length };
  };
  const one = await count([reports[0]!.id as string]);
  const all = await count(reports.map((r) => r.id as string));
  expect(one).toEqual({ found: 1, statements: 1 });
  expect(all).toEqual({ found: reports.length, statements: 1 });
});
