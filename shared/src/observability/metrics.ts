import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * One service's Prometheus figures, in a registry of its own: the test graph runs five subgraphs in
 * one process, and each must show only its own requests. Every label takes values from a bounded
 * set (an operation name a client chose is capped, see `operationLabel`), so no caller can grow the
 * scrape without limit.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  readonly requests: Counter<'operation' | 'operation_type' | 'status'>;
  readonly requestDuration: Histogram<'operation' | 'operation_type'>;
  readonly errors: Counter<'operation' | 'code'>;
  readonly statements: Counter<'verb' | 'table'>;
  readonly statementDuration: Histogram<'verb'>;
  readonly statementErrors: Counter<'verb'>;
  readonly outboxPublished: Counter;
  readonly outboxRelayFailures: Counter;
  private readonly operations = new Set<string>();

  constructor(
    readonly service: string,
    private readonly maxOperations = 300,
  ) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.requests = new Counter({
      name: 'safeguarding_graphql_requests_total',
      help: 'GraphQL requests answered, by client operation, operation type and HTTP status',
      labelNames: ['operation', 'operation_type', 'status'],
      registers,
    });
    this.requestDuration = new Histogram({
      name: 'safeguarding_graphql_request_duration_seconds',
      help: 'Time from receiving a GraphQL request to the end of its answer',
      labelNames: ['operation', 'operation_type'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.errors = new Counter({
      name: 'safeguarding_graphql_errors_total',
      help: 'GraphQL errors answered, by client operation and stable error code (extensions.code)',
      labelNames: ['operation', 'code'],
      registers,
    });
    this.statements = new Counter({
      name: 'safeguarding_sql_statements_total',
      help: 'SQL statements sent to the database, by verb and table',
      labelNames: ['verb', 'table'],
      registers,
    });
    this.statementDuration = new Histogram({
      name: 'safeguarding_sql_statement_duration_seconds',
      help: 'Time a SQL statement took, from sending to its result',
      labelNames: ['verb'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers,
    });
    this.statementErrors = new Counter({
      name: 'safeguarding_sql_errors_total',
      help: 'SQL statements the database refused or that failed, by verb',
      labelNames: ['verb'],
      registers,
    });
    this.outboxPublished = new Counter({
      name: 'safeguarding_outbox_published_events_total',
      help: 'Outbox events this process has published to the event bus',
      registers,
    });
    this.outboxRelayFailures = new Counter({
      name: 'safeguarding_outbox_relay_failures_total',
      help: 'Outbox relay passes that stopped on an error (the bus refused an event, or the pass failed); retried',
      registers,
    });
  }

  /**
   * The label for a client's operation name: the name when it is a plain GraphQL name, `anonymous`
   * without one; once `maxOperations` names are known, any new one is `other`.
   */
  operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,99}$/.test(name)) return 'invalid';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= this.maxOperations) return 'other';
    this.operations.add(name);
    return name;
  }

  /** A gauge read at scrape time (pool use, outbox backlog), in this registry. */
  gauge<L extends string>(
    name: string,
    help: string,
    labelNames: readonly L[],
    collect: (gauge: Gauge<L>) => Promise<void> | void,
  ): Gauge<L> {
    return new Gauge<L>({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        await collect(this);
      },
    });
  }

  /** A counter of this registry, for a process's figures beyond the ones every service has (the gateway's fetches). */
  counter<L extends string>(name: string, help: string, labelNames: readonly L[]): Counter<L> {
    return new Counter<L>({ name, help, labelNames, registers: [this.registry] });
  }

  /** A histogram of this registry, in seconds. */
  histogram<L extends string>(name: string, help: string, labelNames: readonly L[], buckets: number[]): Histogram<L> {
    return new Histogram<L>({ name, help, labelNames, buckets, registers: [this.registry] });
  }

  /** The relay's hooks, for whoever runs this service's OutboxRelay. */
  get outbox(): OutboxRelayMetrics {
    return {
      published: (count) => this.outboxPublished.inc(count),
      failed: () => this.outboxRelayFailures.inc(),
    };
  }

  exposition(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** What an outbox relay reports as it works. */
export interface OutboxRelayMetrics {
  published(count: number): void;
  failed(): void;
}
