import {
  defaultReferenceDataDir,
  demoIds,
  mintDevelopmentToken,
  Role,
  WorkingDayCalendar,
  type Identity,
} from '@safeguarding/shared';
import { financialYearStarting as financialYear } from '@safeguarding/shared';
import { yearlyReportStatus } from '../subgraphs/partnerships/src/yearly-report/yearly-report.deadlines';
import { startGraph, type TestGraph } from './support/graph';
import path from 'node:path';

// Pinned, so statuses that depend on "today" do not drift as the calendar moves on.
const today = new Date('2026-11-22T12:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => today });
});
afterAll(() => graph?.stop());

/** A business manager acting in the given partnerships (a new partnership's staff get its id from the IdP). */
async function managerOf(...partnershipIds: string[]): Promise<string> {
  const identity: Identity = {
    subject: `test:manager:${partnershipIds.join(',')}`,
    organisation: { id: 'a3f1c2d4-0000-4000-8000-000000000001', kind: 'LOCAL_AUTHORITY' },
    roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
    partnershipIds,
  };
  const token = await mintDevelopmentToken(identity, {
    secret: graph.secrets.jwt,
    issuer: 'test-issuer',
    audience: 'test-audience',
  });
  return `Bearer ${token}`;
}

describe('reference data', () => {
  it('resolves a code that changed on 1 May 2025, marked terminated, with its successor', async () => {
    const result = await graph.query<any>(
      '{ localAuthority(gssCode: "E08000016") { name status validTo successor { gssCode status validFrom } } }',
    );
    expect(result.data.localAuthority).toEqual({
      name: 'Barnsley',
      status: 'TERMINATED',
      validTo: '2025-04-30',
      successor: { gssCode: 'E08000038', status: 'LIVE', validFrom: '2025-05-01' },
    });
  });

  it('lists the 153 live local authorities, the 42 ICBs and the 39 English police forces from data/reference', async () => {
    const result = await graph.query<any>(
      '{ localAuthorities(status: LIVE, first: 100) { totalCount nodes { gssCode } } integratedCareBoards(first: 100) { totalCount nodes { odsCode } } policeForceAreas(country: "England", first: 100) { totalCount nodes { gssCode } } }',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.localAuthorities.totalCount).toBe(153);
    expect(result.data.integratedCareBoards.nodes).toHaveLength(42);
    expect(result.data.integratedCareBoards.totalCount).toBe(42);
    expect(result.data.policeForceAreas.nodes).toHaveLength(39);
    expect(result.data.policeForceAreas.totalCount).toBe(39);
  });

  it('pages the local authorities by name, every one once, and refuses a page beyond 100 naming first', async () => {
    const page = `query ($after: String) { localAuthorities(status: LIVE, first: 100, after: $after) { nodes { gssCode name } pageInfo { endCursor hasNextPage } } }`;
    const first = (await graph.query<any>(page)).data.localAuthorities;
    expect(first.nodes).toHaveLength(100);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await graph.query<any>(page, { after: first.pageInfo.endCursor })).data.localAuthorities;
    expect(second.nodes).toHaveLength(53);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const all = [...first.nodes, ...second.nodes];
    expect(new Set(all.map((la: { gssCode: string }) => la.gssCode)).size).toBe(153);
    const names = all.map((la: { name: string }) => la.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));

    const tooMany = await graph.query<any>('{ policeForceAreas(first: 101) { nodes { gssCode } } }');
    expect(tooMany.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});

describe('a partnership coming into force', () => {
  const create = `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id partners { id kind } } }`;
  const activate = `mutation ($id: ID!, $on: Date!) { activatePartnership(id: $id, activeFrom: $on) { status activeFrom } }`;
  const nameLead = `mutation ($partnerId: ID!) { nameLeadSafeguardingPartner(partnerId: $partnerId, input: { name: "F. Example", office: "Chief Executive", namedOn: "2026-01-05" }) { leadSafeguardingPartner { name } } }`;
  const hartlepool = {
    name: 'Hartlepool Safeguarding Children Partnership (test)',
    localAuthorityGssCodes: ['E06000001'],
    integratedCareBoardOdsCodes: ['QHM'],
    policeForceGssCodes: ['E23000013'],
  };
  const uncovered = async () =>
    (
      await graph.query<any>(
        '{ coverage { uncoveredLocalAuthorities { gssCode } uncoveredIntegratedCareBoards { odsCode } uncoveredPoliceForceAreas { gssCode } } }',
      )
    ).data.coverage;

  it('needs a lead partner for each partner, then takes its area out of the uncovered list', async () => {
    const before = await uncovered();
    expect(before.uncoveredLocalAuthorities).toContainEqual({ gssCode: 'E06000001' });
    // pan-Sussex is covered by the demo arrangements
    expect(before.uncoveredLocalAuthorities).not.toContainEqual({ gssCode: 'E10000032' });
    expect(before.uncoveredIntegratedCareBoards).not.toContainEqual({ odsCode: 'QNX' });

    const created = await graph.query<any>(create, { input: hartlepool }, { as: 'national-administrator' });
    const { id, partners } = created.data.createPartnership;
    const manager = await managerOf(id);

    const early = await graph.query<any>(activate, { id, on: '2026-02-01' }, { authorization: manager });
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', rule: 'LEAD_FOR_EACH_PARTNER' });
    expect(early.errors![0]!.message).toContain('Every statutory partner must have a Lead Safeguarding Partner named');

    for (const partner of partners) {
      const named = await graph.query<any>(nameLead, { partnerId: partner.id }, { authorization: manager });
      expect(named.errors).toBeUndefined();
    }
    const active = await graph.query<any>(activate, { id, on: '2026-02-01' }, { authorization: manager });
    expect(active.data.activatePartnership).toEqual({ status: 'ACTIVE', activeFrom: '2026-02-01' });

    const after = await uncovered();
    expect(after.uncoveredLocalAuthorities).not.toContainEqual({ gssCode: 'E06000001' });
    expect(after.uncoveredIntegratedCareBoards).not.toContainEqual({ odsCode: 'QHM' });
    expect(after.uncoveredPoliceForceAreas).not.toContainEqual({ gssCode: 'E23000013' });

    const again = await graph.query<any>(activate, { id, on: '2026-03-01' }, { authorization: manager });
    expect(again.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', state: 'ACTIVE', allowed: ['DISSOLVE'] });
    expect(again.errors![0]!.message).toContain('The partnership is ACTIVE');

    // A second partnership claiming the same area cannot come into force while the first is active.
    const rival = await graph.query<any>(
      create,
      { input: { ...hartlepool, name: 'Rival (test)' } },
      { as: 'national-administrator' },
    );
    const rivalManager = await managerOf(rival.data.createPartnership.id, id);
    for (const partner of rival.data.createPartnership.partners)
      await graph.query(nameLead, { partnerId: partner.id }, { authorization: rivalManager });
    const clash = await graph.query<any>(
      activate,
      { id: rival.data.createPartnership.id, on: '2026-04-01' },
      { authorization: rivalManager },
    );
    expect(clash.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', rule: 'ONE_ACTIVE_PARTNERSHIP_PER_AREA' });
    expect(clash.errors![0]!.message).toContain(
      'E06000001 is in "Hartlepool Safeguarding Children Partnership (test)"',
    );

    const early2 = await graph.query<any>(
      `mutation ($id: ID!) { dissolvePartnership(id: $id, dissolvedOn: "2026-01-01") { status } }`,
      { id },
      { authorization: rivalManager },
    );
    expect(early2.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dissolvedOn' });
    await graph.query(
      `mutation ($id: ID!) { dissolvePartnership(id: $id, dissolvedOn: "2026-03-31") { status } }`,
      { id },
      { authorization: rivalManager },
    );
    const now = await graph.query<any>(
      activate,
      { id: rival.data.createPartnership.id, on: '2026-04-01' },
      { authorization: rivalManager },
    );
    expect(now.data.activatePartnership.status).toBe('ACTIVE');
  });

  it('refuses activation without a partner of each kind, naming the rule', async () => {
    const created = await graph.query<any>(
      create,
      { input: { ...hartlepool, localAuthorityGssCodes: ['E06000002'], name: 'Middlesbrough (test)' } },
      { as: 'national-administrator' },
    );
    const { id, partners } = created.data.createPartnership;
    const manager = await managerOf(id);
    for (const partner of partners) await graph.query(nameLead, { partnerId: partner.id }, { authorization: manager });
    await graph.subgraphs.partnerships.db
      .getRepository('StatutoryPartner')
      .delete({ partnershipId: id, kind: 'POLICE' });
    const result = await graph.query<any>(activate, { id, on: '2026-02-01' }, { authorization: manager });
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', rule: 'PARTNER_OF_EACH_KIND' });
    expect(result.errors![0]!.message).toContain('no POLICE partner');
  });

  it("never widens a request to the caller's other drafts", async () => {
    const first = await graph.query<any>(
      create,
      { input: { ...hartlepool, localAuthorityGssCodes: ['E06000003'], name: 'Draft one (test)' } },
      { as: 'national-administrator' },
    );
    const second = await graph.query<any>(
      create,
      { input: { ...hartlepool, localAuthorityGssCodes: ['E06000004'], name: 'Draft two (test)' } },
      { as: 'national-administrator' },
    );
    const [a, b] = [first.data.createPartnership.id, second.data.createPartnership.id];
    const both = await managerOf(a, b);
    for (const id of [a, b]) {
      const one = await graph.query<any>(
        `query ($id: ID!) { partnership(id: $id) { id name } }`,
        { id },
        { authorization: both },
      );
      expect(one.data.partnership.id).toBe(id);
    }
    const active = await graph.query<any>(
      '{ partnerships(status: ACTIVE) { nodes { id status } } }',
      {},
      { authorization: both },
    );
    expect(active.data.partnerships.nodes.every((p: { status: string }) => p.status === 'ACTIVE')).toBe(true);
    const drafts = await graph.query<any>(
      '{ partnerships(status: DRAFT) { nodes { id } } }',
      {},
      { authorization: both },
    );
    expect(drafts.data.partnerships.nodes.map((p: { id: string }) => p.id).sort()).toEqual([a, b].sort());
    // A stranger sees neither draft.
    expect(
      (await graph.query<any>('{ partnerships(status: DRAFT) { nodes { id } } }')).data.partnerships.nodes,
    ).toEqual([]);
  });

  it('lets only administrators acting in the partnership change it', async () => {
    const west = await graph.query<any>(`query ($id: ID!) { partnership(id: $id) { partners { id } } }`, {
      id: demoIds.partnerships.westSussex,
    });
    const partnerId = west.data.partnership.partners[0].id;
    expect(
      (await graph.query<any>(nameLead, { partnerId }, { as: 'east-sussex-business-manager' })).errors![0]!.extensions![
        'code'
      ],
    ).toBe('FORBIDDEN');
    expect(
      (await graph.query<any>(nameLead, { partnerId }, { as: 'west-sussex-social-worker' })).errors![0]!.extensions![
        'code'
      ],
    ).toBe('FORBIDDEN');
    expect((await graph.query<any>(nameLead, { partnerId })).errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
  });
});

describe('yearly report status at its edges', () => {
  const calendar = WorkingDayCalendar.fromFile(
    path.join(defaultReferenceDataDir, 'bank-holidays-england-and-wales.json'),
  );
  const year = financialYear(2025);
  const published = (
    publishedOn: string,
    sentToPanelOn: string | null,
    sentToFoundationsOn: string | null,
    missingRequired: string[] = [],
  ) => ({
    publishedOn,
    sentToPanelOn,
    sentToFoundationsOn,
    missingRequired,
  });

  it.each([
    ['2026-03-31', null, 'NOT_YET_DUE'],
    ['2026-04-01', null, 'DUE'],
    ['2026-09-30', null, 'DUE'],
    ['2026-10-01', null, 'OVERDUE'],
    ['2026-11-22', published('2026-09-30', '2026-10-07', '2026-10-07'), 'COMPLETE'],
    ['2026-11-22', published('2026-10-01', '2026-10-01', '2026-10-01'), 'PUBLISHED_LATE'],
    ['2026-11-22', published('2026-09-24', '2026-10-01', '2026-10-02'), 'SENT_LATE'],
    ['2026-10-01', published('2026-09-24', '2026-10-01', null), 'PUBLISHED'],
    ['2026-10-02', published('2026-09-24', '2026-10-01', null), 'SENT_LATE'],
    ['2026-11-22', published('2026-09-24', '2026-09-25', '2026-09-25', ['EFFECTIVENESS']), 'PUBLISHED'],
  ] as const)('on %s with %j: %s', (on, facts, status) => {
    expect(yearlyReportStatus(year, facts, on, calendar).status).toBe(status);
  });

  it('counts the 7 days across 29 February (a report for 2022-23 published late, in February 2024)', () => {
    const late = financialYear(2022);
    const onTime = yearlyReportStatus(
      late,
      published('2024-02-25', '2024-03-03', '2024-03-03'),
      '2024-04-01',
      calendar,
    );
    expect(onTime.reasons).not.toContainEqual(expect.stringContaining('after 2024-03-03'));
    const sentLate = yearlyReportStatus(
      late,
      published('2024-02-25', '2024-03-04', '2024-03-03'),
      '2024-04-01',
      calendar,
    );
    expect(sentLate).toMatchObject({ status: 'PUBLISHED_LATE' });
    expect(sentLate.reasons).toContain('sent to the Panel 2024-03-04, after 2024-03-03');
  });
});

describe('yearly reports through the graph', () => {
  const record = `mutation ($input: RecordYearlyReportInput!) { recordYearlyReport(input: $input) { id financialYear status publicationDeadline { due rule } } }`;
  const update = `mutation ($id: ID!, $input: UpdateYearlyReportInput!) { updateYearlyReport(id: $id, input: $input) {
    status statusReasons panelDeadline { due rule status } missingContent content { item required present } } }`;

  it('records, validates and computes a report, with the restraint review required where there is a secure establishment', async () => {
    const input = {
      partnershipId: demoIds.partnerships.eastSussex,
      financialYear: '2025-26',
      hasSecureEstablishment: true,
    };
    const created = await graph.query<any>(record, { input }, { as: 'east-sussex-business-manager' });
    expect(created.data.recordYearlyReport).toMatchObject({
      financialYear: '2025-26',
      status: 'OVERDUE',
      publicationDeadline: { due: '2026-09-30', rule: '30 September after the financial year 2025-26 ends' },
    });
    const id = created.data.recordYearlyReport.id;

    const duplicate = await graph.query<any>(record, { input }, { as: 'east-sussex-business-manager' });
    expect(duplicate.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.financialYear' });
    const badYear = await graph.query<any>(
      record,
      { input: { ...input, financialYear: '2025-27' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(badYear.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.financialYear' });

    const beforeYearEnd = await graph.query<any>(
      update,
      { id, input: { publishedOn: '2026-03-31', publicationUrl: 'https://example.org/r' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(beforeYearEnd.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.publishedOn' });
    const sentBeforePublished = await graph.query<any>(
      update,
      {
        id,
        input: { publishedOn: '2026-10-01', publicationUrl: 'https://example.org/r', sentToPanelOn: '2026-09-30' },
      },
      { as: 'east-sussex-business-manager' },
    );
    expect(sentBeforePublished.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.sentToPanelOn',
    });

    const done = await graph.query<any>(
      update,
      {
        id,
        input: {
          publishedOn: '2026-10-01',
          publicationUrl: 'https://example.org/r',
          sentToPanelOn: '2026-10-08',
          contentPresent: ['PARTNER_ACTIVITY', 'EFFECTIVENESS'],
        },
      },
      { as: 'east-sussex-business-manager' },
    );
    const report = done.data.updateYearlyReport;
    expect(report.status).toBe('PUBLISHED_LATE');
    expect(report.statusReasons).toEqual([
      'published 2026-10-01, after 2026-09-30',
      'not sent to Foundations by 2026-10-08',
      'missing required content: RESTRAINT_REVIEW',
    ]);
    expect(report.panelDeadline).toEqual({ due: '2026-10-08', rule: '7 days after 2026-10-01', status: 'MET' });
    expect(report.missingContent).toEqual(['RESTRAINT_REVIEW']);
    expect(report.content.find((c: { item: string }) => c.item === 'RESTRAINT_REVIEW')).toEqual({
      item: 'RESTRAINT_REVIEW',
      required: true,
      present: false,
    });
  });

  it("shows the Panel every partnership's compliance, and nobody else", async () => {
    const result = await graph.query<any>(
      '{ yearlyReportCompliance(financialYear: "2024-25", first: 100) { totalCount nodes { partnership { id } status } } }',
      {},
      { as: 'panel-member' },
    );
    expect(result.data.yearlyReportCompliance.totalCount).toBe(result.data.yearlyReportCompliance.nodes.length);
    const statuses = Object.fromEntries(
      result.data.yearlyReportCompliance.nodes.map((c: any) => [c.partnership.id, c.status]),
    );
    expect(statuses[demoIds.partnerships.eastSussex]).toBe('COMPLETE');
    expect(statuses[demoIds.partnerships.westSussex]).toBe('SENT_LATE');
    expect(statuses[demoIds.partnerships.brightonAndHove]).toBe('OVERDUE');
    const refused = await graph.query<any>(
      '{ yearlyReportCompliance(financialYear: "2024-25") { nodes { status } } }',
      {},
      { as: 'west-sussex-business-manager' },
    );
    expect(refused.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  });

  it('hides a report not yet published from the public', async () => {
    const result = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) { yearlyReports { totalCount nodes { financialYear } } } }`,
      { id: demoIds.partnerships.brightonAndHove },
    );
    expect(result.data.partnership.yearlyReports).toEqual({ totalCount: 0, nodes: [] });
  });
});

describe('published arrangements', () => {
  const publish = `mutation ($id: ID!, $input: PublishArrangementsInput!) { publishArrangements(partnershipId: $id, input: $input) { version } }`;
  async function partnersOf(id: string): Promise<Array<{ id: string; kind: string }>> {
    return (await graph.query<any>(`query ($id: ID!) { partnership(id: $id) { partners { id kind } } }`, { id })).data
      .partnership.partners;
  }
  const base = (partners: Array<{ id: string; kind: string }>) => ({
    publishedOn: '2026-06-01',
    url: 'https://example.org/arrangements-2026',
    signOffs: partners.map((p) => ({ partnerId: p.id, signedOn: '2026-05-20' })),
    relevantAgencyIds: [demoIds.agencies.youthCharity],
    relevantSchoolUrns: ['990001'],
    educationStrategic: 'Headteachers on the executive',
    educationOperational: 'DSL network',
    scrutineer: 'G. Example',
    scrutinyFunctions: ['Challenge'],
    scrutinyReports: [],
    childDeathReviewPartnerIds: partners.filter((p) => p.kind !== 'POLICE').map((p) => p.id),
    forums: [{ forum: 'CHANNEL_PANEL', name: 'Channel panel' }],
  });

  it("publishes a new version only with every lead partner's sign-off and the LA and ICB as child death review partners", async () => {
    const id = demoIds.partnerships.brightonAndHove;
    const partners = await partnersOf(id);
    const manager = await managerOf(id);
    const unsigned = await graph.query<any>(
      publish,
      { id, input: { ...base(partners), signOffs: base(partners).signOffs.slice(0, 2) } },
      { authorization: manager },
    );
    expect(unsigned.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.signOffs' });
    expect(unsigned.errors![0]!.message).toContain('no sign-off by the Lead Safeguarding Partner of POLICE E23000033');
    const police = partners.find((p) => p.kind === 'POLICE')!;
    const wrongCdr = await graph.query<any>(
      publish,
      { id, input: { ...base(partners), childDeathReviewPartnerIds: [police.id] } },
      { authorization: manager },
    );
    expect(wrongCdr.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.childDeathReviewPartnerIds.0',
    });
    const twice = await graph.query<any>(
      publish,
      { id, input: { ...base(partners), relevantSchoolUrns: ['990001', '990001'] } },
      { authorization: manager },
    );
    expect(twice.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.relevantSchoolUrns.1' });

    const ok = await graph.query<any>(publish, { id, input: base(partners) }, { authorization: manager });
    expect(ok.data.publishArrangements).toEqual({ version: 2 });

    // Public: the version in force, named agencies and schools resolved by their own subgraphs.
    const seen = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) {
      publishedArrangements { version relevantAgencies { totalCount nodes { name } } relevantSchools(first: 100) { totalCount nodes { name } } forums { forum } childDeathReviewPartners { kind } }
      arrangementsHistory { totalCount nodes { version publishedOn } } } }`,
      { id },
    );
    expect(seen.data.partnership.publishedArrangements).toEqual({
      version: 2,
      relevantAgencies: { totalCount: 1, nodes: [{ name: 'Downs Youth Trust (fictional charity)' }] },
      relevantSchools: { totalCount: 1, nodes: [{ name: 'Seaview Primary School (demo)' }] },
      forums: [{ forum: 'CHANNEL_PANEL' }],
      childDeathReviewPartners: expect.arrayContaining([
        { kind: 'LOCAL_AUTHORITY' },
        { kind: 'INTEGRATED_CARE_BOARD' },
      ]),
    });
    expect(seen.data.partnership.arrangementsHistory).toEqual({
      totalCount: 2,
      nodes: [
        { version: 2, publishedOn: '2026-06-01' },
        { version: 1, publishedOn: '2024-12-12' },
      ],
    });
  });

  it('pages the versions and what a version names, by cursor; the maximum page passes the cost limit; beyond it `first` is named', async () => {
    const id = demoIds.partnerships.brightonAndHove;
    const history = `query ($id: ID!, $after: String) { partnership(id: $id) { arrangementsHistory(first: 1, after: $after) { pageInfo { endCursor hasNextPage } nodes { version } } } }`;
    const newest = (await graph.query<any>(history, { id, after: null })).data.partnership.arrangementsHistory;
    expect(newest).toMatchObject({ pageInfo: { hasNextPage: true }, nodes: [{ version: 2 }] });
    const older = (await graph.query<any>(history, { id, after: newest.pageInfo.endCursor })).data.partnership
      .arrangementsHistory;
    expect(older).toMatchObject({ pageInfo: { hasNextPage: false }, nodes: [{ version: 1 }] });

    // Each list's maximum alone (several lists at their maximum in one query rightly cost more).
    for (const maximum of [
      `query ($id: ID!) { partnership(id: $id) { arrangementsHistory(first: 100) { totalCount nodes { version publishedOn url } } } }`,
      `query ($id: ID!) { partnership(id: $id) { publishedArrangements { relevantAgencies(first: 100) { totalCount nodes { id name } } } } }`,
      `query ($id: ID!) { partnership(id: $id) { publishedArrangements { relevantSchools(first: 100) { totalCount nodes { urn name } } } } }`,
    ]) {
      expect((await graph.query<any>(maximum, { id })).errors).toBeUndefined();
    }
    const reports = `query ($id: ID!) { partnership(id: $id) { yearlyReports(first: 100) { totalCount nodes { id financialYear status publishedOn publicationDeadline { due status } } } } }`;
    expect((await graph.query<any>(reports, { id: demoIds.partnerships.westSussex })).errors).toBeUndefined();
    const obligations = `query ($id: ID!) { partnership(id: $id) { yearlyReportObligations(first: 100) { totalCount nodes { financialYear status reasons publicationDeadline { due status } } } } }`;
    expect(
      (
        await graph.query<any>(
          obligations,
          { id: demoIds.partnerships.westSussex },
          { as: 'west-sussex-business-manager' },
        )
      ).errors,
    ).toBeUndefined();
    const compliance = `{ yearlyReportCompliance(financialYear: "2024-25", first: 100) { totalCount pageInfo { endCursor hasNextPage } nodes { partnership { id name } status report { id } publicationDeadline { due status } } } }`;
    expect((await graph.query<any>(compliance, {}, { as: 'panel-member' })).errors).toBeUndefined();

    for (const beyond of [
      `query ($id: ID!) { partnership(id: $id) { arrangementsHistory(first: 101) { nodes { version } } } }`,
      `query ($id: ID!) { partnership(id: $id) { publishedArrangements { relevantSchools(first: 101) { nodes { urn } } } } }`,
      `query ($id: ID!) { partnership(id: $id) { yearlyReports(first: 101) { nodes { id } } } }`,
    ]) {
      const refused = await graph.query<any>(beyond, { id });
      expect(refused.errors![0]).toMatchObject({
        message: 'first: must be at most 100',
        extensions: { code: 'BAD_USER_INPUT', field: 'first' },
      });
    }
  });

  it("pages the Panel's compliance list by partnership name, every partnership once", async () => {
    const query = `query ($after: String) { yearlyReportCompliance(financialYear: "2024-25", first: 2, after: $after) { totalCount pageInfo { endCursor hasNextPage } nodes { partnership { id name } } } }`;
    const seen: Array<{ id: string; name: string }> = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 20; pages++) {
      const result: any = await graph.query<any>(query, { after }, { as: 'panel-member' });
      expect(result.errors).toBeUndefined();
      const page = result.data.yearlyReportCompliance;
      total = page.totalCount;
      seen.push(...page.nodes.map((node: { partnership: { id: string; name: string } }) => node.partnership));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(2);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((p) => p.id)).size).toBe(total);
  });
});
