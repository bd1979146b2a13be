import {
  In,
  IsNull,
  LessThan,
  MoreThan,
  MoreThanOrEqual,
  Not,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import {
  countOfClauses,
  countsOfClauses,
  findInScope,
  pageOfClauses,
  pagesOfClauses,
  type AccessScope,
  type Page,
  type PageRequest,
  type SortKey,
  visibleWhere,
} from '@safeguarding/shared';
import { Referral, ReferralStatus } from './referral.entity';
import { referralRoles } from './referral.roles';
import { PartnershipAreaRepository } from '../partnership-area/partnership-area.repository';

/** The longest overdue first; the id makes the order total. */
export const overdueReferralOrder: readonly SortKey<Referral>[] = [
  { column: 'referral.dueOn', value: (r) => r.dueOn },
  { column: 'referral.id', value: (r) => r.id },
];

/** Newest first, as a case list is read; the id makes the order total. */
export const referralOrder: readonly SortKey<Referral>[] = [
  { column: 'referral.receivedAt', descending: true, value: (r) => r.receivedAt },
  { column: 'referral.id', value: (r) => r.id },
];

type Where = FindOptionsWhere<Referral>;

/** Which organisation a nested list of referrals hangs from. */
export type ReferralSide = 'made' | 'received';
const sideColumn = { made: 'referrerOrganisationId', received: 'receivingAuthorityId' } as const;

/**
 * Referrals are case-level and restricted to two organisations: every read goes through `visible`,
 * which keeps those the caller's organisation made or received. Partnership roles widen nothing,
 * and a caller without a case-work role sees none.
 */
export class ReferralRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: Where): Where[] {
    const identity = this.scope.requireIdentity();
    if (!this.scope.hasRole(...referralRoles)) return [];
    const own = identity.organisation.id;
    const clauses: Where[] = [{ ...where, referrerOrganisationId: own }];
    if (identity.organisation.kind === 'LOCAL_AUTHORITY') clauses.push({ ...where, receivingAuthorityId: own });
    return clauses;
  }

  // TypeORM reads an empty `where` list as no filter at all, so "nothing visible" must stop here.
  private async find(where: Where[]): Promise<Referral[]> {
    if (where.length === 0) return [];
    return this.manager.find(Referral, { where, order: { receivedAt: 'DESC', id: 'ASC' } });
  }

  /** A referral the caller may not see is recorded in the trail of the partnership covering its receiving authority. */
  findByIds(ids: readonly string[]): Promise<Referral[]> {
    return findInScope(
      this.manager,
      this.scope,
      Referral,
      'Referral',
      ids,
      () => this.find(this.visible({ id: In([...ids]) })),
      {
        columns: ['receivingLocalAuthorityGssCode'],
        partnershipsOf: async (existing) => {
          const holders = await new PartnershipAreaRepository(this.manager).activeHolders(
            existing.map((row) => String(row['receivingLocalAuthorityGssCode'])),
          );
          return new Map(
            existing.flatMap((row) => {
              const holder = holders.get(String(row['receivingLocalAuthorityGssCode']));
              return holder ? [[String(row['id']), holder] as const] : [];
            }),
          );
        },
      },
    );
  }

  madeBy(organisationIds: readonly string[]): Promise<Referral[]> {
    return this.find(this.visible({ referrerOrganisationId: In([...organisationIds]) }));
  }

  receivedBy(agencyIds: readonly string[]): Promise<Referral[]> {
    return this.find(this.visible({ receivingAuthorityId: In([...agencyIds]) }));
  }

  /** Each organisation's page of the referrals it made (or received), for all of them in one statement. */
  pagesOf(
    side: ReferralSide,
    organisationIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<Referral[]> {
    const column = sideColumn[side];
    return pagesOfClauses(this.manager, Referral, 'referral', this.visible({ [column]: In([...organisationIds]) }), {
      parent: `referral.${column}`,
      parents: organisationIds.length,
      order: referralOrder,
      after,
      limit,
    });
  }

  countsOf(side: ReferralSide, organisationIds: readonly string[]): Promise<Map<string, number>> {
    const column = sideColumn[side];
    return countsOfClauses(
      this.manager,
      Referral,
      'referral',
      this.visible({ [column]: In([...organisationIds]) }),
      `referral.${column}`,
    );
  }

  /** Referrals to the caller's own authority still undecided after their due date. */
  private overdueClauses(today: string): FindOptionsWhere<Referral>[] {
    const identity = this.scope.requireIdentity();
    if (identity.organisation.kind !== 'LOCAL_AUTHORITY' || !this.scope.hasRole(...referralRoles)) return [];
    return [
      {
        receivingAuthorityId: identity.organisation.id,
        status: In([ReferralStatus.RECEIVED, ReferralStatus.ACKNOWLEDGED]),
        dueOn: LessThan(today),
      },
    ];
  }

  /** A page of the caller's authority's overdue referrals, cut in SQL. */
  overduePage(today: string, request: PageRequest): Promise<Page<Referral>> {
    return pageOfClauses(
      this.manager,
      Referral,
      'referral',
      this.overdueClauses(today),
      'overdueReferrals',
      request,
      overdueReferralOrder,
    );
  }

  countOverdue(today: string): Promise<number> {
    return countOfClauses(this.manager, Referral, this.overdueClauses(today));
  }

  /** The caller's own organisation's submission under this key, if any. */
  async byIdempotencyKey(idempotencyKey: string): Promise<Referral | null> {
    const identity = this.scope.requireIdentity();
    return this.manager.findOneBy(Referral, { referrerOrganisationId: identity.organisation.id, idempotencyKey });
  }

  /**
   * The newest earlier referral about the same child to the same authority since a date, from any
   * referrer. Not filtered by the caller: only its id is kept, as a link that `visible` guards.
   */
  async latestAboutChild(
    receivingAuthorityId: string,
    childReference: string,
    nhsNumber: string | null,
    since: string,
  ): Promise<Referral | null> {
    const base: Where = { receivingAuthorityId, receivedOn: MoreThanOrEqual(since) };
    const clauses: Where[] = [{ ...base, childReference }];
    if (nhsNumber) clauses.push({ ...base, nhsNumber });
    const [latest] = await this.manager.find(Referral, {
      where: visibleWhere(clauses),
      order: { receivedAt: 'DESC' },
      take: 1,
    });
    return latest ?? null;
  }

  /**
   * Who holds a referral about any of these children, and since when: the two organisations and the
   * day only, for a child's picture, which decides who may see them (Child.involvements). Not
   * filtered by the caller, as the picture must know every holder to tell whether the caller is one.
   */
  holdersAbout(
    childReferences: readonly string[],
  ): Promise<
    Pick<
      Referral,
      | 'id'
      | 'childReference'
      | 'referrerOrganisationId'
      | 'referrerKind'
      | 'receivingAuthorityId'
      | 'receivedOn'
      | 'homeLocalAuthorityGssCode'
    >[]
  > {
    if (childReferences.length === 0) return Promise.resolve([]);
    return this.manager.find(Referral, {
      select: {
        id: true,
        childReference: true,
        referrerOrganisationId: true,
        referrerKind: true,
        receivingAuthorityId: true,
        receivedOn: true,
        homeLocalAuthorityGssCode: true,
      },
      where: { childReference: In([...childReferences]) },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
  }

  /** The ids of the referrals about these children the caller may read (`visible`). */
  async readableAbout(childReferences: readonly string[]): Promise<Set<string>> {
    const clauses = this.visible({ childReference: In([...childReferences]) });
    if (childReferences.length === 0 || clauses.length === 0) return new Set();
    const rows = await this.manager.find(Referral, { select: { id: true }, where: visibleWhere(clauses) });
    return new Set(rows.map((row) => row.id));
  }

  /** The caller's referrals about any of these children, under the referral's own rule (`visible`). */
  /**
   * The first `limit` visible referrals under each reference, after the key, in one statement: a
   * child's page is the first of those under its references, however a fetch's children share them.
   */
  pagesAboutChildren(
    childReferences: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<Referral[]> {
    if (childReferences.length === 0) return Promise.resolve([]);
    return pagesOfClauses(
      this.manager,
      Referral,
      'referral',
      this.visible({ childReference: In([...childReferences]) }),
      { parent: 'referral.childReference', parents: childReferences.length, order: referralOrder, after, limit },
    );
  }

  /** The visible referrals under each reference, in one statement. */
  countsAboutChildren(childReferences: readonly string[]): Promise<Map<string, number>> {
    if (childReferences.length === 0) return Promise.resolve(new Map<string, number>());
    return countsOfClauses(
      this.manager,
      Referral,
      'referral',
      this.visible({ childReference: In([...childReferences]) }),
      'referral.childReference',
    );
  }

  /**
   * The pseudonymous references referrers used for the children with these NHS numbers, or
   * sharing an NHS number with a referral under one of these references: how the graph links a
   * child's records without any other service holding the number. Only the references leave.
   */
  async referencesLinkedTo(link: { nhsNumber: string } | { childReference: string }): Promise<string[]> {
    const numbers =
      'nhsNumber' in link
        ? [link.nhsNumber]
        : (
            await this.manager.find(Referral, {
              select: { nhsNumber: true },
              where: { childReference: link.childReference, nhsNumber: Not(IsNull()) },
            })
          ).flatMap((row) => (row.nhsNumber ? [row.nhsNumber] : []));
    if (numbers.length === 0) return [];
    const rows = await this.manager.find(Referral, {
      select: { childReference: true },
      where: { nhsNumber: In([...new Set(numbers)]) },
      order: { receivedAt: 'ASC', id: 'ASC' },
    });
    return [...new Set(rows.map((row) => row.childReference))];
  }

  /**
   * Every referral, a page at a time in id order, for the start-up reconciliation of obligations.
   * Not filtered by a caller: no one reads these rows, they only recompute the ledger.
   */
  page(afterId: string | null, size: number): Promise<Referral[]> {
    return this.manager.find(Referral, {
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: size,
    });
  }

  async insert(referral: Referral): Promise<void> {
    await this.manager.insert(Referral, { ...referral });
  }

  /** Applies a response only if the referral is still in the state it was read in. */
  async applyTransition(
    referral: Referral,
    changes: Partial<
      Pick<
        Referral,
        | 'status'
        | 'acknowledgedAt'
        | 'acknowledgedOn'
        | 'acknowledgedAtSource'
        | 'decision'
        | 'decidedAt'
        | 'decidedOn'
        | 'decidedAtSource'
        | 'feedback'
        | 'respondedBy'
      >
    >,
  ): Promise<boolean> {
    const result = await this.manager.update(Referral, { id: referral.id, status: referral.status }, changes);
    return result.affected === 1;
  }
}
