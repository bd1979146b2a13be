import { In, IsNull, LessThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { partnershipStaffRoles, type AccessScope } from '@safeguarding/shared';
import { Section11Standard } from './section11-standard.entity';
import { Section11Action, Section11Rating, Section11Return } from './section11-return.entity';

/** Standards are the partnership's published expectations of its agencies: public. */
export class Section11StandardRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  ofPartnerships(partnershipIds: readonly string[]): Promise<Section11Standard[]> {
    return this.manager.find(Section11Standard, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { partnershipId: 'ASC', position: 'ASC' },
    });
  }

  // Delete first, so the unique (partnershipId, key) index never sees old and new together.
  async replace(partnershipId: string, standards: Section11Standard[]): Promise<void> {
    await this.manager.delete(Section11Standard, { partnershipId });
    await this.manager.insert(Section11Standard, standards);
  }
}

type Restricted = { partnershipId: string; agencyId: string };

/**
 * Returns, ratings and actions are restricted: every read goes through `visible`, which refuses an
 * anonymous caller and keeps the rows of the caller's own agency and, for partnership staff, every
 * row of the partnerships they act in. Ratings and actions carry the return's partnership and
 * agency so the same rule applies to them without a join.
 */
export class Section11ReturnRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible<T extends Restricted>(where: FindOptionsWhere<T>): FindOptionsWhere<T>[] {
    const identity = this.scope.requireIdentity();
    const clauses = [{ ...where, agencyId: identity.organisation.id } as FindOptionsWhere<T>];
    if (this.scope.hasRole(...partnershipStaffRoles) && identity.partnershipIds.length > 0) {
      clauses.push({ ...where, partnershipId: In([...identity.partnershipIds]) } as FindOptionsWhere<T>);
    }
    return clauses;
  }

  returnsOfPartnerships(partnershipIds: readonly string[], financialYear: string | null): Promise<Section11Return[]> {
    const where: FindOptionsWhere<Section11Return> = { partnershipId: In([...partnershipIds]), ...(financialYear ? { financialYear } : {}) };
    return this.manager.find(Section11Return, { where: this.visible(where), order: { financialYear: 'DESC', submittedOn: 'ASC' } });
  }

  returnsOfAgencies(agencyIds: readonly string[]): Promise<Section11Return[]> {
    return this.manager.find(Section11Return, {
      where: this.visible<Section11Return>({ agencyId: In([...agencyIds]) }),
      order: { financialYear: 'DESC', partnershipId: 'ASC' },
    });
  }

  ratingsOfReturns(returnIds: readonly string[]): Promise<Section11Rating[]> {
    return this.manager.find(Section11Rating, { where: this.visible<Section11Rating>({ returnId: In([...returnIds]) }) });
  }

  actionsOfRatings(ratingIds: readonly string[]): Promise<Section11Action[]> {
    return this.manager.find(Section11Action, {
      where: this.visible<Section11Action>({ ratingId: In([...ratingIds]) }),
      order: { dueOn: 'ASC' },
    });
  }

  overdueActions(partnershipIds: readonly string[], today: string): Promise<Section11Action[]> {
    return this.manager.find(Section11Action, {
      where: this.visible<Section11Action>({ partnershipId: In([...partnershipIds]), completedOn: IsNull(), dueOn: LessThan(today) }),
      order: { dueOn: 'ASC' },
    });
  }

  findReturn(partnershipId: string, agencyId: string, financialYear: string): Promise<Section11Return | null> {
    return this.manager.findOneBy(Section11Return, { partnershipId, agencyId, financialYear });
  }

  /** Unfiltered: the service decides who may complete it, and says so, rather than pretending it is absent. */
  findAction(id: string): Promise<Section11Action | null> {
    return this.manager.findOneBy(Section11Action, { id });
  }

  async insert(submitted: Section11Return, ratings: Section11Rating[], actions: Section11Action[]): Promise<void> {
    await this.manager.insert(Section11Return, submitted);
    await this.manager.insert(Section11Rating, ratings);
    if (actions.length > 0) await this.manager.insert(Section11Action, actions);
  }

  async completeAction(id: string, completedOn: string): Promise<void> {
    await this.manager.update(Section11Action, { id }, { completedOn });
  }
}
