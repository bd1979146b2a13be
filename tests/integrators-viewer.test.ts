import { demoIds, statutoryOrganisationId } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

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

  it("tells a police officer their force as the Agency entity, their partnerships by name and what they may do", async () => {
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
      capabilities: ['RAISE_PROFESSIONAL_DISAGREEMENTS', 'KEEP_SCHOOL_SAFEGUARDING_RECORDS'],
    });
  });

  it('tells a business manager they administer their partnership and read its audit trail', async () => {
    const result = await graph.query<{ viewer: { capabilities: string[] } }>(viewer, {}, { as: 'west-sussex-business-manager' });
    expect(result.data!.viewer.capabilities).toEqual(['ADMINISTER_PARTNERSHIP', 'READ_AUDIT_TRAIL', 'KEEP_NATIONAL_REGISTERS']);
  });
});

describe('lookups by the codes integrators hold', () => {
  it('finds Sussex Police by its GSS code, and a council by its DfE LA code', async () => {
    const result = await graph.query<{ police: { id: string; name: string }; council: { id: string; dfeCode: string } }>(
      `{ police: agencyByCode(gssCode: "E23000033") { id name } council: agencyByCode(dfeCode: "938") { id dfeCode } }`,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.police.id).toBe(statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }));
    expect(result.data!.police.name).toMatch(/Sussex/);
    expect(result.data!.council).toEqual({ id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' }), dfeCode: '938' });
  });

  it('finds an NHS trust by its ODS code', async () => {
    const result = await graph.query<{ agencyByCode: { id: string } | null }>(`{ agencyByCode(odsCode: "9dx") { id } }`);
    expect(result.data!.agencyByCode).toEqual({ id: demoIds.agencies.sussexCommunityTrust });
  });

  it.each([
    ['no code', '{ agencyByCode { id } }', 'odsCode', 'give exactly one of odsCode, gssCode, dfeCode'],
    ['two codes', '{ agencyByCode(odsCode: "9DX", dfeCode: "938") { id } }', 'dfeCode', 'give exactly one of'],
    ['a malformed GSS code', '{ agencyByCode(gssCode: "23000033") { id } }', 'gssCode', 'a country letter and 8 digits'],
    ['a malformed LAESTAB', '{ schoolByCode(laestab: "846/2001") { urn } }', 'laestab', '7 digits'],
    ['two LA codes', '{ partnershipFor(localAuthorityGssCode: "E10000032", localAuthorityDfeCode: "938") { id } }', 'localAuthorityDfeCode', 'give exactly one of'],
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
    expect(result.data).toEqual({ byGss: { id: demoIds.partnerships.westSussex }, byDfe: { id: demoIds.partnerships.eastSussex }, none: null });
  });
});
