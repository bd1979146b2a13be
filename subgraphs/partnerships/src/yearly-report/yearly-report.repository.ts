import { Brackets, In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  countPerParent,
  firstPerParent,
  partnershipStaffRoles,
  queryOfClauses,
  Role,
  rootPage,
  type AccessScope,
  type Page,
  type PageRequest,
  type SortKey,
  findInScope,
  findOneInScope,
  visibleWhere,
} from '@safeguarding/shared';
import { Partnership, PartnershipStatus } from '../partnership/partnership.entity';
import { partnershipOrder } from '../partnership/partnership.repository';
import { YearlyReport } from './yearly-report.entity';

/** Newest year first (one report a year per partnership); the id makes the order total. */
export const yearlyReportOrder: readonly SortKey<YearlyReport>[] = [
  { column: 'report.financialYearStart', descending: true, value: (r) => String(r.financialYearStart) },
  { column: 'report.id', value: (r) => r.id },
];

/** Published reports are public; one not yet published is seen by its partnership's staff and the Panel. */
export class YearlyReportRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** `within`: the partnerships asked for; the caller's own are intersected with it, never spread over it. */
  private visible(
    where: Omit<FindOptionsWhere<YearlyReport>, 'partnershipId'>,
    within?: readonly string[],
  ): FindOptionsWhere<YearlyReport>[] {
    const asked = within ? { partnershipId: In([...within]) } : {};
    if (this.scope.hasRole(Role.PANEL_MEMBER)) return [{ ...where, ...asked }];
    const clauses: FindOptionsWhere<YearlyReport>[] = [{ ...where, ...asked, publishedOn: Not(IsNull()) }];
    const staffOf = this.scope.hasRole(...partnershipStaffRoles) ? (this.scope.identity?.partnershipIds ?? []) : [];
    const own = staffOf.filter((id) => !within || within.includes(id));
    if (own.length > 0) clauses.push({ ...where, publishedOn: IsNull(), partnershipId: In([...own]) });
    return clauses;
  }

  /** Every report of the partnerships (one a year: bounded by the years since arrangements began), for their obligations. */
  ofPartnerships(partnershipIds: readonly string[]): Promise<YearlyReport[]> {
    return this.manager.find(YearlyReport, {
      where: visibleWhere(this.visible({}, partnershipIds)),
      order: { financialYearStart: 'DESC' },
    });
  }

  /** A page of each partnership's reports the caller may see, newest year first, for all of them in one statement. */
  pagesOf(partnershipIds: readonly string[], after: readonly string[] | null, limit: number): Promise<YearlyReport[]> {
    const query = queryOfClauses(this.manager, YearlyReport, 'report', this.visible({}, partnershipIds));
    if (!query) return Promise.resolve([]);
    return firstPerParent(query, {
      id: 'report.id',
      parent: 'report.partnershipId',
      parents: partnershipIds.length,
      order: yearlyReportOrder,
      after,
      limit,
    }).getMany();
  }

  async countsOf(partnershipIds: readonly string[]): Promise<Map<string, number>> {
    const query = queryOfClauses(this.manager, YearlyReport, 'report', this.visible({}, partnershipIds));
    return query ? countPerParent(query, 'report.partnershipId') : new Map();
  }

  findByIds(ids: readonly string[]): Promise<YearlyReport[]> {
    return findInScope(this.manager, this.scope, YearlyReport, 'YearlyReport', ids, () =>
      this.manager.find(YearlyReport, { where: visibleWhere(this.visible({ id: In([...ids]) })) }),
    );
  }

  findById(id: string): Promise<YearlyReport | null> {
    return findOneInScope(this.manager, this.scope, YearlyReport, 'YearlyReport', id, () =>
      this.manager.findOne(YearlyReport, { where: visibleWhere(this.visible({ id })) }),
    );
  }

  forYear(financialYearStart: number, partnershipIds: readonly string[]): Promise<YearlyReport[]> {
    if (partnershipIds.length === 0) return Promise.resolve([]);
    return this.manager.find(YearlyReport, {
      where: visibleWhere(this.visible({ financialYearStart }, partnershipIds)),
    });
  }

  exists(partnershipId: string, financialYearStart: number): Promise<boolean> {
    return this.manager.existsBy(YearlyReport, { partnershipId, financialYearStart });
  }

  /** Partnerships whose arrangements were in force on a year's due date (only they owe its report), by name then id, a page cut in SQL. */
  partnershipsOwing(dueOn: string, request: PageRequest): Promise<Page<Partnership>> {
    return rootPage(this.owing(dueOn), 'yearlyReportCompliance', request, partnershipOrder);
  }

  countOwing(dueOn: string): Promise<number> {
    return this.owing(dueOn).getCount();
  }

  private owing(dueOn: string) {
    return this.manager
      .createQueryBuilder(Partnership, 'partnership')
      .where('partnership.status IN (:...owingStatuses)', {
        owingStatuses: [PartnershipStatus.ACTIVE, PartnershipStatus.DISSOLVED],
      })
      .andWhere('partnership.activeFrom IS NOT NULL AND partnership.activeFrom <= :dueOn', { dueOn })
      .andWhere(
        new Brackets((inner) =>
          inner.where('partnership.dissolvedOn IS NULL').orWhere('partnership.dissolvedOn >= :dueOn', { dueOn }),
        ),
      );
  }

  async insert(report: YearlyReport): Promise<void> {
    await this.manager.insert(YearlyReport, report);
  }

  async update(id: string, changes: Partial<YearlyReport>): Promise<void> {
    await this.manager.update(YearlyReport, { id }, changes);
  }
}
