import {
  In,
  IsNull,
  LessThanOrEqual,
  MoreThanOrEqual,
  type EntityManager,
  type FindOptionsWhere,
  type SelectQueryBuilder,
} from 'typeorm';
import {
  countPerParent,
  countsOfClauses,
  firstPerParent,
  pagesOfClauses,
  partnershipStaffRoles,
  type AccessScope,
  type SortKey,
  visibleWhere,
} from '@safeguarding/shared';
import { Designation } from './designation.entity';

type Where = FindOptionsWhere<Designation>;

export const relevantAgencyOrder: readonly SortKey<Designation>[] = [
  { column: 'agency.name', value: (d) => d.agency!.name },
  { column: 'agency.id', value: (d) => d.agency!.id },
];

/** An agency's designations, the latest first; the id makes the order total. */
export const agencyDesignationOrder: readonly SortKey<Designation>[] = [
  { column: 'designation.designatedFrom', descending: true, value: (d) => d.designatedFrom },
  { column: 'designation.id', value: (d) => d.id },
];

/**
 * Designations are published with the arrangements, so current ones are public; past and future
 * ones (the history) are seen by the staff of the partnership that made them.
 */
export class DesignationRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  private inForce(where: Where, day: string): Where[] {
    const base = { ...where, designatedFrom: LessThanOrEqual(day) };
    return [
      { ...base, designatedUntil: IsNull() },
      { ...base, designatedUntil: MoreThanOrEqual(day) },
    ];
  }

  private visible(where: Where, day: string): Where[] {
    const own = this.scope.hasRole(...partnershipStaffRoles) ? (this.scope.identity?.partnershipIds ?? []) : [];
    const history: Where[] = own.length > 0 ? [{ ...where, partnershipId: In([...own]) }] : [];
    return [...this.inForce(where, day), ...history];
  }

  /** Designations in force on `day`, with their agencies, as a query for pages and counts. */
  private currentQuery(partnershipIds: readonly string[], day: string): SelectQueryBuilder<Designation> {
    return this.manager
      .createQueryBuilder(Designation, 'designation')
      .innerJoinAndSelect('designation.agency', 'agency')
      .where('designation.partnershipId IN (:...partnershipIds)', { partnershipIds: [...partnershipIds] })
      .andWhere('designation.designatedFrom <= :day', { day })
      .andWhere('(designation.designatedUntil IS NULL OR designation.designatedUntil >= :day)');
  }

  /** A page of each partnership's relevant agencies, by name then id, for all of them in one statement. */
  currentPages(
    partnershipIds: readonly string[],
    day: string,
    after: readonly string[] | null,
    limit: number,
  ): Promise<Designation[]> {
    return firstPerParent(this.currentQuery(partnershipIds, day), {
      id: 'designation.id',
      parent: 'designation.partnershipId',
      parents: partnershipIds.length,
      order: relevantAgencyOrder,
      after,
      limit,
    }).getMany();
  }

  currentCounts(partnershipIds: readonly string[], day: string): Promise<Map<string, number>> {
    return countPerParent(this.currentQuery(partnershipIds, day), 'designation.partnershipId');
  }

  /** Designations in force on `day`, with their agencies, in one statement. */
  currentFor(partnershipIds: readonly string[], day: string): Promise<Designation[]> {
    return this.manager.find(Designation, {
      where: visibleWhere(this.inForce({ partnershipId: In([...partnershipIds]) }, day)),
      relations: { agency: true },
      order: { agency: { name: 'ASC' } },
    });
  }

  /** Designations in force at any time between two days (e.g. a financial year). */
  /** Every partnership's when `partnershipIds` is null (reconciling obligations at start). */
  overlapping(partnershipIds: readonly string[] | null, from: string, until: string): Promise<Designation[]> {
    const base = {
      ...(partnershipIds === null ? {} : { partnershipId: In([...partnershipIds]) }),
      designatedFrom: LessThanOrEqual(until),
    };
    return this.manager.find(Designation, {
      where: [
        { ...base, designatedUntil: IsNull() },
        { ...base, designatedUntil: MoreThanOrEqual(from) },
      ],
      order: { designatedFrom: 'ASC' },
    });
  }

  /**
   * The designations of these agencies that have not ended by `day` (in force, or scheduled), for
   * every partnership: who holds an agency's record. Unfiltered, because ownership is the question.
   */
  notEndedOf(agencyIds: readonly string[], day: string): Promise<Designation[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return this.manager.find(Designation, {
      where: [
        { agencyId: In([...agencyIds]), designatedUntil: IsNull() },
        { agencyId: In([...agencyIds]), designatedUntil: MoreThanOrEqual(day) },
      ],
    });
  }

  /** A page of each agency's designations the caller may see, for all of them in one statement. */
  pagesOfAgencies(
    agencyIds: readonly string[],
    day: string,
    after: readonly string[] | null,
    limit: number,
  ): Promise<Designation[]> {
    return pagesOfClauses(
      this.manager,
      Designation,
      'designation',
      this.visible({ agencyId: In([...agencyIds]) }, day),
      {
        parent: 'designation.agencyId',
        parents: agencyIds.length,
        order: agencyDesignationOrder,
        after,
        limit,
      },
    );
  }

  countsOfAgencies(agencyIds: readonly string[], day: string): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      Designation,
      'designation',
      this.visible({ agencyId: In([...agencyIds]) }, day),
      'designation.agencyId',
    );
  }

  findById(id: string): Promise<Designation | null> {
    return this.manager.findOneBy(Designation, { id });
  }

  /** The pair's designations that are open-ended or end on or after `from`. */
  openOrEndingAfter(partnershipId: string, agencyId: string, from: string): Promise<Designation[]> {
    return this.manager.find(Designation, {
      where: [
        { partnershipId, agencyId, designatedUntil: IsNull() },
        { partnershipId, agencyId, designatedUntil: MoreThanOrEqual(from) },
      ],
    });
  }

  async insert(designation: Designation): Promise<void> {
    await this.manager.insert(Designation, designation);
  }

  async end(id: string, designatedUntil: string, endReason: string): Promise<void> {
    await this.manager.update(Designation, { id }, { designatedUntil, endReason });
  }
}
