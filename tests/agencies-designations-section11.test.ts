import { AuditRecord, demoIds, newId, statutoryOrganisationId } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

// Issue 5: relevant-agency designations and section 11 self-assessments, through the gateway.
let graph: TestGraph;
beforeAll(async () => {
  // Batching is under test, not the cost limit: one query reads every list of every partnership.
  graph = await startGraph({ now: () => new Date('2026-11-20T12:00:00Z'), overrides: { MAX_COST: '2000000' } });
});
afterAll(() => graph?.stop());

const { westSussex, eastSussex } = demoIds.partnerships;
const designate = `mutation ($input: DesignateRelevantAgencyInput!) {
  designateRelevantAgency(input: $input) { id designatedFrom designatedUntil status reason agency { name } partnership { id name } }
}`;
const endDesignation = `mutation ($input: EndDesignationInput!) { endRelevantAgencyDesignation(input: $input) { id designatedUntil endReason status } }`;

async function newAgency(name: string): Promise<string> {
  const result = await graph.query<{ registerRelevantAgency: { id: string } }>(
    `mutation ($input: RegisterRelevantAgencyInput!) { registerRelevantAgency(input: $input) { id } }`,
    { input: { name, scheduleCategory: 'EDUCATION_AND_CHILDCARE', scheduleEntry: 'FURTHER_EDUCATION_COLLEGE' } },
    { as: 'west-sussex-business-manager' },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.registerRelevantAgency.id;
}

describe('designations', () => {
  it('designates an agency, which then shows on Partnership.relevantAgencies and Agency.designations for anyone', async () => {
    const agencyId = await newAgency('Chichester College (test)');
    const result = await graph.query<{ designateRelevantAgency: Record<string, any> }>(
      designate,
      {
        input: {
          partnershipId: westSussex,
          agencyId,
          designatedFrom: '2026-09-01',
          reason: 'Named in the 2026 arrangements',
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.designateRelevantAgency).toMatchObject({
      status: 'CURRENT',
      agency: { name: 'Chichester College (test)' },
      partnership: { id: westSussex, name: 'West Sussex Safeguarding Children Partnership' },
    });
    const partnership = await graph.query<{ partnership: { relevantAgencies: { nodes: Array<{ id: string }> } } }>(
      `query ($id: ID!) { partnership(id: $id) { relevantAgencies(first: 100) { nodes { id } } } }`,
      { id: westSussex },
    );
    expect(partnership.data!.partnership.relevantAgencies.nodes.map((a) => a.id)).toContain(agencyId);
    const agency = await graph.query<{ agency: { designations: { nodes: Array<Record<string, any>> } } }>(
      `query ($id: ID!) { agency(id: $id) { designations { nodes { status reason partnership { name } } } } }`,
      { id: agencyId },
    );
    expect(agency.data!.agency.designations.nodes).toEqual([
      {
        status: 'CURRENT',
        reason: 'Named in the 2026 arrangements',
        partnership: { name: 'West Sussex Safeguarding Children Partnership' },
      },
    ]);
    const twice = await graph.query(
      designate,
      { input: { partnershipId: westSussex, agencyId, designatedFrom: '2026-10-01', reason: 'again' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(twice.errors![0]!.extensions!['code']).toBe('CONFLICT');
  });

  it.each([
    ['a partnership the caller does not act in', () => eastSussex, 'FORBIDDEN', 'You do not act in that partnership'],
    ['a partnership nobody knows', () => newId(), 'FORBIDDEN', 'You do not act in that partnership'],
    ['a malformed partnership id', () => 'west-sussex', 'BAD_USER_INPUT', 'must be a uuid'],
  ])('refuses a designation by %s (%s), writing nothing', async (_label, partnershipId, code, message) => {
    const before = await graph.subgraphs.agencies.db.getRepository('Designation').count();
    const result = await graph.query(
      designate,
      {
        input: {
          partnershipId: partnershipId(),
          agencyId: demoIds.agencies.youthCharity,
          designatedFrom: '2026-01-01',
          reason: 'test',
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors![0]!.extensions!['code']).toBe(code);
    if (code === 'BAD_USER_INPUT') expect(result.errors![0]!.extensions!['field']).toBe('input.partnershipId');
    expect(result.errors![0]!.message).toContain(message);
    expect(await graph.subgraphs.agencies.db.getRepository('Designation').count()).toBe(before);
  });

  it('refuses to designate a statutory partner, and refuses practitioners', async () => {
    const council = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
    const partner = await graph.query(
      designate,
      { input: { partnershipId: westSussex, agencyId: council, designatedFrom: '2026-01-01', reason: 'x' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(partner.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.agencyId' });
    const practitioner = await graph.query(
      designate,
      {
        input: {
          partnershipId: westSussex,
          agencyId: demoIds.agencies.youthCharity,
          designatedFrom: '2026-01-01',
          reason: 'x',
        },
      },
      { as: 'west-sussex-social-worker' },
    );
    expect(practitioner.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  });

  it("ends a designation: not before it began, once; then the public sees it no more and the partnership's staff see the history", async () => {
    const agencyId = await newAgency('Northbrook College (test)');
    const created = await graph.query<{ designateRelevantAgency: { id: string } }>(
      designate,
      { input: { partnershipId: westSussex, agencyId, designatedFrom: '2025-04-01', reason: 'Named in 2025' } },
      { as: 'west-sussex-business-manager' },
    );
    const designationId = created.data!.designateRelevantAgency.id;
    const early = await graph.query(
      endDesignation,
      { input: { designationId, designatedUntil: '2025-03-31', reason: 'merged' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(early.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.designatedUntil' });
    const otherPartnership = await graph.query(
      endDesignation,
      { input: { designationId, designatedUntil: '2026-10-31', reason: 'merged' } },
      { as: 'east-sussex-business-manager' },
    );
    expect(otherPartnership.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const ended = await graph.query<{ endRelevantAgencyDesignation: Record<string, unknown> }>(
      endDesignation,
      { input: { designationId, designatedUntil: '2026-10-31', reason: 'Merged into another college' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(ended.data!.endRelevantAgencyDesignation).toMatchObject({
      designatedUntil: '2026-10-31',
      endReason: 'Merged into another college',
      status: 'ENDED',
    });
    const again = await graph.query(
      endDesignation,
      { input: { designationId, designatedUntil: '2026-11-01', reason: 'again' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(again.errors![0]!.extensions!['code']).toBe('CONFLICT');
    expect(again.errors![0]!.message).toContain('ENDED');

    const designations = `query ($id: ID!) { agency(id: $id) { designations { nodes { id status } totalCount } } }`;
    expect((await graph.query<any>(designations, { id: agencyId })).data.agency.designations).toEqual({
      nodes: [],
      totalCount: 0,
    });
    expect(
      (await graph.query<any>(designations, { id: agencyId }, { as: 'west-sussex-social-worker' })).data.agency
        .designations,
    ).toEqual({ nodes: [], totalCount: 0 });
    expect(
      (await graph.query<any>(designations, { id: agencyId }, { as: 'west-sussex-business-manager' })).data.agency
        .designations,
    ).toEqual({ nodes: [{ id: designationId, status: 'ENDED' }], totalCount: 1 });
    const relevant = await graph.query<any>(
      `query ($id: ID!) { partnership(id: $id) { relevantAgencies(first: 100) { nodes { id } } } }`,
      { id: westSussex },
    );
    expect(relevant.data.partnership.relevantAgencies.nodes.map((a: { id: string }) => a.id)).not.toContain(agencyId);
  });
});

describe('section 11 self-assessments', () => {
  const overview = `query ($id: ID!, $year: String!) { partnership(id: $id) { section11Overview(financialYear: $year) {
    financialYear notReturned { totalCount nodes { name } } ratings { standardKey title red amber green }
    overdueActions(first: 1) { totalCount pageInfo { hasNextPage } nodes { description owner agency { name } deadline { due status basis } } } } } }`;
  const submit = `mutation ($input: SubmitSection11ReturnInput!) { submitSection11Return(input: $input) { id financialYear submittedOn agency { name } standards { standardKey rating actions { id deadline { due status } } } } }`;
  const standards = `query ($id: ID!) { partnership(id: $id) { section11Standards { key title isDefault position } } }`;

  it('gives every partnership the default standards until it configures its own', async () => {
    const east = await graph.query<any>(standards, { id: eastSussex });
    expect(east.data.partnership.section11Standards).toHaveLength(8);
    expect(east.data.partnership.section11Standards[0]).toMatchObject({
      key: 'LEADERSHIP_AND_ACCOUNTABILITY',
      isDefault: true,
      position: 1,
    });
    const west = await graph.query<any>(standards, { id: westSussex });
    expect(west.data.partnership.section11Standards.every((s: { isDefault: boolean }) => !s.isDefault)).toBe(true);
  });

  it("shows the partnership's staff who has not returned, the ratings across agencies and the overdue actions", async () => {
    const result = await graph.query<any>(
      overview,
      { id: westSussex, year: '2025-26' },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    const view = result.data.partnership.section11Overview;
    expect(view.notReturned.nodes.map((a: { name: string }) => a.name)).toContain(
      'Probation Service, Kent Surrey and Sussex (demo)',
    );
    expect(view.notReturned.nodes.map((a: { name: string }) => a.name)).not.toContain(
      'Sussex Community NHS Foundation Trust (demo)',
    );
    expect(view.ratings.find((r: { standardKey: string }) => r.standardKey === 'TRAINING')).toMatchObject({
      red: 0,
      amber: 1,
      green: 1,
    });
    expect(
      view.ratings.find((r: { standardKey: string }) => r.standardKey === 'LEADERSHIP_AND_ACCOUNTABILITY'),
    ).toMatchObject({ red: 0, amber: 0, green: 2 });
    expect(view.overdueActions.nodes).toEqual([
      expect.objectContaining({
        owner: 'Named Nurse for Safeguarding Children',
        agency: { name: 'Sussex Community NHS Foundation Trust (demo)' },
        deadline: expect.objectContaining({ due: '2026-03-31', status: 'OVERDUE' }),
      }),
    ]);
    expect(view.overdueActions).toMatchObject({ totalCount: 1, pageInfo: { hasNextPage: false } });
  });

  it('lists an agency designated twice in the year once, in name order, a page cut in SQL', async () => {
    const before = (
      await graph.query<any>(overview, { id: westSussex, year: '2025-26' }, { as: 'west-sussex-business-manager' })
    ).data.partnership.section11Overview.notReturned;
    const agencyId = newId();
    await graph.subgraphs.agencies.db.getRepository('Agency').insert({
      id: agencyId,
      name: 'Aardvark Youth Trust (test)',
      kind: 'RELEVANT_AGENCY',
      scheduleCategory: 'MISCELLANEOUS',
      gssCode: null,
      dfeCode: null,
      odsCode: null,
    });
    const designations = graph.subgraphs.agencies.db.getRepository('Designation');
    await designations.insert({
      id: newId(),
      partnershipId: westSussex,
      agencyId,
      designatedFrom: '2025-05-01',
      designatedUntil: '2025-06-30',
      reason: 'test',
    });
    await designations.insert({
      id: newId(),
      partnershipId: westSussex,
      agencyId,
      designatedFrom: '2025-09-01',
      designatedUntil: null,
      reason: 'test',
    });
    const paged = `query ($id: ID!) { partnership(id: $id) { section11Overview(financialYear: "2025-26") { notReturned(first: 2) { totalCount nodes { id name } pageInfo { hasNextPage } } } } }`;
    const after = (await graph.query<any>(paged, { id: westSussex }, { as: 'west-sussex-business-manager' })).data
      .partnership.section11Overview.notReturned;
    expect(after.totalCount).toBe(before.totalCount + 1);
    expect(after.nodes[0]).toEqual({ id: agencyId, name: 'Aardvark Youth Trust (test)' });
    expect(after.nodes.filter((a: { id: string }) => a.id === agencyId)).toHaveLength(1);
    expect(after.pageInfo.hasNextPage).toBe(after.totalCount > 2);
  });

  it("keeps returns from anyone but the agency itself and the partnership's staff", async () => {
    const anonymous = await graph.query(overview, { id: westSussex, year: '2025-26' });
    expect(anonymous.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    const practitioner = await graph.query(
      overview,
      { id: westSussex, year: '2025-26' },
      { as: 'west-sussex-social-worker' },
    );
    expect(practitioner.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    const returns = `query ($id: ID!) { partnership(id: $id) { section11Returns(financialYear: "2025-26") { nodes { agency { name } } } } }`;
    const own = await graph.query<any>(returns, { id: westSussex }, { as: 'sussex-community-safeguarding-lead' });
    expect(own.data.partnership.section11Returns.nodes).toEqual([
      { agency: { name: 'Sussex Community NHS Foundation Trust (demo)' } },
    ]);
    const police = await graph.query<any>(returns, { id: westSussex }, { as: 'sussex-police-officer' });
    expect(police.data.partnership.section11Returns.nodes).toEqual([]);
    const staff = await graph.query<any>(returns, { id: westSussex }, { as: 'west-sussex-scrutineer' });
    expect(staff.data.partnership.section11Returns.nodes).toHaveLength(2);
  });

  it("configures a partnership's standards, refusing a bad key by its field", async () => {
    const configure = `mutation ($id: ID!, $standards: [Section11StandardInput!]!) { configureSection11Standards(partnershipId: $id, standards: $standards) { key isDefault } }`;
    const bad = await graph.query(
      configure,
      {
        id: eastSussex,
        standards: [
          { key: 'LEADERSHIP', title: 'Leadership', description: 'd' },
          { key: 'bad key', title: 'T', description: 'd' },
        ],
      },
      { as: 'east-sussex-business-manager' },
    );
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'standards.1.key' });
    const ok = await graph.query<any>(
      configure,
      {
        id: eastSussex,
        standards: [
          { key: 'LEADERSHIP', title: 'Leadership', description: 'A board lead' },
          { key: 'TRAINING', title: 'Training', description: 'Staff trained' },
        ],
      },
      { as: 'east-sussex-business-manager' },
    );
    expect(ok.data.configureSection11Standards).toEqual([
      { key: 'LEADERSHIP', isDefault: false },
      { key: 'TRAINING', isDefault: false },
    ]);
    const notTheirs = await graph.query(
      configure,
      { id: westSussex, standards: [{ key: 'X1', title: 'T', description: 'd' }] },
      { as: 'east-sussex-business-manager' },
    );
    expect(notTheirs.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  });

  it("takes an agency's return rating every standard once, audits it, and refuses a second for the year", async () => {
    const base = {
      partnershipId: eastSussex,
      agencyId: demoIds.agencies.sussexCommunityTrust,
      financialYear: '2025-26',
    };
    const leadership = { standardKey: 'LEADERSHIP', rating: 'GREEN', evidence: 'Board minutes (test)', actions: [] };
    const training = {
      standardKey: 'TRAINING',
      rating: 'RED',
      evidence: 'Compliance 60% (test)',
      actions: [{ description: 'Run extra sessions', owner: 'Training lead', dueOn: '2026-11-20' }],
    };
    const as = { as: 'sussex-community-safeguarding-lead' as const };
    const pastDue = { ...training, actions: [{ ...training.actions[0], dueOn: '1999-06-30' }] };
    const past = await graph.query(submit, { input: { ...base, standards: [leadership, pastDue] } }, as);
    expect(past.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.standards.1.actions.0.dueOn',
    });

    const missing = await graph.query(submit, { input: { ...base, standards: [leadership] } }, as);
    expect(missing.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.standards' });
    expect(missing.errors![0]!.message).toContain('not rated: TRAINING');
    const unknown = await graph.query(
      submit,
      { input: { ...base, standards: [{ ...leadership, standardKey: 'NOPE' }, training] } },
      as,
    );
    expect(unknown.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.standards.0.standardKey',
    });
    const badYear = await graph.query(
      submit,
      { input: { ...base, financialYear: '2025-27', standards: [leadership, training] } },
      as,
    );
    expect(badYear.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.financialYear' });
    const otherAgency = await graph.query(
      submit,
      { input: { ...base, agencyId: demoIds.agencies.probationKss, standards: [leadership, training] } },
      as,
    );
    expect(otherAgency.errors![0]!.extensions!['code']).toBe('FORBIDDEN');

    const auditBefore = await graph.subgraphs.agencies.db.getRepository(AuditRecord).count();
    // Rated in the other order than the standards: read back in the standards' order, on both databases.
    const ok = await graph.query<any>(submit, { input: { ...base, standards: [training, leadership] } }, as);
    expect(ok.errors).toBeUndefined();
    expect(ok.data.submitSection11Return).toMatchObject({
      financialYear: '2025-26',
      submittedOn: '2026-11-20',
      agency: { name: 'Sussex Community NHS Foundation Trust (demo)' },
    });
    const action = ok.data.submitSection11Return.standards.find(
      (s: { standardKey: string }) => s.standardKey === 'TRAINING',
    ).actions[0];
    expect(action.deadline).toEqual({ due: '2026-11-20', status: 'DUE_TODAY' });
    expect(await graph.subgraphs.agencies.db.getRepository(AuditRecord).count()).toBe(auditBefore + 1);
    type Returns = {
      agency: { section11Returns: { nodes: Array<{ id: string; standards: Array<{ standardKey: string }> }> } };
    };
    const read = await graph.query<Returns>(
      `query ($id: ID!) { agency(id: $id) { section11Returns(first: 100) { nodes { id standards { standardKey } } } } }`,
      { id: base.agencyId },
      as,
    );
    const made = read.data?.agency.section11Returns.nodes.filter((r) =>
      r.standards.some((standard) => standard.standardKey === 'LEADERSHIP'),
    );
    expect(made?.map((r) => r.standards.map((standard) => standard.standardKey))).toEqual([['LEADERSHIP', 'TRAINING']]);

    const second = await graph.query(submit, { input: { ...base, standards: [leadership, training] } }, as);
    expect(second.errors![0]!.extensions!['code']).toBe('CONFLICT');

    const complete = `mutation ($input: CompleteSection11ActionInput!) { completeSection11Action(input: $input) { deadline { status completedOn } } }`;
    const byPolice = await graph.query(
      complete,
      { input: { actionId: action.id, completedOn: '2026-11-20' } },
      { as: 'sussex-police-officer' },
    );
    expect(byPolice.errors![0]!.extensions!['code']).toBe('NOT_FOUND');
    const done = await graph.query<any>(complete, { input: { actionId: action.id, completedOn: '2026-11-20' } }, as);
    expect(done.data.completeSection11Action).toEqual({ deadline: { status: 'MET', completedOn: '2026-11-20' } });
  });
});

describe('batching', () => {
  const query = `{ partnerships(first: 10) { nodes {
    relevantAgencies(first: 100) { nodes { id designations(first: 10) { totalCount nodes { status partnership { id } } } contacts { role } section11Returns(first: 5) { totalCount nodes { id } } } }
    section11Returns(first: 100) { totalCount nodes { agency { name } standards { rating actions { deadline { status } } } } }
  } } }`;

  let added = 0;
  async function addReturningAgency(): Promise<void> {
    added += 1;
    const db = graph.subgraphs.agencies.db;
    const agencyId = newId();
    await db.getRepository('Agency').insert({
      id: agencyId,
      name: `Batch agency ${added}`,
      kind: 'RELEVANT_AGENCY',
      scheduleCategory: 'MISCELLANEOUS',
      gssCode: null,
      dfeCode: null,
      odsCode: null,
    });
    await db.getRepository('Designation').insert({
      id: newId(),
      partnershipId: westSussex,
      agencyId,
      designatedFrom: '2020-01-01',
      designatedUntil: null,
      reason: 'test',
    });
    await db.getRepository('AgencyContact').insert({
      id: newId(),
      agencyId,
      role: 'SAFEGUARDING_LEAD',
      name: null,
      telephone: '01632 960999',
      email: null,
      hours: null,
      updatedOn: '2026-01-01',
    });
    const returnId = newId();
    await db.getRepository('Section11Return').insert({
      id: returnId,
      partnershipId: westSussex,
      agencyId,
      financialYear: '2025-26',
      submittedOn: '2026-03-01',
    });
    for (const key of ['TRAINING', 'INFORMATION_SHARING']) {
      const ratingId = newId();
      await db.getRepository('Section11Rating').insert({
        id: ratingId,
        returnId,
        partnershipId: westSussex,
        agencyId,
        standardKey: key,
        standardTitle: key,
        rating: 'AMBER',
        evidence: 'e',
      });
      await db.getRepository('Section11Action').insert({
        id: newId(),
        ratingId,
        partnershipId: westSussex,
        agencyId,
        financialYear: '2025-26',
        standardKey: key,
        description: 'd',
        owner: 'o',
        dueOn: '2026-05-01',
        completedOn: null,
      });
    }
  }

  async function measure(): Promise<{ agencies: number; returns: number; statements: number; reads: string[] }> {
    let agencies = 0;
    let returns = 0;
    let reads: string[] = [];
    const statements = await graph.countStatements(async () => {
      reads = await graph.subgraphs.agencies.statements.capture(async () => {
        const result = await graph.query<any>(query, {}, { as: 'west-sussex-business-manager' });
        expect(result.errors).toBeUndefined();
        for (const partnership of result.data.partnerships.nodes) {
          agencies += partnership.relevantAgencies.nodes.length;
          returns += partnership.section11Returns.nodes.length;
        }
      });
    });
    return { agencies, returns, statements: statements.agencies, reads };
  }

  it('costs the same SQL statements in the agencies subgraph whatever the number of designations, contacts, returns, ratings and actions', async () => {
    const small = await measure();
    for (let i = 0; i < 6; i++) await addReturningAgency();
    const large = await measure();
    expect(large.agencies).toBe(small.agencies + 6);
    expect(large.returns).toBe(small.returns + 6);
    expect(large.statements).toBe(small.statements);
    // Every agency's page of returns in one ranked statement, every partnership's in another, and their counts in one more each.
    const returnPages = large.reads.filter((sql) => /FROM .section11_returns. .r. INNER JOIN/.test(sql));
    expect(returnPages).toHaveLength(2);
    expect(returnPages.filter((sql) => /ROW_NUMBER\(\) OVER \(PARTITION BY .r.\..agencyId./.test(sql))).toHaveLength(1);
    expect(
      returnPages.filter((sql) => /ROW_NUMBER\(\) OVER \(PARTITION BY .r.\..partnershipId./.test(sql)),
    ).toHaveLength(1);
    expect(
      large.reads.filter(
        (sql) => /FROM .section11_returns. .r./.test(sql) && /GROUP BY .r.\..partnershipId./.test(sql),
      ),
    ).toHaveLength(1);
    expect(
      large.reads.filter((sql) => /FROM .section11_returns. .r./.test(sql) && /GROUP BY .r.\..agencyId./.test(sql)),
    ).toHaveLength(1);
  });
});
