import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import {
  inTransaction,
  clockRules,
  defaultReferenceDataDir,
  WorkingDayCalendar,
  demoIdentities,
  demoIds,
  eventIntakePath,
  eventSignatureHeader,
  eventTimestampHeader,
  mintDevelopmentToken,
  NatsEventBus,
  ObligationLedger,
  obligationKinds,
  OutboxEvent,
  partnershipStaffRoles,
  Role,
  signEventDelivery,
  type ClockRule,
  type ObligationDraft,
  type ObligationKind,
  type ObligationRef,
  type SubgraphName,
} from '@safeguarding/shared';
import { IndexedObligation, ReceivedEvent, EventIntake } from '@safeguarding/notifications';
import { startGraph, type TestGraph } from './support/graph';

// The national index through the gateway, on this pass's database (SQLite, or MySQL with
// DATABASE_URL) and on both buses: the embedded one (relays POST to the notifications service)
// and NATS JetStream at 127.0.0.1:4222 (NATS_URL). Obligations are opened the way a domain
// subgraph opens them: through the ledger, in a transaction on that subgraph's own database.
const natsUrl = process.env['NATS_URL'] ?? 'nats://127.0.0.1:4222';
const today = '2026-12-02';
const now = () => new Date(`${today}T10:00:00Z`);

const westSussexCouncil = demoIdentities['west-sussex-business-manager']!.organisation.id;
const sussexPolice = demoIdentities['sussex-police-officer']!.organisation.id;
const seaviewPrimary = demoIdentities['seaview-primary-dsl']!.organisation.id;
const { westSussex, eastSussex } = demoIds.partnerships;

const noOne = {
  organisationIds: [],
  organisationRoles: [],
  partnershipIds: [],
  partnershipRoles: [],
  nationalRoles: [],
};

function draft(
  kind: ObligationKind,
  about: { type: string; id: string },
  due: string,
  overrides: Partial<ObligationDraft> = {},
): ObligationDraft {
  return {
    kind,
    about,
    owner: { organisationId: null, organisationKind: null, partnershipId: null },
    owedTo: 'NATIONAL_PANEL',
    owedToKind: null,
    deadline: { due, rule: `test rule to ${due}`, provisional: false },
    basis: 'Working Together to Safeguard Children 2023',
    audience: noOne,
    ...overrides,
  };
}

// A referral's decision: the receiving authority and the referrer's case workers.
const referralDecision = draft('REFERRAL_DECISION', { type: 'Referral', id: randomUUID() }, '2026-12-03', {
  owner: { organisationId: westSussexCouncil, organisationKind: 'AGENCY', partnershipId: null },
  owedTo: 'REFERRER',
  owedToKind: null,
  audience: {
    ...noOne,
    organisationIds: [westSussexCouncil, sussexPolice],
    organisationRoles: [Role.PRACTITIONER, Role.SAFEGUARDING_MANAGER],
  },
});
// A partnership's publication: its staff, and the Panel wherever it acts.
const publication = draft('PRACTICE_REVIEW_PUBLICATION', { type: 'PracticeReview', id: randomUUID() }, '2026-11-20', {
  owner: { organisationId: null, organisationKind: null, partnershipId: westSussex },
  audience: {
    ...noOne,
    partnershipIds: [westSussex],
    partnershipRoles: [...partnershipStaffRoles],
    nationalRoles: [Role.PANEL_MEMBER],
  },
});
// A school's file transfer: anyone at the school (no role named).
const fileTransfer = draft('FILE_TRANSFER', { type: 'ChildProtectionFileTransfer', id: randomUUID() }, today, {
  owner: { organisationId: seaviewPrimary, organisationKind: 'SCHOOL', partnershipId: null },
  owedTo: 'RECEIVING_SCHOOL',
  owedToKind: null,
  audience: { ...noOne, organisationIds: [seaviewPrimary] },
});
// Another partnership's yearly report: its staff only.
const yearlyReport = draft('YEARLY_REPORT', { type: 'Partnership', id: eastSussex }, '2027-09-30', {
  occurrence: '2026-27',
  owner: { organisationId: null, organisationKind: null, partnershipId: eastSussex },
  audience: { ...noOne, partnershipIds: [eastSussex], partnershipRoles: [...partnershipStaffRoles] },
});

const dueQuery = `query ($filter: WhatIsDueFilter, $first: Int, $after: String) {
  whatIsDue(filter: $filter, first: $first, after: $after) {
    totalCount
    counts { pending dueToday overdue total }
    pageInfo { endCursor hasNextPage }
    nodes {
      id kind occurrence owedTo
      owner { organisationId partnership { id } }
      about { __typename ... on Referral { id } ... on PracticeReview { id } ... on Partnership { id } ... on OtherObligationSubject { type id } }
      deadline { due rule basis provisional status completedOn }
    }
  }
}`;

// A page of 100 with every field above costs more than the limit allows; a dashboard's list asks for less.
const lightQuery = `query ($first: Int) { whatIsDue(first: $first) { totalCount counts { overdue } nodes { id kind deadline { due status } } } }`;

interface DueNode {
  id: string;
  kind: string;
  occurrence: string | null;
  owedTo: string;
  owner: { organisationId: string | null; partnership: { id: string } | null };
  about: { __typename: string; id: string; type?: string };
  deadline: {
    due: string;
    rule: string;
    basis: string;
    provisional: boolean;
    status: string;
    completedOn: string | null;
  };
}
interface DuePage {
  totalCount: number;
  counts: { pending: number; dueToday: number; overdue: number; total: number };
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
  nodes: DueNode[];
}

type Bus = 'embedded' | 'nats';

describe.each<Bus>(['embedded', 'nats'])('notifications on the %s bus', (bus) => {
  let graph: TestGraph;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'notifications-'));
  const stream = `TEST_${process.pid}_${randomUUID().slice(0, 8)}`;
  const prefix = `test${process.pid}${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    graph = await startGraph({
      now,
      relayIntervalMs: 40,
      // The index alone: the obligations here are the ones this file opens, not the demo data's.
      reconcileObligations: false,
      // A file, not memory: the notifications service is stopped and started again below.
      overrides: {
        DATA_DIR: dataDir,
        ...(bus === 'nats'
          ? {
              EVENT_BUS: 'nats',
              NATS_URL: natsUrl,
              NATS_STREAM: stream,
              NATS_SUBJECT_PREFIX: prefix,
              NATS_ACK_WAIT_MS: '2000',
            }
          : {}),
      },
    });
  });
  afterAll(async () => {
    await graph?.stop();
    if (bus === 'nats') {
      const nats = await NatsEventBus.connect({ url: natsUrl, stream, subjectPrefix: prefix });
      await nats.deleteStream();
      await nats.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const ledger = <T>(subgraph: SubgraphName, work: (ledger: ObligationLedger) => Promise<T>) =>
    inTransaction(graph.subgraphs[subgraph].db, (manager) => work(new ObligationLedger(manager, subgraph, now())));
  const open = (subgraph: SubgraphName, obligation: ObligationDraft) => ledger(subgraph, (l) => l.open(obligation));
  const meet = (subgraph: SubgraphName, ref: ObligationRef, on: string) => ledger(subgraph, (l) => l.meet(ref, on));
  const cancel = (subgraph: SubgraphName, ref: ObligationRef) => ledger(subgraph, (l) => l.cancel(ref));
  const domains: SubgraphName[] = ['partnerships', 'agencies', 'schools', 'reviews', 'escalations'];

  /** Every event any domain outbox holds has been taken by the notifications service. */
  async function settled(ms = 60_000): Promise<void> {
    const end = Date.now() + ms;
    for (;;) {
      const written = (
        await Promise.all(
          domains.map((name) =>
            graph.subgraphs[name].db.getRepository(OutboxEvent).find({ select: { eventId: true } }),
          ),
        )
      ).flat();
      const taken = new Set(
        (await graph.subgraphs.notifications.db.getRepository(ReceivedEvent).find({ select: { eventId: true } })).map(
          (event) => event.eventId,
        ),
      );
      const missing = written.filter((event) => !taken.has(event.eventId)).length;
      if (missing === 0) return;
      if (Date.now() > end) throw new Error(`notifications is missing ${missing} of ${written.length} events`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const due = async (
    as: keyof typeof demoIdentities | null,
    variables: Record<string, unknown> = {},
  ): Promise<DuePage> => {
    const result = await graph.query<{ whatIsDue: DuePage }>(dueQuery, variables, as ? { as } : {});
    expect(result.errors).toBeUndefined();
    return result.data!.whatIsDue;
  };
  const kindsSeenBy = async (as: keyof typeof demoIdentities, filter: Record<string, unknown> = {}) =>
    (await due(as, { filter })).nodes.filter((node) => isOurs(node.id)).map((node) => node.kind);
  const ours = new Set<string>();
  const isOurs = (id: string) => ours.has(id);
  const track = async (subgraph: SubgraphName, obligation: ObligationDraft) => {
    const row = await open(subgraph, obligation);
    ours.add(row.id);
    return row;
  };

  it('shows each open obligation to the callers its owner named, and to no others', async () => {
    await track('escalations', referralDecision);
    await track('reviews', publication);
    await track('schools', fileTransfer);
    await track('partnerships', yearlyReport);
    await settled();

    expect(await kindsSeenBy('west-sussex-social-worker')).toEqual(['REFERRAL_DECISION']);
    expect(await kindsSeenBy('sussex-police-officer')).toEqual(['REFERRAL_DECISION']);
    // A business manager's role is not one the referral's owner named; the partnership's publication is hers.
    expect(await kindsSeenBy('west-sussex-business-manager')).toEqual(['PRACTICE_REVIEW_PUBLICATION']);
    expect(await kindsSeenBy('west-sussex-scrutineer')).toEqual(['PRACTICE_REVIEW_PUBLICATION']);
    expect(await kindsSeenBy('panel-member')).toEqual(['PRACTICE_REVIEW_PUBLICATION']);
    expect(await kindsSeenBy('seaview-primary-dsl')).toEqual(['FILE_TRANSFER']);
    expect(await kindsSeenBy('chalk-cliff-high-dsl')).toEqual([]);
    expect(await kindsSeenBy('east-sussex-business-manager')).toEqual(['YEARLY_REPORT']);
    expect(await kindsSeenBy('sussex-health-visitor')).toEqual([]);
    expect(await kindsSeenBy('national-administrator')).toEqual([]);

    const anonymous = await graph.query(dueQuery, {});
    expect(anonymous.errors?.[0]?.extensions?.['code']).toBe('UNAUTHENTICATED');
  });

  it('describes each item: kind, what it is about, owner, to whom, and the deadline as of today', async () => {
    const [decision] = (await due('west-sussex-social-worker')).nodes.filter((node) => isOurs(node.id));
    expect(decision).toMatchObject({
      kind: 'REFERRAL_DECISION',
      occurrence: null,
      owedTo: 'REFERRER',
      owner: { organisationId: westSussexCouncil, partnership: null },
      about: { __typename: 'Referral', id: referralDecision.about.id },
      deadline: {
        due: '2026-12-03',
        rule: 'test rule to 2026-12-03',
        basis: referralDecision.basis,
        provisional: false,
        status: 'PENDING',
        completedOn: null,
      },
    });
    const [review] = (await due('panel-member')).nodes.filter((node) => isOurs(node.id));
    expect(review).toMatchObject({
      about: { __typename: 'PracticeReview' },
      owner: { partnership: { id: westSussex } },
      deadline: { status: 'OVERDUE' },
    });
    const [transfer] = (await due('seaview-primary-dsl')).nodes.filter((node) => isOurs(node.id));
    expect(transfer).toMatchObject({
      about: { __typename: 'OtherObligationSubject', type: 'ChildProtectionFileTransfer', id: fileTransfer.about.id },
      deadline: { status: 'DUE_TODAY' },
    });
    const [report] = (await due('east-sussex-business-manager')).nodes.filter((node) => isOurs(node.id));
    expect(report).toMatchObject({ occurrence: '2026-27', about: { __typename: 'Partnership', id: eastSussex } });
  });

  it('names the owing and owed organisations from their own services', async () => {
    const query = `{ whatIsDue(first: 50) { nodes { id owedTo
      owedToOrganisation { __typename ... on Agency { id name } ... on School { urn name } }
      owner { organisationId organisation { __typename ... on Agency { id name } ... on School { urn name } } } } } }`;
    type Named =
      { __typename: 'Agency'; id: string; name: string } | { __typename: 'School'; urn: string; name: string };
    const seen: Array<{
      owedTo: string;
      owedToOrganisation: Named | null;
      owner: { organisationId: string | null; organisation: Named | null };
    }> = [];
    for (const as of ['west-sussex-social-worker', 'seaview-primary-dsl'] as const) {
      const result = await graph.query<{
        whatIsDue: {
          nodes: Array<{
            id: string;
            owedTo: string;
            owedToOrganisation: Named | null;
            owner: { organisationId: string | null; organisation: Named | null };
          }>;
        };
      }>(query, {}, { as });
      expect(result.errors).toBeUndefined();
      const nodes = result.data?.whatIsDue.nodes ?? [];
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) {
        const { organisationId, organisation } = node.owner;
        if (organisationId === null) expect(organisation).toBeNull();
        else if (organisation?.__typename === 'School') expect(organisation.urn).toBe(organisationId);
        else expect(organisation).toMatchObject({ __typename: 'Agency', id: organisationId });
        if (organisation) expect(organisation.name.length).toBeGreaterThan(0);
        seen.push(node);
      }
    }
    // Owed to a kind of body (REFERRER, NATIONAL_PANEL…): no organisation; owed to one: that one, by name.
    for (const node of seen) expect(node.owedToOrganisation === null).toBe(/^[A-Z_]+$/.test(node.owedTo));
    expect(seen.some((node) => node.owedTo === 'REFERRER')).toBe(true);
    expect(seen.some((node) => node.owner.organisation?.__typename === 'Agency')).toBe(true);
    expect(seen.some((node) => node.owner.organisation?.__typename === 'School')).toBe(true);
  });

  it('filters by kind, status as of today, due-before and owner, and counts by status', async () => {
    const westStaff = 'west-sussex-business-manager';
    // More of the partnership's duties: one due today, one later, one of another kind.
    const actionToday = await track('reviews', {
      ...publication,
      kind: 'REVIEW_ACTION',
      about: { type: 'ReviewAction', id: randomUUID() },
      deadline: { due: today, rule: 'r', provisional: false },
    });
    await track('reviews', {
      ...publication,
      kind: 'REVIEW_ACTION',
      about: { type: 'ReviewAction', id: randomUUID() },
      deadline: { due: '2027-01-15', rule: 'r', provisional: false },
    });
    await settled();

    const all = await due(westStaff);
    expect(all.nodes.map((node) => node.deadline.due)).toEqual(['2026-11-20', today, '2027-01-15']);
    expect(all.totalCount).toBe(3);
    expect(all.counts).toEqual({ pending: 1, dueToday: 1, overdue: 1, total: 3 });

    expect(await kindsSeenBy(westStaff, { kinds: ['REVIEW_ACTION'] })).toEqual(['REVIEW_ACTION', 'REVIEW_ACTION']);
    const overdue = await due(westStaff, { filter: { statuses: ['OVERDUE'] } });
    expect(overdue.nodes.map((node) => node.kind)).toEqual(['PRACTICE_REVIEW_PUBLICATION']);
    expect(overdue.totalCount).toBe(1);
    // The counts keep the other statuses, for the dashboard's tiles.
    expect(overdue.counts).toEqual({ pending: 1, dueToday: 1, overdue: 1, total: 3 });
    const soon = await due(westStaff, { filter: { statuses: ['DUE_TODAY', 'PENDING'], dueBefore: '2027-01-01' } });
    expect(soon.nodes.map((node) => node.id)).toEqual([actionToday.id]);
    expect(soon.counts).toEqual({ pending: 0, dueToday: 1, overdue: 1, total: 2 });
    expect((await due(westStaff, { filter: { ownerPartnershipId: eastSussex } })).totalCount).toBe(0);
    expect(await kindsSeenBy('west-sussex-social-worker', { ownerOrganisationId: westSussexCouncil })).toEqual([
      'REFERRAL_DECISION',
    ]);
    expect(await kindsSeenBy('west-sussex-social-worker', { ownerOrganisationId: sussexPolice })).toEqual([]);
  });

  it('gives a partnership its own duties, for its staff only', async () => {
    const query = `query ($id: ID!) { partnership(id: $id) { name whatIsDue { totalCount nodes { kind deadline { due } } } } }`;
    const staff = await graph.query<{
      partnership: { whatIsDue: { totalCount: number; nodes: Array<{ kind: string }> } };
    }>(query, { id: westSussex }, { as: 'west-sussex-scrutineer' });
    expect(staff.errors).toBeUndefined();
    expect(staff.data!.partnership.whatIsDue.nodes.map((node) => node.kind)).toEqual([
      'PRACTICE_REVIEW_PUBLICATION',
      'REVIEW_ACTION',
      'REVIEW_ACTION',
    ]);
    for (const outsider of ['west-sussex-social-worker', 'east-sussex-business-manager', 'panel-member'] as const) {
      const refused = await graph.query(query, { id: westSussex }, { as: outsider });
      expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    }
  });

  it('answers Partnership.whatIsDue for many partnerships in one statement, each its own', async () => {
    const identity = {
      ...demoIdentities['west-sussex-business-manager']!,
      subject: 'test:every-partnership',
      partnershipIds: Object.values(demoIds.partnerships),
    };
    const authorization = `Bearer ${await mintDevelopmentToken(identity, { secret: graph.secrets.jwt, issuer: 'test-issuer', audience: 'test-audience' })}`;
    await track('partnerships', {
      ...yearlyReport,
      occurrence: '2027-28',
      audience: { ...yearlyReport.audience, partnershipIds: Object.values(demoIds.partnerships) },
    });
    await settled();
    const query = `{ partnerships(first: 10) { nodes { id whatIsDue(first: 5) { totalCount counts { total } nodes { id owner { partnership { id } } } } } } }`;
    let answer:
      | {
          partnerships: {
            nodes: Array<{
              id: string;
              whatIsDue: {
                totalCount: number;
                counts: { total: number };
                nodes: Array<{ owner: { partnership: { id: string } | null } }>;
              };
            }>;
          };
        }
      | undefined;
    const statements = await graph.countStatements(async () => {
      const result = await graph.query<NonNullable<typeof answer>>(query, {}, { authorization });
      expect(result.errors).toBeUndefined();
      answer = result.data!;
    });
    expect(statements.notifications).toBeLessThanOrEqual(2);
    const byId = new Map(answer!.partnerships.nodes.map((partnership) => [partnership.id, partnership.whatIsDue]));
    expect(byId.get(westSussex)!.totalCount).toBe(3);
    expect(byId.get(eastSussex)!.totalCount).toBe(2);
    expect(byId.get(demoIds.partnerships.brightonAndHove)!.totalCount).toBe(0);
    for (const [id, connection] of byId) {
      expect(connection.counts.total).toBe(connection.totalCount);
      for (const node of connection.nodes) expect(node.owner.partnership?.id).toBe(id);
    }
  });

  it('pages soonest first with a cursor, at most 100 a page', async () => {
    const school = 'seaview-primary-dsl';
    const dues = ['2027-03-01', '2026-12-10', '2027-02-01', '2026-12-10', '2027-01-05', '2026-12-24', '2027-04-01'];
    for (const [index, date] of dues.entries()) {
      await track('schools', {
        ...fileTransfer,
        about: { type: 'ChildProtectionFileTransfer', id: `page-${index}-${randomUUID()}` },
        deadline: { due: date, rule: 'r', provisional: false },
      });
    }
    await settled();
    const seen: DueNode[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: DuePage = await due(school, { first: 3, after });
      expect(page.totalCount).toBe(dues.length + 1);
      seen.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after);
    expect(pages).toBe(3);
    expect(new Set(seen.map((node) => node.id)).size).toBe(dues.length + 1);
    expect(seen.map((node) => node.deadline.due)).toEqual([today, ...dues].sort());
    const tooMany = await graph.query(lightQuery, { first: 101 }, { as: school });
    expect(tooMany.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    const foreignCursor = await graph.query(
      dueQuery,
      { after: Buffer.from('["schools","x"]').toString('base64url') },
      { as: school },
    );
    expect(foreignCursor.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('drops an obligation once met or cancelled, and shows it again when reopened', async () => {
    await meet('escalations', referralDecision, today);
    await cancel('schools', fileTransfer);
    await settled();
    expect(await kindsSeenBy('west-sussex-social-worker')).toEqual([]);
    expect((await due('seaview-primary-dsl')).nodes.map((node) => node.id)).not.toContain([...ours][2]);
    const index = graph.subgraphs.notifications.db.getRepository(IndexedObligation);
    expect((await index.findOneByOrFail({ aboutId: referralDecision.about.id })).status).toBe('MET');
    expect((await index.findOneByOrFail({ aboutId: fileTransfer.about.id })).status).toBe('CANCELLED');

    await open('escalations', { ...referralDecision, deadline: { ...referralDecision.deadline, due: '2026-12-04' } });
    await settled();
    const [reopened] = (await due('west-sussex-social-worker')).nodes;
    expect(reopened).toMatchObject({ kind: 'REFERRAL_DECISION', deadline: { due: '2026-12-04' } });
  });

  it('types each organisation by the kind its owner sent, and by the id alone only for events sent without it', async () => {
    const intake = new EventIntake({ db: graph.subgraphs.notifications.db, now });
    const event = (owner: string, owedTo: string, kinds: Record<string, unknown> | null) => {
      const id = randomUUID();
      ours.add(id);
      return {
        eventId: randomUUID(),
        source: 'escalations',
        type: 'obligation.opened',
        entityType: 'Obligation',
        entityId: id,
        sequence: 1,
        occurredAt: now().toISOString(),
        payload: {
          obligationId: id,
          kind: 'ESCALATION_STAGE',
          about: { type: 'ProfessionalDisagreement', id: randomUUID() },
          occurrence: '',
          owner: { organisationId: owner, partnershipId: null, ...(kinds ? { organisationKind: kinds['owner'] } : {}) },
          owedTo,
          ...(kinds ? { owedToKind: kinds['owedTo'] } : {}),
          deadline: {
            due: '2026-12-20',
            rule: 'the stage timescale',
            basis: 'local escalation policy',
            provisional: false,
          },
          status: 'OPEN',
          metOn: null,
          audience: { ...noOne, nationalRoles: [Role.PANEL_MEMBER] },
        },
      };
    };
    // Six digits, as a URN would be, yet an agency's id, and an agency owed by a school: only the kinds tell.
    const typed = event('123456', 'not-a-urn', { owner: 'AGENCY', owedTo: 'SCHOOL' });
    const untyped = event('654321', 'some-agency-id', null);
    for (const sent of [typed, untyped]) expect(await intake.take(sent)).toBe('taken');
    const result = await graph.query<{
      whatIsDue: {
        nodes: Array<{
          id: string;
          owner: { organisation: { __typename: string; id?: string; urn?: string } };
          owedToOrganisation: { __typename: string; id?: string; urn?: string };
        }>;
      };
    }>(
      `{ whatIsDue(first: 100, filter: { kinds: [ESCALATION_STAGE] }) { nodes { id
        owner { organisation { __typename ... on Agency { id } ... on School { urn } } }
        owedToOrganisation { __typename ... on Agency { id } ... on School { urn } } } } }`,
      {},
      { as: 'panel-member' },
    );
    expect(result.errors).toBeUndefined();
    const byId = new Map((result.data?.whatIsDue.nodes ?? []).map((node) => [node.id, node]));
    expect(byId.get(typed.entityId)).toMatchObject({
      owner: { organisation: { __typename: 'Agency', id: '123456' } },
      owedToOrganisation: { __typename: 'School', urn: 'not-a-urn' },
    });
    expect(byId.get(untyped.entityId)).toMatchObject({
      owner: { organisation: { __typename: 'School', urn: '654321' } },
      owedToOrganisation: { __typename: 'Agency', id: 'some-agency-id' },
    });
  });

  it('takes repeated and out-of-order events without a trace', async () => {
    const before = await snapshot();
    const events = await graph.subgraphs.notifications.db
      .getRepository(ReceivedEvent)
      .find({ order: { position: 'ASC' } });
    const intake = new EventIntake({ db: graph.subgraphs.notifications.db, now });
    // Every event again, newest first: each one is a repeat.
    for (const event of [...events].reverse()) {
      const outcome = await intake.take({
        ...event,
        sequence: Number(event.sequence),
        payload: JSON.parse(event.payload) as Record<string, unknown>,
      });
      expect(outcome).toBe('repeat');
    }
    // An older state of an obligation under a new event id (a second relay's copy) changes nothing either.
    const first = events.find((event) => event.entityId === [...ours][0] && Number(event.sequence) === 1)!;
    expect(
      await intake.take({
        ...first,
        eventId: randomUUID(),
        sequence: 1,
        payload: JSON.parse(first.payload) as Record<string, unknown>,
      }),
    ).toBe('taken');
    expect(await snapshot()).toEqual(before);
  });

  if (bus === 'embedded') {
    it('takes events only as signed posts on its own port, never through the gateway', async () => {
      const url = graph.subgraphs.notifications.url.replace(/\/graphql$/, eventIntakePath);
      const event = JSON.stringify({
        eventId: randomUUID(),
        source: 'escalations',
        type: 'referral.received',
        entityType: 'Referral',
        entityId: 'x',
        sequence: 1,
        occurredAt: now().toISOString(),
        payload: {},
      });
      const post = (headers: Record<string, string>, body = event) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      expect((await post({})).status).toBe(401);
      const timestamp = Date.now();
      expect(
        (
          await post({
            [eventTimestampHeader]: String(timestamp),
            [eventSignatureHeader]: signEventDelivery('not-the-secret-at-all-not-the-secret', timestamp, event),
          })
        ).status,
      ).toBe(401);
      const stale = timestamp - 10 * 60_000;
      expect(
        (
          await post({
            [eventTimestampHeader]: String(stale),
            [eventSignatureHeader]: signEventDelivery(graph.secrets.internal, stale, event),
          })
        ).status,
      ).toBe(401);
      // Signed for one body, sent with another.
      expect(
        (
          await post(
            {
              [eventTimestampHeader]: String(timestamp),
              [eventSignatureHeader]: signEventDelivery(graph.secrets.internal, timestamp, event),
            },
            event.replace('"x"', '"y"'),
          )
        ).status,
      ).toBe(401);
      expect(
        (
          await post({
            [eventTimestampHeader]: String(timestamp),
            [eventSignatureHeader]: signEventDelivery(graph.secrets.internal, timestamp, event),
          })
        ).status,
      ).toBe(204);
      const throughGateway = await fetch(graph.gatewayUrl.replace(/\/graphql$/, eventIntakePath), {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: event,
      });
      expect(throughGateway.status).toBe(404);
      expect(await graph.subgraphs.notifications.db.getRepository(ReceivedEvent).countBy({ entityId: 'x' })).toBe(1);
    });
  }

  it('applies every event once when the service is stopped during a burst and started again', async () => {
    const refs: ObligationRef[] = Array.from({ length: 12 }, (_, index) => ({
      kind: 'REVIEW_ACTION',
      about: { type: 'ReviewAction', id: `burst-${index}-${randomUUID()}` },
    }));
    const burst = (async () => {
      for (let round = 0; round < 3; round += 1) {
        for (const [index, ref] of refs.entries()) {
          const subgraph: SubgraphName = index % 2 === 0 ? 'reviews' : 'escalations';
          if (round === 2 && index % 3 === 0) await meet(subgraph, ref, today);
          else
            await open(subgraph, {
              ...publication,
              ...ref,
              deadline: { due: `2027-0${round + 1}-1${index % 10}`, rule: `round ${round}`, provisional: false },
            });
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 60));
    const outboxSize = async () =>
      (await Promise.all(domains.map((name) => graph.subgraphs[name].db.getRepository(OutboxEvent).count()))).reduce(
        (a, b) => a + b,
        0,
      );
    await graph.stopSubgraph('notifications');
    const atStop = await outboxSize();
    await new Promise((resolve) => setTimeout(resolve, 400));
    // The burst went on while the service was down: those events were waiting when it came back.
    expect(await outboxSize()).toBeGreaterThan(atStop);
    await graph.startSubgraph('notifications');
    await burst;
    await settled(90_000);

    const received = await graph.subgraphs.notifications.db.getRepository(ReceivedEvent).find();
    expect(new Set(received.map((event) => event.eventId)).size).toBe(received.length);
    const index = graph.subgraphs.notifications.db.getRepository(IndexedObligation);
    for (const [i, ref] of refs.entries()) {
      const subgraph: SubgraphName = i % 2 === 0 ? 'reviews' : 'escalations';
      const outbox = await graph.subgraphs[subgraph].db
        .getRepository(OutboxEvent)
        .find({ where: { entityType: 'Obligation' }, order: { sequence: 'DESC' } });
      const row = await index.findOneByOrFail({ aboutId: ref.about.id });
      const latest = outbox.find((event) => event.entityId === row.id)!;
      expect(Number(row.sequence)).toBe(Number(latest.sequence));
      expect(row.status).toBe(i % 3 === 0 ? 'MET' : 'OPEN');
      expect(row.rule).toBe('round ' + (i % 3 === 0 ? 1 : 2));
    }
  });

  it('answers whatIsDue in the same number of statements whatever the number of obligations', async () => {
    const count = async () =>
      (
        await graph.countStatements(() =>
          graph.query(lightQuery, { first: 100 }, { as: 'west-sussex-business-manager' }),
        )
      ).notifications;
    const few = await count();
    for (let index = 0; index < 30; index += 1) {
      await track('reviews', {
        ...publication,
        kind: 'REVIEW_ACTION',
        about: { type: 'ReviewAction', id: `many-${index}-${randomUUID()}` },
        deadline: { due: '2027-02-01', rule: 'r', provisional: false },
      });
    }
    await settled();
    const page = await graph.query<{ whatIsDue: DuePage }>(
      lightQuery,
      { first: 100 },
      { as: 'west-sussex-business-manager' },
    );
    expect(page.data!.whatIsDue.nodes.length).toBeGreaterThan(30);
    expect(await count()).toBe(few);
    expect(few).toBeLessThanOrEqual(2);
  });

  async function snapshot() {
    const db = graph.subgraphs.notifications.db;
    const rows = await db.getRepository(IndexedObligation).find({ order: { id: 'ASC' } });
    const audience = await db.query(
      'SELECT obligationId, clause, value FROM obligation_audience ORDER BY obligationId, clause, value',
    );
    return {
      rows: rows.map((row) => ({ ...row, sequence: Number(row.sequence), provisional: Boolean(row.provisional) })),
      audience,
    };
  }
});

describe('deadlinePreview', () => {
  let graph: TestGraph;
  beforeAll(async () => {
    graph = await startGraph({ now, demoData: false });
  });
  afterAll(async () => {
    await graph?.stop();
  });
  const query = `query ($kind: ObligationKind!, $from: Date!) { deadlinePreview(kind: $kind, from: $from) { kind from localSetting deadline { due rule basis provisional status } } }`;

  it('gives what the registered clock gives, counting bank holidays', async () => {
    const kind: ObligationKind = 'REFERRAL_ACKNOWLEDGEMENT';
    const previous = clockRules[kind];
    const rule: ClockRule = {
      kind,
      basis: 'Working Together to Safeguard Children 2023, chapter 1',
      compute: (from, calendar) => calendar.addWorkingDays(from, 1),
    };
    clockRules[kind] = rule;
    try {
      // Thursday 24 December 2026: Christmas Day and Boxing Day (a Saturday, so Monday 28th is the holiday) pass.
      const result = await graph.query<{ deadlinePreview: Record<string, unknown> }>(query, {
        kind,
        from: '2026-12-24',
      });
      expect(result.errors).toBeUndefined();
      expect(result.data!.deadlinePreview).toEqual({
        kind,
        from: '2026-12-24',
        localSetting: null,
        deadline: { ...expectedDeadline(rule, '2026-12-24'), basis: rule.basis, status: 'PENDING' },
      });
      expect((result.data!.deadlinePreview['deadline'] as { due: string }).due).toBe('2026-12-29');
    } finally {
      if (previous) clockRules[kind] = previous;
      else delete clockRules[kind];
    }
  });

  it('refuses a kind with no clock, naming the field', async () => {
    const kind = obligationKinds.find((candidate) => !clockRules[candidate]) ?? 'NATIONAL_ESCALATION';
    const previous = clockRules[kind];
    delete clockRules[kind];
    try {
      const result = await graph.query(query, { kind, from: today });
      expect(result.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'kind',
        reason: 'NO_CLOCK_RULE',
      });
      expect(result.errors?.[0]?.message).toContain(kind);
    } finally {
      if (previous) clockRules[kind] = previous;
    }
  });
});

function expectedDeadline(rule: ClockRule, from: string): { due: string; rule: string; provisional: boolean } {
  // The same calendar the subgraphs load: the reference data's bank holidays.
  const calendar = WorkingDayCalendar.fromFile(
    path.join(defaultReferenceDataDir, 'bank-holidays-england-and-wales.json'),
  );
  const deadline = rule.compute(from, calendar);
  return { due: deadline.due, rule: deadline.rule, provisional: deadline.provisional };
}
