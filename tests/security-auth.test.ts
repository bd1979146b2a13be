import { createHash, generateKeyPairSync } from 'node:crypto';
import { generateKeyPair, exportJWK, SignJWT } from 'jose';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAuthenticator } from '@safeguarding/gateway';
import {
  auditChainKeys,
  auditRecordContent,
  AuditChainHead,
  AuditCheckpoint,
  AuditRecord,
  checkpointSignatureValid,
  verifyAuditChain,
  demoIdentities,
  demoIds,
  internalIdentityHeader,
  mintDevelopmentToken,
  nameBasedId,
  signInternalToken,
} from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

const disagreementId = nameBasedId('demo:disagreement:0001');
const inProgressReviewId = nameBasedId('demo:review:east-sussex-sibling-group-r');
const westSussex = demoIds.partnerships.westSussex;

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.stop());

const caseQuery = `query Case($id: ID!, $reason: String) {
  professionalDisagreement(id: $id, accessReason: $reason) { id caseReference stageName raisedBy { name } }
}`;

async function rawPost(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('authentication at the gateway', () => {
  const restricted = { query: caseQuery, variables: { id: disagreementId } };
  const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const claims = {
    sub: 'x',
    org: { id: '990001', kind: 'POLICE' },
    roles: ['PRACTITIONER'],
    partnerships: [],
    iss: 'test-issuer',
    aud: 'test-audience',
  };

  it.each([
    [
      'an expired token',
      () =>
        mintDevelopmentToken(demoIdentities['sussex-health-visitor']!, {
          secret: graph.secrets.jwt,
          issuer: 'test-issuer',
          audience: 'test-audience',
          expiresIn: -3600,
        }),
      'The token has expired',
    ],
    [
      'a token not valid yet',
      () =>
        mintDevelopmentToken(demoIdentities['sussex-health-visitor']!, {
          secret: graph.secrets.jwt,
          issuer: 'test-issuer',
          audience: 'test-audience',
          notBefore: 3600,
        }),
      'The token is not valid yet',
    ],
    [
      'a token signed with another key',
      () =>
        mintDevelopmentToken(demoIdentities['sussex-health-visitor']!, {
          secret: 'a-different-secret-of-at-least-32-characters',
          issuer: 'test-issuer',
          audience: 'test-audience',
        }),
      'The token signature does not verify',
    ],
    [
      'a token for another audience',
      () =>
        mintDevelopmentToken(demoIdentities['sussex-health-visitor']!, {
          secret: graph.secrets.jwt,
          issuer: 'test-issuer',
          audience: 'someone-else',
        }),
      "The token's aud claim is not accepted",
    ],
    [
      'an alg: none token',
      async () =>
        `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ ...claims, exp: Math.floor(Date.now() / 1000) + 60 })}.`,
      'The token is signed with an algorithm that is not accepted',
    ],
    [
      'a token whose claims are wrong',
      async () =>
        new SignJWT({ ...claims, org: { id: '990001', kind: 'MI5' } })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(graph.secrets.jwt)),
      'claim org.kind',
    ],
    // Organisation ids are stored in 36-character columns: a longer one is refused at the door, not by the database.
    [
      'a token whose organisation id no record could hold',
      async () =>
        new SignJWT({ ...claims, org: { id: 'x'.repeat(64), kind: 'POLICE' } })
          .setProtectedHeader({ alg: 'HS256' })
          .setExpirationTime('1h')
          .sign(new TextEncoder().encode(graph.secrets.jwt)),
      'claim org.id must be an agency id (a UUID) or a school URN (6 digits)',
    ],
    ['a malformed token', async () => 'bm90.YS1qd3Q.c2ln', 'The token is malformed'],
  ])('refuses %s with UNAUTHENTICATED and HTTP 401', async (_label, token, message) => {
    const response = await rawPost(graph.gatewayUrl, restricted, { authorization: `Bearer ${await token()}` });
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(response.body.errors[0].message).toContain(message);
    // Nothing about keys or the case leaks (stack traces are development-only: see the hardening tests).
    const text = JSON.stringify({ message: response.body.errors[0].message, data: response.body.data });
    expect(text).not.toContain(graph.secrets.jwt);
    expect(text).not.toMatch(/CASE-DEMO|JWS|JWT_|ERR_/);
  });

  it('refuses an Authorization header that is not a bearer token', async () => {
    const response = await rawPost(graph.gatewayUrl, restricted, { authorization: 'Basic dXNlcjpwYXNz' });
    expect(response.status).toBe(401);
    expect(response.body.errors[0].message).toBe('The Authorization header must be "Bearer" followed by a JWT');
  });

  it('serves public data to a caller with no token, and nothing restricted', async () => {
    const published = await graph.query(
      '{ publishedPracticeReviews { nodes { title } } partnerships { nodes { name } } }',
    );
    expect(published.errors).toBeUndefined();
    expect((published.data as any).partnerships.nodes).toHaveLength(3);
    const refused = await graph.query(caseQuery, { id: disagreementId });
    expect(refused.errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    expect(refused.data).toEqual({ professionalDisagreement: null });
  });
});

describe('production keys: a JWKS of asymmetric keys', () => {
  let server: http.Server;
  let jwksUrl: string;
  let privateKey: Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
  beforeAll(async () => {
    const pair = await generateKeyPair('RS256', { extractable: true });
    privateKey = pair.privateKey;
    const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    server = http.createServer((_req, res) =>
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  const claims = {
    org: { id: demoIds.agencies.sussexCommunityTrust, kind: 'RELEVANT_AGENCY' },
    roles: ['PRACTITIONER'],
    partnerships: [westSussex],
  };

  it('accepts a token signed by the identity provider and reads the identity from it', async () => {
    const authenticator = createAuthenticator({
      jwksUrl,
      issuer: 'https://idp.example',
      audience: 'safeguarding-graph',
    });
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setSubject('nurse-1')
      .setIssuer('https://idp.example')
      .setAudience('safeguarding-graph')
      .setExpirationTime('5m')
      .sign(privateKey);
    await expect(authenticator.authenticate(`Bearer ${token}`)).resolves.toEqual({
      subject: 'nurse-1',
      organisation: claims.org,
      roles: ['PRACTITIONER'],
      partnershipIds: [westSussex],
    });
  });

  it('refuses a shared-secret token: only asymmetric algorithms are accepted against a JWKS', async () => {
    const authenticator = createAuthenticator({
      jwksUrl,
      issuer: 'https://idp.example',
      audience: 'safeguarding-graph',
    });
    const token = await new SignJWT({ ...claims, sub: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('https://idp.example')
      .setAudience('safeguarding-graph')
      .setExpirationTime('5m')
      .sign(new TextEncoder().encode('k'.repeat(32)));
    await expect(authenticator.authenticate(`Bearer ${token}`)).rejects.toThrow(
      'The token is signed with an algorithm that is not accepted',
    );
  });
});

describe('going around the gateway gains nothing', () => {
  const escalations = () => graph.subgraphs.escalations.url;
  const caseQuery = `query Case($id: ID!) { professionalDisagreement(id: $id) { id caseReference } }`;

  it("a direct call without the gateway's identity is anonymous: public data only", async () => {
    const publicData = await rawPost(escalations(), {
      query: `{ _entities(representations: [{ __typename: "Partnership", id: "${westSussex}" }]) { ... on Partnership { escalationPolicy { stages { name } } } } }`,
    });
    expect(publicData.body.data._entities[0].escalationPolicy.stages).toHaveLength(5);
    const caseData = await rawPost(escalations(), { query: caseQuery, variables: { id: disagreementId } });
    expect(caseData.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(caseData.body)).not.toContain('CASE-DEMO');
  });

  it('a forged identity header is refused, not served as anonymous', async () => {
    const forged = await signInternalToken(
      {
        identity: demoIdentities['sussex-health-visitor']!,
        operationName: null,
        requestId: null,
        operation: { query: caseQuery, variables: { id: disagreementId } },
      },
      'forged-secret-that-is-at-least-32-chars',
    );
    const response = await rawPost(
      escalations(),
      { query: caseQuery, variables: { id: disagreementId } },
      { [internalIdentityHeader]: forged },
    );
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(JSON.stringify(response.body)).not.toContain('CASE-DEMO');
  });

  it("a caller's own token presented directly to a subgraph is refused", async () => {
    const token = await graph.tokenFor('sussex-health-visitor');
    const response = await rawPost(
      escalations(),
      { query: caseQuery, variables: { id: disagreementId } },
      { [internalIdentityHeader]: token },
    );
    expect(response.status).toBe(401);
  });
});

describe('who sees a professional disagreement', () => {
  it.each([
    ['sussex-health-visitor', 'the organisation that raised it'],
    ['west-sussex-social-worker', 'the local authority it was raised with'],
  ] as const)('%s (%s) sees it', async (identity, _why) => {
    const result = await graph.query<any>(caseQuery, { id: disagreementId }, { as: identity });
    expect(result.errors).toBeUndefined();
    expect(result.data.professionalDisagreement).toMatchObject({
      caseReference: 'CASE-DEMO-0001',
      stageName: 'Managers',
    });
  });

  it.each(['sussex-police-officer', 'panel-member', 'east-sussex-business-manager'] as const)(
    '%s, party to nothing, does not, and cannot tell it exists',
    async (identity) => {
      const single = await graph.query<any>(caseQuery, { id: disagreementId }, { as: identity });
      expect(single.data).toEqual({ professionalDisagreement: null });
      // The answer is "not there"; the trail of the case's partnership has the attempt, ids only.
      const [refused] = await graph.subgraphs.escalations.db.getRepository(AuditRecord).find({
        where: { entityId: disagreementId, outcome: 'REFUSED' as never },
        order: { sequence: 'DESC' },
        take: 1,
      });
      expect(refused).toMatchObject({
        action: 'READ',
        subject: `demo:${identity}`,
        entityType: 'ProfessionalDisagreement',
        partnershipId: westSussex,
      });
      const list = await graph.query<any>(
        `query ($p: ID!) { partnership(id: $p) { escalations { nodes { id } } } }`,
        { p: westSussex },
        { as: identity },
      );
      expect(list.data.partnership.escalations).toEqual({ nodes: [] });
    },
  );

  it('a practitioner cannot widen the search by giving a reason', async () => {
    const result = await graph.query<any>(
      caseQuery,
      { id: disagreementId, reason: 'I would like to have a look please' },
      { as: 'sussex-police-officer' },
    );
    expect(result.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
  });

  it('the scrutineer, not party to it, must state a reason; the read then raises an alert', async () => {
    const without = await graph.query<any>(caseQuery, { id: disagreementId }, { as: 'west-sussex-scrutineer' });
    expect(without.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(without.errors![0]!.message).toContain('give accessReason');
    expect(JSON.stringify(without)).not.toContain('CASE-DEMO');

    const tooShort = await graph.query<any>(
      caseQuery,
      { id: disagreementId, reason: 'because' },
      { as: 'west-sussex-scrutineer' },
    );
    expect(tooShort.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'accessReason' });

    const reason = 'Facilitating escalation at stage 4 as independent scrutineer';
    const withReason = await graph.query<any>(
      caseQuery,
      { id: disagreementId, reason },
      { as: 'west-sussex-scrutineer' },
    );
    expect(withReason.data.professionalDisagreement.caseReference).toBe('CASE-DEMO-0001');

    const alerts = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .findBy({ action: 'ALERT' as never, reason });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      subject: 'demo:west-sussex-scrutineer',
      entityId: disagreementId,
      clientOperationName: 'Case',
      operationType: 'query',
      channel: 'gateway',
    });
  });

  it('keeps the free-text summary to the parties (a field-level rule)', async () => {
    const query = `query ($id: ID!, $reason: String) { professionalDisagreement(id: $id, accessReason: $reason) { caseReference summary } }`;
    const party = await graph.query<any>(query, { id: disagreementId }, { as: 'sussex-health-visitor' });
    expect(party.data.professionalDisagreement.summary).toContain('Health visitor disagrees');
    const staff = await graph.query<any>(
      query,
      { id: disagreementId, reason: 'Assurance review of open escalations' },
      { as: 'west-sussex-scrutineer' },
    );
    expect(staff.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    expect(JSON.stringify(staff)).not.toContain('Health visitor disagrees');
  });
});

describe('who changes what', () => {
  const policy = `mutation ($p: ID!) { configureEscalationPolicy(partnershipId: $p, stages: [{ name: "Practitioners", participants: "the practitioners", timescaleWorkingDays: 5 }]) { stages { name } } }`;

  it('refuses an anonymous caller, a practitioner, and a manager of another partnership', async () => {
    expect((await graph.query(policy, { p: westSussex })).errors![0]!.extensions!['code']).toBe('UNAUTHENTICATED');
    expect(
      (await graph.query(policy, { p: westSussex }, { as: 'west-sussex-social-worker' })).errors![0]!.extensions![
        'code'
      ],
    ).toBe('FORBIDDEN');
    const other = await graph.query(policy, { p: westSussex }, { as: 'east-sussex-business-manager' });
    expect(other.errors![0]!).toMatchObject({
      message: 'You do not act in that partnership',
      extensions: { code: 'FORBIDDEN' },
    });
    const create = `mutation { createPartnership(input: { name: "X", localAuthorityGssCodes: ["E06000001"], integratedCareBoardOdsCodes: ["QHM"], policeForceGssCodes: ["E23000013"] }) { id } }`;
    expect((await graph.query(create, {}, { as: 'sussex-police-officer' })).errors![0]!.extensions!['code']).toBe(
      'FORBIDDEN',
    );
  });
});

describe('practice reviews in progress', () => {
  const review = `query ($id: ID!) { practiceReview(id: $id) { title status } }`;
  it.each([
    [undefined, false],
    ['sussex-police-officer', false],
    ['west-sussex-business-manager', false],
    ['east-sussex-business-manager', true],
    ['panel-member', true],
  ] as const)('as %s: visible %s', async (identity, visible) => {
    const audit = graph.subgraphs.reviews.db.getRepository(AuditRecord);
    const before = await audit.count();
    const result = await graph.query<any>(review, { id: inProgressReviewId }, identity ? { as: identity } : {});
    expect(result.errors).toBeUndefined();
    expect(result.data.practiceReview !== null).toBe(visible);
    // A review in progress is case-level: each look at it is recorded, and only a look; a signed-in
    // caller told it is not there is recorded as refused (an attempt is a security event).
    const recorded = await audit.find({ order: { sequence: 'DESC' }, take: 1 });
    expect(await audit.count()).toBe(before + (identity ? 1 : 0));
    if (identity) {
      expect(recorded[0]).toMatchObject({
        action: 'READ',
        outcome: visible ? 'ALLOWED' : 'REFUSED',
        entityId: inProgressReviewId,
        subject: demoIdentities[identity]!.subject,
      });
    }
  });
});

describe('the audit trail', () => {
  const trail = `query ($p: ID!) { partnership(id: $p) {
    escalationsAuditTrail { records { sequence action subject organisationId entityType entityId reason channel } chain { intact checked brokenAtSequence } }
  } }`;

  it('records every case-level read, and only partnership managers and scrutineers read it', async () => {
    const before = await graph.subgraphs.escalations.db.getRepository(AuditRecord).count();
    await graph.query(caseQuery, { id: disagreementId }, { as: 'sussex-health-visitor' });
    await graph.query(
      `query ($p: ID!) { partnership(id: $p) { escalations { nodes { id } } } }`,
      { p: westSussex },
      { as: 'west-sussex-social-worker' },
    );
    expect(await graph.subgraphs.escalations.db.getRepository(AuditRecord).count()).toBe(before + 2);

    const result = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-scrutineer' });
    expect(result.errors).toBeUndefined();
    const { records, chain } = result.data.partnership.escalationsAuditTrail;
    expect(chain).toEqual({ intact: true, checked: before + 2, brokenAtSequence: null });
    expect(records[0]).toMatchObject({
      action: 'READ',
      subject: 'demo:west-sussex-social-worker',
      entityType: 'ProfessionalDisagreement',
      entityId: disagreementId,
      channel: 'gateway',
    });
    expect(records[1]).toMatchObject({ action: 'READ', subject: 'demo:sussex-health-visitor' });

    for (const identity of ['west-sussex-social-worker', 'east-sussex-business-manager'] as const) {
      const refused = await graph.query<any>(trail, { p: westSussex }, { as: identity });
      expect(refused.errors![0]!.extensions!['code']).toBe('FORBIDDEN');
    }
  });

  it('keeps one unbroken chain when many requests read cases at once', async () => {
    const reads = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        i % 3 === 2
          ? graph.query(
              `query ($p: ID!) { partnership(id: $p) { escalations { nodes { id } } } }`,
              { p: westSussex },
              { as: 'west-sussex-social-worker' },
            )
          : graph.query(
              caseQuery,
              { id: disagreementId },
              { as: i % 2 ? 'sussex-health-visitor' : 'west-sussex-social-worker' },
            ),
      ),
    );
    for (const read of reads) expect(read.errors).toBeUndefined();
    const result = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-scrutineer' });
    expect(result.data.partnership.escalationsAuditTrail.chain).toMatchObject({ intact: true, brokenAtSequence: null });
  });

  it("audits a request under the id the gateway minted; a client's x-request-id is kept apart as its own label", async () => {
    const repository = graph.subgraphs.escalations.db.getRepository(AuditRecord);
    const token = await graph.tokenFor('sussex-health-visitor');
    const ids: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const response = await rawPost(
        graph.gatewayUrl,
        { query: caseQuery, variables: { id: disagreementId } },
        {
          authorization: `Bearer ${token}`,
          'x-request-id': 'NightlyBackupJob',
        },
      );
      expect(response.body.errors).toBeUndefined();
      const [newest] = await repository.find({ order: { sequence: 'DESC' }, take: 1 });
      expect(newest).toMatchObject({
        subject: 'demo:sussex-health-visitor',
        clientRequestId: 'NightlyBackupJob',
        channel: 'gateway',
      });
      expect(newest!.requestId).not.toBe('NightlyBackupJob');
      expect(newest!.requestId).toMatch(/^[0-9a-f-]{36}$/);
      ids.push(newest!.requestId);
    }
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('signs checkpoints of the head and checks from the newest one, so a read does not rescan the chain', async () => {
    const db = graph.subgraphs.escalations.db;
    const checkpoints = db.getRepository(AuditCheckpoint);
    const total = await db.getRepository(AuditRecord).count();
    expect(await verifyAuditChain(db.manager, { checkpointEvery: 1, now: new Date() })).toEqual({
      intact: true,
      checked: total,
      brokenAtSequence: null,
    });
    const [checkpoint] = await checkpoints.find();
    expect(checkpoint).toMatchObject({ sequence: total });
    expect(checkpointSignatureValid(checkpoint!, auditChainKeys(db).verifying)).toBe(true);
    // Signed with the graph's key: another key's public half does not verify it.
    expect(checkpointSignatureValid(checkpoint!, generateKeyPairSync('ed25519').publicKey)).toBe(false);

    await graph.query(caseQuery, { id: disagreementId }, { as: 'sussex-health-visitor' });
    expect(await verifyAuditChain(db.manager, { now: new Date() })).toEqual({
      intact: true,
      checked: 1,
      brokenAtSequence: null,
    });

    // A checkpoint moved to another head without the signing key is the break itself.
    await checkpoints.update({ sequence: checkpoint!.sequence }, { hash: 'f'.repeat(64) });
    expect(await verifyAuditChain(db.manager, { now: new Date() })).toMatchObject({
      intact: false,
      brokenAtSequence: checkpoint!.sequence,
    });
    // The tests below edit early records: they need the whole chain checked again.
    await checkpoints.clear();
  });

  it('detects a tampered record, and a deleted one', async () => {
    const repository = graph.subgraphs.escalations.db.getRepository(AuditRecord);
    await graph.query(caseQuery, { id: disagreementId }, { as: 'sussex-health-visitor' });
    const [second] = await repository.find({ order: { sequence: 'ASC' }, skip: 1, take: 1 });
    await repository.update({ sequence: second!.sequence }, { subject: 'someone-else' });
    let result = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-business-manager' });
    expect(result.data.partnership.escalationsAuditTrail.chain).toMatchObject({
      intact: false,
      brokenAtSequence: second!.sequence,
    });

    await repository.update({ sequence: second!.sequence }, { subject: second!.subject });
    result = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-business-manager' });
    expect(result.data.partnership.escalationsAuditTrail.chain.intact).toBe(true);

    // Cutting the newest record leaves every link intact; the chain's head remembers it.
    const [newest] = await repository.find({ order: { sequence: 'DESC' }, take: 1 });
    await repository.delete({ sequence: newest!.sequence });
    result = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-business-manager' });
    expect(result.data.partnership.escalationsAuditTrail.chain).toMatchObject({
      intact: false,
      brokenAtSequence: newest!.sequence,
    });
    await repository.insert(newest!);

    await repository.delete({ sequence: second!.sequence });
    result = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-business-manager' });
    expect(result.data.partnership.escalationsAuditTrail.chain).toMatchObject({
      intact: false,
      brokenAtSequence: second!.sequence + 1,
    });
    await repository.insert(second!);
  });

  it('is keyed: a record edited in the database and the chain recomputed with plain SHA-256 still fails the check', async () => {
    const repository = graph.subgraphs.escalations.db.getRepository(AuditRecord);
    await graph.query(caseQuery, { id: disagreementId }, { as: 'sussex-health-visitor' });
    const before = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-business-manager' });
    expect(before.data.partnership.escalationsAuditTrail.chain).toMatchObject({ intact: true });
    const records = await repository.find({ order: { sequence: 'ASC' } });
    const victim = records[1]!;
    // What a database administrator without the key can do: change a row, then rebuild every
    // later link and the head so that an unkeyed chain would verify again.
    let previousHash = records[0]!.hash;
    for (const record of records.slice(1)) {
      const changed = {
        ...record,
        ...(record.sequence === victim.sequence ? { subject: 'demo:nobody' } : {}),
        previousHash,
      };
      // The content the chain vouches for is public (it is in this repository); only the key is not.
      previousHash = createHash('sha256')
        .update(JSON.stringify(auditRecordContent(changed)))
        .digest('hex');
      await repository.update(
        { sequence: record.sequence },
        { subject: changed.subject, previousHash: changed.previousHash, hash: previousHash },
      );
    }
    await graph.subgraphs.escalations.db
      .getRepository(AuditChainHead)
      .update({ id: 1 }, { sequence: records.at(-1)!.sequence, hash: previousHash });
    const result = await graph.query<any>(trail, { p: westSussex }, { as: 'west-sussex-business-manager' });
    expect(result.data.partnership.escalationsAuditTrail.chain).toMatchObject({
      intact: false,
      brokenAtSequence: victim.sequence,
    });
  });
});
