import { randomUUID } from 'node:crypto';
import { demoIds, OutboxEvent } from '@safeguarding/shared';
import { AgencyDirectoryEntry } from '../subgraphs/escalations/src/agency-directory/agency-directory.entity';
import {
  disagreementInputs,
  graphForFile,
  raise,
  refusal,
  resolve,
  until,
  westSussexCouncil,
} from './support/disagreements';

/**
 * Issue 14, "a professional disagreement raised with an organisation id that does not exist": the
 * escalations service keeps a directory of registered agencies from the agencies service's events
 * and refuses an id that names none, or one that has closed. Events arrive asynchronously, so each
 * test waits for the directory to take the change before it raises.
 */
const graph = graphForFile();
const entry = (agencyId: string) =>
  graph.subgraphs.escalations.db.getRepository(AgencyDirectoryEntry).findOneBy({ agencyId });

const register = `mutation ($input: RegisterRelevantAgencyInput!) { registerRelevantAgency(input: $input) { id status } }`;
const bulk = `mutation ($rows: [RelevantAgencyRowInput!]!) { registerRelevantAgencies(rows: $rows) { outcome field agency { id status closedOn } } }`;
const input = disagreementInputs('AD', 'Agency directory test (fictional)');

describe('disagreements name agencies on the register', () => {
  it('announces the demo agencies to the directory at start', async () => {
    expect(await entry(demoIds.agencies.sussexCommunityTrust)).toMatchObject({
      kind: 'RELEVANT_AGENCY',
      status: 'ACTIVE',
      closedOn: null,
    });
  });

  it('refuses an id that names no agency, naming the field and not echoing the id', async () => {
    const unknown = randomUUID();
    const result = await graph.query<any>(
      raise,
      { input: input({ raisedWithAgencyId: unknown }) },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.raisedWithAgencyId' });
    expect(result.errors![0]!.message).not.toContain(unknown);
    expect(result.errors![0]!.message).not.toContain('CASE-AD');
  });

  it('refuses an agreed action owned by an id that names no agency, naming the action', async () => {
    const raised = await graph.query<any>(
      raise,
      { input: input({ raisedWithAgencyId: westSussexCouncil }) },
      { as: 'sussex-health-visitor' },
    );
    expect(raised.errors).toBeUndefined();
    const actions = [
      { description: 'Share the chronology', ownerOrganisationId: westSussexCouncil, dueOn: '2026-12-15' },
      { description: 'Review the decision', ownerOrganisationId: randomUUID(), dueOn: '2026-12-15' },
    ];
    const refused = await graph.query<any>(
      resolve,
      { id: raised.data.raiseProfessionalDisagreement.id, input: { outcome: 'Agreed', agreedActions: actions } },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.agreedActions.1.ownerOrganisationId',
    });
  });

  it('accepts a newly registered agency once its event is taken, and refuses it once it has closed', async () => {
    const registered = await graph.query<any>(
      register,
      { input: { name: 'Directory test youth project', scheduleCategory: 'MISCELLANEOUS', charityNumber: '1199001' } },
      { as: 'west-sussex-business-manager' },
    );
    expect(registered.errors).toBeUndefined();
    const agencyId: string = registered.data.registerRelevantAgency.id;
    await until(async () => (await entry(agencyId))?.status === 'ACTIVE', 'the registration reaching the directory');

    const accepted = await graph.query<any>(
      raise,
      { input: input({ raisedWithAgencyId: agencyId }) },
      { as: 'sussex-health-visitor' },
    );
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data.raiseProfessionalDisagreement.raisedWith).toEqual({ id: agencyId });

    const closed = await graph.query<any>(
      bulk,
      {
        rows: [
          {
            name: 'Directory test youth project',
            scheduleCategory: 'MISCELLANEOUS',
            charityNumber: '1199001',
            status: 'CLOSED',
            closedOn: '2026-11-01',
          },
        ],
      },
      { as: 'national-administrator' },
    );
    expect(closed.data.registerRelevantAgencies[0]).toMatchObject({
      outcome: 'UPDATED',
      agency: { id: agencyId, status: 'CLOSED', closedOn: '2026-11-01' },
    });
    await until(async () => (await entry(agencyId))?.status === 'CLOSED', 'the closure reaching the directory');

    const refused = await graph.query<any>(
      raise,
      { input: input({ raisedWithAgencyId: agencyId }) },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(refused)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.raisedWithAgencyId' });
    expect(refused.errors![0]!.message).toContain('closed on 2026-11-01');

    // The agencies service stated each change whole, and nothing beyond what the directory needs.
    const events = await graph.subgraphs.agencies.db
      .getRepository(OutboxEvent)
      .find({ where: { entityType: 'Agency', entityId: agencyId }, order: { sequence: 'ASC' } });
    expect(events.map((event) => event.type)).toEqual(['agency.registered', 'agency.closed']);
    expect(events.map((event) => JSON.parse(event.payload))).toEqual([
      { agencyId, kind: 'RELEVANT_AGENCY', status: 'ACTIVE', closedOn: null },
      { agencyId, kind: 'RELEVANT_AGENCY', status: 'CLOSED', closedOn: '2026-11-01' },
    ]);
  });
});
