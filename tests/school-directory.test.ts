import { OutboxEvent } from '@safeguarding/shared';
import { SchoolDirectoryEntry } from '../subgraphs/escalations/src/school-directory/school-directory.entity';
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
 * Issue 14, for schools: the escalations service keeps a directory of the schools register from
 * the schools service's events and refuses a URN that names no school, or a closed one. Events
 * arrive asynchronously, so each test waits for the directory to take the change before it raises.
 */
const graph = graphForFile();
const entry = (urn: string) => graph.subgraphs.escalations.db.getRepository(SchoolDirectoryEntry).findOneBy({ urn });

const upsert = `mutation ($rows: [SchoolRowInput!]!) { upsertSchools(rows: $rows) { outcome field school { urn status } } }`;
const row = (urn: string, status: string) => ({
  urn,
  name: `Directory School ${urn}`,
  localAuthorityDfeCode: '938',
  establishmentNumber: urn.slice(2),
  phase: 'PRIMARY',
  status,
});
const input = disagreementInputs('SD', 'School directory test (fictional)');

describe('disagreements name schools on the register', () => {
  it('announces the demo schools to the directory at start, once each', async () => {
    await until(async () => (await entry('990005')) !== null, 'the demo schools reaching the directory');
    expect(await entry('990005')).toMatchObject({ status: 'OPEN', closedOn: null, localAuthorityDfeCode: '938' });
    const announced = await graph.subgraphs.schools.db
      .getRepository(OutboxEvent)
      .findBy({ entityType: 'School', entityId: '990005' });
    expect(announced.map((event) => [event.type, event.sequence])).toEqual([['school.announced', 1]]);
  });

  it('refuses a URN that names no school, naming the field and not echoing the URN', async () => {
    const result = await graph.query<any>(
      raise,
      { input: input({ raisedWithSchoolUrn: '912345' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.raisedWithSchoolUrn' });
    expect(result.errors![0]!.message).not.toContain('912345');
    expect(result.errors![0]!.message).not.toContain('CASE-SD');
  });

  it('refuses an agreed action owned by a URN that names no school, naming the action', async () => {
    const raised = await graph.query<any>(
      raise,
      { input: input({ raisedWithSchoolUrn: '990005' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(raised.errors).toBeUndefined();
    const actions = [
      { description: 'Share the chronology', ownerOrganisationId: westSussexCouncil, dueOn: '2026-12-15' },
      { description: 'Review the decision', ownerOrganisationId: '912346', dueOn: '2026-12-15' },
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
    expect(refused.errors![0]!.message).not.toContain('912346');
  });

  it('accepts a school synced from GIAS once its event is taken, and refuses it once it has closed', async () => {
    const created = await graph.query<any>(
      upsert,
      { rows: [row('970101', 'OPEN')] },
      { as: 'west-sussex-business-manager' },
    );
    expect(created.data.upsertSchools).toEqual([
      { outcome: 'CREATED', field: null, school: { urn: '970101', status: 'OPEN' } },
    ]);
    await until(async () => (await entry('970101'))?.status === 'OPEN', 'the new school reaching the directory');
    const raised = await graph.query<any>(
      raise,
      { input: input({ raisedWithSchoolUrn: '970101' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(raised.errors).toBeUndefined();

    const closed = await graph.query<any>(
      upsert,
      { rows: [row('970101', 'CLOSED')] },
      { as: 'west-sussex-business-manager' },
    );
    expect(closed.data.upsertSchools[0]).toMatchObject({ outcome: 'UPDATED', school: { status: 'CLOSED' } });
    await until(async () => (await entry('970101'))?.status === 'CLOSED', 'the closure reaching the directory');
    const refused = await graph.query<any>(
      raise,
      { input: input({ raisedWithSchoolUrn: '970101' }) },
      { as: 'sussex-health-visitor' },
    );
    expect(refusal(refused)).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.raisedWithSchoolUrn',
      message: expect.stringContaining('has closed'),
    });
    expect(refused.errors![0]!.message).not.toContain('970101');

    // A re-import of the same row changes nothing and says nothing.
    await graph.query<any>(upsert, { rows: [row('970101', 'CLOSED')] }, { as: 'west-sussex-business-manager' });
    const events = await graph.subgraphs.schools.db
      .getRepository(OutboxEvent)
      .find({ where: { entityType: 'School', entityId: '970101' }, order: { sequence: 'ASC' } });
    expect(events.map((event) => [event.type, event.sequence])).toEqual([
      ['school.registered', 1],
      ['school.closed', 2],
    ]);
    expect(JSON.parse(events[1]!.payload)).toEqual({
      urn: '970101',
      status: 'CLOSED',
      closedOn: null,
      localAuthorityDfeCode: '938',
    });
  });
});
