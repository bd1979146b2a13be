import { AuditRecord, demoIds } from '@safeguarding/shared';
import { startGraph, type TestGraph } from './support/graph';

/**
 * Issue 17, second slice: the reasons a caller may state to see a child's picture without holding a
 * record are the partnership's local practice, set by its staff, emergency duty and strategy
 * discussion until then; a reason none of the caller's partnerships allows is refused as bad input,
 * whatever the child, so the refusal tells nothing about who holds a record.
 */
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2027-01-06T12:00:00Z') });
});
afterAll(() => graph.stop());

const westSussex = demoIds.partnerships.westSussex;
const reference = 'PIC-REASONS-0001';

type Errors = Array<{ message: string; extensions?: Record<string, unknown> }>;
interface Policy {
  reasons: string[];
  configured: boolean;
}

const policyQuery = `query ($id: ID!) { partnership(id: $id) { childPicturePolicy { reasons configured } } }`;
const configure = `mutation ($id: ID!, $reasons: [ChildPictureReason!]!) {
  configureChildPictureReasons(partnershipId: $id, reasons: $reasons) { reasons configured } }`;
const withReason = `query ($reference: String, $reason: ChildPictureReason) {
  child(reference: $reference) { involvements(reason: $reason) { involvement } } }`;

async function policyOf(id: string): Promise<Policy | undefined> {
  const result = await graph.query<{ partnership: { childPicturePolicy: Policy } | null }>(
    policyQuery,
    { id },
    { as: 'west-sussex-business-manager' },
  );
  expect(result.errors).toBeUndefined();
  return result.data?.partnership?.childPicturePolicy;
}

const look = (reason: string, childReference = reference) =>
  graph.query<{ child: { involvements: Array<{ involvement: string }> } | null }>(
    withReason,
    { reference: childReference, reason },
    { as: 'sussex-police-officer' },
  );

const refusalOf = (errors: Errors | undefined) => ({
  code: errors?.[0]?.extensions?.['code'],
  field: errors?.[0]?.extensions?.['field'],
});

beforeAll(async () => {
  const referred = await graph.query(
    `mutation ($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`,
    {
      input: {
        idempotencyKey: 'picture-reasons-0001',
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
});

describe("the reasons for looking at a child's picture", () => {
  it('are emergency duty and strategy discussion until the partnership configures its own', async () => {
    const policy = await policyOf(westSussex);
    expect(policy?.configured).toBe(false);
    expect([...(policy?.reasons ?? [])].sort()).toEqual(['EMERGENCY_DUTY', 'STRATEGY_DISCUSSION']);

    const seen = await look('STRATEGY_DISCUSSION');
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.child?.involvements.map((line) => line.involvement)).toContain('REFERRAL_RECEIVED');
  });

  it('refuses a reason no partnership of the caller allows, naming the field, for a known child and an unknown one alike', async () => {
    const known = await look('SECTION_47_ENQUIRY');
    const unknown = await look('SECTION_47_ENQUIRY', 'PIC-REASONS-NOBODY');
    expect(refusalOf(known.errors)).toEqual({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(refusalOf(unknown.errors)).toEqual(refusalOf(known.errors));
    expect(unknown.errors?.[0]?.message).toBe(known.errors?.[0]?.message);
    expect(known.data?.child ?? null).toBeNull();
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
    expect(seen.data?.child?.involvements.map((line) => line.involvement)).toContain('REFERRAL_RECEIVED');
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
});
