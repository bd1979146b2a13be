import { In, IsNull, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { partnershipStaffRoles, type AccessScope } from '@safeguarding/shared';
import { SchoolSafeguardingStandard } from './school-safeguarding-standard.entity';
import { SchoolSafeguardingAction, SchoolSafeguardingRating, SchoolSafeguardingReturn } from './school-safeguarding-return.entity';

/** Standards are the partnership's published expectations of its schools: public. */
export class SchoolSafeguardingStandardRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  ofPartnerships(partnershipIds: readonly string[]): Promise<SchoolSafeguardingStandard[]> {
    return this.manager.find(SchoolSafeguardingStandard, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { partnershipId: 'ASC', position: 'ASC' },
    });
  }

  // Delete first, so the unique (partnershipId, key) index never sees old and new together.
  async replace(partnershipId: string, standards: SchoolSafeguardingStandard[]): Promise<void> {
    await this.manager.delete(SchoolSafeguardingStandard, { partnershipId });
    await this.manager.insert(SchoolSafeguardingStandard, standards.map((standard) => ({ ...standard })));
  }
}

type Restricted = { partnershipId: string; urn: string };

/**
 * Returns, ratings and actions are restricted: every read goes through `visible`, which keeps the
 * rows of the caller's own school and, for partnership staff, every row of the partnerships they
 * act in. Ratings and actions carry the return's partnership and URN so the rule needs no join.
 */
export class SchoolSafeguardingReturnRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** The clauses (ORed) the caller may see, or null for none: TypeORM reads `where: []` as no filter at all. */
  private visible<T extends Restricted>(where: FindOptionsWhere<T>): FindOptionsWhere<T>[] | null {
    const identity = this.scope.requireIdentity();
    const clauses: FindOptionsWhere<T>[] = [];
    if (identity.organisation.kind === 'SCHOOL') clauses.push({ ...where, urn: identity.organisation.id } as FindOptionsWhere<T>);
    if (this.scope.hasRole(...partnershipStaffRoles) && identity.partnershipIds.length > 0) {
      clauses.push({ ...where, partnershipId: In([...identity.partnershipIds]) } as FindOptionsWhere<T>);
    }
    return clauses.length > 0 ? clauses : null;
  }

  returnsOfPartnerships(partnershipIds: readonly string[], financialYear: string | null): Promise<SchoolSafeguardingReturn[]> {
    const where = this.visible<SchoolSafeguardingReturn>({ partnershipId: In([...partnershipIds]), ...(financialYear ? { financialYear } : {}) });
    if (where === null) return Promise.resolve([]);
    return this.manager.find(SchoolSafeguardingReturn, { where, order: { financialYear: 'DESC', submittedOn: 'ASC', urn: 'ASC' } });
  }

  returnsOfSchools(urns: readonly string[]): Promise<SchoolSafeguardingReturn[]> {
    const where = this.visible<SchoolSafeguardingReturn>({ urn: In([...urns]) });
    if (where === null) return Promise.resolve([]);
    return this.manager.find(SchoolSafeguardingReturn, { where, order: { financialYear: 'DESC', partnershipId: 'ASC' } });
  }

  ratingsOfReturns(returnIds: readonly string[]): Promise<SchoolSafeguardingRating[]> {
    const where = this.visible<SchoolSafeguardingRating>({ returnId: In([...returnIds]) });
    if (where === null) return Promise.resolve([]);
    return this.manager.find(SchoolSafeguardingRating, { where });
  }

  actionsOfRatings(ratingIds: readonly string[]): Promise<SchoolSafeguardingAction[]> {
    const where = this.visible<SchoolSafeguardingAction>({ ratingId: In([...ratingIds]) });
    if (where === null) return Promise.resolve([]);
    return this.manager.find(SchoolSafeguardingAction, { where, order: { dueOn: 'ASC' } });
  }

  overdueActions(partnershipIds: readonly string[], today: string): Promise<SchoolSafeguardingAction[]> {
    const where = this.visible<SchoolSafeguardingAction>({ partnershipId: In([...partnershipIds]), completedOn: IsNull(), dueOn: LessThan(today) });
    if (where === null) return Promise.resolve([]);
    return this.manager.find(SchoolSafeguardingAction, { where, order: { dueOn: 'ASC', id: 'ASC' } });
  }

  findReturn(partnershipId: string, urn: string, financialYear: string): Promise<SchoolSafeguardingReturn | null> {
    return this.manager.findOneBy(SchoolSafeguardingReturn, { partnershipId, urn, financialYear });
  }

  /** Unfiltered: the service decides who may complete it, and says so, rather than pretending it is absent. */
  findAction(id: string): Promise<SchoolSafeguardingAction | null> {
    return this.manager.findOneBy(SchoolSafeguardingAction, { id });
  }

  async insert(submitted: SchoolSafeguardingReturn, ratings: SchoolSafeguardingRating[], actions: SchoolSafeguardingAction[]): Promise<void> {
    await this.manager.insert(SchoolSafeguardingReturn, { ...submitted });
    await this.manager.insert(SchoolSafeguardingRating, ratings.map((rating) => ({ ...rating })));
    if (actions.length > 0) await this.manager.insert(SchoolSafeguardingAction, actions.map((action) => ({ ...action })));
  }

  async completeAction(id: string, completedOn: string): Promise<void> {
    await this.manager.update(SchoolSafeguardingAction, { id }, { completedOn });
  }
}
