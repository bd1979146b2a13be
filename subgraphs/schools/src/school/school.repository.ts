import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { countPerParent, firstPerParent, type AccessScope, type SortKey } from '@safeguarding/shared';
import { SafeguardingLead, SafeguardingLeadRole } from '../safeguarding-lead/safeguarding-lead.entity';
import type { SchoolHolders } from './school-record.policy';
import { SchoolDesignation } from './school-designation.entity';
import { School, type SchoolPhase, SchoolStatus } from './school.entity';

export interface SchoolFilters {
  readonly phase: SchoolPhase | null;
  readonly type: string | null;
  readonly typeGroup: string | null;
  readonly noDsl: boolean;
  /** Training before this date is overdue today (see trainingCutoff). */
  readonly trainedBefore: string | null;
}

/** A partnership's schools by name then URN, on the designation's own copy of the name (its index is this order). */
export const designatedSchoolOrder: readonly SortKey<SchoolDesignation>[] = [
  { column: 'designation.schoolName', value: (d) => d.schoolName },
  { column: 'designation.urn', value: (d) => d.urn },
];

/** School data is public (GIAS is public); the DSL filters need a signed-in caller (checked by the service). */
export class SchoolRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  findByUrns(urns: readonly string[]): Promise<School[]> {
    return this.manager.find(School, { where: { urn: In([...urns]) } });
  }

  /** A code GIAS may reuse after a closure: the open school first, then the most recently numbered. */
  async withCode(kind: 'ukprn' | 'laestab', value: string): Promise<School | null> {
    const found = await this.manager.find(School, {
      where: kind === 'ukprn' ? { ukprn: value } : { laestab: value },
      order: { urn: 'DESC' },
      take: 10,
    });
    return found.find((school) => school.status === 'OPEN') ?? found[0] ?? null;
  }

  /** Keyset page on (name, urn): the rows after the cursor's key, at most `limit`. */
  page(
    localAuthorityDfeCode: string | null,
    after: { name: string; urn: string } | null,
    limit: number,
  ): Promise<School[]> {
    const query = this.manager.createQueryBuilder(School, 's');
    if (localAuthorityDfeCode !== null) query.andWhere('s.localAuthorityDfeCode = :la', { la: localAuthorityDfeCode });
    if (after) query.andWhere('(s.name > :name OR (s.name = :name AND s.urn > :urn))', after);
    return query.orderBy('s.name', 'ASC').addOrderBy('s.urn', 'ASC').limit(limit).getMany();
  }

  count(localAuthorityDfeCode: string | null): Promise<number> {
    return this.manager.count(School, { where: localAuthorityDfeCode === null ? {} : { localAuthorityDfeCode } });
  }

  /** Designations in force on `today` for all the partnerships at once, each with its school joined in. */
  currentDesignationsOf(partnershipIds: readonly string[], today: string): Promise<SchoolDesignation[]> {
    const inForce = { partnershipId: In([...partnershipIds]), designatedFrom: LessThanOrEqual(today) };
    return this.manager.find(SchoolDesignation, {
      where: [
        { ...inForce, designatedUntil: IsNull() },
        { ...inForce, designatedUntil: MoreThanOrEqual(today) },
      ],
      relations: { school: true },
      order: { school: { name: 'ASC', urn: 'ASC' } },
    });
  }

  /**
   * The designations in force today of all the partnerships, filtered: the DSL filters are
   * subqueries on the leads table, so the page is never assembled school by school.
   */
  private filteredDesignations(
    partnershipIds: readonly string[],
    today: string,
    filters: SchoolFilters,
  ): SelectQueryBuilder<SchoolDesignation> {
    const query = this.manager
      .createQueryBuilder(SchoolDesignation, 'designation')
      .innerJoinAndSelect('designation.school', 'school')
      .where('designation.partnershipId IN (:...partnershipIds)', { partnershipIds: [...partnershipIds] })
      .andWhere('designation.designatedFrom <= :today', { today })
      .andWhere('(designation.designatedUntil IS NULL OR designation.designatedUntil >= :today)', { today });
    if (filters.phase) query.andWhere('school.phase = :phase', { phase: filters.phase });
    if (filters.type) query.andWhere('school.establishmentType = :type', { type: filters.type });
    if (filters.typeGroup)
      query.andWhere('school.establishmentTypeGroup = :typeGroup', { typeGroup: filters.typeGroup });
    if (filters.noDsl) {
      const leads = this.manager
        .createQueryBuilder(SafeguardingLead, 'dsl')
        .select('1')
        .where('dsl.urn = school.urn')
        .andWhere('dsl.role = :dslRole');
      query.andWhere(`NOT EXISTS (${leads.getQuery()})`, {
        dslRole: SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD,
      });
    }
    if (filters.trainedBefore) {
      const stale = this.manager
        .createQueryBuilder(SafeguardingLead, 'stale')
        .select('1')
        .where('stale.urn = school.urn')
        .andWhere('(stale.lastTrainedOn IS NULL OR stale.lastTrainedOn < :trainedBefore)');
      query.andWhere(`EXISTS (${stale.getQuery()})`, { trainedBefore: filters.trainedBefore });
    }
    return query;
  }

  /** A page of each partnership's designated schools, filtered, cut in SQL for all of them in one statement. */
  designatedPages(
    partnershipIds: readonly string[],
    today: string,
    filters: SchoolFilters,
    after: readonly string[] | null,
    limit: number,
  ): Promise<SchoolDesignation[]> {
    return firstPerParent(this.filteredDesignations(partnershipIds, today, filters), {
      id: 'designation.id',
      parent: 'designation.partnershipId',
      parents: partnershipIds.length,
      order: designatedSchoolOrder,
      after,
      limit,
    }).getMany();
  }

  designatedCounts(
    partnershipIds: readonly string[],
    today: string,
    filters: SchoolFilters,
  ): Promise<Map<string, number>> {
    return countPerParent(this.filteredDesignations(partnershipIds, today, filters), 'designation.partnershipId');
  }

  /**
   * Who holds the records of these schools and of schools in these local authorities: the
   * designations in force today of the schools, and the partnerships designating today any school
   * of each authority (two statements at most, whatever the number of schools).
   */
  async holdersOf(
    urns: readonly string[],
    localAuthorityDfeCodes: readonly string[],
    today: string,
  ): Promise<{ designatedBy: Map<string, string[]>; coveredBy: Map<string, string[]> }> {
    const designatedBy = new Map<string, string[]>();
    const coveredBy = new Map<string, string[]>();
    const inForce =
      '(designation.designatedFrom <= :today AND (designation.designatedUntil IS NULL OR designation.designatedUntil >= :today))';
    if (urns.length > 0) {
      const rows = await this.manager
        .createQueryBuilder(SchoolDesignation, 'designation')
        .select('designation.partnershipId', 'partnershipId')
        .addSelect('designation.urn', 'urn')
        .where('designation.urn IN (:...urns)', { urns: [...new Set(urns)] })
        .andWhere(inForce, { today })
        .getRawMany<{ partnershipId: string; urn: string }>();
      for (const row of rows) designatedBy.set(row.urn, [...(designatedBy.get(row.urn) ?? []), row.partnershipId]);
    }
    if (localAuthorityDfeCodes.length > 0) {
      const rows = await this.manager
        .createQueryBuilder(SchoolDesignation, 'designation')
        .innerJoin('designation.school', 'school')
        .select('designation.partnershipId', 'partnershipId')
        .addSelect('school.localAuthorityDfeCode', 'localAuthorityDfeCode')
        .distinct(true)
        .where('school.localAuthorityDfeCode IN (:...codes)', { codes: [...new Set(localAuthorityDfeCodes)] })
        .andWhere(inForce, { today })
        .getRawMany<{ partnershipId: string; localAuthorityDfeCode: string }>();
      for (const row of rows)
        coveredBy.set(row.localAuthorityDfeCode, [
          ...(coveredBy.get(row.localAuthorityDfeCode) ?? []),
          row.partnershipId,
        ]);
    }
    return { designatedBy, coveredBy };
  }

  /** The holders of one school's records (see holdersOf). */
  async holdersOfSchool(school: Pick<School, 'urn' | 'localAuthorityDfeCode'>, today: string): Promise<SchoolHolders> {
    const { designatedBy, coveredBy } = await this.holdersOf([school.urn], [school.localAuthorityDfeCode], today);
    return {
      localAuthorityDfeCode: school.localAuthorityDfeCode,
      designatedBy: designatedBy.get(school.urn) ?? [],
      coveredBy: coveredBy.get(school.localAuthorityDfeCode) ?? [],
    };
  }

  /** Partnerships whose designation of the school is in force today. */
  async partnershipsDesignating(urn: string, today: string): Promise<string[]> {
    const designations = await this.manager.find(SchoolDesignation, {
      where: { urn, designatedFrom: LessThanOrEqual(today) },
    });
    return designations
      .filter((d) => d.designatedUntil === null || d.designatedUntil >= today)
      .map((d) => d.partnershipId);
  }

  /** Designations in force on any day from startsOn to endsOn, for all the partnerships at once. */
  /** Every partnership's when `partnershipIds` is null (reconciling obligations at start). */
  designationsOverlapping(
    partnershipIds: readonly string[] | null,
    startsOn: string,
    endsOn: string,
  ): Promise<SchoolDesignation[]> {
    const overlapping = {
      ...(partnershipIds === null ? {} : { partnershipId: In([...partnershipIds]) }),
      designatedFrom: LessThanOrEqual(endsOn),
    };
    return this.manager.find(SchoolDesignation, {
      where: [
        { ...overlapping, designatedUntil: IsNull() },
        { ...overlapping, designatedUntil: MoreThanOrEqual(startsOn) },
      ],
      order: { urn: 'ASC' },
    });
  }

  designationsOfPartnership(partnershipId: string, urns: readonly string[]): Promise<SchoolDesignation[]> {
    return this.manager.find(SchoolDesignation, { where: { partnershipId, urn: In([...urns]) } });
  }

  /** Open schools, and those proposed to open or close, in the LAs: the footprint's schools today. */
  openSchoolsIn(localAuthorityDfeCodes: readonly string[]): Promise<School[]> {
    return this.manager.find(School, {
      where: {
        localAuthorityDfeCode: In([...localAuthorityDfeCodes]),
        status: In([SchoolStatus.OPEN, SchoolStatus.PROPOSED_TO_CLOSE, SchoolStatus.PROPOSED_TO_OPEN]),
      },
      order: { name: 'ASC', urn: 'ASC' },
    });
  }

  async saveDesignations(designations: readonly SchoolDesignation[]): Promise<void> {
    if (designations.length === 0) return;
    await this.manager.upsert(
      SchoolDesignation,
      designations.map((d) => ({ ...d })),
      ['partnershipId', 'urn'],
    );
  }

  exists(urn: string): Promise<boolean> {
    return this.manager.existsBy(School, { urn });
  }

  async insert(school: School): Promise<void> {
    await this.manager.insert(School, school);
  }
}
