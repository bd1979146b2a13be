import { In, MoreThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  countOfClauses,
  countsOfClauses,
  findInScope,
  pageOfClauses,
  pagesOfClauses,
  partnershipStaffRoles,
  Role,
  type AccessScope,
  type Page,
  type PageRequest,
  type SortKey,
} from '@safeguarding/shared';
import { NationalEscalation, type NationalEscalationStatus } from './national-escalation.entity';

type Where = FindOptionsWhere<NationalEscalation>;

/** Newest first; the id makes the order total. */
export const nationalEscalationOrder: readonly SortKey<NationalEscalation>[] = [
  { column: 'national.raisedOn', descending: true, value: (e) => e.raisedOn },
  { column: 'national.id', value: (e) => e.id },
];

/**
 * Every read goes through `visible`: the Panel sees every partnership's national escalations;
 * a partnership's staff see their own partnerships'; nobody else sees any.
 */
export class NationalEscalationRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: Omit<Where, 'partnershipId'>, within: readonly string[] | null = null): Where[] {
    const identity = this.scope.requireIdentity();
    if (this.scope.hasRole(Role.PANEL_MEMBER))
      return [{ ...where, ...(within ? { partnershipId: In([...within]) } : {}) }];
    if (!this.scope.hasRole(...partnershipStaffRoles)) return [];
    const own = identity.partnershipIds.filter((id) => within?.includes(id) ?? true);
    return own.length > 0 ? [{ ...where, partnershipId: In(own) }] : [];
  }

  private async find(where: Where[]): Promise<NationalEscalation[]> {
    if (where.length === 0) return [];
    return this.manager.find(NationalEscalation, { where, order: { raisedOn: 'DESC', id: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<NationalEscalation[]> {
    return findInScope(this.manager, this.scope, NationalEscalation, 'NationalEscalation', ids, () =>
      this.find(this.visible({ id: In([...ids]) })),
    );
  }

  /** A page of what the caller may see, cut in SQL. */
  visiblePage(status: NationalEscalationStatus | null, request: PageRequest): Promise<Page<NationalEscalation>> {
    return pageOfClauses(
      this.manager,
      NationalEscalation,
      'national',
      this.visible(status ? { status } : {}),
      'nationalEscalations',
      request,
      nationalEscalationOrder,
    );
  }

  count(status: NationalEscalationStatus | null): Promise<number> {
    return countOfClauses(this.manager, NationalEscalation, this.visible(status ? { status } : {}));
  }

  /** Each partnership's page, for all of them in one statement. */
  pagesOf(
    partnershipIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<NationalEscalation[]> {
    return pagesOfClauses(this.manager, NationalEscalation, 'national', this.visible({}, partnershipIds), {
      parent: 'national.partnershipId',
      parents: partnershipIds.length,
      order: nationalEscalationOrder,
      after,
      limit,
    });
  }

  countsOf(partnershipIds: readonly string[]): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      NationalEscalation,
      'national',
      this.visible({}, partnershipIds),
      'national.partnershipId',
    );
  }

  /** Every national escalation, a page at a time in id order, for the start-up reconciliation of obligations. */
  page(afterId: string | null, size: number): Promise<NationalEscalation[]> {
    return this.manager.find(NationalEscalation, {
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: size,
    });
  }

  async insert(escalation: NationalEscalation): Promise<void> {
    await this.manager.insert(NationalEscalation, escalation);
  }

  /** Applies a transition only if no other event was appended since the escalation was read. */
  async applyTransition(
    escalation: NationalEscalation,
    changes: Pick<NationalEscalation, 'status' | 'closedOn' | 'lastEventSequence'> &
      Partial<Pick<NationalEscalation, 'acknowledgedOn'>>,
  ): Promise<boolean> {
    const result = await this.manager.update(
      NationalEscalation,
      { id: escalation.id, lastEventSequence: escalation.lastEventSequence },
      changes,
    );
    return result.affected === 1;
  }
}
