import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { at, dataOf, firstError, gql, dropDatabases, startGraph, testConfig, type TestGraph } from './support/graph';

/** Issue 6: bulk sync of schools (upsertSchools) and the GIAS import and generator commands. */
const run = promisify(execFile);
const root = path.resolve(__dirname, '..');
const dist = path.join(root, 'subgraphs/schools/dist/cli');

let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph();
});
afterAll(() => graph?.stop());

const upsert = gql<{
  upsertSchools: Array<{
    row: number;
    urn: string;
    outcome: string;
    field: string | null;
    reason: string | null;
    school: { urn: string; name: string; laestab: string; trust: { uid: string; name: string } | null } | null;
  }>;
}>(
  `mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { row urn outcome field reason school { urn name laestab trust { uid name } } } }`,
);
const row = (urn: string, extra: Record<string, unknown> = {}) => ({
  urn,
  name: `Sync School ${urn}`,
  localAuthorityDfeCode: '938',
  establishmentNumber: urn.slice(2),
  phase: 'PRIMARY',
  status: 'OPEN',
  establishmentType: 'Academy converter',
  establishmentTypeGroup: 'Academies',
  trustUid: '4321',
  trustName: 'Weald Sync Trust',
  ...extra,
});

describe('upsertSchools', () => {
  it('answers per row and never fails the batch for bad rows', async () => {
    const result = await graph.query(
      upsert,
      {
        rows: [
          row('970001'),
          row('97002'), // malformed URN
          row('970003', { laestab: '8451234' }), // LAESTAB in East Sussex, school in West Sussex
          row('970004', { localAuthorityDfeCode: '999' }),
          row('970005', { trustUid: '5555', trustName: null }), // a trust never seen, with no name
          row('970006', { ukprn: '123' }),
          row('970001'), // the same URN twice
          row('970007', { laestab: '9380007', establishmentNumber: null, trustUid: null, trustName: null }),
        ],
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    const answers = dataOf(result).upsertSchools.map((r) => [r.row, r.outcome, r.field]);
    expect(answers).toEqual([
      [0, 'CREATED', null],
      [1, 'REJECTED', 'urn'],
      [2, 'REJECTED', 'laestab'],
      [3, 'REJECTED', 'localAuthorityDfeCode'],
      [4, 'REJECTED', 'trustName'],
      [5, 'REJECTED', 'ukprn'],
      [6, 'REJECTED', 'urn'],
      [7, 'CREATED', null],
    ]);
    expect(at(dataOf(result).upsertSchools, 2).reason).toMatch(/begins with LA code 845, but the school's LA is 938/);
    expect(at(dataOf(result).upsertSchools, 0).school).toEqual({
      urn: '970001',
      name: 'Sync School 970001',
      laestab: '9380001',
      trust: { uid: '4321', name: 'Weald Sync Trust' },
    });
    const rejected = await graph.query(`{ a: school(urn: "970003") { urn } b: school(urn: "970005") { urn } }`);
    expect(rejected.data).toEqual({ a: null, b: null });
  });

  it('is idempotent by URN: resending changes nothing; a changed field updates', async () => {
    const again = await graph.query(
      upsert,
      { rows: [row('970001'), row('970008')] },
      { as: 'west-sussex-business-manager' },
    );
    expect(dataOf(again).upsertSchools.map((r) => r.outcome)).toEqual(['UNCHANGED', 'CREATED']);
    const same = await graph.query(
      upsert,
      { rows: [row('970001'), row('970008')] },
      { as: 'west-sussex-business-manager' },
    );
    expect(dataOf(same).upsertSchools.map((r) => r.outcome)).toEqual(['UNCHANGED', 'UNCHANGED']);
    const changed = await graph.query(
      upsert,
      { rows: [row('970001', { status: 'PROPOSED_TO_CLOSE' }), row('970008')] },
      { as: 'west-sussex-business-manager' },
    );
    expect(dataOf(changed).upsertSchools.map((r) => r.outcome)).toEqual(['UPDATED', 'UNCHANGED']);
    const school = await graph.query<{ school: { status: string } | null }>(`{ school(urn: "970001") { status } }`);
    expect(dataOf(school).school?.status).toBe('PROPOSED_TO_CLOSE');
  });

  it('writes a batch with the same statements whatever its size', async () => {
    const batch = (from: number, n: number) => Array.from({ length: n }, (_, i) => row(String(971000 + from + i)));
    const small = await graph.countStatements(() =>
      graph.query(upsert, { rows: batch(0, 3) }, { as: 'west-sussex-business-manager' }),
    );
    const large = await graph.countStatements(() =>
      graph.query(upsert, { rows: batch(100, 300) }, { as: 'west-sussex-business-manager' }),
    );
    expect(large.schools).toBe(small.schools);
  });

  it('is for partnership administrators, and at most 1,000 rows a request', async () => {
    const anonymous = await graph.query(upsert, { rows: [row('970009')] });
    expect(firstError(anonymous).extensions?.['code']).toBe('UNAUTHENTICATED');
    const practitioner = await graph.query(upsert, { rows: [row('970009')] }, { as: 'sussex-health-visitor' });
    expect(firstError(practitioner).extensions?.['code']).toBe('FORBIDDEN');
    const tooMany = await graph.query(
      upsert,
      { rows: Array.from({ length: 1001 }, (_, i) => row(String(960000 + i))) },
      { as: 'west-sussex-business-manager' },
    );
    expect(firstError(tooMany).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows' });
  });
});

describe('the GIAS import and generator commands', () => {
  const prefix = `test_${process.pid}_import_`;
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'schools-import-'));
  const env = { ...process.env, LOG_LEVEL: 'silent', DATA_DIR: directory, DATABASE_NAME_PREFIX: prefix };

  afterAll(async () => {
    fs.rmSync(directory, { recursive: true, force: true });
    await dropDatabases(testConfig({ DATABASE_NAME_PREFIX: prefix }));
  });

  // The schools subgraph on the database the commands wrote to, so the imported rows are read back through the API.
  const startGraphOnImported = () =>
    startGraph({
      demoData: false,
      overrides: { DATA_DIR: directory, DATABASE_NAME_PREFIX: prefix },
      keepDatabases: true,
    });

  const importFile = async (file: string): Promise<{ code: number; stdout: string; stderr: string }> => {
    try {
      const { stdout, stderr } = await run('node', [path.join(dist, 'import-schools.js'), file], { env, cwd: root });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  };

  it('generates a file, imports it with progress and a summary, and a re-import changes nothing', async () => {
    const file = path.join(directory, 'gias.csv');
    const generated = await run('node', [path.join(dist, 'generate-gias.js'), file, '400'], { env, cwd: root });
    expect(generated.stdout).toMatch(/wrote 400 establishments/);
    const lines = fs.readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines).toHaveLength(401);
    expect(lines[0]).toMatch(
      /^URN,LA \(code\),LA \(name\),EstablishmentNumber,EstablishmentName,TypeOfEstablishment \(name\)/,
    );
    expect(lines.filter((l) => l.includes(',Closed,'))).toHaveLength(200);

    const first = await importFile(file);
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /400 rows in [\d.]+ s \(\d+ rows\/s\): 400 created, 0 updated, 0 unchanged, 0 rejected/,
    );
    expect(first.stderr).toMatch(/100% 400 rows/);
    const second = await importFile(file);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/0 created, 0 updated, 400 unchanged, 0 rejected/);
  });

  it('rejects the bad rows of a file and imports the good ones', async () => {
    const file = path.join(directory, 'mixed.csv');
    fs.writeFileSync(
      file,
      [
        'URN,LA (code),LA (name),EstablishmentNumber,LAESTAB,EstablishmentName,TypeOfEstablishment (name),EstablishmentTypeGroup (name),EstablishmentStatus (name),PhaseOfEducation (name),UKPRN,Trusts (code),Trusts (name),Postcode',
        '950001,846,Brighton and Hove,3001,,"Good School, The",Community school,Local authority maintained schools,Open,Primary,,,,BN1 2AA',
        '95002,846,Brighton and Hove,3002,,Short URN School,Community school,Local authority maintained schools,Open,Primary,,,,BN1 2AB',
        '950003,846,Brighton and Hove,3003,8453003,Wrong LA School,Community school,Local authority maintained schools,Open,Primary,,,,BN1 2AC',
        '950004,846,Brighton and Hove,3004,,Odd Phase School,Community school,Local authority maintained schools,Open,Kindergarten,,,,BN1 2AD',
        '950005,846,Brighton and Hove,3005,8463005,Proposed School,Free schools,Free Schools,Proposed to open,Secondary,10012345,4455,Seafront Trust,BN1 2AE',
        '950006,846,Brighton and Hove,3006,,Closing School,Community school,Local authority maintained schools,"Open, but proposed to close",Primary,,,,BN1 2AF',
      ].join('\n'),
    );
    const result = await importFile(file);
    expect(result.code).toBe(2);
    expect(result.stdout).toMatch(/line 3: REJECTED URN 95002: urn: must be a URN: exactly 6 digits/);
    expect(result.stdout).toMatch(
      /line 4: REJECTED URN 950003: laestab: 8453003 begins with LA code 845, but the school's LA is 846/,
    );
    expect(result.stdout).toMatch(/line 5: REJECTED URN 950004: phase: Kindergarten is not a phase of education/);
    expect(result.stdout).toMatch(/6 rows .*: 3 created, 0 updated, 0 unchanged, 3 rejected/);
  });

  const giasHeader =
    'URN,LA (code),LA (name),EstablishmentNumber,LAESTAB,EstablishmentName,TypeOfEstablishment (name),EstablishmentTypeGroup (name),EstablishmentStatus (name),PhaseOfEducation (name),UKPRN,Trusts (code),Trusts (name),Postcode';

  it('imports a Windows-1252 extract, as GIAS publishes them, with its names intact', async () => {
    const file = path.join(directory, 'windows-1252.csv');
    const names = ['St Mary\u2019s Catholic Primary School', 'École Française de Brighton'];
    const text = [
      giasHeader,
      `950101,846,Brighton and Hove,3101,8463101,${names[0]},Voluntary aided school,Local authority maintained schools,Open,Primary,,,,BN1 3AA`,
      `950102,846,Brighton and Hove,3102,8463102,${names[1]},Other independent school,Independent schools,Open,All-through,,,,BN1 3AB`,
    ].join('\r\n');
    // Windows-1252: the right single quote is byte 0x92 and É is 0xC9; neither is valid UTF-8 alone.
    const bytes = Buffer.from([...text].map((char) => (char === '\u2019' ? 0x92 : char.charCodeAt(0))));
    expect(bytes.includes(0x92) && bytes.includes(0xc9)).toBe(true);
    fs.writeFileSync(file, bytes);
    const result = await importFile(file);
    expect(result.stdout).toMatch(/2 rows .*: 2 created/);
    expect(result.code).toBe(0);
    const graph = await startGraphOnImported();
    try {
      const answer = await graph.query<{ a: { name: string }; b: { name: string } }>(
        '{ a: school(urn: "950101") { name } b: school(urn: "950102") { name } }',
      );
      expect([answer.data?.a.name, answer.data?.b.name]).toEqual(names);
    } finally {
      await graph.stop();
    }
  });

  it('refuses, naming the encoding, a file that is neither UTF-8 throughout nor Windows-1252 as told', async () => {
    const utf16 = path.join(directory, 'utf-16.csv');
    fs.writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${giasHeader}\r\n`, 'utf16le')]));
    const refused = await importFile(utf16);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/is UTF-16; save it as UTF-8/);
    // Valid UTF-8 for its first megabyte, then a Windows-1252 byte: stopped, not stored as U+FFFD.
    const late = path.join(directory, 'late-windows-1252.csv');
    const filler = Array.from(
      { length: 9000 },
      (_, i) =>
        `9${String(60000 + i).padStart(5, '0')},846,Brighton and Hove,${4000 + i},,Filler School ${i},Community school,Local authority maintained schools,Open,Primary,,,,BN1 4AA`,
    ).join('\r\n');
    fs.writeFileSync(
      late,
      Buffer.concat([
        Buffer.from(`${giasHeader}\r\n${filler}\r\n`),
        Buffer.from('970001,846,Brighton and Hove,5001,,St Anne'),
        Buffer.from([0x92]),
        Buffer.from('s School,Community school,Local authority maintained schools,Open,Primary,,,,BN1 5AA\r\n'),
      ]),
    );
    expect(fs.statSync(late).size).toBeGreaterThan(1 << 20);
    const stopped = await importFile(late);
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toMatch(
      /is not valid UTF-8 past its first megabyte; if it is Windows-1252 \(as GIAS extracts are\), pass --encoding windows-1252/,
    );
  });

  it('refuses a file without the GIAS columns with exit code 1', async () => {
    const file = path.join(directory, 'wrong.csv');
    fs.writeFileSync(file, 'name,odsCode\nX,RXH\n');
    const result = await importFile(file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/schools:import: line 1: the GIAS extract has no column URN/);
  });
});
