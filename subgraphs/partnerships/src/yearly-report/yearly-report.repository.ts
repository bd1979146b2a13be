import { In, IsNull, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { partnershipStaffRoles, Role, type AccessScope, findInScope, findOneInScope } from '@safeguarding/shared';
import { Partnership, PartnershipStatus } from '../partnership/partnership.entity';
import { YearlyReport } from './yearly-report.entity';

/** Published reports are public; one not yet published is seen by its partnership's staff and the Panel. */
export class YearlyReportRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** `within`: the partnerships asked for; the caller's own are intersected with it, never spread over it. */
  private visible(where: Omit<FindOptionsWhere<YearlyReport>, 'partnershipId'>, within?: readonly string[]): FindOptionsWhere<YearlyReport>[] {
    const asked = within ? { partnershipId: In([...within]) } : {};
    if (this.scope.hasRole(Role.PANEL_MEMBER)) return [{ ...where, ...asked }];
    const clauses: FindOptionsWhere<YearlyReport>[] = [{ ...where, ...asked, publishedOn: Not(IsNull()) }];
    const staffOf = this.scope.hasRole(...partnershipStaffRoles) ? (this.scope.identity?.partnershipIds ?? []) : [];
    const own = staffOf.filter((id) => !within || within.includes(id));
    if (own.length > 0) clauses.push({ ...where, publishedOn: IsNull(), partnershipId: In([...own]) });
    return clauses;
  }

  ofPartnerships(partnershipIds: readonly string[]): Promise<YearlyReport[]> {
    return this.manager.find(YearlyReport, {
      where: this.visible({}, partnershipIds),
      order: { financialYearStart: 'DESC' },
    });
  }

  findByIds(ids: readonly string[]): Promise<YearlyReport[]> {
    return findInScope(this.manager, this.scope, YearlyReport, 'YearlyReport', ids, () => this.manager.find(YearlyReport, { where: this.visible({ id: In([...ids]) }) }));
  }

  findById(id: string): Promise<YearlyReport | null> {
    return findOneInScope(this.manager, this.scope, YearlyReport, 'YearlyReport', id, () => this.manager.findOne(YearlyReport, { where: this.visible({ id }) }));
  }

  forYear(financialYearStart: number): Promise<YearlyReport[]> {
    return this.manager.find(YearlyReport, { where: this.visible({ financialYearStart }) });
  }

  exists(partnershipId: string, financialYearStart: number): Promise<boolean> {
    return this.manager.existsBy(YearlyReport, { partnershipId, financialYearStart });
  }

  /** Partnerships that owe a report for a year: active, or dissolved after the year began. */
  /** Partnerships whose arrangements were in force on a year's due date: only they owe its report. */
  async partnershipsOwing(dueOn: string): Promise<Partnership[]> {
    const all = await this.manager.find(Partnership, {
      where: [{ status: PartnershipStatus.ACTIVE }, { status: PartnershipStatus.DISSOLVED }],
      order: { name: 'ASC' },
    });
    return all.filter((p) => p.activeFrom !== null && p.activeFrom <= dueOn && (p.dissolvedOn === null || p.dissolvedOn >= dueOn));
  }

  async insert(report: YearlyReport): Promise<void> {
    await this.manager.insert(YearlyReport, report);
  }

  async update(id: string, changes: Partial<YearlyReport>): Promise<void> {
    await this.manager.update(YearlyReport, { id }, changes);
  }
}
