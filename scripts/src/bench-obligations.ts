import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import mysql from 'mysql2/promise';
import {
  createLogger,
  defaultReferenceDataDir,
  newId,
  openDatabase,
  resolveDatabaseTarget,
  StatementCounter,
  subgraphEntities,
  WorkingDayCalendar,
  type DatabaseTarget,
} from '@safeguarding/shared';
import {
  IndexedObligation,
  ObligationAudienceEntry,
  ReminderScheduler,
  WebhookEndpoint,
  notificationsSubgraph,
} from '@safeguarding/notifications';
import { required } from './bench-support';

/**
 * `npm run bench:obligations`: one reminder pass of the notifications service over 100,000 open
 * obligations (OBLIGATIONS), a quarter long overdue, a quarter due today, a quarter due soon and a
 * quarter not yet near, owed by 2,000 organisations of which half have a webhook endpoint. Run on
 * the embedded database and on MySQL (DATABASE_URL, default mysql://root@127.0.0.1:3306, database
 * `bench_obl_notifications`, dropped first). Prints obligations per second and peak memory, and
 * exits 1 when a pass takes 10 s or more (issue 21's target).
 */
const count = Number(process.env['OBLIGATIONS'] ?? 100_000);
const targetSeconds = 10;
const organisations = 2000;
const today = '2026-12-02';
const calendar = WorkingDayCalendar.fromFile(
  path.join(defaultReferenceDataDir, 'bank-holidays-england-and-wales.json'),
);
const logger = createLogger('bench', 'silent');

/** What a pass over the seeded rows must queue, counted from the data rather than from the pass. */
interface Expected {
  reminders: number;
  deliveries: number;
}

async function seed(target: DatabaseTarget): Promise<{ db: import('typeorm').DataSource; expected: Expected }> {
  const db = await openDatabase(target, {
    entities: subgraphEntities(notificationsSubgraph),
    migrations: notificationsSubgraph.migrations,
    logger,
    statements: new StatementCounter(),
  });
  const dues = [
    calendar.addWorkingDays('2026-11-02', 0).due,
    today,
    calendar.addWorkingDays(today, 1).due,
    '2027-06-30',
  ];
  const owners = Array.from({ length: organisations }, () => newId());
  // Half the owners have an endpoint (below); each crossed threshold is one reminder, and one delivery
  // where its owner has an endpoint. The long-overdue quarter has crossed two (overdue, still overdue).
  const withEndpoint = new Set(owners.slice(0, organisations / 2));
  const expected: Expected = { reminders: 0, deliveries: 0 };
  const rows: IndexedObligation[] = [];
  const audience: ObligationAudienceEntry[] = [];
  for (let i = 0; i < count; i++) {
    const id = newId();
    const owner = required(owners[i % organisations], 'owners[i % organisations]');
    const crossed = [2, 1, 1, 0][i % 4] ?? 0;
    expected.reminders += crossed;
    if (withEndpoint.has(owner)) expected.deliveries += crossed;
    rows.push(
      Object.assign(new IndexedObligation(), {
        id,
        source: 'escalations',
        kind: 'REFERRAL_DECISION',
        aboutType: 'Referral',
        aboutId: newId(),
        occurrence: '',
        ownerOrganisationId: owner,
        ownerPartnershipId: null,
        owedTo: 'REFERRER',
        due: required(dues[i % 4], 'dues[i % 4]'),
        rule: '1 working day after the referral',
        basis: 'Working Together to Safeguard Children 2023',
        provisional: false,
        status: 'OPEN',
        metOn: null,
        // As the intake decides it from the audience below.
        ownerOrganisationAdmitted: true,
        ownerPartnershipAdmitted: false,
        sequence: 1,
        changedAt: new Date().toISOString(),
      }),
    );
    audience.push(
      ObligationAudienceEntry.of(id, 'ORGANISATION', owner),
      ObligationAudienceEntry.of(id, 'ORGANISATION_ROLE', '*'),
    );
  }
  for (let start = 0; start < rows.length; start += 500) {
    await db
      .createQueryBuilder()
      .insert()
      .into(IndexedObligation)
      .values(rows.slice(start, start + 500))
      .execute();
  }
  for (let start = 0; start < audience.length; start += 500) {
    await db
      .createQueryBuilder()
      .insert()
      .into(ObligationAudienceEntry)
      .values(audience.slice(start, start + 500))
      .execute();
  }
  const endpoints = owners.slice(0, organisations / 2).map((organisationId) =>
    Object.assign(new WebhookEndpoint(), {
      id: newId(),
      organisationId,
      organisationKind: 'LOCAL_AUTHORITY',
      partnershipId: null,
      url: 'https://receiver.example/hook',
      description: null,
      eventTypes: '[]',
      secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      status: 'ACTIVE',
      consecutiveFailures: 0,
      disabledReason: null,
      disabledAt: null,
      createdBy: 'bench',
      createdAt: new Date().toISOString(),
    }),
  );
  for (let start = 0; start < endpoints.length; start += 200) {
    await db
      .createQueryBuilder()
      .insert()
      .into(WebhookEndpoint)
      .values(endpoints.slice(start, start + 200))
      .execute();
  }
  return { db, expected };
}

async function measure(label: string, target: DatabaseTarget): Promise<boolean> {
  const { db, expected } = await seed(target);
  try {
    let peak = process.memoryUsage().rss;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const scheduler = new ReminderScheduler(
      db,
      calendar,
      { dueSoonWorkingDays: 2, dueSoonByKind: {}, stillOverdueWorkingDays: 5 },
      { now: () => new Date(`${today}T09:00:00Z`), intervalMs: 60_000, logger },
    );
    const started = process.hrtime.bigint();
    const pass = await scheduler.pass();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    clearInterval(sampler);
    const counted = pass.reminders === expected.reminders && pass.deliveries === expected.deliveries;
    if (!counted)
      console.log(
        `${label}: WRONG COUNTS, expected ${expected.reminders} reminders and ${expected.deliveries} deliveries`,
      );
    const ok = seconds < targetSeconds && counted;
    console.log(
      `${label}: ${count} open obligations, ${pass.reminders} reminders, ${pass.deliveries} deliveries queued in ${seconds.toFixed(2)} s ` +
        `(${Math.round(count / seconds)} obligations/s), peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB: ${ok ? 'met' : 'MISSED'} (< ${targetSeconds} s)`,
    );
    return ok;
  } finally {
    await db.destroy();
  }
}

async function main(): Promise<void> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-obligations-'));
  const results: boolean[] = [];
  try {
    results.push(
      await measure('embedded (SQLite)', { kind: 'sqlite', file: path.join(directory, 'notifications.sqlite') }),
    );
  } finally {
    fs.rmSync(directory, { recursive: true, force: true });
  }
  const databaseUrl = process.env['DATABASE_URL'] ?? 'mysql://root@127.0.0.1:3306';
  const target = resolveDatabaseTarget('notifications', {
    DATABASE_URL: databaseUrl,
    DATABASE_NAME_PREFIX: 'bench_obl_',
    DATA_DIR: '',
  });
  if (target.kind !== 'mysql') throw new Error('DATABASE_URL must be a mysql:// URL');
  const admin = await mysql.createConnection({
    host: target.host,
    port: target.port,
    user: target.user,
    password: target.password,
  });
  await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
  try {
    results.push(await measure('MySQL', target));
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${target.database}\``);
    await admin.end();
  }
  process.exitCode = results.every(Boolean) ? 0 : 1;
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
