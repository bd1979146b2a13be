import { Brackets, In, type EntityManager, type SelectQueryBuilder, type WhereExpressionBuilder } from 'typeorm';
import { findInScope, type AccessScope } from '@safeguarding/shared';
import { anyRole } from './obligation-audience.entity';
import { IndexedObligation } from './indexed-obligation.entity';
import { OpenDeadlineStatus } from './obligation.type';

export interface DueQuery {
  readonly kinds: readonly string[] | null;
  readonly statuses: readonly OpenDeadlineStatus[] | null;
  readonly dueBefore: string | null;
  readonly ownerOrganisationId: string | null;
  readonly ownerPartnershipId: string | null;
  /** Today in England: where PENDING ends and OVERDUE begins. */
  readonly today: string;
}

export interface DueAggregate {
  readonly pending: number;
  readonly dueToday: number;
  readonly overdue: number;
}

/**
 * The index as the caller may see it. Visibility is the owning subgraph's audience, stored as rows
 * and joined here, with the semantics of `audienceAdmits`: the caller's organisation with one of
 * its roles (or any) within one organisation group, one of the caller's partnerships with a partnership role, or a national
 * role. It is part of the SQL, so a page, its cursor and the counts agree.
 */
export class ObligationIndexRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** first + 1 rows after the cursor (due, id), soonest due first. */
  page(query: DueQuery, first: number, after: readonly [string, string] | null): Promise<IndexedObligation[]> {
    const builder = this.open(query, true);
    if (after) {
      builder.andWhere(
        new Brackets((where) => where.where('o.due > :afterDue').orWhere('(o.due = :afterDue AND o.id > :afterId)')),
        {
          afterDue: after[0],
          afterId: after[1],
        },
      );
    }
    return builder
      .orderBy('o.due', 'ASC')
      .addOrderBy('o.id', 'ASC')
      .limit(first + 1)
      .getMany();
  }

  /**
   * The same page for each of several partnerships, in one statement: rows numbered within each
   * partnership by (due, id), the first + 1 of each kept. So `partnerships { whatIsDue }` costs one
   * statement whatever the number of partnerships.
   */
  async pagesByPartnership(
    query: DueQuery,
    partnershipIds: readonly string[],
    first: number,
    after: readonly [string, string] | null,
  ): Promise<Map<string, IndexedObligation[]>> {
    const pages = new Map<string, IndexedObligation[]>(partnershipIds.map((id) => [id, []]));
    if (partnershipIds.length === 0) return pages;
    const inner = this.open({ ...query, ownerPartnershipId: null }, true).andWhere({
      ownerPartnershipId: In([...partnershipIds]),
    });
    if (after) {
      inner.andWhere(
        new Brackets((where) => where.where('o.due > :afterDue').orWhere('(o.due = :afterDue AND o.id > :afterId)')),
        {
          afterDue: after[0],
          afterId: after[1],
        },
      );
    }
    inner.addSelect('ROW_NUMBER() OVER (PARTITION BY o.ownerPartnershipId ORDER BY o.due, o.id)', 'rowNumber');
    const [sql, parameters] = inner.getQueryAndParameters();
    const raw = await this.manager.query<Array<Record<string, unknown>>>(
      `SELECT * FROM (${sql}) ranked WHERE ranked.rowNumber <= ${Number(first) + 1}`,
      parameters,
    );
    const repository = this.manager.getRepository(IndexedObligation);
    for (const row of raw) {
      const entity = repository.create(
        Object.fromEntries(
          repository.metadata.columns.map((column) => [column.propertyName, row[`o_${column.databaseName}`]]),
        ) as Partial<IndexedObligation>,
      );
      pages.get(String(entity.ownerPartnershipId))?.push(entity);
    }
    for (const rows of pages.values()) rows.sort((a, b) => a.due.localeCompare(b.due) || a.id.localeCompare(b.id));
    return pages;
  }

  /** Counts by today's status per partnership, one statement for all of them. */
  async aggregateByPartnership(query: DueQuery, partnershipIds: readonly string[]): Promise<Map<string, DueAggregate>> {
    const counts = new Map<string, DueAggregate>(
      partnershipIds.map((id) => [id, { pending: 0, dueToday: 0, overdue: 0 }]),
    );
    if (partnershipIds.length === 0) return counts;
    const raw = await this.open({ ...query, ownerPartnershipId: null }, false)
      .andWhere({ ownerPartnershipId: In([...partnershipIds]) })
      .select('o.ownerPartnershipId', 'partnershipId')
      .addSelect('SUM(CASE WHEN o.due > :today THEN 1 ELSE 0 END)', 'pending')
      .addSelect('SUM(CASE WHEN o.due = :today THEN 1 ELSE 0 END)', 'dueToday')
      .addSelect('SUM(CASE WHEN o.due < :today THEN 1 ELSE 0 END)', 'overdue')
      .setParameter('today', query.today)
      .groupBy('o.ownerPartnershipId')
      .getRawMany<{ partnershipId: string; pending: unknown; dueToday: unknown; overdue: unknown }>();
    for (const row of raw)
      counts.set(row.partnershipId, {
        pending: Number(row.pending),
        dueToday: Number(row.dueToday),
        overdue: Number(row.overdue),
      });
    return counts;
  }

  /** Counts by today's status under every filter but the statuses: one statement. */
  async aggregate(query: DueQuery): Promise<DueAggregate> {
    const raw = await this.open(query, false)
      .select('SUM(CASE WHEN o.due > :today THEN 1 ELSE 0 END)', 'pending')
      .addSelect('SUM(CASE WHEN o.due = :today THEN 1 ELSE 0 END)', 'dueToday')
      .addSelect('SUM(CASE WHEN o.due < :today THEN 1 ELSE 0 END)', 'overdue')
      .setParameter('today', query.today)
      .getRawOne<{ pending: unknown; dueToday: unknown; overdue: unknown }>();
    return {
      pending: Number(raw?.pending ?? 0),
      dueToday: Number(raw?.dueToday ?? 0),
      overdue: Number(raw?.overdue ?? 0),
    };
  }

  /** Any obligations by id (open or not) the caller may see; for references. */
  byIds(ids: readonly string[]): Promise<IndexedObligation[]> {
    if (ids.length === 0) return Promise.resolve([]);
    const builder = this.manager
      .getRepository(IndexedObligation)
      .createQueryBuilder('o')
      .where({ id: In([...ids]) });
    this.visible(builder);
    // One the caller is not told of goes in the trail of the partnership that owes it.
    return findInScope(this.manager, this.scope, IndexedObligation, 'Obligation', ids, () => builder.getMany(), {
      columns: ['ownerPartnershipId'],
      partnershipsOf: async (rows) =>
        new Map(
          rows.flatMap((row) =>
            row['ownerPartnershipId'] ? [[String(row['id']), String(row['ownerPartnershipId'])] as const] : [],
          ),
        ),
    });
  }

  private open(query: DueQuery, withStatuses: boolean): SelectQueryBuilder<IndexedObligation> {
    const builder = this.manager.getRepository(IndexedObligation).createQueryBuilder('o').where("o.status = 'OPEN'");
    if (query.kinds) builder.andWhere({ kind: In([...query.kinds]) });
    if (query.dueBefore) builder.andWhere('o.due < :dueBefore', { dueBefore: query.dueBefore });
    if (query.ownerOrganisationId)
      builder.andWhere('o.ownerOrganisationId = :ownerOrganisationId', {
        ownerOrganisationId: query.ownerOrganisationId,
      });
    if (query.ownerPartnershipId)
      builder.andWhere('o.ownerPartnershipId = :ownerPartnershipId', { ownerPartnershipId: query.ownerPartnershipId });
    if (withStatuses && query.statuses) {
      const statuses = new Set(query.statuses);
      builder.andWhere(
        new Brackets((where) => {
          // An empty list admits nothing, as a filter should.
          where.where('1 = 0');
          if (statuses.has(OpenDeadlineStatus.PENDING)) where.orWhere('o.due > :today');
          if (statuses.has(OpenDeadlineStatus.DUE_TODAY)) where.orWhere('o.due = :today');
          if (statuses.has(OpenDeadlineStatus.OVERDUE)) where.orWhere('o.due < :today');
        }),
        { today: query.today },
      );
    }
    this.visible(builder);
    return builder;
  }

  private visible(builder: WhereExpressionBuilder & SelectQueryBuilder<IndexedObligation>): void {
    const identity = this.scope.requireIdentity();
    const roles = [...identity.roles];
    const has = (clause: string, parameter: string) =>
      `EXISTS (SELECT 1 FROM obligation_audience a WHERE a.obligationId = o.id AND a.clause = '${clause}' AND a.value IN (:...${parameter}))`;
    builder.andWhere(
      new Brackets((where) => {
        // The organisation and one of its roles must come from the same group: a school's DSL-only
        // group and its council's any-role group must not combine into "any role of the school".
        where.where(
          `EXISTS (SELECT 1 FROM obligation_audience a JOIN obligation_audience r ON r.obligationId = a.obligationId AND r.groupIndex = a.groupIndex ` +
            `AND r.clause = 'ORGANISATION_ROLE' AND r.value IN (:...audienceOrganisationRoles) ` +
            `WHERE a.obligationId = o.id AND a.clause = 'ORGANISATION' AND a.value IN (:...audienceOrganisation))`,
          {
            audienceOrganisation: [identity.organisation.id],
            audienceOrganisationRoles: [...roles, anyRole],
          },
        );
        if (roles.length > 0 && identity.partnershipIds.length > 0) {
          where.orWhere(
            `(${has('PARTNERSHIP', 'audiencePartnerships')} AND ${has('PARTNERSHIP_ROLE', 'audienceRoles')})`,
            {
              audiencePartnerships: [...identity.partnershipIds],
              audienceRoles: roles,
            },
          );
        }
        if (roles.length > 0) where.orWhere(has('NATIONAL_ROLE', 'audienceRoles'), { audienceRoles: roles });
      }),
    );
  }
}
