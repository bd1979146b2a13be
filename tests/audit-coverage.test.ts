import { createHash } from 'node:crypto';
import path from 'node:path';
import {
  AccessScope,
  AuditAction,
  AuditRecord,
  appendAudit,
  createLogger,
  createSubgraphContext,
  defaultReferenceDataDir,
  demoIdentities,
  demoIds,
  nameBasedId,
  ReferenceData,
  statutoryOrganisationId,
  subgraphNames,
  verifyAuditChain,
  WorkingDayCalendar,
  type SubgraphName,
} from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 12 item 4 and 7: every refusal of a signed-in caller is an audited security event, in
 * every subgraph, and an audit record says what the server executed, not what the client called it.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2026-11-20T12:00:00Z') });
});
afterAll(() => graph?.stop());

const { westSussex, eastSussex } = demoIds.partnerships;
const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
const codeOf = (result: { errors?: Array<{ extensions?: Record<string, unknown> }> }) =>
  result.errors?.[0]?.extensions?.['code'];
const audit = (name: SubgraphName) => graph.subgraphs[name].db.getRepository(AuditRecord);
const newest = async (name: SubgraphName) => (await audit(name).find({ order: { sequence: 'DESC' }, take: 1 }))[0];

// One alias per subgraph: a refused trail is null, and its partnership with it, so each stands alone.
const trails = `query Trails($p: ID!) {
  ${subgraphNames.map((name) => `${name}: partnership(id: $p) { ${name}AuditTrail(limit: 5) { records { action outcome subject entityType entityId operationType rootFields documentHash clientOperationName } chain { intact } } }`).join('\n  ')}
}`;

describe('a refused read', () => {
  it("is recorded in every subgraph's chain with outcome REFUSED, in the trail of the partnership it was aimed at", async () => {
    const counts = Object.fromEntries(
      await Promise.all(subgraphNames.map(async (name) => [name, await audit(name).count()] as const)),
    );
    // East Sussex's manager asks for West Sussex's five trails: each subgraph refuses its own.
    const refused = await graph.query<any>(trails, { p: westSussex }, { as: 'east-sussex-business-manager' });
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors).toHaveLength(subgraphNames.length);
    for (const name of subgraphNames) {
      // Once per refused target, however many of its fields were refused.
      expect(await audit(name).count()).toBe(counts[name]! + 1);
      expect(await newest(name)).toMatchObject({
        action: 'READ',
        outcome: 'REFUSED',
        subject: 'demo:east-sussex-business-manager',
        entityType: 'Partnership',
        entityId: westSussex,
        partnershipId: westSussex,
        operationType: 'query',
        channel: 'gateway',
      });
    }
    // The partnership's own manager sees the attempt in its trail, and the chain still holds.
    const own = await graph.query<any>(trails, { p: westSussex }, { as: 'west-sussex-business-manager' });
    expect(own.errors).toBeUndefined();
    for (const name of subgraphNames) {
      const trail = own.data[name][`${name}AuditTrail`];
      expect(trail.chain.intact).toBe(true);
      expect(trail.records).toContainEqual(
        expect.objectContaining({
          outcome: 'REFUSED',
          subject: 'demo:east-sussex-business-manager',
          entityId: westSussex,
        }),
      );
    }
  });

  it('of an anonymous caller is not recorded (no one to attribute it to)', async () => {
    const before = await audit('escalations').count();
    const result = await graph.query<any>(`query ($id: ID!) { professionalDisagreement(id: $id) { id } }`, {
      id: nameBasedId('demo:disagreement:0001'),
    });
    expect(codeOf(result)).toBe('UNAUTHENTICATED');
    expect(await audit('escalations').count()).toBe(before);
  });

  it('that names no record is recorded against the field refused', async () => {
    const result = await graph.query<any>(
      `{ overdueReferrals(first: 5) { nodes { id } } }`,
      {},
      { as: 'sussex-health-visitor' },
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    // The health visitor acts in all three Sussex partnerships: naming one would be a guess.
    expect(await newest('escalations')).toMatchObject({
      outcome: 'REFUSED',
      action: 'READ',
      entityType: 'overdueReferrals',
      entityId: '-',
      partnershipId: null,
    });
  });

  it('that names no record is in the trail of the one partnership the caller acts in', async () => {
    const result = await graph.query<any>(
      `{ overdueReferrals(first: 5) { nodes { id } } }`,
      {},
      { as: 'west-sussex-scrutineer' },
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(await newest('escalations')).toMatchObject({
      outcome: 'REFUSED',
      entityType: 'overdueReferrals',
      entityId: '-',
      partnershipId: westSussex,
      subject: 'demo:west-sussex-scrutineer',
    });
    const trail = await graph.query<any>(
      `query ($p: ID!) { partnership(id: $p) { escalationsAuditTrail(limit: 5) { records { outcome entityType subject } } } }`,
      { p: westSussex },
      { as: 'west-sussex-business-manager' },
    );
    expect(trail.errors).toBeUndefined();
    expect(trail.data.partnership.escalationsAuditTrail.records).toContainEqual({
      outcome: 'REFUSED',
      entityType: 'overdueReferrals',
      subject: 'demo:west-sussex-scrutineer',
    });
  });
});

describe('a refused write', () => {
  const setContact = `mutation Rewrite($agencyId: ID!, $input: AgencyContactInput!) {
    first: setAgencyContact(agencyId: $agencyId, input: $input) { role }
    again: setAgencyContact(agencyId: $agencyId, input: $input) { role }
  }`;
  const attacker = {
    role: 'CHILDRENS_SOCIAL_CARE_FRONT_DOOR',
    telephone: '01632 960666',
    email: 'referrals@attacker.example',
  };

  it('is recorded once per target, as an attempted WRITE, with none of the input', async () => {
    const before = await audit('agencies').count();
    const result = await graph.query<any>(
      setContact,
      { agencyId: westSussexCouncil, input: attacker },
      { as: 'east-sussex-business-manager' },
    );
    expect(codeOf(result)).toBe('FORBIDDEN');
    expect(await audit('agencies').count()).toBe(before + 1);
    const record = await newest('agencies');
    expect(record).toMatchObject({
      action: 'WRITE',
      outcome: 'REFUSED',
      subject: 'demo:east-sussex-business-manager',
      organisationId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '845' }),
      entityId: westSussexCouncil,
      operationType: 'mutation',
      rootFields: 'setAgencyContact',
      clientOperationName: 'Rewrite',
    });
    expect(JSON.stringify(record)).not.toMatch(/960666|attacker/);
  });
});

describe("an audit record's operation", () => {
  it("is what the server executed; the client's name for it is kept apart as a label", async () => {
    const query = `query NightlyBackupJob($id: ID!) { professionalDisagreement(id: $id) { id } }`;
    const result = await graph.query<any>(
      query,
      { id: nameBasedId('demo:disagreement:0001') },
      { as: 'sussex-health-visitor' },
    );
    expect(result.errors).toBeUndefined();
    const record = await newest('escalations');
    expect(record).toMatchObject({
      action: 'READ',
      outcome: 'ALLOWED',
      operationType: 'query',
      rootFields: 'professionalDisagreement',
      clientOperationName: 'NightlyBackupJob',
    });
    // The subgraph's document (as the gateway planned and signed it), not the client's text.
    expect(record!.documentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(record!.documentHash).not.toBe(createHash('sha256').update(query).digest('hex'));
  });
});

describe('a child protection file transfer', () => {
  it("is audited in the trail of the sending school's local authority's partnership", async () => {
    const record = `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`;
    const result = await graph.query<any>(
      record,
      {
        input: { sendingUrn: '990003', receivingUrn: '990001', childReference: 'CHILD-AUDIT-1', leftOn: '2026-11-18' },
      },
      { as: 'shingle-bay-primary-dsl' },
    );
    expect(result.errors).toBeUndefined();
    const id = result.data.recordFileTransfer.id;
    expect(await audit('schools').findOneBy({ entityId: id, action: 'CREATE' as never })).toMatchObject({
      partnershipId: eastSussex,
      entityType: 'ChildProtectionFileTransfer',
    });
    await graph.query(`query ($id: ID!) { fileTransfer(id: $id) { id } }`, { id }, { as: 'shingle-bay-primary-dsl' });
    const trail = await graph.query<any>(
      `query ($p: ID!) { partnership(id: $p) { schoolsAuditTrail { records { action entityId } chain { intact } } } }`,
      { p: eastSussex },
      { as: 'east-sussex-business-manager' },
    );
    expect(trail.data.partnership.schoolsAuditTrail.records).toEqual(
      expect.arrayContaining([
        { action: 'READ', entityId: id },
        { action: 'CREATE', entityId: id },
      ]),
    );
    expect(trail.data.partnership.schoolsAuditTrail.chain.intact).toBe(true);
  });
});

describe('the audit clock', () => {
  it("is the request's injected clock", async () => {
    await graph.query(
      `query ($id: ID!) { professionalDisagreement(id: $id) { id } }`,
      { id: nameBasedId('demo:disagreement:0001') },
      { as: 'sussex-health-visitor' },
    );
    expect((await newest('escalations'))!.occurredAt).toBe('2026-11-20T12:00:00.000Z');
  });
});

describe('appends from concurrent requests (group commit)', () => {
  it('share one lock of the head per batch and leave one unbroken chain with every record', async () => {
    const { db, statements } = graph.subgraphs.escalations;
    const runtime = {
      db,
      logger: createLogger('test', 'silent'),
      reference: ReferenceData.load(defaultReferenceDataDir),
      calendar: WorkingDayCalendar.fromFile(path.join(defaultReferenceDataDir, 'bank-holidays-england-and-wales.json')),
      now: () => new Date('2026-11-20T12:00:00Z'),
    };
    const before = await audit('escalations').count();
    const captured = await statements.capture(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, index) =>
          appendAudit(
            createSubgraphContext(runtime, {
              scope: AccessScope.of(demoIdentities['sussex-health-visitor']!),
              channel: 'gateway',
            }),
            [
              {
                action: AuditAction.READ,
                entityType: 'ProfessionalDisagreement',
                entityId: nameBasedId(`test:group-commit:${index}`),
                partnershipId: westSussex,
              },
            ],
          ),
        ),
      ),
    );
    // The first append commits at once; the nineteen that arrive meanwhile share the next lock:
    // two transactions, each one multi-row insert and one move of the head.
    expect(captured.filter((sql) => /^INSERT INTO\s+\W?audit_records\W?/i.test(sql))).toHaveLength(2);
    expect(captured.filter((sql) => /^UPDATE\s+\W?audit_chain_head\W?/i.test(sql)).length).toBeLessThanOrEqual(4);
    expect(await audit('escalations').count()).toBe(before + 20);
    const sequences = (await audit('escalations').find({ order: { sequence: 'DESC' }, take: 20 })).map(
      (record) => record.sequence,
    );
    expect(new Set(sequences).size).toBe(20);
    expect(
      await verifyAuditChain(db.manager, {
        fromStart: true,
        checkpointEvery: Number.POSITIVE_INFINITY,
        now: new Date(),
      }),
    ).toMatchObject({ intact: true });
  });
});
