import { inTransaction } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 17: a child's picture is put together from several subgraphs. With one of them down, a
 * picture missing its part would say that no school, or no review partner, is involved when one
 * may be: the picture is not shown, and the error names the path and the service.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({
    now: () => new Date('2027-01-06T12:00:00Z'),
    upstream: { failuresToOpen: 2, openMs: 60_000 },
  });
});
afterAll(() => graph.stop());

const reference = 'PIC-OUTAGE-0001';
const picture = `query ($reference: String) { child(reference: $reference) {
  involvements { nodes { involvement } } chronology(first: 5) { totalCount } } }`;
interface Failure {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}
type Answer = { child: { involvements: { nodes: Array<{ involvement: string }> } } | null };

beforeAll(async () => {
  const referred = await graph.query(
    `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
    {
      input: {
        idempotencyKey: 'picture-outage-0001',
        childReference: reference,
        homeLocalAuthorityGssCode: 'E10000032',
        concernCategories: ['NEGLECT'],
        significantHarm: false,
        earlyHelpIndicators: [],
        lawfulBasis: 'PUBLIC_TASK',
        consent: 'OBTAINED',
        practitionerName: 'A. Visitor (test)',
        practitionerRole: 'Health visitor',
        receivedAt: '2026-12-01T10:00:00Z',
      },
    },
    { as: 'sussex-health-visitor' },
  );
  expect(referred.errors).toBeUndefined();
  const transferred = await graph.query(
    `mutation ($input: RecordFileTransferInput!) { recordFileTransfer(input: $input) { id } }`,
    { input: { sendingUrn: '990001', receivingUrn: '990003', childReference: reference, leftOn: '2026-12-18' } },
    { as: 'seaview-primary-dsl' },
  );
  expect(transferred.errors).toBeUndefined();
});

/** The picture's own errors (escalations'), apart from those the gateway adds for the fetch it lost. */
const pictureErrors = (errors: Failure[] | undefined) =>
  (errors ?? [])
    .filter((error) => ['involvements', 'chronology'].includes(String(error.path?.[1])))
    .map((error) => ({
      path: error.path,
      code: error.extensions?.['code'],
      services: error.extensions?.['serviceNames'],
    }));

describe("a child's picture while a contributing subgraph is down", () => {
  it('is whole while every subgraph answers', async () => {
    const result = await graph.query<Answer>(picture, { reference }, { as: 'sussex-health-visitor' });
    expect(result.errors).toBeUndefined();
    expect(result.data?.child?.involvements.nodes.map((line) => line.involvement)).toContain(
      'CHILD_PROTECTION_FILE_SENT',
    );
  });

  it('is not shown when the referral part cannot be read, never as a picture with no referral', async () => {
    // The referral part's last read (the partnership covering the child's home authority) fails:
    // the child is found, the holdings are not. In a transaction of its own, as the relay shares
    // SQLite's one connection.
    const db = graph.subgraphs.escalations.db;
    const rename = (from: string, to: string) =>
      inTransaction(db, (manager) =>
        manager.query(
          db.options.type === 'better-sqlite3'
            ? `ALTER TABLE ${from} RENAME TO ${to}`
            : `RENAME TABLE ${from} TO ${to}`,
        ),
      );
    await rename('partnership_areas', 'partnership_areas_away');
    let result: Awaited<ReturnType<typeof graph.query<Answer>>>;
    try {
      result = await graph.query<Answer>(picture, { reference }, { as: 'sussex-health-visitor' });
    } finally {
      await rename('partnership_areas_away', 'partnership_areas');
    }
    expect(result.data?.child ?? null).toBeNull();
    const errors = (result.errors ?? []) as Failure[];
    expect(errors.length).toBeGreaterThan(0);
    for (const error of errors) {
      expect(error.path?.[0]).toBe('child');
      expect(error.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
      // Masked: neither the statement nor the table reaches the caller.
      expect(error.message).not.toMatch(/partnership_areas|SELECT|no such table|doesn't exist/i);
    }
    // And the picture answers again once the read does.
    const again = await graph.query<Answer>(picture, { reference }, { as: 'sussex-health-visitor' });
    expect(again.errors).toBeUndefined();
    expect(again.data?.child?.involvements.nodes.map((line) => line.involvement)).toContain('REFERRAL_MADE');
  });

  it('is not shown without the reviews part, naming the path and the service', async () => {
    await graph.stopSubgraph('reviews');
    const result = await graph.query<Answer>(picture, { reference }, { as: 'sussex-health-visitor' });
    expect(result.data?.child ?? null).toBeNull();
    // The picture's fields share one admission, so the first to fail stands for both.
    expect(pictureErrors(result.errors as Failure[])).toEqual([
      { path: ['child', expect.any(String)], code: 'SERVICE_UNAVAILABLE', services: ['reviews'] },
    ]);
    for (const error of result.errors as Failure[]) {
      expect(error.extensions?.['code']).toBe('SERVICE_UNAVAILABLE');
      expect(error.message).not.toContain('127.0.0.1');
    }
    expect(JSON.stringify(result)).not.toContain('CHILD_PROTECTION_FILE');
    // The gateway names the fetch it lost as well, by the path it was fetching and the service.
    expect((result.errors as Failure[]).map((error) => error.extensions?.['serviceName'])).toContain('reviews');
  });

  it('names every service missing, schools as well, and tells an unrelated caller nothing more', async () => {
    await graph.stopSubgraph('schools');
    for (const as of ['sussex-health-visitor', 'chalk-cliff-high-dsl'] as const) {
      const result = await graph.query<Answer>(picture, { reference }, { as });
      expect(result.data?.child ?? null).toBeNull();
      expect(pictureErrors(result.errors as Failure[])).toEqual([
        { path: ['child', expect.any(String)], code: 'SERVICE_UNAVAILABLE', services: ['schools', 'reviews'] },
      ]);
      const message = (result.errors as Failure[]).find((error) => error.extensions?.['serviceNames'])?.message;
      expect(message).toContain('schools and reviews');
    }
  });
});
