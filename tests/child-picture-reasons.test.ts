import { AuditOutcome, AuditRecord, demoIds, inTransaction } from '@safeguarding/shared';
import { PartnershipArea } from '../subgraphs/escalations/src/partnership-area/partnership-area.entity';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 17, second slice: the reasons a caller may state to see a child's picture without holding a
 * record are the local practice of the child's home partnership (the partnership of the child's
 * home local authority), set by its staff, emergency duty and strategy discussion until then. The
 * caller's own partnerships play no part. A reason the home partnership does not allow is answered
 * exactly as for a child no one knows, so the refusal tells nothing about who holds a record.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2027-01-06T12:00:00Z') });
});
afterAll(() => graph.stop());

const westSussex = demoIds.partnerships.westSussex;
const eastSussex = demoIds.partnerships.eastSussex;
const reference = 'PIC-REASONS-0001';
// A child whose home authority is East Sussex, looked at by a police officer of every Sussex partnership.
const eastReference = 'PIC-REASONS-EAST';

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
interface Policy {
  reasons: string[];
  configured: boolean;
}

const policyQuery = `query ($id: ID!) { partnership(id: $id) { childPicturePolicy { reasons configured } } }`;
const configure = `mutation ($id: ID!, $reasons: [ChildPictureReason!]!) {
  configureChildPictureReasons(partnershipId: $id, reasons: $reasons) { reasons configured } }`;
const withReason = `query ($reference: String, $reason: ChildPictureReason) {
  child(reference: $reference) { involvements(reason: $reason) { nodes { involvement } } } }`;

async function policyOf(id: string): Promise<Policy | undefined> {
  const result = await graph.query<{ partnership: { childPicturePolicy: Policy } | null }>(
    policyQuery,
    { id },
    { as: 'west-sussex-business-manager' },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.partnership?.childPicturePolicy;
}

const shapeOf = (result: { data?: unknown; errors?: Errors }) => ({
  data: result.data,
  errors: result.errors?.map((error) => ({ message: error.message, code: error.extensions?.['code'] })),
});

const look = (reason: string, childReference = reference) =>
  graph.query<{ child: { involvements: { nodes: Array<{ involvement: string }> } } | null }>(
    withReason,
    { reference: childReference, reason },
    { as: 'sussex-police-officer' },
  );

const refusalOf = (errors: Errors | undefined) => ({
  code: errors?.[0]?.extensions?.['code'],
  field: errors?.[0]?.extensions?.['field'],
});

async function refer(childReference: string, homeLocalAuthorityGssCode: string, idempotencyKey: string) {
  const referred = await graph.query(
    `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
    {
      input: {
        idempotencyKey,
        childReference,
        homeLocalAuthorityGssCode,
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
}

beforeAll(async () => {
  // The escalations subgraph knows which partnership covers an authority from the partnerships' events.
  const areas = graph.subgraphs.escalations.db.getRepository(PartnershipArea);
  const end = Date.now() + 20_000;
  while ((await areas.countBy({ status: 'ACTIVE' })) < 2 && Date.now() < end)
    await new Promise((r) => setTimeout(r, 50));
  expect(await areas.findOneBy({ localAuthorityGssCode: 'E10000011' })).toMatchObject({ partnershipId: eastSussex });
  await refer(reference, 'E10000032', 'picture-reasons-0001');
  await refer(eastReference, 'E10000011', 'picture-reasons-0002');
});

describe("the reasons for looking at a child's picture", () => {
  it('are emergency duty and strategy discussion until the partnership configures its own', async () => {
    const policy = await policyOf(westSussex);
    expect(policy?.configured).toBe(false);
    expect([...(policy?.reasons ?? [])].sort()).toEqual(['EMERGENCY_DUTY', 'STRATEGY_DISCUSSION']);

    const seen = await look('STRATEGY_DISCUSSION');
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.child?.involvements.nodes.map((line) => line.involvement)).toContain('REFERRAL_RECEIVED');
  });

  it("answers a reason the child's home partnership does not allow as for a child no one knows, and audits it refused", async () => {
    const known = await look('SECTION_47_ENQUIRY');
    const unknown = await look('SECTION_47_ENQUIRY', 'PIC-REASONS-NOBODY');
    expect(refusalOf(known.errors)).toEqual({ code: 'NOT_FOUND', field: undefined });
    expect(shapeOf(known)).toEqual(shapeOf(unknown));
    const refused = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .findBy({ entityType: 'Child', outcome: AuditOutcome.REFUSED, reason: 'SECTION_47_ENQUIRY' });
    expect(refused.map((record) => record.subject)).toEqual([
      'demo:sussex-police-officer',
      'demo:sussex-police-officer',
    ]);
  });

  it('are set by the partnership staff, audited, and then allow the reasons configured', async () => {
    const configured = await graph.query<{ configureChildPictureReasons: Policy }>(
      configure,
      { id: westSussex, reasons: ['SECTION_47_ENQUIRY', 'EMERGENCY_DUTY'] },
      { as: 'west-sussex-business-manager' },
    );
    expect(configured.errors).toBeUndefined();
    expect(configured.data?.configureChildPictureReasons.configured).toBe(true);
    expect([...(configured.data?.configureChildPictureReasons.reasons ?? [])].sort()).toEqual([
      'EMERGENCY_DUTY',
      'SECTION_47_ENQUIRY',
    ]);
    const read = await policyOf(westSussex);
    expect(read?.configured).toBe(true);
    expect([...(read?.reasons ?? [])].sort()).toEqual(['EMERGENCY_DUTY', 'SECTION_47_ENQUIRY']);
    const audited = await graph.subgraphs.escalations.db
      .getRepository(AuditRecord)
      .findBy({ entityType: 'ChildPicturePolicy', entityId: westSussex });
    expect(audited.map((record) => record.action)).toEqual(['UPDATE']);

    const seen = await look('SECTION_47_ENQUIRY');
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.child?.involvements.nodes.map((line) => line.involvement)).toContain('REFERRAL_RECEIVED');
  });

  it('fails the look when the policy cannot be read, never falling back to the reasons it withdrew', async () => {
    // West Sussex no longer allows a strategy discussion (above); the defaults still would.
    const db = graph.subgraphs.escalations.db;
    const rename = (from: string, to: string) =>
      inTransaction(db, (manager) =>
        manager.query(
          db.options.type === 'better-sqlite3'
            ? `ALTER TABLE ${from} RENAME TO ${to}`
            : `RENAME TABLE ${from} TO ${to}`,
        ),
      );
    await rename('child_picture_policies', 'child_picture_policies_away');
    let failed: Awaited<ReturnType<typeof look>>;
    try {
      failed = await look('STRATEGY_DISCUSSION');
    } finally {
      await rename('child_picture_policies_away', 'child_picture_policies');
    }
    expect(failed.data?.child ?? null).toBeNull();
    expect(failed.errors?.map((error) => error.extensions?.['code'])).toEqual(['INTERNAL_SERVER_ERROR']);
    expect(JSON.stringify(failed)).not.toContain('REFERRAL_RECEIVED');
    expect(refusalOf((await look('STRATEGY_DISCUSSION')).errors)).toEqual({ code: 'NOT_FOUND', field: undefined });
  });

  it('refuses a caller without the partnership staff role, and a list naming a reason twice, naming the field', async () => {
    const practitioner = await graph.query(
      configure,
      { id: westSussex, reasons: ['EMERGENCY_DUTY'] },
      { as: 'sussex-police-officer' },
    );
    expect(practitioner.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    const twice = await graph.query(
      configure,
      { id: westSussex, reasons: ['EMERGENCY_DUTY', 'EMERGENCY_DUTY'] },
      { as: 'west-sussex-business-manager' },
    );
    expect(refusalOf(twice.errors)).toEqual({ code: 'BAD_USER_INPUT', field: 'reasons' });
    // Neither refusal changed what the partnership allows.
    expect([...((await policyOf(westSussex))?.reasons ?? [])].sort()).toEqual(['EMERGENCY_DUTY', 'SECTION_47_ENQUIRY']);
  });

  it("checks the reason against the child's home partnership, not the caller's partnerships", async () => {
    // West Sussex allows a section 47 enquiry (above); the officer is in it, but the child is East Sussex's.
    const east = await look('SECTION_47_ENQUIRY', eastReference);
    expect(shapeOf(east)).toEqual(shapeOf(await look('SECTION_47_ENQUIRY', 'PIC-REASONS-NOBODY')));
    // West Sussex no longer allows a strategy discussion; East Sussex, unconfigured, still does.
    expect(refusalOf((await look('STRATEGY_DISCUSSION')).errors).code).toBe('NOT_FOUND');
    const eastStrategy = await look('STRATEGY_DISCUSSION', eastReference);
    expect(eastStrategy.errors).toBeUndefined();
    expect(eastStrategy.data?.child?.involvements.nodes.map((line) => line.involvement)).toContain('REFERRAL_RECEIVED');

    const configured = await graph.query(
      configure,
      { id: eastSussex, reasons: ['SECTION_47_ENQUIRY'] },
      { as: 'east-sussex-business-manager' },
    );
    expect(configured.errors).toBeUndefined();
    const allowed = await look('SECTION_47_ENQUIRY', eastReference);
    expect(allowed.errors).toBeUndefined();
    expect(allowed.data?.child?.involvements.nodes.map((line) => line.involvement)).toContain('REFERRAL_MADE');
    expect(refusalOf((await look('EMERGENCY_DUTY', eastReference)).errors).code).toBe('NOT_FOUND');
  });
});
