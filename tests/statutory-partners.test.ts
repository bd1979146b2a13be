import { mintDevelopmentToken, Role, type Identity } from '@safeguarding/shared';
import { StatutoryPartner } from '../subgraphs/partnerships/src/partnership/partnership.entity';
import { dataOf, firstError, gql, present, startGraph, type TestGraph } from './support/graph';

// Children Act 2004 s16E: the partners for an LA area are the LA, an ICB and the police for an area
// overlapping it; data/reference/local-authority-partners.csv says which overlap.
const today = new Date('2026-11-22T12:00:00Z');
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => today });
});
afterAll(() => graph?.stop());

const create = gql<{ createPartnership: { id: string; partners: Array<{ id: string; kind: string; code: string }> } }>(
  `mutation ($input: CreatePartnershipInput!) { createPartnership(input: $input) { id partners { id kind code } } }`,
);
const activate = gql<{ activatePartnership: { status: string } }>(
  `mutation ($id: ID!, $on: Date!) { activatePartnership(id: $id, activeFrom: $on) { status } }`,
);
const nameLead = `mutation ($partnerId: ID!) { nameLeadSafeguardingPartner(partnerId: $partnerId, input: { name: "F. Example", office: "Chief Executive", namedOn: "2026-01-05" }) { id } }`;
const uncovered = async () =>
  dataOf(
    await graph.query<{ coverage: { uncoveredLocalAuthorities: Array<{ gssCode: string }> } }>(
      '{ coverage { uncoveredLocalAuthorities { gssCode } } }',
    ),
  ).coverage.uncoveredLocalAuthorities.map((la) => la.gssCode);

async function managerOf(partnershipId: string): Promise<string> {
  const identity: Identity = {
    subject: `test:manager:${partnershipId}`,
    organisation: { id: 'a3f1c2d4-0000-4000-8000-000000000001', kind: 'LOCAL_AUTHORITY' },
    roles: [Role.PARTNERSHIP_BUSINESS_MANAGER],
    partnershipIds: [partnershipId],
  };
  return `Bearer ${await mintDevelopmentToken(identity, { secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' })}`;
}

async function createdWithLeads(
  input: Record<string, unknown>,
): Promise<{ id: string; manager: string; partners: { id: string; kind: string; code: string }[] }> {
  const created = await graph.query(create, { input }, { as: 'national-administrator' });
  expect(created.errors).toBeUndefined();
  const { id, partners } = dataOf(created).createPartnership;
  const manager = await managerOf(id);
  for (const partner of partners)
    expect((await graph.query(nameLead, { partnerId: partner.id }, { authorization: manager })).errors).toBeUndefined();
  return { id, manager, partners };
}

describe('safeguarding partners must be partners for the area (s16E)', () => {
  it('refuses Cumberland with NHS Sussex ICB, naming the field, the LA and the boards that would qualify', async () => {
    const result = await graph.query(
      create,
      {
        input: {
          name: 'Cumberland (test)',
          localAuthorityGssCodes: ['E06000063'],
          integratedCareBoardOdsCodes: ['QNX'],
          policeForceGssCodes: ['E23000033'],
        },
      },
      { as: 'national-administrator' },
    );
    expect(result.data).toBeNull();
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.integratedCareBoardOdsCodes' });
    expect(error.message).toContain('E06000063 (Cumberland)');
    expect(error.message).toContain('QE1');
    expect(error.message).toContain('QHM');
  });

  it('refuses a police force from elsewhere, naming the force that would qualify', async () => {
    const result = await graph.query(
      create,
      {
        input: {
          name: 'Cumberland (test)',
          localAuthorityGssCodes: ['E06000063'],
          integratedCareBoardOdsCodes: ['QHM'],
          policeForceGssCodes: ['E23000033'],
        },
      },
      { as: 'national-administrator' },
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.policeForceGssCodes' });
    expect(firstError(result).message).toContain('E23000002 (Cumbria)');
  });

  it('checks every LA of a multi-LA footprint, and refuses a named board that covers none of it by its index', async () => {
    const shortOfPolice = await graph.query(
      create,
      {
        input: {
          name: 'Essex and East Sussex (test)',
          localAuthorityGssCodes: ['E10000012', 'E10000011'],
          integratedCareBoardOdsCodes: ['QJG', 'QNX'],
          policeForceGssCodes: ['E23000028'],
        },
      },
      { as: 'national-administrator' },
    );
    expect(firstError(shortOfPolice).extensions).toMatchObject({ field: 'input.policeForceGssCodes' });
    expect(firstError(shortOfPolice).message).toContain('E10000011 (East Sussex)');
    expect(firstError(shortOfPolice).message).toContain('E23000033');

    const strayBoard = await graph.query(
      create,
      {
        input: {
          name: 'Cumberland (test)',
          localAuthorityGssCodes: ['E06000063'],
          integratedCareBoardOdsCodes: ['QHM', 'QNX'],
          policeForceGssCodes: ['E23000002'],
        },
      },
      { as: 'national-administrator' },
    );
    expect(firstError(strayBoard).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.integratedCareBoardOdsCodes.1',
    });
    expect(firstError(strayBoard).message).toContain('QNX');
  });

  it('accepts Essex with any one of its three overlapping boards, and counts it covered once active', async () => {
    expect(await uncovered()).toContain('E10000012');
    const { id, manager } = await createdWithLeads({
      name: 'Essex (test)',
      localAuthorityGssCodes: ['E10000012'],
      integratedCareBoardOdsCodes: ['QH8'],
      policeForceGssCodes: ['E23000028'],
    });
    const active = await graph.query(activate, { id, on: '2026-04-01' }, { authorization: manager });
    expect(dataOf(active).activatePartnership).toEqual({ status: 'ACTIVE' });
    expect(await uncovered()).not.toContain('E10000012');
  });

  it('refuses to activate arrangements whose partner is not for the area, naming the rule, the LA and who would qualify', async () => {
    const { id, manager, partners } = await createdWithLeads({
      name: 'Westmorland and Furness (test)',
      localAuthorityGssCodes: ['E06000064'],
      integratedCareBoardOdsCodes: ['QE1'],
      policeForceGssCodes: ['E23000002'],
    });
    // A row written before the rule existed (or by an older release): the board moved elsewhere.
    const board = present(
      partners.find((p) => p.kind === 'INTEGRATED_CARE_BOARD'),
      'the integrated care board',
    );
    await graph.subgraphs.partnerships.db.getRepository(StatutoryPartner).update({ id: board.id }, { code: 'QNX' });
    const refused = await graph.query(activate, { id, on: '2026-04-01' }, { authorization: manager });
    expect(firstError(refused).extensions).toMatchObject({ code: 'CONFLICT', rule: 'PARTNERS_FOR_THE_AREA' });
    expect(firstError(refused).message).toContain('E06000064 (Westmorland and Furness)');
    expect(firstError(refused).message).toContain('QE1');
    expect(await uncovered()).toContain('E06000064');
  });

  it("counts an active partnership's LA as covered only when all three kinds of partner qualify", async () => {
    const { id, manager, partners } = await createdWithLeads({
      name: 'Cumberland (test)',
      localAuthorityGssCodes: ['E06000063'],
      integratedCareBoardOdsCodes: ['QHM'],
      policeForceGssCodes: ['E23000002'],
    });
    expect((await graph.query(activate, { id, on: '2026-04-01' }, { authorization: manager })).errors).toBeUndefined();
    expect(await uncovered()).not.toContain('E06000063');
    // The same arrangements with a force from elsewhere (as the issue found activated) cover nothing.
    const police = present(
      partners.find((p) => p.kind === 'POLICE'),
      'the police',
    );
    await graph.subgraphs.partnerships.db
      .getRepository(StatutoryPartner)
      .update({ id: police.id }, { code: 'E23000033' });
    expect(await uncovered()).toContain('E06000063');
  });
});
