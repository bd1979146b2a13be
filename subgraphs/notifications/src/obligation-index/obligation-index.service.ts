import { z } from 'zod';
import {
  boundedList,
  decodeCursor,
  DeadlineView,
  pageOf,
  pageSize,
  partnershipStaffRoles,
  obligationKinds,
  obligationRecipients,
  validateInput,
  type ObligationKind,
  type SubgraphContext,
} from '@safeguarding/shared';
import { PartnershipReference } from '../external/partnership.type';
import { organisationOf, subjectOf } from '../external/subjects';
import type { IndexedObligation } from './indexed-obligation.entity';
import { ObligationIndexRepository, type DueAggregate, type DueQuery } from './obligation-index.repository';
import {
  DueCounts,
  Obligation,
  ObligationConnection,
  ObligationOwner,
  ObligationPageInfo,
  OpenDeadlineStatus,
  type WhatIsDueArgs,
} from './obligation.type';

const cursorList = 'whatIsDue';

/** Each kind or status named at most once: a longer list repeats one and is refused. */
const filterSchema = z.object({
  kinds: boundedList(obligationKinds.length, 'kinds', z.array(z.enum(obligationKinds))).nullish(),
  statuses: boundedList(
    Object.keys(OpenDeadlineStatus).length,
    'statuses',
    z.array(z.enum(OpenDeadlineStatus)),
  ).nullish(),
});

/**
 * "What is due" across every service, from the index the obligation events built: the caller sees
 * what the owning subgraph's audience admits, nothing more. The index holds no personal data, so
 * reading it is not audited here; following `about` to a case record is, by the record's owner.
 */
export class ObligationIndexService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** Everything open the caller may see, narrowed by the filter. */
  whatIsDue(args: WhatIsDueArgs): Promise<ObligationConnection> {
    return this.connection(args, null);
  }

  /**
   * A partnership's duties, for its staff (business manager, safeguarding partners, scrutineer).
   * Batched across the partnerships of one request that share the arguments.
   */
  async ofPartnership(partnershipId: string, args: WhatIsDueArgs): Promise<ObligationConnection> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipStaffRoles);
    const first = pageSize(args.first);
    const after = this.cursor(args);
    const query = this.query(args, null);
    const key = JSON.stringify([args.filter ?? null, first, args.after ?? null]);
    const pages = this.ctx.loaders.get<string, IndexedObligation[]>(`Partnership.whatIsDue:${key}`, async (ids) => {
      const byPartnership = await this.repository().pagesByPartnership(query, ids, first, after);
      return ids.map((id) => byPartnership.get(id) ?? []);
    });
    const aggregates = this.ctx.loaders.get<string, DueAggregate>(
      `Partnership.whatIsDue.counts:${key}`,
      async (ids) => {
        const byPartnership = await this.repository().aggregateByPartnership(query, ids);
        return ids.map((id) => byPartnership.get(id) ?? { pending: 0, dueToday: 0, overdue: 0 });
      },
    );
    return this.connectionOf(await pages.load(partnershipId), first, query, () => aggregates.load(partnershipId));
  }

  async byIds(ids: readonly string[]): Promise<Array<Obligation | null>> {
    const rows = await this.repository().byIds(ids);
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => {
      const row = byId.get(id);
      return row ? toObligation(row, this.ctx.today) : null;
    });
  }

  private async connection(args: WhatIsDueArgs, partnershipId: string | null): Promise<ObligationConnection> {
    this.ctx.scope.requireIdentity();
    const first = pageSize(args.first);
    const after = this.cursor(args);
    const query = this.query(args, partnershipId);
    const repository = this.repository();
    const rows = await repository.page(query, first, after);
    return this.connectionOf(rows, first, query, () => repository.aggregate(query));
  }

  private cursor(args: WhatIsDueArgs): [string, string] | null {
    return args.after ? (decodeCursor(cursorList, args.after, 2) as [string, string]) : null;
  }

  private query(args: WhatIsDueArgs, partnershipId: string | null): DueQuery {
    const filter = args.filter ?? {};
    const lists = validateInput(filterSchema, { kinds: filter.kinds, statuses: filter.statuses }, 'filter');
    return {
      kinds: lists.kinds ?? null,
      statuses: lists.statuses ?? null,
      dueBefore: filter.dueBefore ?? null,
      ownerOrganisationId: filter.ownerOrganisationId ?? null,
      ownerPartnershipId: partnershipId ?? filter.ownerPartnershipId ?? null,
      today: this.ctx.today,
    };
  }

  private connectionOf(
    rows: IndexedObligation[],
    first: number,
    query: DueQuery,
    count: () => Promise<DueAggregate>,
  ): ObligationConnection {
    const page = pageOf(rows, first, cursorList, (row) => [row.due, row.id]);
    let aggregate: Promise<DueCounts> | null = null;
    return Object.assign(new ObligationConnection(), {
      nodes: page.nodes.map((row) => toObligation(row, this.ctx.today)),
      pageInfo: Object.assign(new ObligationPageInfo(), { endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
      statuses: query.statuses,
      aggregate: () =>
        (aggregate ??= count().then((counts) =>
          Object.assign(new DueCounts(), { ...counts, total: counts.pending + counts.dueToday + counts.overdue }),
        )),
    });
  }

  private repository(): ObligationIndexRepository {
    return new ObligationIndexRepository(this.ctx.db.manager, this.ctx.scope);
  }
}

/** totalCount of a connection: the counts of the statuses the filter asked for (all, if none). */
export function totalOf(counts: DueCounts, statuses: readonly OpenDeadlineStatus[] | null): number {
  if (!statuses) return counts.total;
  const chosen = new Set(statuses);
  return (
    (chosen.has(OpenDeadlineStatus.PENDING) ? counts.pending : 0) +
    (chosen.has(OpenDeadlineStatus.DUE_TODAY) ? counts.dueToday : 0) +
    (chosen.has(OpenDeadlineStatus.OVERDUE) ? counts.overdue : 0)
  );
}

export function toObligation(row: IndexedObligation, today: string): Obligation {
  return Object.assign(new Obligation(), {
    id: row.id,
    kind: row.kind as ObligationKind,
    about: subjectOf(row.aboutType, row.aboutId),
    occurrence: row.occurrence === '' ? null : row.occurrence,
    owner: Object.assign(new ObligationOwner(), {
      organisationId: row.ownerOrganisationId,
      organisation: row.ownerOrganisationId ? organisationOf(row.ownerOrganisationId, row.ownerOrganisationKind) : null,
      partnership: row.ownerPartnershipId ? PartnershipReference.of(row.ownerPartnershipId) : null,
    }),
    owedTo: row.owedTo,
    // Owed to a kind of body (the Panel, the referrer…), or else to one organisation by its id.
    owedToOrganisation: (obligationRecipients as readonly string[]).includes(row.owedTo)
      ? null
      : organisationOf(row.owedTo, row.owedToKind),
    deadline: DeadlineView.of(
      { due: row.due, rule: row.rule, provisional: Boolean(row.provisional) },
      row.basis,
      row.status === 'MET' ? row.metOn : null,
      today,
    ),
  });
}
