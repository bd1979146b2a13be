import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import { demoIds, statutoryOrganisationId } from '@safeguarding/shared';
import { at, dataOf, firstError, onMysql, startGraph, type TestGraph } from './support/graph';

// Issue 5: the organisation registry (fields, identifiers, contacts), bulk registration and the CSV import.
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date('2026-11-20T12:00:00Z') });
});
afterAll(() => graph?.stop());

const register = `mutation ($input: RegisterRelevantAgencyInput!) {
  registerRelevantAgency(input: $input) { id name scheduleCategory scheduleEntry sector odsCode companiesHouseNumber charityNumber ofstedUrn status }
}`;
const bulk = `mutation ($rows: [RelevantAgencyRowInput!]!) {
  registerRelevantAgencies(rows: $rows) { row outcome field reason agency { id name scheduleCategory scheduleEntry odsCode status closedOn } }
}`;
type BulkResult = {
  row: number;
  outcome: string;
  field: string | null;
  reason: string | null;
  agency: Record<string, unknown> | null;
};

async function agencyCount(): Promise<number> {
  return graph.subgraphs.agencies.db.getRepository('Agency').count();
}

describe('registering a relevant agency', () => {
  it.each([
    ['input.odsCode', { odsCode: 'R-1' }, 'must be an NHS ODS code: 3 to 5 letters and digits'],
    ['input.odsCode', { odsCode: 'ABCDEF' }, '3 to 5 letters and digits'],
    ['input.companiesHouseNumber', { companiesHouseNumber: '1234567' }, '2 letters and 6 digits or 8 digits'],
    ['input.charityNumber', { charityNumber: '12345' }, '6 to 8 digits'],
    ['input.ofstedUrn', { ofstedUrn: 'SC12345' }, "'SC' and 6 digits, or 6 to 7 digits"],
    [
      'input.scheduleEntry',
      { scheduleCategory: 'EDUCATION_AND_CHILDCARE', scheduleEntry: 'NHS_TRUST' },
      'NHS_TRUST is an entry under HEALTH_AND_SOCIAL_CARE, not EDUCATION_AND_CHILDCARE',
    ],
  ])(
    'refuses a bad %s with BAD_USER_INPUT naming the field and the format, writing nothing',
    async (field, fields, message) => {
      const before = await agencyCount();
      const result = await graph.query(
        register,
        { input: { name: 'Test trust', scheduleCategory: 'HEALTH_AND_SOCIAL_CARE', ...fields } },
        { as: 'west-sussex-business-manager' },
      );
      expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(firstError(result).message).toContain(message);
      expect(await agencyCount()).toBe(before);
    },
  );

  it('refuses an unknown Schedule entry with BAD_USER_INPUT naming the field', async () => {
    const result = await graph.query(
      register,
      { input: { name: 'Test', scheduleCategory: 'MISCELLANEOUS', scheduleEntry: 'CHURCH' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(firstError(result).extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(firstError(result).message).toContain('scheduleEntry');
  });

  it('stores the Schedule entry, sector and identifiers, normalised', async () => {
    const result = await graph.query<{ registerRelevantAgency: Record<string, unknown> }>(
      register,
      {
        input: {
          name: "Weald Children's Home Ltd",
          scheduleCategory: 'HEALTH_AND_SOCIAL_CARE',
          scheduleEntry: 'CHILDRENS_HOME',
          sector: 'PRIVATE',
          companiesHouseNumber: 'sc123456',
          ofstedUrn: 'sc654321',
        },
      },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    expect(dataOf(result).registerRelevantAgency).toMatchObject({
      scheduleEntry: 'CHILDRENS_HOME',
      sector: 'PRIVATE',
      companiesHouseNumber: 'SC123456',
      ofstedUrn: 'SC654321',
      status: 'ACTIVE',
    });
  });
});

describe('bulk registration through the gateway', () => {
  const good = [
    { name: 'Adur Youth Offending Service', scheduleEntry: 'YOUTH_OFFENDING_TEAM', sector: 'statutory' },
    {
      name: 'Arun Community Interest Company',
      scheduleCategory: 'MISCELLANEOUS',
      scheduleEntry: 'OTHER_MISCELLANEOUS',
      sector: 'SOCIAL_ENTERPRISE',
      companiesHouseNumber: '12345678',
    },
    {
      name: 'Chichester Faith Youth Project',
      scheduleCategory: 'MISCELLANEOUS',
      sector: 'FAITH_BASED',
      charityNumber: '1187001',
    },
    { name: 'Sussex Partnership NHS Foundation Trust (test)', scheduleEntry: 'NHS_FOUNDATION_TRUST', odsCode: 'rx2' },
  ];
  const bad = [
    { name: 'Bad ODS trust', scheduleEntry: 'NHS_TRUST', odsCode: 'R!X' },
    { name: 'Unknown entry', scheduleEntry: 'SPORTS_CLUB' },
    { name: 'Mismatched', scheduleCategory: 'CRIMINAL_JUSTICE', scheduleEntry: 'CAFCASS' },
    { name: 'Closed before opened', scheduleEntry: 'CAFCASS', openedOn: '2020-01-01', closedOn: '2019-12-31' },
    { name: 'The ICB in disguise', scheduleEntry: 'NHS_TRUST', odsCode: 'QNX' },
  ];

  it('answers each row on its own: good rows created, bad rows rejected naming the field, the batch never failed', async () => {
    const before = await agencyCount();
    const rows = [good[0], bad[0], good[1], bad[1], good[2], bad[2], good[3], bad[3], bad[4]];
    const result = await graph.query<{ registerRelevantAgencies: BulkResult[] }>(
      bulk,
      { rows },
      { as: 'west-sussex-business-manager' },
    );
    expect(result.errors).toBeUndefined();
    const outcomes = dataOf(result).registerRelevantAgencies;
    expect(outcomes.map((o) => [o.row, o.outcome, o.field])).toEqual([
      [0, 'CREATED', null],
      [1, 'REJECTED', 'odsCode'],
      [2, 'CREATED', null],
      [3, 'REJECTED', 'scheduleEntry'],
      [4, 'CREATED', null],
      [5, 'REJECTED', 'scheduleEntry'],
      [6, 'CREATED', null],
      [7, 'REJECTED', 'closedOn'],
      [8, 'REJECTED', 'odsCode'],
    ]);
    expect(at(outcomes, 1).reason).toContain('odsCode: must be an NHS ODS code: 3 to 5 letters and digits');
    expect(at(outcomes, 3).reason).toContain('is not an entry of the Schedule to SI 2018/789');
    expect(at(outcomes, 8).reason).toContain('statutory safeguarding partner');
    // The entry implies its heading; codes are normalised.
    expect(at(outcomes, 0).agency).toMatchObject({
      scheduleCategory: 'CRIMINAL_JUSTICE',
      scheduleEntry: 'YOUTH_OFFENDING_TEAM',
    });
    expect(at(outcomes, 6).agency).toMatchObject({ odsCode: 'RX2' });
    expect(await agencyCount()).toBe(before + 4);
  });

  it('is idempotent: sending the good rows again changes nothing and answers UNCHANGED for each', async () => {
    const before = await agencyCount();
    const result = await graph.query<{ registerRelevantAgencies: BulkResult[] }>(
      bulk,
      { rows: good },
      { as: 'west-sussex-business-manager' },
    );
    expect(dataOf(result).registerRelevantAgencies.map((o) => o.outcome)).toEqual([
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
      'UNCHANGED',
    ]);
    expect(await agencyCount()).toBe(before);
  });

  it('matches by identifier (ODS, Companies House, charity number) or by name and heading, and updates', async () => {
    const rows = [
      { name: 'Sussex Partnership NHS FT (renamed)', odsCode: 'RX2' },
      { name: 'Arun CIC', companiesHouseNumber: '12345678' },
      {
        name: 'Chichester Faith Youth Project',
        scheduleCategory: 'MISCELLANEOUS',
        charityNumber: '1187001',
        status: 'CLOSED',
        closedOn: '2026-10-31',
      },
      { name: 'Adur Youth Offending Service', scheduleCategory: 'CRIMINAL_JUSTICE', openedOn: '2010-04-01' },
    ];
    const before = await agencyCount();
    // No partnership names these agencies yet, so none holds their records: a national administrator corrects them.
    const unheld = await graph.query<{ registerRelevantAgencies: BulkResult[] }>(
      bulk,
      { rows },
      { as: 'west-sussex-business-manager' },
    );
    expect(firstError(unheld).extensions?.['code']).toBe('FORBIDDEN');
    expect(firstError(unheld).message).toMatch(/^rows\.0: /);
    const result = await graph.query<{ registerRelevantAgencies: BulkResult[] }>(
      bulk,
      { rows },
      { as: 'national-administrator' },
    );
    const outcomes = dataOf(result).registerRelevantAgencies;
    expect(outcomes.map((o) => o.outcome)).toEqual(['UPDATED', 'UPDATED', 'UPDATED', 'UPDATED']);
    expect(at(outcomes, 0).agency).toMatchObject({
      name: 'Sussex Partnership NHS FT (renamed)',
      scheduleEntry: 'NHS_FOUNDATION_TRUST',
    });
    expect(at(outcomes, 2).agency).toMatchObject({ status: 'CLOSED', closedOn: '2026-10-31' });
    expect(await agencyCount()).toBe(before);
  });

  it('rejects a row whose second identifier belongs to another agency', async () => {
    const result = await graph.query<{ registerRelevantAgencies: BulkResult[] }>(
      bulk,
      { rows: [{ name: 'Clash', scheduleEntry: 'NHS_TRUST', odsCode: 'RX2', charityNumber: '1187001' }] },
      { as: 'west-sussex-business-manager' },
    );
    expect(dataOf(result).registerRelevantAgencies[0]).toMatchObject({ outcome: 'REJECTED', field: 'charityNumber' });
    expect(dataOf(result).registerRelevantAgencies[0]!.reason).toContain('already registered to another agency');
  });

  it('is for partnership administrators only', async () => {
    const anonymous = await graph.query(bulk, { rows: [good[0]] });
    expect(firstError(anonymous).extensions?.['code']).toBe('UNAUTHENTICATED');
    const practitioner = await graph.query(bulk, { rows: [good[0]] }, { as: 'sussex-police-officer' });
    expect(firstError(practitioner).extensions?.['code']).toBe('FORBIDDEN');
  });
});

describe('contacts and the front door', () => {
  const westSussexCouncil = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' });
  const contacts = `query ($id: ID!) { agency(id: $id) { name contacts { role name telephone hours } } }`;
  const setContact = `mutation ($agencyId: ID!, $input: AgencyContactInput!) { setAgencyContact(agencyId: $agencyId, input: $input) { role name telephone updatedOn } }`;

  it("shows a local authority's front door and emergency duty team to anyone, its safeguarding lead to signed-in callers", async () => {
    const anonymous = await graph.query<{ agency: { contacts: Array<{ role: string }> } }>(contacts, {
      id: westSussexCouncil,
    });
    expect(
      dataOf(anonymous)
        .agency.contacts.map((c) => c.role)
        .sort(),
    ).toEqual(['CHILDRENS_SOCIAL_CARE_FRONT_DOOR', 'EMERGENCY_DUTY_TEAM']);
    const signedIn = await graph.query<{ agency: { contacts: Array<{ role: string }> } }>(
      contacts,
      { id: westSussexCouncil },
      { as: 'sussex-police-officer' },
    );
    expect(
      dataOf(signedIn)
        .agency.contacts.map((c) => c.role)
        .sort(),
    ).toEqual(['CHILDRENS_SOCIAL_CARE_FRONT_DOOR', 'EMERGENCY_DUTY_TEAM', 'SAFEGUARDING_LEAD']);
  });

  it("resolves a GSS code to the local authority's front door, following a retired code by its DfE code", async () => {
    const frontDoor = `query ($gss: String!) { frontDoorFor(localAuthorityGssCode: $gss) { requestedGssCode gssCode localAuthority { id name } inHours { telephone hours } outOfHours { telephone } } }`;
    const westSussex = await graph.query<{ frontDoorFor: Record<string, unknown> }>(frontDoor, { gss: 'E10000032' });
    expect(dataOf(westSussex).frontDoorFor).toMatchObject({
      gssCode: 'E10000032',
      localAuthority: { id: westSussexCouncil, name: 'West Sussex' },
      inHours: { telephone: '01632 960301' },
      outOfHours: { telephone: '01632 960302' },
    });
    const barnsley = await graph.query<{ frontDoorFor: Record<string, unknown> }>(frontDoor, { gss: 'E08000016' });
    expect(dataOf(barnsley).frontDoorFor).toMatchObject({
      requestedGssCode: 'E08000016',
      gssCode: 'E08000038',
      localAuthority: { name: 'Barnsley' },
      inHours: null,
    });
    const malformed = await graph.query(frontDoor, { gss: 'W06000001' });
    expect(firstError(malformed).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'localAuthorityGssCode' });
    expect((await graph.query(frontDoor, { gss: 'E06000999' })).data).toEqual({ frontDoorFor: null });
  });

  it("lets the agency's own staff or partnership administrators set contacts, and nobody else", async () => {
    const lead = { role: 'SAFEGUARDING_LEAD', name: 'Named Doctor (test)', telephone: '01632 960499' };
    const own = await graph.query<{ setAgencyContact: Record<string, unknown> }>(
      setContact,
      { agencyId: demoIds.agencies.sussexCommunityTrust, input: lead },
      { as: 'sussex-health-visitor' },
    );
    expect(own.errors).toBeUndefined();
    expect(dataOf(own).setAgencyContact).toMatchObject({
      role: 'SAFEGUARDING_LEAD',
      name: 'Named Doctor (test)',
      updatedOn: '2026-11-20',
    });
    const administrator = await graph.query(
      setContact,
      { agencyId: demoIds.agencies.sussexCommunityTrust, input: lead },
      { as: 'east-sussex-business-manager' },
    );
    expect(administrator.errors).toBeUndefined();
    const other = await graph.query(
      setContact,
      { agencyId: demoIds.agencies.sussexCommunityTrust, input: lead },
      { as: 'sussex-police-officer' },
    );
    expect(firstError(other).extensions?.['code']).toBe('FORBIDDEN');
    const notAnLa = await graph.query(
      setContact,
      { agencyId: demoIds.agencies.sussexCommunityTrust, input: { ...lead, role: 'EMERGENCY_DUTY_TEAM' } },
      { as: 'sussex-health-visitor' },
    );
    expect(firstError(notAnLa).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.role' });
    const badPhone = await graph.query(
      setContact,
      { agencyId: demoIds.agencies.sussexCommunityTrust, input: { ...lead, telephone: 'call us' } },
      { as: 'sussex-health-visitor' },
    );
    expect(firstError(badPhone).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.telephone' });
  });
});

describe('npm run agencies:import', () => {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'agencies-import-'));
  const prefix = `test_cli_${process.pid}_`;
  afterAll(async () => {
    fs.rmSync(directory, { recursive: true, force: true });
    if (onMysql) {
      const url = new URL(process.env['DATABASE_URL']!);
      const connection = await mysql.createConnection({
        host: url.hostname,
        port: Number(url.port || 3306),
        user: decodeURIComponent(url.username) || 'root',
        password: decodeURIComponent(url.password),
      });
      await connection.query(`DROP DATABASE IF EXISTS \`${prefix}agencies\``);
      await connection.end();
    }
  });

  function runImport(file: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      // Run from the CSV's directory, as an operator would: a relative path means from there.
      const child = spawn(
        'npm',
        ['--prefix', path.resolve(__dirname, '..'), 'run', '-s', 'agencies:import', '--', file],
        {
          cwd: directory,
          env: {
            ...process.env,
            DATA_DIR: directory,
            DATABASE_NAME_PREFIX: prefix,
            LOG_LEVEL: 'warn',
            DEMO_DATA: 'false',
          },
        },
      );
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  const csv = [
    'name,scheduleCategory,scheduleEntry,sector,odsCode,companiesHouseNumber,charityNumber,ofstedUrn,status,openedOn,closedOn',
    'Horsham Nursery School,,NURSERY_SCHOOL,STATUTORY,,,,123456,,,',
    '"Crawley Youth Club, Ltd",MISCELLANEOUS,OTHER_MISCELLANEOUS,CHARITY,,AB123456,1099001,,,2001-01-01,',
    'Bad ODS Trust,HEALTH_AND_SOCIAL_CARE,NHS_TRUST,,12,,,,,,',
    'Wrong heading,EDUCATION_AND_CHILDCARE,PROBATION,,,,,,,,',
    '"Worthing ""Hope"" Hospital",,NHS_TRUST,STATUTORY,9WH,,,,,,',
    '',
  ].join('\r\n');

  it('imports a CSV with bad rows among good ones, one line per row and a summary; a re-import changes nothing', async () => {
    fs.writeFileSync(path.join(directory, 'agencies.csv'), csv);
    const first = await runImport('agencies.csv');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(2);
    expect(first.stdout).toMatch(/line 2: CREATED [0-9a-f-]{36} Horsham Nursery School/);
    expect(first.stdout).toMatch(/line 3: CREATED .* Crawley Youth Club, Ltd/);
    expect(first.stdout).toContain('line 4: REJECTED odsCode: must be an NHS ODS code: 3 to 5 letters and digits');
    expect(first.stdout).toContain(
      'line 5: REJECTED scheduleEntry: PROBATION is an entry under CRIMINAL_JUSTICE, not EDUCATION_AND_CHILDCARE',
    );
    expect(first.stdout).toMatch(/line 6: CREATED .* Worthing "Hope" Hospital/);
    expect(first.stdout).toContain('3 created, 0 updated, 0 unchanged, 2 rejected');

    const again = await runImport('agencies.csv');
    expect(again.stdout).toContain('0 created, 0 updated, 3 unchanged, 2 rejected');

    fs.writeFileSync(
      path.join(directory, 'good.csv'),
      csv
        .split('\r\n')
        .filter((_, i) => ![3, 4].includes(i))
        .join('\n'),
    );
    const good = await runImport('good.csv');
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('0 created, 0 updated, 3 unchanged, 0 rejected');
  });

  it('refuses a file whose header names an unknown column, with exit 1', async () => {
    fs.writeFileSync(path.join(directory, 'bad-header.csv'), 'name,colour\nA,blue\n');
    const result = await runImport('bad-header.csv');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('unknown column colour');
  });
});
