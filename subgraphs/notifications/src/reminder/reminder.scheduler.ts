import type { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import {
  inTransaction,
  inBackground,
  todayInLondon,
  type IsoDate,
  type Logger,
  type ObligationKind,
  type WorkingDayCalendar,
} from '@safeguarding/shared';
import { IndexedObligation } from '../obligation-index/indexed-obligation.entity';
import { WebhookEndpoint } from '../webhook/webhook-endpoint.entity';
import { insertIgnoring } from '../bulk-insert';
import { deliveryRows, insertDeliveries, type QueuedDelivery } from '../webhook/webhook-fanout';
import { eventTypeOf, recipientsOf, reminderStages, type ReminderStage } from './reminder.transitions';
import { SchedulerLease } from './scheduler-lease.entity';
import { SentReminder } from './sent-reminder.entity';

export interface ReminderSchedule {
  /** Working days before the due date that "due soon" is sent (0: never), and per kind where set. */
  readonly dueSoonWorkingDays: number;
  readonly dueSoonByKind: Partial<Record<ObligationKind, number>>;
  /** Working days after the due date that "still overdue" is sent. */
  readonly stillOverdueWorkingDays: number;
}

export interface ReminderPass {
  /** False when another replica held the job: this pass did nothing. */
  readonly ran: boolean;
  readonly reminders: number;
  readonly deliveries: number;
}

const job = 'reminders';
/** Rows a pass handles per round of statements: bounded memory per round, few round trips. */
const bigChunk = 5000;
const sentReminderTable = 'sent_reminder';

const crossedColumns = [
  'id',
  'kind',
  'aboutType',
  'aboutId',
  'ownerOrganisationId',
  'ownerPartnershipId',
  'owedTo',
  'due',
  'rule',
  'basis',
  'provisional',
  'status',
  'metOn',
  'ownerOrganisationAdmitted',
  'ownerPartnershipAdmitted',
] as const satisfies ReadonlyArray<keyof IndexedObligation>;
type CrossedObligation = Pick<IndexedObligation, (typeof crossedColumns)[number]>;

/**
 * Finds every open obligation that has crossed a reminder threshold since the last pass, records
 * each reminder once, and queues its deliveries, in one transaction holding the job's row. The work
 * is a few set-based statements per stage whatever the number of obligations; nothing is kept in
 * memory between passes, so a restart simply runs the next pass.
 */
export class ReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private stopped = true;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: DataSource,
    private readonly calendar: WorkingDayCalendar,
    private readonly schedule: ReminderSchedule,
    private readonly options: { readonly now: () => Date; readonly intervalMs: number; readonly logger: Logger },
  ) {}

  start(): void {
    this.stopped = false;
    // Its own function, so that `stopped` is read afresh: stop() may have come while a pass ran.
    const next = () => {
      if (!this.stopped) this.timer = setTimeout(() => void tick(), this.options.intervalMs).unref();
    };
    const tick = async () => {
      if (this.stopped) return;
      this.running = this.pass().catch((error: unknown) =>
        this.options.logger.warn({ err: error }, 'reminder pass failed'),
      );
      await this.running;
      next();
    };
    this.timer = setTimeout(() => void tick(), 0).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running;
  }

  pass(): Promise<ReminderPass> {
    return inBackground(() => this.passNow());
  }

  private async passNow(): Promise<ReminderPass> {
    const now = this.options.now();
    const today = todayInLondon(now);
    await this.db
      .createQueryBuilder()
      .insert()
      .into(SchedulerLease)
      .values({ job, lastRunAt: null, lastRunReminders: 0 })
      .orIgnore()
      .execute();
    return inTransaction(this.db, async (manager) => {
      let claim = manager.getRepository(SchedulerLease).createQueryBuilder('lease').where('lease.job = :job', { job });
      if (this.db.options.type !== 'better-sqlite3')
        claim = claim.setLock('pessimistic_write').setOnLocked('skip_locked');
      const lease = await claim.getOne();
      if (!lease) return { ran: false, reminders: 0, deliveries: 0 };
      const endpoints = await this.activeEndpoints(manager);
      let reminders = 0;
      let deliveries = 0;
      const crossed = await this.crossedRows(manager, today);
      // The latest stage first, so an obligation that crossed two thresholds since the last pass
      // is told the later news first.
      for (const stage of [...reminderStages].reverse()) {
        const due = crossed.get(stage) ?? [];
        for (let start = 0; start < due.length; start += bigChunk) {
          const batch = due.slice(start, start + bigChunk);
          await insertIgnoring(
            manager,
            sentReminderTable,
            ['obligationId', 'stage', 'due', 'sentOn'],
            // In key order: the table's B-tree takes them in sequence rather than at random.
            batch
              .map((row) => ({ obligationId: row.id, stage, due: row.due, sentOn: today }))
              .sort((a, b) => (a.obligationId < b.obligationId ? -1 : 1)),
          );
          deliveries += await this.queue(manager, stage, batch, endpoints, now, today);
        }
        reminders += due.length;
      }
      lease.lastRunAt = now.toISOString();
      lease.lastRunReminders = reminders;
      await manager.save(lease);
      return { ran: true, reminders, deliveries };
    });
  }

  /**
   * Every open obligation past a threshold whose reminder for it has not been sent, by stage, in one
   * statement: each row is read once for all four stages (its due date says which apply: due soon,
   * due today, or overdue and perhaps still overdue), as plain rows, since building entities for up to
   * every open obligation cost more than reading them.
   */
  private async crossedRows(manager: EntityManager, today: IsoDate): Promise<Map<ReminderStage, CrossedObligation[]>> {
    const longAgo = workingDaysBefore(this.calendar, today, this.schedule.stillOverdueWorkingDays);
    // The one stage a due date puts an obligation in, besides "still overdue".
    const mainStage = `(CASE WHEN obligation.due > :today THEN 'DUE_SOON' WHEN obligation.due = :today THEN 'DUE_TODAY' ELSE 'OVERDUE' END)`;
    // Each reminder already sent found by one primary-key lookup per row (left joins), where EXISTS in both
    // the filter and the selected flags made the database look twice.
    const stillWanted = `(obligation.due <= :longAgo AND sentStill.obligationId IS NULL)`;
    const query = manager
      .getRepository(IndexedObligation)
      .createQueryBuilder('obligation')
      .select([])
      .leftJoin(
        SentReminder,
        'sentMain',
        `sentMain.obligationId = obligation.id AND sentMain.stage = ${mainStage} AND sentMain.due = obligation.due`,
      )
      .leftJoin(
        SentReminder,
        'sentStill',
        `sentStill.obligationId = obligation.id AND sentStill.stage = 'STILL_OVERDUE' AND sentStill.due = obligation.due`,
      )
      .where('obligation.status = :open', { open: 'OPEN' })
      .setParameters({ today, longAgo });
    query
      .andWhere(`(obligation.due <= :today OR ${this.dueSoon(query, today)})`)
      .andWhere(`(sentMain.obligationId IS NULL OR ${stillWanted})`);
    for (const column of crossedColumns) query.addSelect(`obligation.${column}`, column);
    query
      .addSelect(`CASE WHEN sentMain.obligationId IS NULL THEN 0 ELSE 1 END`, 'mainSent')
      .addSelect(`CASE WHEN ${stillWanted} THEN 1 ELSE 0 END`, 'stillWanted');
    const raw = await query.getRawMany<Record<keyof CrossedObligation | 'mainSent' | 'stillWanted', unknown>>();
    const byStage = new Map<ReminderStage, CrossedObligation[]>(reminderStages.map((stage) => [stage, []]));
    for (const row of raw) {
      const obligation: CrossedObligation = {
        ...(row as unknown as CrossedObligation),
        provisional: Boolean(Number(row.provisional)),
        ownerOrganisationAdmitted: Number(row.ownerOrganisationAdmitted) === 1,
        ownerPartnershipAdmitted: Number(row.ownerPartnershipAdmitted) === 1,
      };
      if (Number(row.mainSent) !== 1) {
        const stage = obligation.due > today ? 'DUE_SOON' : obligation.due === today ? 'DUE_TODAY' : 'OVERDUE';
        byStage.get(stage)?.push(obligation);
      }
      if (Number(row.stillWanted) === 1) byStage.get('STILL_OVERDUE')?.push(obligation);
    }
    return byStage;
  }

  /** Due after today but within the due-soon window of its kind (configurable per kind). */
  private dueSoon(query: SelectQueryBuilder<IndexedObligation>, today: IsoDate): string {
    const overridden = Object.entries(this.schedule.dueSoonByKind) as Array<[ObligationKind, number]>;
    const clauses = overridden.map(([kind, days], i) => {
      query.setParameter(`kind${i}`, kind).setParameter(`soon${i}`, this.calendar.addWorkingDays(today, days).due);
      return `(obligation.kind = :kind${i} AND obligation.due <= :soon${i})`;
    });
    query.setParameter('soon', this.calendar.addWorkingDays(today, this.schedule.dueSoonWorkingDays).due);
    if (overridden.length > 0)
      query.setParameter(
        'overriddenKinds',
        overridden.map(([kind]) => kind),
      );
    const others =
      overridden.length > 0
        ? `(obligation.kind NOT IN (:...overriddenKinds) AND obligation.due <= :soon)`
        : 'obligation.due <= :soon';
    return `(obligation.due > :today AND (${[...clauses, others].join(' OR ')}))`;
  }

  private async activeEndpoints(
    manager: EntityManager,
  ): Promise<{ byOrganisation: Map<string, WebhookEndpoint[]>; byPartnership: Map<string, WebhookEndpoint[]> }> {
    const all = await manager.getRepository(WebhookEndpoint).findBy({ status: 'ACTIVE' });
    const byOrganisation = new Map<string, WebhookEndpoint[]>();
    const byPartnership = new Map<string, WebhookEndpoint[]>();
    for (const endpoint of all) {
      const [map, key] = endpoint.partnershipId
        ? [byPartnership, endpoint.partnershipId]
        : [byOrganisation, endpoint.organisationId];
      if (key) map.set(key, [...(map.get(key) ?? []), endpoint]);
    }
    return { byOrganisation, byPartnership };
  }

  /** Queues each reminder to the recipients' endpoints that the obligation's audience admits. */
  private async queue(
    manager: EntityManager,
    stage: ReminderStage,
    batch: readonly CrossedObligation[],
    endpoints: { byOrganisation: Map<string, WebhookEndpoint[]>; byPartnership: Map<string, WebhookEndpoint[]> },
    now: Date,
    today: IsoDate,
  ): Promise<number> {
    const wanted = batch.flatMap((row) => {
      const to = recipientsOf(stage, {
        organisationId: row.ownerOrganisationId,
        partnershipId: row.ownerPartnershipId,
      });
      const organisation = to.organisationId ? (endpoints.byOrganisation.get(to.organisationId) ?? []) : [];
      const partnership = to.partnershipId ? (endpoints.byPartnership.get(to.partnershipId) ?? []) : [];
      return organisation.length + partnership.length > 0 ? [{ row, organisation, partnership }] : [];
    });
    if (wanted.length === 0) return 0;
    // Multi-row inserts for the whole batch, not one statement per obligation.
    const rows: QueuedDelivery[] = [];
    for (const { row, organisation, partnership } of wanted) {
      // Recipients are always among the owners, so the audience need only name them.
      const to = [
        ...(row.ownerOrganisationAdmitted ? organisation : []),
        ...(row.ownerPartnershipAdmitted ? partnership : []),
      ];
      if (to.length === 0) continue;
      rows.push(
        ...deliveryRows(
          to,
          `reminder:${row.id}:${stage}:${row.due}`,
          {
            type: eventTypeOf(stage),
            timestamp: now.toISOString(),
            data: {
              stage,
              today,
              obligation: {
                id: row.id,
                kind: row.kind,
                about: { type: row.aboutType, id: row.aboutId },
                owner: { organisationId: row.ownerOrganisationId, partnershipId: row.ownerPartnershipId },
                owedTo: row.owedTo,
                deadline: { due: row.due, rule: row.rule, basis: row.basis, provisional: Boolean(row.provisional) },
                status: row.status,
                metOn: row.metOn,
              },
            },
          },
          now,
        ),
      );
    }
    // In key order, as the sent reminders: 50,000 random ids cost MySQL's B-tree more than sorted ones.
    await insertDeliveries(
      manager,
      rows.sort((a, b) => (a.id < b.id ? -1 : 1)),
    );
    return rows.length;
  }
}

/** The latest date that is at least `n` working days before `today`. */
export function workingDaysBefore(calendar: WorkingDayCalendar, today: IsoDate, n: number): IsoDate {
  let day = new Date(`${today}T00:00:00Z`);
  for (;;) {
    const candidate = day.toISOString().slice(0, 10);
    if (calendar.workingDaysBetween(candidate, today) >= n) return candidate;
    day = new Date(day.getTime() - 86_400_000);
  }
}
