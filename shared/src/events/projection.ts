import { In, type EntityManager, type EntityTarget, type FindOptionsWhere, type ObjectLiteral } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import type { z } from 'zod';
import type { SubgraphRuntime } from '../context';
import type { EventHandler } from './event-bus';
import type { DomainEvent } from './outbox';
import { inTransaction } from '../database';

/**
 * A consumer's copy of another service's register, kept from that service's events. Each event
 * states the whole entry and carries its sequence, so a consumer keeps the newest per id: a repeat
 * or a late older event changes nothing (at least once is enough), and a snapshot at start is as
 * good as the history.
 */

/** The event intake answers 400 to this name: the relay's retry would bring the same bytes. */
export class MalformedEventError extends Error {
  override name = 'MalformedEventError';
}

export interface EntryEventSpec<Schema extends z.ZodType> {
  readonly source: string;
  readonly entityType: string;
  readonly eventTypes: readonly string[];
  readonly payload: Schema;
  /** The id the entry states, which must be the event's entityId. */
  readonly idOf: (entry: z.infer<Schema>) => string;
  /** Ends the malformed event's message: "… does not state <what>". */
  readonly what: string;
}

/** Reads the entry an event states: null for any other event; throws on one of its types that does not parse. */
export function entryEventParser<Schema extends z.ZodType>(
  spec: EntryEventSpec<Schema>,
): (event: DomainEvent) => z.infer<Schema> | null {
  return (event) => {
    if (event.source !== spec.source || event.entityType !== spec.entityType) return null;
    if (!spec.eventTypes.includes(event.type)) return null;
    const parsed = spec.payload.safeParse(event.payload);
    if (!parsed.success || spec.idOf(parsed.data) !== event.entityId)
      throw new MalformedEventError(`${event.type} ${event.eventId} does not state ${spec.what}`);
    return parsed.data;
  };
}

/** A projection row: one per id, stamped with the sequence of the event it was last written from. */
export interface ProjectedRow extends ObjectLiteral {
  sequence: number;
}

/**
 * The rows of one projection table keyed by a single id column, read and written through the
 * caller's transaction.
 */
export class LatestSequenceProjection<Row extends ProjectedRow, Key extends keyof Row & string> {
  constructor(
    protected readonly manager: EntityManager,
    private readonly target: EntityTarget<Row>,
    private readonly key: Key,
  ) {}

  /** The rows of these ids, in one statement; an id with none has had no event. */
  async entriesOf(ids: readonly string[]): Promise<Map<string, Row>> {
    if (ids.length === 0) return new Map();
    const rows = await this.manager.find(this.target, {
      where: { [this.key]: In([...new Set(ids)]) } as FindOptionsWhere<Row>,
    });
    return new Map(rows.map((row) => [String(row[this.key]), row]));
  }

  /**
   * Writes the row unless one from a later (or the same) sequence is already kept; whether it did.
   * The read locks the row on MySQL so two replicas taking events of one id write one after the
   * other (SQLite's write transaction holds the database already); a first insert racing another
   * replica's fails on the key and the event comes again.
   */
  async apply(id: string, fields: Omit<Row, Key | 'sequence'>, sequence: number): Promise<boolean> {
    const where = { [this.key]: id } as FindOptionsWhere<Row>;
    const lock =
      this.manager.dataSource.options.type === 'better-sqlite3' ? {} : { lock: { mode: 'pessimistic_write' as const } };
    const kept = await this.manager.findOne(this.target, { where, ...lock });
    if (kept && kept.sequence >= sequence) return false;
    const values = { ...fields, sequence } as QueryDeepPartialEntity<Row>;
    if (kept) await this.manager.update(this.target, where, values);
    else await this.manager.insert(this.target, { ...values, [this.key]: id });
    return true;
  }
}

/**
 * Takes every event on the bus and applies the entries `parse` finds, each in its own
 * transaction. `logged` says what of an applied entry the debug line may carry.
 */
export function projectionIntake<Entry>(
  runtime: Pick<SubgraphRuntime, 'db' | 'logger'>,
  parse: (event: DomainEvent) => Entry | null,
  apply: (manager: EntityManager, entry: Entry, sequence: number) => Promise<boolean>,
  logged: { readonly message: string; readonly fields?: (entry: Entry) => Record<string, string> },
): EventHandler {
  return async (event) => {
    const entry = parse(event);
    if (entry === null) return;
    const applied = await inTransaction(runtime.db, (manager) => apply(manager, entry, event.sequence));
    if (applied) runtime.logger.debug({ ...logged.fields?.(entry), sequence: event.sequence }, logged.message);
  };
}
