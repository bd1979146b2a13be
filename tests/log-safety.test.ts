import { Referral } from '../subgraphs/escalations/src/referral/referral.entity';
import { onMysql, startGraph, type TestGraph } from './support/graph';

// Database errors are where case data used to reach the logs: the driver's error carries the
// statement with its values, TypeORM's the parameters, and messages quote values. Each is forced
// here, on the database this pass runs on, and the whole graph's log lines are searched for the
// NHS number, the child's reference, the idempotency key and the caller's token.
const logLines: string[] = [];
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ logLines });
});
afterAll(() => graph?.stop());

const nhsNumber = '9434765919';
const childReference = 'CHILD-LOGSAFE-7731';
const idempotencyKey = 'log-safety-key-0001';
const submit = `mutation Submit($input: SubmitReferralInput!) { submitReferral(input: $input) { id } }`;
const input = (overrides: Record<string, unknown> = {}) => ({
  idempotencyKey,
  childReference,
  nhsNumber,
  homeLocalAuthorityGssCode: 'E10000032',
  concernCategories: ['NEGLECT'],
  significantHarm: false,
  earlyHelpIndicators: [],
  lawfulBasis: 'PUBLIC_TASK',
  consent: 'OBTAINED',
  practitionerName: null,
  practitionerRole: null,
  ...overrides,
});
const quote = (name: string) => (onMysql ? `\`${name}\`` : `"${name}"`);
const db = () => graph.subgraphs.escalations.db;

function expectNoCaseDataLogged(token: string): void {
  const all = logLines.join('\n');
  for (const secret of [nhsNumber, childReference, idempotencyKey, token, token.split('.')[2]!])
    expect(all).not.toContain(secret);
  // The subgraphs' access lines are among those searched: one per request, the refused ones included.
  expect(logLines.some((line) => line.includes('"log":"access"') && line.includes('"subgraph":"escalations"'))).toBe(
    true,
  );
}

it('logs a failed statement by its shape and error code, never its values, when the table is gone', async () => {
  const token = await graph.tokenFor('sussex-health-visitor');
  await db().query(`ALTER TABLE ${quote('referrals')} RENAME TO ${quote('referrals_gone')}`);
  try {
    const answer = await graph.query(submit, { input: input() }, { authorization: `Bearer ${token}` });
    expect(answer.errors?.[0]?.extensions?.['code']).toBe('INTERNAL_SERVER_ERROR');
    expect(JSON.stringify(answer)).not.toContain(nhsNumber);
  } finally {
    await db().query(`ALTER TABLE ${quote('referrals_gone')} RENAME TO ${quote('referrals')}`);
  }
  const failures = logLines.filter((line) => /"msg":"(sql failed|unexpected error)"/.test(line));
  expect(failures.length).toBeGreaterThanOrEqual(2);
  expect(
    failures.some((line) => line.includes('"statement":"SELECT') || line.includes('"statement":"INSERT INTO')),
  ).toBe(true);
  expectNoCaseDataLogged(token);
});

it('logs a duplicate-key race without the duplicated values', async () => {
  const token = await graph.tokenFor('sussex-health-visitor');
  const before = logLines.length;
  const answers = await Promise.all(
    Array.from({ length: 12 }, () =>
      graph.query(
        submit,
        { input: input({ idempotencyKey: 'log-safety-race-0002' }) },
        { authorization: `Bearer ${token}` },
      ),
    ),
  );
  // Every retry is answered as the first was: one referral, whoever won the race.
  expect(
    new Set(answers.map((answer) => (answer.data as { submitReferral?: { id: string } } | null)?.submitReferral?.id))
      .size,
  ).toBe(1);
  expect(await db().getRepository(Referral).countBy({ idempotencyKey: 'log-safety-race-0002' })).toBe(1);
  expectNoCaseDataLogged(token);
  expect(logLines.slice(before).join('\n')).not.toContain('log-safety-race-0002');
});

it('logs a value the database refuses (a missing column value, an over-long one) without the row', async () => {
  const row = {
    id: '00000000-0000-4000-8000-000000000999',
    childReference,
    nhsNumber,
    idempotencyKey,
    referrerOrganisationId: null as unknown as string,
  };
  await expect(
    db()
      .getRepository(Referral)
      .insert(row as Partial<Referral>),
  ).rejects.toThrow();
  if (onMysql) {
    // SQLite does not enforce a varchar's length; MySQL does, and quotes nothing of the value.
    await expect(
      db().query(
        `INSERT INTO ${quote('audit_chain_head')} (${quote('id')}, ${quote('sequence')}, ${quote('hash')}) VALUES (?, ?, ?)`,
        [99, 0, `${nhsNumber}${'x'.repeat(80)}`],
      ),
    ).rejects.toThrow();
  }
  expect(logLines.filter((line) => line.includes('"msg":"sql failed"')).length).toBeGreaterThan(0);
  expectNoCaseDataLogged(await graph.tokenFor('sussex-health-visitor'));
});

it('logs a dropped database connection without the statement that was running', async () => {
  const token = await graph.tokenFor('sussex-health-visitor');
  if (onMysql) {
    const [{ database }] = (await db().query('SELECT DATABASE() AS `database`')) as [{ database: string }];
    const sessions = (await db().query(
      'SELECT ID AS id FROM information_schema.PROCESSLIST WHERE DB = ? AND ID <> CONNECTION_ID()',
      [database],
    )) as Array<{ id: number }>;
    for (const { id } of sessions)
      await db()
        .query(`KILL ${Number(id)}`)
        .catch(() => undefined);
  } else {
    // The embedded database's one connection, closed under the running subgraph.
    (db().driver as unknown as { databaseConnection: { close(): void } }).databaseConnection.close();
  }
  const answers = await Promise.all(
    Array.from({ length: 4 }, (_, n) =>
      graph.query(
        submit,
        { input: input({ idempotencyKey: `log-safety-drop-000${n}` }) },
        { authorization: `Bearer ${token}` },
      ),
    ),
  );
  for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(nhsNumber);
  expectNoCaseDataLogged(token);
});
