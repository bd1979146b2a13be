import {
  AuditRecord,
  demoClients,
  demoIds,
  Role,
  demoSystems,
  identifyingFieldsOf,
  identityFromClaims,
  statutoryOrganisationId,
  subgraphSchema,
  verifyAuditChain,
  type Identity,
} from '@safeguarding/shared';
import fs from 'node:fs';
import { buildSchema, getNamedType, isLeafType, isObjectType } from 'graphql';
import { apiSchemaPath, subgraphs } from '@safeguarding/gateway';
import { startGraph, type GraphQLResponse, type TestGraph } from './support/graph';

/**
 * Issue 15 item 4: systems call with OAuth 2.0 client-credentials tokens. Scopes narrow what a
 * system may call; a supplier acts for a school only while the school's DSL delegates to it; the
 * audit trail names the system and the person it acts for. Everything through the gateway.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2026-11-23T10:00:00Z') });
});
afterAll(() => graph?.stop());

const policeSystem = demoSystems['sussex-police-case-system']!;
const vendor = demoSystems['downland-mis']!;
const withScopes = (identity: Identity, scopes: string[]): Identity => ({
  ...identity,
  client: { ...identity.client!, scopes },
});
const actingFor = (identity: Identity, person: string): Identity => ({
  ...identity,
  subject: person,
  client: { ...identity.client!, actingFor: person },
});

async function as<T = any>(
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResponse<T>> {
  return graph.query<T>(query, variables, { authorization: `Bearer ${await graph.tokenFor(identity)}` });
}
const codeOf = (result: GraphQLResponse<unknown>) => result.errors?.[0]?.extensions?.['code'];

const viewer = `{ viewer { kind clientId scopes actingFor subject organisationKind organisationId roles
  delegations { totalCount nodes { urn clientId active } } } }`;

let keys = 0;
const referral = () => {
  keys += 1;
  return {
    idempotencyKey: `machine-key-${String(keys).padStart(4, '0')}`,
    childReference: `CHILD-M-${String(keys).padStart(4, '0')}`,
    nhsNumber: null,
    homeLocalAuthorityGssCode: 'E10000032',
    concernCategories: ['NEGLECT'],
    significantHarm: false,
    earlyHelpIndicators: [],
    lawfulBasis: 'PUBLIC_TASK',
    consent: 'OBTAINED',
    practitionerName: 'B. Officer (test)',
    practitionerRole: 'Police constable',
  };
};
const submit = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id status } }`;

const setLeads = `mutation ($input: SetSafeguardingLeadsInput!) { setSafeguardingLeads(input: $input) { name role } }`;
const leadsOf = (urn: string) => ({
  input: {
    urn,
    leads: [
      { name: `MIS Synced Lead ${urn} (test)`, role: 'DESIGNATED_SAFEGUARDING_LEAD', lastTrainedOn: '2025-10-01' },
    ],
  },
});
const grant = `mutation ($input: SchoolDelegationInput!) { grantSchoolDelegation(input: $input) { urn clientId active revokedAt } }`;
const revoke = `mutation ($input: SchoolDelegationInput!) { revokeSchoolDelegation(input: $input) { urn clientId active revokedAt } }`;
const delegationOf = (urn: string) => ({ input: { urn, clientId: demoClients.misVendor } });

describe('a system token', () => {
  it("is told apart from a person's by client_id with no person of its own, and names the person only with act (RFC 8693)", () => {
    const org = { id: statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }), kind: 'POLICE' };
    const base = { org, roles: ['PRACTITIONER'], partnerships: [] };
    expect(identityFromClaims({ ...base, client_id: 'cms', scope: 'read referrals:write openid' })).toMatchObject({
      subject: 'cms',
      client: { id: 'cms', scopes: ['read', 'referrals:write'], actingFor: null },
    });
    expect(
      identityFromClaims({ ...base, sub: 'officer-1', client_id: 'cms', act: { sub: 'cms' }, scope: 'read' }),
    ).toMatchObject({
      subject: 'officer-1',
      client: { id: 'cms', actingFor: 'officer-1' },
    });
    // A person signed in through a portal client stays a person.
    const person = identityFromClaims({ ...base, sub: 'officer-1', client_id: 'portal' });
    expect(typeof person === 'object' && person.client).toBeUndefined();
    expect(identityFromClaims({ ...base, sub: 'officer-1', client_id: 'cms', act: { sub: 'other-system' } })).toMatch(
      /act\.sub/,
    );
  });

  it('is shown by viewer as a SYSTEM with its client, organisation and scopes', async () => {
    const result = await as(policeSystem, viewer);
    expect(result.errors).toBeUndefined();
    expect(result.data.viewer).toMatchObject({
      kind: 'SYSTEM',
      clientId: demoClients.policeCaseSystem,
      subject: demoClients.policeCaseSystem,
      actingFor: null,
      organisationKind: 'POLICE',
      organisationId: statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' }),
      scopes: ['read', 'referrals:write', 'escalations:write'],
      delegations: { totalCount: 0, nodes: [] },
    });
    const person = await graph.query<any>(viewer, {}, { as: 'sussex-police-officer' });
    expect(person.data.viewer).toMatchObject({ kind: 'PERSON', clientId: null, scopes: [], actingFor: null });
  });

  it('refuses a mutation its scopes do not cover, naming the scope, and writes nothing', async () => {
    const before = await graph.subgraphs.escalations.db.query('SELECT COUNT(*) AS n FROM referrals');
    const refused = await as(withScopes(policeSystem, ['read']), submit, { input: referral() });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('referrals:write');
    const after = await graph.subgraphs.escalations.db.query('SELECT COUNT(*) AS n FROM referrals');
    expect(Number(after[0].n)).toBe(Number(before[0].n));
    // The attempt is a security event, recorded as a person's is, under the system's client id.
    const attempts = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .find({ where: { outcome: 'REFUSED' as never, clientId: demoClients.policeCaseSystem } });
    expect(attempts.map((r) => [r.action, r.rootFields, r.subject])).toEqual([
      ['WRITE', 'submitReferral', demoClients.policeCaseSystem],
    ]);
    const allowed = await as(policeSystem, submit, { input: referral() });
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.submitReferral.status).toBe('RECEIVED');
  });

  it('needs `read` for queries, but may always ask who it is', async () => {
    const writer = withScopes(policeSystem, ['referrals:write']);
    const refused = await as(writer, '{ schools(first: 1) { nodes { urn } } }');
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors![0]!.message).toContain('read');
    const self = await as(writer, '{ viewer { kind scopes } }');
    expect(self.data.viewer).toEqual({ kind: 'SYSTEM', scopes: ['referrals:write'] });
  });

  it("without `read`, learns through viewer only who it is: its own organisation's identity and delegations, never its partnerships' data", async () => {
    const writer = withScopes(policeSystem, ['referrals:write']);
    const own = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });
    const result = await as(
      writer,
      `{ viewer { kind organisation { __typename ... on Agency { id name gssCode } } partnerships { id name }
      delegations { totalCount } } }`,
    );
    expect(result.data.viewer).toMatchObject({
      kind: 'SYSTEM',
      organisation: { __typename: 'Agency', id: own, gssCode: 'E23000033' },
      partnerships: null,
      delegations: { totalCount: 0 },
    });
    expect(result.data.viewer.organisation.name).toMatch(/Sussex/);
    expect(result.errors!.length).toBeGreaterThan(0);
    for (const error of result.errors!) {
      expect(error.extensions?.['code']).toBe('FORBIDDEN');
      expect(error.message).toContain('scope read');
      expect(error.path?.slice(0, 2)).toEqual(['viewer', 'partnerships']);
    }
    // Its organisation's records beyond who it is are reads too, in its own subgraph and in others.
    const records = await as(writer, `{ viewer { organisation { ... on Agency { id contacts { telephone } } } } }`);
    expect(codeOf(records)).toBe('FORBIDDEN');
    expect(records.errors![0]!.message).toContain('scope read');
    expect(records.data.viewer.organisation).toBeNull();
    // The refusals are audited as other scope refusals are: by each partnership refused, under the client id,
    // where they are refused (the partnerships service, entity by entity).
    const audited = await graph.subgraphs.partnerships.db.getRepository(AuditRecord).find({
      where: { outcome: 'REFUSED' as never, clientId: demoClients.policeCaseSystem, entityType: 'Partnership' },
    });
    expect(audited.map((r) => [r.entityType, r.entityId, r.subject]).sort()).toEqual(
      Object.values(demoIds.partnerships)
        .filter((id) => policeSystem.partnershipIds.includes(id))
        .map((id) => ['Partnership', id, demoClients.policeCaseSystem])
        .sort(),
    );
    // With `read`, the same question is answered whole.
    const reader = await as(
      policeSystem,
      `{ viewer { organisation { ... on Agency { contacts { telephone } } } partnerships { id name } } }`,
    );
    expect(reader.errors).toBeUndefined();
    expect(reader.data.viewer.partnerships.length).toBe(policeSystem.partnershipIds.length);
  });

  it("without `read`, sees its school's identity from the schools subgraph but not its records, and its delegations", async () => {
    const schoolSystem: Identity = {
      subject: 'seaview-mis-test',
      organisation: { id: '990001', kind: 'SCHOOL' },
      roles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
      partnershipIds: [],
      client: { id: 'seaview-mis-test', scopes: ['schools:write'], actingFor: null },
    };
    const named = await as(
      schoolSystem,
      `{ viewer { organisation { __typename ... on School { urn name laestab } } } }`,
    );
    expect(named.errors).toBeUndefined();
    expect(named.data.viewer.organisation).toEqual({
      __typename: 'School',
      urn: '990001',
      name: expect.any(String),
      laestab: '8462001',
    });
    const leads = await as(
      schoolSystem,
      `{ viewer { organisation { ... on School { urn safeguardingLeads { name } } } } }`,
    );
    expect(codeOf(leads)).toBe('FORBIDDEN');
    expect(leads.errors![0]!.message).toContain('scope read');
    expect(JSON.stringify(leads.data)).not.toContain('Lead');
    const delegations = await as(
      withScopes(vendor, ['schools:write']),
      `{ viewer { delegations { nodes { urn active } } } }`,
    );
    expect(delegations.errors).toBeUndefined();
    expect(delegations.data.viewer.delegations.nodes.map((d: { urn: string }) => d.urn).sort()).toEqual([
      '990001',
      '990002',
    ]);
  });

  it('without `read`, sees on its own organisation exactly the fields the schema marks identifying, in every subgraph', async () => {
    const marked = new Map<string, Set<string>>();
    for (const definition of subgraphs) {
      for (const [type, fields] of identifyingFieldsOf((await subgraphSchema(definition)).source)) {
        marked.set(type, new Set([...(marked.get(type) ?? []), ...fields]));
      }
    }
    // What the README tells integrators a system without `read` learns of its own organisation.
    expect([...(marked.get('Agency') ?? [])].sort()).toEqual(['dfeCode', 'gssCode', 'id', 'kind', 'name', 'odsCode']);
    expect([...(marked.get('School') ?? [])].sort()).toEqual(['laestab', 'name', 'ukprn', 'urn']);

    const api = buildSchema(fs.readFileSync(apiSchemaPath, 'utf8'));
    const schoolSystem: Identity = {
      subject: 'seaview-mis-marks-test',
      organisation: { id: '990001', kind: 'SCHOOL' },
      roles: [Role.DESIGNATED_SAFEGUARDING_LEAD],
      partnershipIds: [],
      client: { id: 'seaview-mis-marks-test', scopes: ['schools:write'], actingFor: null },
    };
    for (const [type, system] of [
      ['Agency', withScopes(policeSystem, ['referrals:write'])],
      ['School', schoolSystem],
    ] as const) {
      const object = api.getType(type);
      if (!isObjectType(object)) throw new Error(`${type} is not an object type of the API schema`);
      // Every field answered without arguments or a selection: each one either marked or refused.
      const leaves = Object.values(object.getFields())
        .filter((field) => field.args.length === 0 && isLeafType(getNamedType(field.type)))
        .map((field) => field.name);
      const open = leaves.filter((field) => marked.get(type)?.has(field));
      const closed = leaves.filter((field) => !marked.get(type)?.has(field));
      expect(open.sort()).toEqual([...(marked.get(type) ?? [])].sort());
      expect(closed.length).toBeGreaterThan(0);
      const ask = (fields: string[]) =>
        as<unknown>(system, `{ viewer { organisation { ... on ${type} { ${fields.join(' ')} } } } }`);
      const identity = await ask(open);
      expect(identity.errors).toBeUndefined();
      for (const field of closed) {
        const refused = await ask(['name', field]);
        expect({ field, code: codeOf(refused), message: refused.errors?.[0]?.message }).toEqual({
          field,
          code: 'FORBIDDEN',
          message: expect.stringContaining('scope read') as unknown,
        });
      }
    }
  });

  it('is audited under its client id, with the person it acts for as the subject, and the chain still verifies', async () => {
    const officer = actingFor(policeSystem, 'cms:officer-4411');
    expect((await as(officer, '{ viewer { subject actingFor clientId } }')).data.viewer).toEqual({
      subject: 'cms:officer-4411',
      actingFor: 'cms:officer-4411',
      clientId: demoClients.policeCaseSystem,
    });
    const result = await as(officer, submit, { input: referral() });
    expect(result.errors).toBeUndefined();
    const db = graph.subgraphs.escalations.db;
    const [record] = await db
      .getRepository(AuditRecord)
      .find({ where: { entityId: result.data.submitReferral.id, action: 'CREATE' as never } });
    expect(record).toMatchObject({
      entityType: 'Referral',
      clientId: demoClients.policeCaseSystem,
      subject: 'cms:officer-4411',
    });
    // Without a person, the subject is the system itself; a person's record names no client.
    const plain = await as(policeSystem, submit, { input: referral() });
    const [own] = await db
      .getRepository(AuditRecord)
      .find({ where: { entityId: plain.data.submitReferral.id, action: 'CREATE' as never } });
    expect(own).toMatchObject({ clientId: demoClients.policeCaseSystem, subject: demoClients.policeCaseSystem });
    const byPerson = await graph.query<any>(submit, { input: referral() }, { as: 'sussex-police-officer' });
    const [personal] = await db
      .getRepository(AuditRecord)
      .find({ where: { entityId: byPerson.data.submitReferral.id, action: 'CREATE' as never } });
    expect(personal).toMatchObject({ clientId: null, subject: 'demo:sussex-police-officer' });
    expect((await verifyAuditChain(db.manager, { fromStart: true, now: new Date() })).intact).toBe(true);
  });
});

describe('an MIS supplier acting for schools', () => {
  it('sees the delegations the demo schools gave it, and each school sees its own', async () => {
    const seen = await as(vendor, viewer);
    expect(seen.errors).toBeUndefined();
    expect(seen.data.viewer).toMatchObject({
      kind: 'SYSTEM',
      organisationKind: 'SYSTEM_SUPPLIER',
      clientId: demoClients.misVendor,
    });
    expect(seen.data.viewer.delegations.nodes.map((d: { urn: string }) => d.urn).sort()).toEqual(['990001', '990002']);
    const school = `{ school(urn: "990002") { delegations { totalCount nodes { clientId active } } } }`;
    expect((await graph.query<any>(school, {}, { as: 'chalk-cliff-high-dsl' })).data.school.delegations).toEqual({
      totalCount: 1,
      nodes: [{ clientId: demoClients.misVendor, active: true }],
    });
    expect((await as(vendor, school)).data.school.delegations.totalCount).toBe(1);
    // Not the school's, not the system's: nothing to see.
    expect((await graph.query<any>(school, {}, { as: 'sussex-health-visitor' })).data.school.delegations).toEqual({
      totalCount: 0,
      nodes: [],
    });
  });

  it("changes a delegating school's records, and is refused for a school that did not delegate", async () => {
    const ok = await as(vendor, setLeads, leadsOf('990001'));
    expect(ok.errors).toBeUndefined();
    expect(ok.data.setSafeguardingLeads).toEqual([
      { name: 'MIS Synced Lead 990001 (test)', role: 'DESIGNATED_SAFEGUARDING_LEAD' },
    ]);
    const other = await as(vendor, setLeads, leadsOf('990003'));
    expect(codeOf(other)).toBe('FORBIDDEN');
    // Its scopes still apply on top of the delegation.
    const unscoped = await as(withScopes(vendor, ['read']), setLeads, leadsOf('990001'));
    expect(codeOf(unscoped)).toBe('FORBIDDEN');
    expect(unscoped.errors![0]!.message).toContain('schools:write');
  });

  it("lets only the school's DSL, as a person, revoke or grant; once revoked the supplier is refused, granted again it may act", async () => {
    for (const refused of [
      await as(vendor, revoke, delegationOf('990002')),
      await graph.query<any>(revoke, delegationOf('990002'), { as: 'shingle-bay-primary-dsl' }),
      await graph.query<any>(revoke, delegationOf('990002'), { as: 'west-sussex-business-manager' }),
      await as(vendor, grant, delegationOf('990003')),
    ]) {
      expect(codeOf(refused)).toBe('FORBIDDEN');
    }
    expect(codeOf(await graph.query<any>(revoke, delegationOf('990002')))).toBe('UNAUTHENTICATED');
    expect((await as(vendor, setLeads, leadsOf('990002'))).errors).toBeUndefined();

    const revoked = await graph.query<any>(revoke, delegationOf('990002'), { as: 'chalk-cliff-high-dsl' });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data.revokeSchoolDelegation).toMatchObject({
      urn: '990002',
      active: false,
      revokedAt: '2026-11-23T10:00:00.000Z',
    });
    expect(codeOf(await as(vendor, setLeads, leadsOf('990002')))).toBe('FORBIDDEN');
    expect(codeOf(await graph.query<any>(revoke, delegationOf('990002'), { as: 'chalk-cliff-high-dsl' }))).toBe(
      'NOT_FOUND',
    );

    const granted = await graph.query<any>(grant, delegationOf('990002'), { as: 'chalk-cliff-high-dsl' });
    expect(granted.data.grantSchoolDelegation).toMatchObject({
      urn: '990002',
      clientId: demoClients.misVendor,
      active: true,
      revokedAt: null,
    });
    expect((await as(vendor, setLeads, leadsOf('990002'))).errors).toBeUndefined();
    // The school still sees the revoked one beside the new one.
    const listed = await graph.query<any>(
      `{ school(urn: "990002") { delegations { nodes { active } } } }`,
      {},
      { as: 'chalk-cliff-high-dsl' },
    );
    expect(listed.data.school.delegations.nodes).toEqual([{ active: true }, { active: false }]);
    const audited = await graph.subgraphs.schools.db
      .getRepository(AuditRecord)
      .find({ where: { entityType: 'SchoolDelegation' }, order: { sequence: 'ASC' } });
    expect(audited.filter((r) => r.outcome === 'ALLOWED').map((r) => [r.action, r.subject])).toEqual([
      ['UPDATE', 'demo:chalk-cliff-high-dsl'],
      ['CREATE', 'demo:chalk-cliff-high-dsl'],
    ]);
  });

  it("lets the school's headteacher grant and revoke as its DSL may, and no other head, system or member of staff", async () => {
    type Seen = { viewer: { roles: string[]; capabilities: string[] } | null };
    const capabilities = `{ viewer { roles capabilities } }`;
    expect((await graph.query<Seen>(capabilities, {}, { as: 'seaview-primary-head' })).data).toEqual({
      viewer: {
        roles: ['HEAD_TEACHER'],
        capabilities: expect.not.arrayContaining(['KEEP_SCHOOL_SAFEGUARDING_RECORDS']) as unknown,
      },
    });
    for (const [who, delegates] of [
      ['seaview-primary-head', true],
      ['seaview-primary-dsl', true],
      ['sussex-police-officer', false],
    ] as const) {
      const seen = await graph.query<Seen>(capabilities, {}, { as: who });
      expect(seen.data?.viewer?.capabilities.includes('DELEGATE_TO_SYSTEMS')).toBe(delegates);
    }

    const seaviewHead: Identity = {
      subject: 'demo:seaview-primary-head',
      organisation: { id: '990001', kind: 'SCHOOL' },
      roles: [Role.HEAD_TEACHER],
      partnershipIds: [demoIds.partnerships.brightonAndHove],
    };
    const otherHead: Identity = {
      ...seaviewHead,
      subject: 'test:shingle-bay-head',
      organisation: { id: '990003', kind: 'SCHOOL' },
      partnershipIds: [demoIds.partnerships.eastSussex],
    };
    const teacher: Identity = { ...seaviewHead, subject: 'test:seaview-teacher', roles: [Role.PRACTITIONER] };
    const headsSystem: Identity = {
      ...seaviewHead,
      subject: 'seaview-office-system',
      client: { id: 'seaview-office-system', scopes: ['read', 'schools:write'], actingFor: null },
    };
    for (const refused of [otherHead, teacher, headsSystem]) {
      const result = await as<unknown>(refused, revoke, delegationOf('990001'));
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(result.errors?.[0]?.message).toContain('headteacher');
    }
    expect((await as<unknown>(vendor, setLeads, leadsOf('990001'))).errors).toBeUndefined();

    type Changed = Record<string, { urn: string; active: boolean }>;
    const revoked = await graph.query<Changed>(revoke, delegationOf('990001'), { as: 'seaview-primary-head' });
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data?.['revokeSchoolDelegation']).toMatchObject({ urn: '990001', active: false });
    expect(codeOf(await as<unknown>(vendor, setLeads, leadsOf('990001')))).toBe('FORBIDDEN');

    const granted = await graph.query<Changed>(grant, delegationOf('990001'), { as: 'seaview-primary-head' });
    expect(granted.data?.['grantSchoolDelegation']).toMatchObject({ urn: '990001', active: true });
    expect((await as<unknown>(vendor, setLeads, leadsOf('990001'))).errors).toBeUndefined();
    // The school sees both, whoever of its staff asks.
    const listed = await graph.query<{ school: { delegations: { nodes: { active: boolean }[] } } }>(
      `{ school(urn: "990001") { delegations { nodes { active } } } }`,
      {},
      { as: 'seaview-primary-dsl' },
    );
    expect(listed.data?.school.delegations.nodes).toEqual([{ active: true }, { active: false }]);
    const audited = await graph.subgraphs.schools.db
      .getRepository(AuditRecord)
      .find({ where: { entityType: 'SchoolDelegation', subject: seaviewHead.subject }, order: { sequence: 'ASC' } });
    expect(audited.map((r) => [r.action, r.outcome])).toEqual([
      ['UPDATE', 'ALLOWED'],
      ['CREATE', 'ALLOWED'],
    ]);
  });

  it('names the field at fault in a delegation, never echoing it', async () => {
    const bad = await graph.query<any>(
      grant,
      { input: { urn: '990001', clientId: 'not a client id!' } },
      { as: 'seaview-primary-dsl' },
    );
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.clientId' });
    expect(bad.errors![0]!.message).not.toContain('not a client id!');
  });
});
