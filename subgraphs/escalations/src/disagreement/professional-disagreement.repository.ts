import { Between, In, MoreThan, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  countsOfClauses,
  findInScope,
  pagesOfClauses,
  type AccessScope,
  type SortKey,
  visibleWhere,
} from '@safeguarding/shared';
import { ProfessionalDisagreement } from './professional-disagreement.entity';

type Where = FindOptionsWhere<ProfessionalDisagreement>;

/** Most recently raised first, then by case reference; the id makes the order total. */
export const disagreementOrder: readonly SortKey<ProfessionalDisagreement>[] = [
  { column: 'disagreement.raisedOn', descending: true, value: (d) => d.raisedOn },
  { column: 'disagreement.caseReference', value: (d) => d.caseReference },
  { column: 'disagreement.id', value: (d) => d.id },
];

export type OrganisationSide = 'raised' | 'received';
const sideColumn = { raised: 'raisedByOrganisationId', received: 'raisedWithOrganisationId' } as const;

/**
 * Disagreements are case-level and restricted: every read goes through `visible`, which refuses
 * an anonymous caller and keeps the disagreements the caller's organisation is party to (raised
 * or had raised with it). `partnershipCases` widens that to every case of the caller's own
 * partnerships: the service allows it only to partnership staff who stated a reason.
 */
export class ProfessionalDisagreementRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** `withinPartnerships` narrows to those partnerships without widening the caller's own. */
  private visible(
    where: Where,
    partnershipCases: boolean,
    withinPartnerships: readonly string[] | null = null,
  ): Where[] {
    const identity = this.scope.requireIdentity();
    const organisationId = identity.organisation.id;
    const within: Where = withinPartnerships ? { partnershipId: In([...withinPartnerships]) } : {};
    const own = withinPartnerships
      ? identity.partnershipIds.filter((id) => withinPartnerships.includes(id))
      : identity.partnershipIds;
    const clauses: Where[] = [
      { ...where, ...within, raisedByOrganisationId: organisationId },
      { ...where, ...within, raisedWithOrganisationId: organisationId },
    ];
    if (partnershipCases && own.length > 0) clauses.push({ ...where, partnershipId: In([...own]) });
    return clauses;
  }

  /**
   * Who is in a disagreement about any of these children, and since when: the two organisations and
   * the day only, for a child's picture. Not filtered by the caller, as the picture must know every
   * holder to tell whether the caller is one.
   */
  holdersAbout(
    childReferences: readonly string[],
  ): Promise<
    Pick<
      ProfessionalDisagreement,
      | 'id'
      | 'childReference'
      | 'raisedByOrganisationId'
      | 'raisedByKind'
      | 'raisedWithOrganisationId'
      | 'raisedWithKind'
      | 'raisedOn'
    >[]
  > {
    if (childReferences.length === 0) return Promise.resolve([]);
    return this.manager.find(ProfessionalDisagreement, {
      select: {
        id: true,
        childReference: true,
        raisedByOrganisationId: true,
        raisedByKind: true,
        raisedWithOrganisationId: true,
        raisedWithKind: true,
        raisedOn: true,
      },
      where: { childReference: In([...childReferences]) },
      order: { raisedOn: 'ASC', id: 'ASC' },
    });
  }

  /** The ids of the disagreements about these children the caller reads without a stated reason: its own. */
  async readableAbout(childReferences: readonly string[]): Promise<Set<string>> {
    if (childReferences.length === 0) return new Set();
    const rows = await this.manager.find(ProfessionalDisagreement, {
      select: { id: true },
      where: this.visible({ childReference: In([...childReferences]) }, false),
    });
    return new Set(rows.map((row) => row.id));
  }

  /** In the caller's scope; one that exists outside it is noted as a refusal. */
  findByIds(ids: readonly string[], partnershipCases: boolean): Promise<ProfessionalDisagreement[]> {
    return findInScope(this.manager, this.scope, ProfessionalDisagreement, 'ProfessionalDisagreement', ids, () =>
      this.manager.find(ProfessionalDisagreement, {
        where: visibleWhere(this.visible({ id: In([...ids]) }, partnershipCases)),
      }),
    );
  }

  /**
   * The disagreements some organisations raised (or received), by the same rule as `visible`: all
   * of the caller's own organisation's, those where the caller's organisation is the other party,
   * and with `partnershipCases` those in the caller's partnerships.
   */
  private organisationClauses(
    side: OrganisationSide,
    organisationIds: readonly string[],
    partnershipCases: boolean,
  ): Where[] {
    const identity = this.scope.requireIdentity();
    const own = identity.organisation.id;
    const column = sideColumn[side];
    const other = side === 'raised' ? 'raisedWithOrganisationId' : 'raisedByOrganisationId';
    const clauses: Where[] = [{ [column]: In([...organisationIds]), [other]: own }];
    if (organisationIds.includes(own)) clauses.push({ [column]: own });
    if (partnershipCases && identity.partnershipIds.length > 0) {
      clauses.push({ [column]: In([...organisationIds]), partnershipId: In([...identity.partnershipIds]) });
    }
    return clauses;
  }

  /** Each organisation's page, for all of them in one statement. */
  pagesOfOrganisations(
    side: OrganisationSide,
    organisationIds: readonly string[],
    partnershipCases: boolean,
    after: readonly string[] | null,
    limit: number,
  ): Promise<ProfessionalDisagreement[]> {
    return pagesOfClauses(
      this.manager,
      ProfessionalDisagreement,
      'disagreement',
      this.organisationClauses(side, organisationIds, partnershipCases),
      {
        parent: `disagreement.${sideColumn[side]}`,
        parents: organisationIds.length,
        order: disagreementOrder,
        after,
        limit,
      },
    );
  }

  countsOfOrganisations(
    side: OrganisationSide,
    organisationIds: readonly string[],
    partnershipCases: boolean,
  ): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      ProfessionalDisagreement,
      'disagreement',
      this.organisationClauses(side, organisationIds, partnershipCases),
      `disagreement.${sideColumn[side]}`,
    );
  }

  /** Each partnership's page, for all of them in one statement. */
  pagesOfPartnerships(
    partnershipIds: readonly string[],
    partnershipCases: boolean,
    after: readonly string[] | null,
    limit: number,
  ): Promise<ProfessionalDisagreement[]> {
    return pagesOfClauses(
      this.manager,
      ProfessionalDisagreement,
      'disagreement',
      this.visible({}, partnershipCases, partnershipIds),
      {
        parent: 'disagreement.partnershipId',
        parents: partnershipIds.length,
        order: disagreementOrder,
        after,
        limit,
      },
    );
  }

  countsOfPartnerships(partnershipIds: readonly string[], partnershipCases: boolean): Promise<Map<string, number>> {
    return countsOfClauses(
      this.manager,
      ProfessionalDisagreement,
      'disagreement',
      this.visible({}, partnershipCases, partnershipIds),
      'disagreement.partnershipId',
    );
  }

  /**
   * Every disagreement of a partnership raised in a period, for its aggregate report. Not filtered
   * by party: the service admits only that partnership's staff, and returns counts, never rows.
   */
  forReport(partnershipIds: readonly string[], from: string, to: string): Promise<ProfessionalDisagreement[]> {
    return this.manager.find(ProfessionalDisagreement, {
      where: { partnershipId: In([...partnershipIds]), raisedOn: Between(from, to) },
    });
  }

  /** Every disagreement, a page at a time in id order, for the start-up reconciliation of obligations. */
  page(afterId: string | null, size: number): Promise<ProfessionalDisagreement[]> {
    return this.manager.find(ProfessionalDisagreement, {
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: size,
    });
  }

  async insert(disagreement: ProfessionalDisagreement): Promise<void> {
    await this.manager.insert(ProfessionalDisagreement, disagreement);
  }

  /** Applies a transition only if no other event was appended since the disagreement was read. */
  async applyTransition(
    disagreement: ProfessionalDisagreement,
    changes: Partial<
      Pick<
        ProfessionalDisagreement,
        | 'status'
        | 'stagePosition'
        | 'stageName'
        | 'stageStartedOn'
        | 'stageDueOn'
        | 'stageDueRule'
        | 'stageDueProvisional'
        | 'closedOn'
        | 'childAtImmediateRisk'
        | 'lastEventSequence'
      >
    >,
  ): Promise<boolean> {
    const result = await this.manager.update(
      ProfessionalDisagreement,
      { id: disagreement.id, lastEventSequence: disagreement.lastEventSequence },
      changes,
    );
    return result.affected === 1;
  }
}
