import { demoIds, statutoryOrganisationId } from '@safeguarding/shared';
import { startGraph, type GraphQLResponse, type TestGraph } from './graph';

/**
 * What the tests of escalations' copies of other services' registers (issue 14) share: one graph
 * for the file, standing on one day, and disagreements raised in West Sussex naming what the
 * register should know.
 */
export const registerTestNow = new Date('2026-11-23T12:00:00Z');

/** The file's graph, started before its first test and stopped after its last. */
export function graphForFile(): TestGraph {
  let started: TestGraph | undefined;
  beforeAll(async () => {
    started = await startGraph({ now: () => registerTestNow });
  });
  afterAll(() => started?.stop());
  return new Proxy({} as TestGraph, {
    get(_target, key) {
      if (!started) throw new Error('the graph starts in beforeAll');
      const value: unknown = Reflect.get(started, key);
      return typeof value === 'function' ? value.bind(started) : value;
    },
  });
}

export const westSussex = demoIds.partnerships.westSussex;
export const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });

export const refusal = (result: GraphQLResponse<unknown>) => ({
  ...result.errors?.[0]?.extensions,
  message: result.errors?.[0]?.message,
});

/** Events arrive asynchronously: waits for the consumer to take the change. */
export async function until(check: () => Promise<boolean>, what: string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export const raise = `mutation ($input: RaiseProfessionalDisagreementInput!) { raiseProfessionalDisagreement(input: $input) { id raisedWith { id } } }`;
export const resolve = `mutation ($id: ID!, $input: ResolveProfessionalDisagreementInput!) { resolveProfessionalDisagreement(id: $id, input: $input) { status } }`;

/** Inputs to raise a disagreement, each with its own case reference `CASE-<prefix>-<n>`. */
export function disagreementInputs(
  prefix: string,
  summary: string,
): (overrides: Record<string, unknown>) => Record<string, unknown> {
  let cases = 0;
  return (overrides) => ({
    partnershipId: westSussex,
    caseReference: `CASE-${prefix}-${(cases += 1)}`,
    issueType: 'INFORMATION_SHARING',
    summary,
    ...overrides,
  });
}
