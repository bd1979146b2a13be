import type { DataSource } from 'typeorm';
import { AuditRecord, demoIdentities, demoIds, nameBasedId, type SubgraphName } from '@safeguarding/shared';
import { demoReviewIds } from '../subgraphs/reviews/src/demo/demo-data';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 12: row scoping answers "not there" to a caller who may not see a row, and every such
 * attempt on a row that exists is recorded as REFUSED (ids only), whichever subgraph, entity or
 * operation: the scoped repositories' by-id lookups note it themselves. A truly absent id leaves
 * nothing, since nothing was refused.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2027-01-06T12:00:00Z') });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const absent = '00000000-0000-4000-8000-00000000dead';
const disagreementId = nameBasedId('demo:disagreement:0001');

const dbOf = (name: SubgraphName): DataSource => graph.subgraphs[name].db;
const refusalsOf = (name: SubgraphName, entityId: string) =>
  dbOf(name)
    .getRepository(AuditRecord)
    .find({ where: { entityId, outcome: 'REFUSED' as never }, order: { sequence: 'ASC' } });

interface Probe {
  readonly what: string;
  readonly subgraph: SubgraphName;
  readonly entityType: string;
  readonly as: keyof typeof demoIdentities;
  /** The operation on one id; `null` data for a read, NOT_FOUND for a mutation. */
  readonly document: string;
  readonly variables: (id: string) => Record<string, unknown>;
  readonly action: 'READ' | 'WRITE';
  /** The existing row's id (some are made in beforeAll) and the partnership whose trail should show the attempt. */
  readonly id: () => string;
  readonly partnershipId: () => string | null;
}

let transferId = '';
let transferPartnership: string | null = null;
let endpointId = '';

beforeAll(async () => {
  const recorded = await graph.query<any>(
    `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`,
    { input: { sendingUrn: '990001', receivingUrn: '990003', childReference: 'SVP-PROBE-1', leftOn: '2027-01-04' } },
    { as: 'seaview-primary-dsl' },
  );
  expect(recorded.errors).toBeUndefined();
  transferId = recorded.data.recordFileTransfer.id;
  const [created] = await dbOf('schools')
    .getRepository(AuditRecord)
    .find({ where: { entityId: transferId, action: 'CREATE' as never } });
  transferPartnership = created!.partnershipId;

  const registered = await graph.query<any>(
    `mutation ($input: RegisterWebhookEndpointInput!) { registerWebhookEndpoint(input: $input) { endpoint { id } } }`,
    {
      input: { url: 'http://127.0.0.1:9/probe', partnershipId: westSussex, eventTypes: ['webhook.endpoint_disabled'] },
    },
    { as: 'west-sussex-business-manager' },
  );
  expect(registered.errors).toBeUndefined();
  endpointId = registered.data.registerWebhookEndpoint.endpoint.id;
});

const probes: Probe[] = [
  {
    what: "reading another partnership's review action",
    subgraph: 'reviews',
    entityType: 'ReviewAction',
    as: 'east-sussex-business-manager',
    action: 'READ',
    document: `query ($id: ID!) { reviewAction(id: $id) { id } }`,
    variables: (id) => ({ id }),
    id: () => demoReviewIds.overdueAction,
    partnershipId: () => westSussex,
  },
  {
    what: "progressing another partnership's review action",
    subgraph: 'reviews',
    entityType: 'ReviewAction',
    as: 'east-sussex-business-manager',
    action: 'WRITE',
    document: `mutation ($input: ProgressReviewActionInput!) { progressReviewAction(input: $input) { id } }`,
    variables: (id) => ({ input: { id, to: 'IN_PROGRESS', on: '2027-01-05' } }),
    id: () => demoReviewIds.overdueAction,
    partnershipId: () => westSussex,
  },
  {
    what: "deciding another partnership's rapid review",
    subgraph: 'reviews',
    entityType: 'RapidReview',
    as: 'east-sussex-business-manager',
    action: 'WRITE',
    document: `mutation ($input: DecideRapidReviewInput!) { decideRapidReview(input: $input) { id } }`,
    variables: (id) => ({
      input: {
        rapidReviewId: id,
        decidedOn: '2027-01-06',
        localPracticeReview: false,
        nationalReviewRecommended: false,
        reasons: 'probe',
      },
    }),
    id: () => demoReviewIds.rapidReviewOpen,
    partnershipId: () => westSussex,
  },
  {
    what: "recording learning on another partnership's disagreement",
    subgraph: 'escalations',
    entityType: 'ProfessionalDisagreement',
    as: 'east-sussex-business-manager',
    action: 'WRITE',
    document: `mutation ($id: ID!) { recordEscalationLearning(id: $id, note: "probe") { id } }`,
    variables: (id) => ({ id }),
    id: () => disagreementId,
    partnershipId: () => westSussex,
  },
  {
    what: 'marking sent a transfer of another school',
    subgraph: 'schools',
    entityType: 'ChildProtectionFileTransfer',
    as: 'chalk-cliff-high-dsl',
    action: 'WRITE',
    document: `mutation ($input: MarkFileTransferSentInput!) { markFileTransferSent(input: $input) { id } }`,
    variables: (id) => ({ input: { transferId: id } }),
    id: () => transferId,
    partnershipId: () => transferPartnership,
  },
  {
    what: "switching off another partnership's webhook endpoint",
    subgraph: 'notifications',
    entityType: 'WebhookEndpoint',
    as: 'east-sussex-business-manager',
    action: 'WRITE',
    document: `mutation ($id: ID!) { setWebhookEndpointEnabled(id: $id, enabled: false) { id } }`,
    variables: (id) => ({ id }),
    id: () => endpointId,
    partnershipId: () => westSussex,
  },
  {
    what: "changing another partnership's yearly report before it is published",
    subgraph: 'partnerships',
    entityType: 'YearlyReport',
    as: 'east-sussex-business-manager',
    action: 'WRITE',
    document: `mutation ($id: ID!) { updateYearlyReport(id: $id, input: { hasSecureEstablishment: true }) { id } }`,
    variables: (id) => ({ id }),
    id: () => nameBasedId(`demo:yearly-report:${demoIds.partnerships.brightonAndHove}:2025`),
    partnershipId: () => demoIds.partnerships.brightonAndHove,
  },
];

describe('an outsider acting by id on a row that exists', () => {
  it.each(probes.map((probe) => [probe.what, probe] as const))(
    '%s: told not there, one REFUSED record, ids only',
    async (_what, probe) => {
      const id = probe.id();
      const before = (await refusalsOf(probe.subgraph, id)).length;
      const result = await graph.query<any>(probe.document, probe.variables(id), { as: probe.as });
      if (probe.action === 'READ') {
        expect(result.errors).toBeUndefined();
        expect(Object.values(result.data as Record<string, unknown>)).toEqual([null]);
      } else {
        expect(
          result.errors?.map((error: { extensions?: Record<string, unknown> }) => error.extensions?.['code']),
        ).toEqual(['NOT_FOUND']);
      }
      const written = (await refusalsOf(probe.subgraph, id)).slice(before);
      expect(written.map((r) => [r.action, r.entityType, r.entityId, r.subject, r.partnershipId])).toEqual([
        [probe.action, probe.entityType, id, demoIdentities[probe.as]!.subject, probe.partnershipId()],
      ]);
      // Nothing the caller typed beyond the id reaches the trail.
      expect(written[0]!.reason ?? null).toBeNull();
      expect(JSON.stringify(written[0])).not.toContain('probe');
    },
  );

  it.each(probes.map((probe) => [probe.what, probe] as const))(
    '%s, for an id that does not exist: NOT_FOUND or null, and no record',
    async (_what, probe) => {
      const result = await graph.query<any>(probe.document, probe.variables(absent), { as: probe.as });
      if (probe.action === 'READ') expect(Object.values(result.data as Record<string, unknown>)).toEqual([null]);
      else expect(result.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
      expect(await dbOf(probe.subgraph).getRepository(AuditRecord).countBy({ entityId: absent })).toBe(0);
    },
  );
});

describe('partnership staff reading a case of their own partnership without a reason', () => {
  it("is refused FORBIDDEN and recorded once, as the case it aimed at, in its partnership's trail", async () => {
    const before = (await refusalsOf('escalations', disagreementId)).length;
    const result = await graph.query<any>(
      `query ($id: ID!) { professionalDisagreement(id: $id) { caseReference } }`,
      { id: disagreementId },
      { as: 'west-sussex-scrutineer' },
    );
    expect(result.errors?.map((error: { extensions?: Record<string, unknown> }) => error.extensions?.['code'])).toEqual(
      ['FORBIDDEN'],
    );
    const written = (await refusalsOf('escalations', disagreementId)).slice(before);
    expect(written.map((r) => [r.action, r.entityType, r.entityId, r.subject, r.partnershipId])).toEqual([
      [
        'READ',
        'ProfessionalDisagreement',
        disagreementId,
        demoIdentities['west-sussex-scrutineer']!.subject,
        westSussex,
      ],
    ]);
  });
});
