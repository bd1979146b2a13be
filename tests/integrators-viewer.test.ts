import { demoIds, statutoryOrganisationId } from '@safeguarding/shared';
import { startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

// Issue 15: an integrator finds itself (viewer) and the records it holds codes for, through the gateway.
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2026-11-20T12:00:00Z') });
});
afterAll(() => graph?.stop());

const viewer = `{
  viewer {
    subject organisationKind organisationId roles capabilities
    organisation { __typename ... on Agency { id name gssCode } ... on School { urn name laestab } }
    partnerships { id name }
  }
}`;

describe('viewer', () => {
  it('is null for an anonymous caller', async () => {
    const result = await graph.query(viewer);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ viewer: null });
  });

  it('tells a police officer their force as the Agency entity, their partnerships by name and what they may do', async () => {
    const result = await graph.query<{ viewer: Record<string, unknown> }>(viewer, {}, { as: 'sussex-police-officer' });
    expect(result.errors).toBeUndefined();
    const seen = result.data!.viewer;
    expect(seen).toMatchObject({
      subject: 'demo:sussex-police-officer',
      organisationKind: 'POLICE',
      organisationId: statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }),
      roles: ['PRACTITIONER'],
      capabilities: ['RAISE_PROFESSIONAL_DISAGREEMENTS'],
      organisation: { __typename: 'Agency', gssCode: 'E23000033' },
    });
    const partnerships = seen['partnerships'] as { id: string; name: string }[];
    expect(partnerships.map((p) => p.id).sort()).toEqual(Object.values(demoIds.partnerships).sort());
    expect(partnerships.every((p) => p.name.length > 0)).toBe(true);
  });

  it("gives a school's DSL the School entity, resolved by the schools subgraph", async () => {
    const result = await graph.query<{ viewer: Record<string, unknown> }>(viewer, {}, { as: 'seaview-primary-dsl' });
    expect(result.errors).toBeUndefined();
    expect(result.data!.viewer).toMatchObject({
      organisationKind: 'SCHOOL',
      organisation: { __typename: 'School', urn: '990001', laestab: '8462001' },
      capabilities: ['RAISE_PROFESSIONAL_DISAGREEMENTS', 'KEEP_SCHOOL_SAFEGUARDING_RECORDS', 'DELEGATE_TO_SYSTEMS'],
    });
  });

  it('tells a business manager they administer their partnership and read its audit trail', async () => {
    const result = await graph.query<{ viewer: { capabilities: string[] } }>(
      viewer,
      {},
      { as: 'west-sussex-business-manager' },
    );
    expect(result.data!.viewer.capabilities).toEqual([
      'ADMINISTER_PARTNERSHIP',
      'READ_AUDIT_TRAIL',
      'KEEP_NATIONAL_REGISTERS',
    ]);
  });
});

describe('lookups by the codes integrators hold', () => {
  it('finds Sussex Police by its GSS code, and a council by its DfE LA code', async () => {
    const result = await graph.query<{
      police: { id: string; name: string };
      council: { id: string; dfeCode: string };
    }>(
      `{ police: agencyByCode(gssCode: "E23000033") { id name } council: agencyByCode(dfeCode: "938") { id dfeCode } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.police.id).toBe(statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }));
    expect(result.data!.police.name).toMatch(/Sussex/);
    expect(result.data!.council).toEqual({
      id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' }),
      dfeCode: '938',
    });
  });

  it('finds an NHS trust by its ODS code', async () => {
    const result = await graph.query<{ agencyByCode: { id: string } | null }>(
      `{ agencyByCode(odsCode: "9dx") { id } }`,
    );
    expect(result.data!.agencyByCode).toEqual({ id: demoIds.agencies.sussexCommunityTrust });
  });

  it.each([
    ['no code', '{ agencyByCode { id } }', 'odsCode', 'give exactly one of odsCode, gssCode, dfeCode'],
    ['two codes', '{ agencyByCode(odsCode: "9DX", dfeCode: "938") { id } }', 'dfeCode', 'give exactly one of'],
    [
      'a malformed GSS code',
      '{ agencyByCode(gssCode: "23000033") { id } }',
      'gssCode',
      'a country letter and 8 digits',
    ],
    ['a malformed LAESTAB', '{ schoolByCode(laestab: "846/2001") { urn } }', 'laestab', '7 digits'],
    [
      'two LA codes',
      '{ partnershipFor(localAuthorityGssCode: "E10000032", localAuthorityDfeCode: "938") { id } }',
      'localAuthorityDfeCode',
      'give exactly one of',
    ],
  ])('refuses %s with BAD_USER_INPUT naming the argument', async (_case, query, field, message) => {
    const result = await graph.query(query);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0]!.message).toContain(message);
  });

  it('finds a school by URN, UKPRN-less schools by LAESTAB, and null for a code no school holds', async () => {
    const result = await graph.query<Record<string, { urn: string } | null>>(
      `{ byUrn: schoolByCode(urn: "990003") { urn } byLaestab: schoolByCode(laestab: "8462001") { urn } none: schoolByCode(ukprn: "10000000") { urn } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ byUrn: { urn: '990003' }, byLaestab: { urn: '990001' }, none: null });
  });

  it('finds the partnership covering a local authority by GSS or DfE code', async () => {
    const result = await graph.query<Record<string, { id: string } | null>>(
      `{ byGss: partnershipFor(localAuthorityGssCode: "E10000032") { id } byDfe: partnershipFor(localAuthorityDfeCode: "845") { id } none: partnershipFor(localAuthorityDfeCode: "999") { id } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      byGss: { id: demoIds.partnerships.westSussex },
      byDfe: { id: demoIds.partnerships.eastSussex },
      none: null,
    });
  });
});

describe('the schools register, a page at a time (issue 12: every list bounded)', () => {
  const page = `query ($first: Int, $after: String, $la: String) {
    schools(first: $first, after: $after, localAuthorityDfeCode: $la) { nodes { urn name } pageInfo { endCursor hasNextPage } }
  }`;
  type Page = {
    schools: { nodes: { urn: string; name: string }[]; pageInfo: { endCursor: string | null; hasNextPage: boolean } };
  };

  it('answers a bounded first page to an anonymous caller, and walks every school once in name order', async () => {
    const seen: { urn: string; name: string }[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const result: GraphQLResponse<Page> = await graph.query<Page>(page, { first: 2, after });
      expect(result.errors).toBeUndefined();
      const { nodes, pageInfo } = result.data!.schools;
      expect(nodes.length).toBeLessThanOrEqual(2);
      seen.push(...nodes);
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    const total = await graph.query<{ schools: { totalCount: number } }>('{ schools { totalCount } }');
    expect(seen).toHaveLength(total.data!.schools.totalCount);
    expect(new Set(seen.map((s) => s.urn)).size).toBe(seen.length);
    const sorted = [...seen].sort((a, b) =>
      a.name === b.name ? (a.urn < b.urn ? -1 : 1) : a.name.localeCompare(b.name),
    );
    expect(seen.map((s) => s.urn)).toEqual(sorted.map((s) => s.urn));
  });

  it('answers the documented maximum page within the cost limit', async () => {
    const result = await graph.query(
      '{ schools(first: 100) { totalCount nodes { urn name laestab phase status ukprn establishmentType postcode localAuthority { id name } } pageInfo { endCursor hasNextPage } } }',
    );
    expect(result.errors).toBeUndefined();
  });

  it('filters by local authority', async () => {
    const result = await graph.query<Page>(page, { la: '845' });
    expect(result.data!.schools.nodes.map((s) => s.urn).sort()).toEqual(expect.arrayContaining(['990003', '990004']));
  });

  it.each([
    ['first beyond the maximum', { first: 101 }, 'first', 'must be at most 100'],
    ['first of zero', { first: 0 }, 'first', 'must be at least 1'],
    [
      'a cursor of another list',
      { after: Buffer.from(JSON.stringify(['agencies', 'x', 'y'])).toString('base64url') },
      'after',
      'is not a cursor of this list',
    ],
    ['a cursor that is not one', { after: 'not-a-cursor' }, 'after', 'is not a cursor of this list'],
  ])('refuses %s naming the argument', async (_case, variables, field, message) => {
    const result = await graph.query(page, variables);
    expect(result.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(result.errors![0]!.message).toContain(message);
  });

  it('costs one statement per page and none for totalCount unless asked', async () => {
    const without = await graph.countStatements(async () => {
      expect((await graph.query(page, { first: 3 })).errors).toBeUndefined();
    });
    const withCount = await graph.countStatements(async () => {
      expect((await graph.query('{ schools(first: 3) { totalCount nodes { urn } } }')).errors).toBeUndefined();
    });
    expect(without.schools).toBe(1);
    expect(withCount.schools).toBe(2);
  });
});

describe('the organisation register, a page at a time', () => {
  it('walks every police force once by name, in pages cut by the cursor', async () => {
    const query = `query ($after: String) { agencies(kind: POLICE, first: 10, after: $after) { totalCount nodes { id name } pageInfo { endCursor hasNextPage } } }`;
    type Page = {
      agencies: {
        totalCount: number;
        nodes: { id: string; name: string }[];
        pageInfo: { endCursor: string | null; hasNextPage: boolean };
      };
    };
    const ids: string[] = [];
    let after: string | null = null;
    let total = 0;
    for (let pages = 0; pages < 20; pages += 1) {
      const result: GraphQLResponse<Page> = await graph.query<Page>(query, { after });
      expect(result.errors).toBeUndefined();
      const { nodes, pageInfo, totalCount } = result.data!.agencies;
      expect(nodes.length).toBeLessThanOrEqual(10);
      total = totalCount;
      ids.push(...nodes.map((n) => n.id));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(30);
    expect(ids).toHaveLength(total);
    expect(new Set(ids).size).toBe(total);
    expect(ids).toContain(statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }));
  });

  it('refuses first beyond the maximum naming first', async () => {
    const result = await graph.query('{ agencies(first: 101) { nodes { id } } }');
    expect(result.errors![0]).toMatchObject({
      message: 'first: must be at most 100',
      extensions: { code: 'BAD_USER_INPUT', field: 'first' },
    });
  });
});
