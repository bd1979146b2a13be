import {
  In,
  IsNull,
  LessThan,
  type EntityManager,
  type EntityTarget,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import { findOneInScope } from '../audit';
import { countPerParent, countsOfClauses, firstPerParent, pagesOfClauses, type SortKey } from '../connection';
import { partnershipStaffRoles } from '../auth';
import type { AccessScope } from '../identity';
import type {
  OfMember,
  SelfAssessmentAction,
  SelfAssessmentRating,
  SelfAssessmentReturn,
  SelfAssessmentStandard,
  SelfAssessmentTypes,
} from './self-assessment.types';

/** Standards are the partnership's published expectations of its members: public. */
export class SelfAssessmentStandardRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly types: SelfAssessmentTypes<string>,
  ) {}

  ofPartnerships(partnershipIds: readonly string[]): Promise<SelfAssessmentStandard[]> {
    return this.manager.find(this.types.Standard, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { partnershipId: 'ASC', position: 'ASC' },
    });
  }

  // Delete first, so the unique (partnershipId, key) index never sees old and new together.
  async replace(partnershipId: string, standards: SelfAssessmentStandard[]): Promise<void> {
    await this.manager.delete(this.types.Standard, { partnershipId });
    await this.manager.insert(
      this.types.Standard,
      standards.map((standard) => ({ ...standard })),
    );
  }
}

/**
 * Returns, ratings and actions are restricted: every read goes through `visible`, which keeps the
 * rows of the caller's own member (agency or school) and, for partnership staff, every row of the
 * partnerships they act in. Ratings and actions carry the return's partnership and member so the
 * rule needs no join.
 */
export class SelfAssessmentReturnRepository<K extends string> {
  private readonly key: K;

  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
    private readonly types: SelfAssessmentTypes<K>,
    /** The members the caller acts for, among those that make returns. */
    private readonly ownMembers: readonly string[],
  ) {
    this.key = types.naming.member.key;
  }

  /** The clauses (ORed) the caller may see, or null for none: TypeORM reads `where: []` as no filter at all. */
  // Typed by the caller's find: the member's column has a name only the module knows.
  private visible(where: Record<string, unknown>): never[] | null {
    const identity = this.scope.requireIdentity();
    const clauses: Array<Record<string, unknown>> = [];
    if (this.ownMembers.length > 0) clauses.push({ ...where, [this.key]: In([...this.ownMembers]) });
    if (this.scope.hasRole(...partnershipStaffRoles) && identity.partnershipIds.length > 0) {
      clauses.push({ ...where, partnershipId: In([...identity.partnershipIds]) });
    }
    return clauses.length > 0 ? (clauses as never[]) : null;
  }

  async returnsOfPartnerships(
    partnershipIds: readonly string[],
    financialYear: string | null,
  ): Promise<Array<OfMember<SelfAssessmentReturn, K>>> {
    const where = this.visible({ partnershipId: In([...partnershipIds]), ...(financialYear ? { financialYear } : {}) });
    if (where === null) return [];
    return this.manager.find(this.types.Return, {
      where,
      order: { financialYear: 'DESC', submittedOn: 'ASC', [this.key]: 'ASC', id: 'ASC' } as never,
    });
  }

  /** A partnership's returns: the latest year first, then as they came in. */
  readonly partnershipOrder: readonly SortKey<OfMember<SelfAssessmentReturn, K>>[] = [
    { column: 'r.financialYear', descending: true, value: (r) => r.financialYear },
    { column: 'r.submittedOn', value: (r) => r.submittedOn },
    { column: 'r.id', value: (r) => r.id },
  ];

  /** A member's returns: the latest year first, then by partnership. */
  readonly memberOrder: readonly SortKey<OfMember<SelfAssessmentReturn, K>>[] = [
    { column: 'r.financialYear', descending: true, value: (r) => r.financialYear },
    { column: 'r.partnershipId', value: (r) => r.partnershipId },
    { column: 'r.id', value: (r) => r.id },
  ];

  private partnershipClauses(partnershipIds: readonly string[], financialYear: string | null): never[] {
    return this.visible({ partnershipId: In([...partnershipIds]), ...(financialYear ? { financialYear } : {}) }) ?? [];
  }

  /** The first `limit` returns after the key of each partnership, for all of them in one statement. */
  returnPagesOfPartnerships(
    partnershipIds: readonly string[],
    financialYear: string | null,
    after: readonly string[] | null,
    limit: number,
  ): Promise<Array<OfMember<SelfAssessmentReturn, K>>> {
    return pagesOfClauses(
      this.manager,
      this.types.Return,
      'r',
      this.partnershipClauses(partnershipIds, financialYear),
      {
        parent: 'r.partnershipId',
        parents: partnershipIds.length,
        order: this.partnershipOrder,
        after,
        limit,
      },
    );
  }

  returnCountsOfPartnerships(
    partnershipIds: readonly string[],
    financialYear: string | null,
  ): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      this.types.Return,
      'r',
      this.partnershipClauses(partnershipIds, financialYear),
      'r.partnershipId',
    );
  }

  private memberClauses(memberIds: readonly string[]): never[] {
    return this.visible({ [this.key]: In([...memberIds]) }) ?? [];
  }

  /** The first `limit` returns after the key of each member, for all of them in one statement. */
  returnPagesOfMembers(
    memberIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<Array<OfMember<SelfAssessmentReturn, K>>> {
    return pagesOfClauses(this.manager, this.types.Return, 'r', this.memberClauses(memberIds), {
      parent: `r.${this.key}`,
      parents: memberIds.length,
      order: this.memberOrder,
      after,
      limit,
    });
  }

  returnCountsOfMembers(memberIds: readonly string[]): Promise<Map<string, number>> {
    return countsOfClauses(this.manager, this.types.Return, 'r', this.memberClauses(memberIds), `r.${this.key}`);
  }

  async ratingsOfReturns(returnIds: readonly string[]): Promise<Array<OfMember<SelfAssessmentRating, K>>> {
    const where = this.visible({ returnId: In([...returnIds]) });
    if (where === null) return [];
    // The standards' order, the key where positions tie (rows made before positions were kept); explicit, as MySQL
    // and SQLite return unordered rows differently.
    return this.manager.find(this.types.Rating, {
      where,
      order: { returnId: 'ASC', position: 'ASC', standardKey: 'ASC' } as never,
    });
  }

  async actionsOfRatings(ratingIds: readonly string[]): Promise<Array<OfMember<SelfAssessmentAction, K>>> {
    const where = this.visible({ ratingId: In([...ratingIds]) });
    if (where === null) return [];
    // Soonest due first; the id settles a tie the same way on both databases.
    return this.manager.find(this.types.Action, {
      where,
      order: { ratingId: 'ASC', dueOn: 'ASC', id: 'ASC' } as never,
    });
  }

  /** Overdue actions: the longest overdue first. */
  readonly overdueOrder: readonly SortKey<OfMember<SelfAssessmentAction, K>>[] = [
    { column: 'a.dueOn', value: (a) => a.dueOn },
    { column: 'a.id', value: (a) => a.id },
  ];

  private overdueClauses(partnershipIds: readonly string[], today: string): never[] {
    return (
      this.visible({ partnershipId: In([...partnershipIds]), completedOn: IsNull(), dueOn: LessThan(today) }) ?? []
    );
  }

  /** The first `limit` overdue actions after the key of each partnership, for all of them in one statement. */
  overdueActionPages(
    partnershipIds: readonly string[],
    today: string,
    after: readonly string[] | null,
    limit: number,
  ): Promise<Array<OfMember<SelfAssessmentAction, K>>> {
    return pagesOfClauses(this.manager, this.types.Action, 'a', this.overdueClauses(partnershipIds, today), {
      parent: 'a.partnershipId',
      parents: partnershipIds.length,
      order: this.overdueOrder,
      after,
      limit,
    });
  }

  overdueActionCounts(partnershipIds: readonly string[], today: string): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      this.types.Action,
      'a',
      this.overdueClauses(partnershipIds, today),
      'a.partnershipId',
    );
  }

  findReturn(
    partnershipId: string,
    memberId: string,
    financialYear: string,
  ): Promise<OfMember<SelfAssessmentReturn, K> | null> {
    return this.manager.findOneBy(this.types.Return, { partnershipId, [this.key]: memberId, financialYear } as never);
  }

  /** In the caller's scope; one that exists outside it is noted as a refusal. Who may complete it is the service's rule. */
  findAction(id: string): Promise<OfMember<SelfAssessmentAction, K> | null> {
    return findOneInScope(
      this.manager,
      this.scope,
      this.types.Action,
      `${this.types.naming.prefix}Action`,
      id,
      async () => {
        const where = this.visible({ id });
        return where === null ? null : this.manager.findOne(this.types.Action, { where });
      },
    );
  }

  /** Unfiltered, for an action already found in scope: the day the return it belongs to was made. */
  async submittedOnOf(action: SelfAssessmentAction): Promise<string | null> {
    const rating = await this.manager.findOneBy(this.types.Rating, { id: action.ratingId } as never);
    if (!rating) return null;
    const made = await this.manager.findOneBy(this.types.Return, { id: rating.returnId } as never);
    return made?.submittedOn ?? null;
  }

  async insert(
    submitted: SelfAssessmentReturn,
    ratings: SelfAssessmentRating[],
    actions: SelfAssessmentAction[],
  ): Promise<void> {
    await this.manager.insert(this.types.Return, { ...submitted } as never);
    await this.manager.insert(
      this.types.Rating,
      ratings.map((rating) => ({ ...rating }) as never),
    );
    if (actions.length > 0)
      await this.manager.insert(
        this.types.Action,
        actions.map((action) => ({ ...action }) as never),
      );
  }

  async completeAction(id: string, completedOn: string): Promise<void> {
    await this.manager.update(this.types.Action, { id }, { completedOn } as never);
  }
}

/**
 * Where a module keeps its designations: a table with an id, partnershipId, designatedFrom,
 * designatedUntil (null while open-ended) and the member's id under the module's key (agencyId,
 * urn), and a many-to-one relation from it to the member.
 */
export interface SelfAssessmentDesignationTable {
  readonly entity: EntityTarget<ObjectLiteral>;
  /** The relation to the member, e.g. agency or school. */
  readonly relation: string;
}

/** A member a partnership designated in the year that has made no return of it. */
export interface NotReturned<M> {
  readonly partnershipId: string;
  readonly member: M;
}

/**
 * The members designated in a year that have not returned, for the overview's page: cut in SQL
 * (keyset on the member's name and id, a page per partnership in one statement), so a page costs
 * the same however many members a partnership designates. Designations are public, and whether a
 * return exists is asked of every return, whoever asks (the overview is for the partnership's staff).
 */
export class SelfAssessmentDesignationRepository<K extends string, M extends { name: string }> {
  readonly notReturnedOrder: readonly SortKey<NotReturned<M>>[];

  constructor(
    private readonly manager: EntityManager,
    private readonly types: SelfAssessmentTypes<K>,
    private readonly table: SelfAssessmentDesignationTable,
  ) {
    const entityKey = types.naming.member.entityKey;
    this.notReturnedOrder = [
      { column: 'member.name', value: (row) => row.member.name },
      { column: `member.${entityKey}`, value: (row) => (row.member as unknown as Record<string, string>)[entityKey]! },
    ];
  }

  private notReturned(
    partnershipIds: readonly string[],
    year: { startsOn: string; endsOn: string; label: string },
  ): SelectQueryBuilder<ObjectLiteral> {
    const key = this.types.naming.member.key;
    const overlapping = (alias: string) =>
      `${alias}.designatedFrom <= :endsOn AND (${alias}.designatedUntil IS NULL OR ${alias}.designatedUntil >= :startsOn)`;
    return (
      this.manager
        .createQueryBuilder(this.table.entity, 'd')
        .innerJoinAndSelect(`d.${this.table.relation}`, 'member')
        .where('d.partnershipId IN (:...partnershipIds)', { partnershipIds: [...partnershipIds] })
        .andWhere(overlapping('d'), { startsOn: year.startsOn, endsOn: year.endsOn })
        // One row per partnership and member: one designated twice in the year (ended, then again) is listed once, by its first designation.
        .andWhere((query: SelectQueryBuilder<ObjectLiteral>) => {
          const earlier = query
            .subQuery()
            .select('1')
            .from(this.table.entity, 'earlier')
            .where(
              `earlier.partnershipId = d.partnershipId AND earlier.${key} = d.${key} AND earlier.designatedFrom < d.designatedFrom AND ${overlapping('earlier')}`,
            );
          return `NOT EXISTS ${earlier.getQuery()}`;
        })
        .andWhere((query: SelectQueryBuilder<ObjectLiteral>) => {
          const made = query
            .subQuery()
            .select('1')
            .from(this.types.Return, 'r')
            .where(`r.partnershipId = d.partnershipId AND r.${key} = d.${key} AND r.financialYear = :financialYear`);
          return `NOT EXISTS ${made.getQuery()}`;
        })
        .setParameter('financialYear', year.label)
    );
  }

  async notReturnedPages(
    partnershipIds: readonly string[],
    year: { startsOn: string; endsOn: string; label: string },
    after: readonly string[] | null,
    limit: number,
  ): Promise<Array<NotReturned<M>>> {
    const query = firstPerParent(this.notReturned(partnershipIds, year), {
      id: 'd.id',
      parent: 'd.partnershipId',
      parents: partnershipIds.length,
      order: this.notReturnedOrder,
      after,
      limit,
    });
    const rows = await query.getMany();
    return rows.map((row) => ({
      partnershipId: row['partnershipId'] as string,
      member: row[this.table.relation] as M,
    }));
  }

  notReturnedCounts(
    partnershipIds: readonly string[],
    year: { startsOn: string; endsOn: string; label: string },
  ): Promise<Map<string, number>> {
    return countPerParent(this.notReturned(partnershipIds, year), 'd.partnershipId');
  }
}
