import { demoIds } from '@safeguarding/shared';
import { dataOf, firstError, gql, startGraph, type TestGraph } from './support/graph';

/**
 * The reviews subgraph's clocks through the gateway: DOMAIN.md §3 working days (D is day 0) across
 * Christmas, New Year, Easter and substitute bank holidays, a Saturday, and beyond the calendar.
 * The graph's clock is moved per test, since dates in the future are refused.
 */
let today = '2026-11-22';
let graph: TestGraph;
beforeAll(async () => {
  graph = await startGraph({ now: () => new Date(`${today}T12:00:00Z`) });
});
afterAll(() => graph?.stop());

const westSussex = demoIds.partnerships.westSussex;
const manager = { as: 'west-sussex-business-manager' } as const;

const notify = `mutation Notify($input: NotifySeriousIncidentInput!) {
  notifySeriousIncident(input: $input) {
    id status dateNotified notifiedOnTime
    notificationDeadline { due rule basis provisional completedOn status }
    partnersTold { toldOn deadline { due rule status } }
  }
}`;

function incident(dateAware: string, extra: Record<string, unknown> = {}) {
  return {
    partnershipId: westSussex,
    localAuthorityGssCode: 'E10000032',
    caseReference: `SI-TEST-${dateAware}`,
    dateAware,
    children: [
      {
        reference: 'CHILD-TEST-1',
        ageYears: 4,
        sex: 'FEMALE',
        ethnicity: 'WBRI',
        onChildProtectionPlan: true,
        lookedAfter: false,
      },
    ],
    criteria: { seriousHarm: true, abuseOrNeglectKnownOrSuspected: true },
    ...extra,
  };
}

async function notified(dateAware: string, extra: Record<string, unknown> = {}) {
  const result = await graph.query<{
    notifySeriousIncident: {
      id: string;
      notifiedOnTime: boolean | null;
      notificationDeadline: Record<string, unknown>;
      partnersTold: Array<{ toldOn: string; deadline: { due: string; rule: string; status: string } }>;
    };
  }>(notify, { input: incident(dateAware, extra) }, manager);
  expect(result.errors).toBeUndefined();
  return dataOf(result).notifySeriousIncident;
}

describe('serious incident notification: 5 working days after the LA became aware', () => {
  it('crosses Christmas and New Year: aware Wed 2026-12-23, due Mon 2027-01-04 (DOMAIN.md §3)', async () => {
    today = '2027-03-01';
    const notification = await notified('2026-12-23', { dateNotified: '2027-01-04' });
    expect(notification.notificationDeadline).toEqual({
      due: '2027-01-04',
      rule: '5 working days after 2026-12-23',
      basis: expect.stringContaining('s16C'),
      provisional: false,
      completedOn: '2027-01-04',
      status: 'MET',
    });
    expect(notification.notifiedOnTime).toBe(true);
  });

  it('a day late is MISSED', async () => {
    today = '2027-03-01';
    const notification = await notified('2026-12-23', { dateNotified: '2027-01-05' });
    expect(notification.notificationDeadline).toMatchObject({ due: '2027-01-04', status: 'MISSED' });
    expect(notification.notifiedOnTime).toBe(false);
  });

  it('skips Good Friday and Easter Monday 2026', async () => {
    today = '2026-05-01';
    const notification = await notified('2026-04-01');
    expect(notification.notificationDeadline).toMatchObject({
      due: '2026-04-10',
      rule: '5 working days after 2026-04-01',
      status: 'OVERDUE',
    });
  });

  it('skips the substitute bank holidays of Christmas 2022 and New Year 2023', async () => {
    today = '2023-02-01';
    // Fri 23 Dec; Mon 26 Boxing Day; Tue 27 Christmas (substitute); 28 (1) 29 (2) 30 (3); Mon 2 Jan New Year (substitute); 3 (4) 4 (5)
    const notification = await notified('2022-12-23');
    expect(notification.notificationDeadline.due).toBe('2023-01-04');
  });

  it('counts from a Saturday as day 0: aware Sat 2026-11-14, due Fri 2026-11-20', async () => {
    today = '2026-11-22';
    const notification = await notified('2026-11-14', { dateNotified: '2026-11-20' });
    expect(notification.notificationDeadline).toMatchObject({
      due: '2026-11-20',
      rule: '5 working days after 2026-11-14',
      status: 'MET',
    });
  });

  it("beyond the calendar's last year counts weekends alone and says it is provisional", async () => {
    today = '2028-03-01';
    const notification = await notified('2028-01-10');
    expect(notification.notificationDeadline).toMatchObject({
      due: '2028-01-17',
      provisional: true,
      status: 'OVERDUE',
    });
  });

  it('gives each partner told its own deadline on the same clock', async () => {
    today = '2027-03-01';
    const notification = await notified('2026-12-23', {
      partnersTold: [
        { organisationId: demoIds.agencies.sussexCommunityTrust, toldOn: '2026-12-24' },
        { organisationId: demoIds.agencies.probationKss, toldOn: '2027-01-06' },
      ],
    });
    const deadlines = notification.partnersTold.map((p) => p.deadline.status).sort();
    expect(deadlines).toEqual(['MET', 'MISSED']);
    for (const partner of notification.partnersTold)
      expect(partner.deadline).toMatchObject({ due: '2027-01-04', rule: '5 working days after 2026-12-23' });
  });
});

describe('rapid review: 15 working days after the notification was sent', () => {
  it('is counted from dateNotified across Easter, not from the date aware', async () => {
    today = '2026-05-01';
    const notification = await notified('2026-03-30', { dateNotified: '2026-04-02' });
    const opened = await graph.query(
      `mutation ($id: ID!) { openRapidReview(notificationId: $id, openedOn: "2026-04-07") { status notificationSentOn deadline { due rule basis status } } }`,
      { id: notification.id },
      manager,
    );
    expect(opened.errors).toBeUndefined();
    expect(dataOf(opened).openRapidReview).toEqual({
      status: 'OPEN',
      notificationSentOn: '2026-04-02',
      deadline: {
        due: '2026-04-27',
        rule: '15 working days after 2026-04-02',
        basis: expect.stringContaining('15 working days'),
        status: 'OVERDUE',
      },
    });
  });
});

describe("child death: CDOP notified within the partnership's hours (24 by default)", () => {
  const record = gql<{ recordChildDeath: { cdopNotificationHours: number; cdopNotificationDeadline: unknown } }>(
    `mutation ($input: RecordChildDeathInput!) { recordChildDeath(input: $input) { cdopNotificationHours cdopNotificationDeadline { due rule basis status } } }`,
  );
  const death = (dateOfDeath: string, reference: string) => ({
    partnershipId: westSussex,
    localAuthorityGssCode: 'E10000032',
    integratedCareBoardOdsCode: 'QNX',
    childReference: reference,
    ageAtDeathYears: 3,
    dateOfDeath,
    jointAgencyResponseNeeded: false,
  });

  it('is due the day after the death by default, and follows a configured timescale for later deaths', async () => {
    today = '2026-11-22';
    const first = await graph.query(record, { input: death('2026-11-21', 'CDR-T-1') }, manager);
    expect(dataOf(first).recordChildDeath).toEqual({
      cdopNotificationHours: 24,
      cdopNotificationDeadline: {
        due: '2026-11-22',
        rule: '24 hours after death on 2026-11-21 (local practice)',
        basis: expect.stringContaining('Local practice'),
        status: 'DUE_TODAY',
      },
    });
    const configured = await graph.query<{ configureCdopNotification: unknown }>(
      `mutation ($p: ID!) { configureCdopNotification(partnershipId: $p, hours: 48) { hours configured } }`,
      { p: westSussex },
      manager,
    );
    expect(dataOf(configured).configureCdopNotification).toEqual({ hours: 48, configured: true });
    const second = await graph.query(record, { input: death('2026-11-21', 'CDR-T-2') }, manager);
    expect(dataOf(second).recordChildDeath.cdopNotificationDeadline).toMatchObject({
      due: '2026-11-23',
      rule: '48 hours after death on 2026-11-21 (local practice)',
      status: 'PENDING',
    });
    const setting = await graph.query<{ partnership: { cdopNotificationSetting: unknown } }>(
      `query ($p: ID!) { partnership(id: $p) { cdopNotificationSetting { hours configured } } }`,
      { p: demoIds.partnerships.eastSussex },
    );
    expect(dataOf(setting).partnership.cdopNotificationSetting).toEqual({ hours: 24, configured: false });
    await graph.query(
      `mutation ($p: ID!) { configureCdopNotification(partnershipId: $p, hours: 24) { hours } }`,
      { p: westSussex },
      manager,
    );
  });

  it('refuses a timescale outside 1 to 168 hours, naming the field', async () => {
    const result = await graph.query(
      `mutation ($p: ID!) { configureCdopNotification(partnershipId: $p, hours: 0) { hours } }`,
      { p: westSussex },
      manager,
    );
    expect(firstError(result).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'hours' });
  });
});

// What is due is the notifications service's now (tests/notifications.test.ts); the reviews clocks
// that feed it as obligations are tested where the reviews subgraph records them.
describe('what is due', () => {
  const due = `query ($p: ID!) { partnership(id: $p) { whatIsDue { totalCount nodes { kind deadline { due rule basis status } } } } }`;

  it('is for partnership staff of that partnership only', async () => {
    for (const as of ['west-sussex-social-worker', 'east-sussex-business-manager', 'panel-member'] as const) {
      const result = await graph.query(due, { p: westSussex }, { as });
      expect(firstError(result).extensions?.['code']).toBe('FORBIDDEN');
    }
    expect(firstError(await graph.query(due, { p: westSussex })).extensions?.['code']).toBe('UNAUTHENTICATED');
  });
});
