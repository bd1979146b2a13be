import { In, LessThan, MoreThan, Not, type EntityManager, type FindOptionsWhere } from 'typeorm';
import {
  countsOfClauses,
  findInScope,
  findOneInScope,
  pagesOfClauses,
  Role,
  statutoryOrganisationId,
  type AccessScope,
  type MissAttribution,
  type ReferenceData,
  type SortKey,
  visibleWhere,
} from '@safeguarding/shared';
import { ChildProtectionFileTransfer, FileTransferState } from './file-transfer.entity';

type Where = FindOptionsWhere<ChildProtectionFileTransfer>;

const entityType = 'ChildProtectionFileTransfer';

/** The oldest move first (the one waiting longest); the id makes the order total. */
export const fileTransferOrder: readonly SortKey<ChildProtectionFileTransfer>[] = [
  { column: 'transfer.leftOn', value: (t) => t.leftOn },
  { column: 'transfer.id', value: (t) => t.id },
];

/** Which school a nested list of transfers hangs from. */
export type TransferSide = 'out' | 'in';
const sideColumn = { out: 'sendingUrn', in: 'receivingUrn' } as const;

/**
 * File transfers are case-level: every read goes through `visible`, which keeps only the rows of
 * the caller's own school (for its DSL) and of the schools in the caller's local authority's area.
 */
export class FileTransferRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
    private readonly reference: ReferenceData,
  ) {}

  /** The clauses (ORed) the caller may see, or null for none: TypeORM reads `where: []` as no filter at all. */
  private visible(where: Where): Where[] | null {
    const identity = this.scope.requireIdentity();
    const { id: organisationId, kind } = identity.organisation;
    const clauses: Where[] = [];
    // The school's DSL, or a system its schools delegated to, acting with that role.
    const schools = this.scope.schoolsActedFor;
    if (schools.length > 0 && this.scope.hasRole(Role.DESIGNATED_SAFEGUARDING_LEAD)) {
      clauses.push({ ...where, sendingUrn: In([...schools]) }, { ...where, receivingUrn: In([...schools]) });
    }
    if (kind === 'LOCAL_AUTHORITY') {
      const dfeCodes = this.reference.liveLocalAuthorities
        .filter((la) => statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }) === organisationId)
        .map((la) => la.dfeCode);
      if (dfeCodes.length > 0) {
        clauses.push({ ...where, sendingLaDfeCode: In(dfeCodes) }, { ...where, receivingLaDfeCode: In(dfeCodes) });
      }
    }
    return clauses.length > 0 ? clauses : null;
  }

  private async find(where: Where): Promise<ChildProtectionFileTransfer[]> {
    const clauses = this.visible(where);
    if (clauses === null) return [];
    return this.manager.find(ChildProtectionFileTransfer, {
      where: visibleWhere(clauses),
      order: { leftOn: 'ASC', id: 'ASC' },
    });
  }

  /**
   * Who holds a transfer about any of these children, and since when: the holders and dates only,
   * for a child's picture, which decides who may see them (Child.involvements). Not filtered by the
   * caller, as the picture must know every holder to tell whether the caller is one.
   */
  holdersAbout(
    childReferences: readonly string[],
  ): Promise<Pick<ChildProtectionFileTransfer, 'id' | 'childReference' | 'sendingUrn' | 'receivingUrn' | 'leftOn'>[]> {
    if (childReferences.length === 0) return Promise.resolve([]);
    return this.manager.find(ChildProtectionFileTransfer, {
      select: { id: true, childReference: true, sendingUrn: true, receivingUrn: true, leftOn: true },
      where: { childReference: In([...childReferences]) },
      order: { leftOn: 'ASC', id: 'ASC' },
    });
  }

  /** The ids of the transfers about these children the caller may read (`visible`). */
  async readableAbout(childReferences: readonly string[]): Promise<Set<string>> {
    const clauses = this.visible({ childReference: In([...childReferences]) });
    if (childReferences.length === 0 || !clauses) return new Set();
    const rows = await this.manager.find(ChildProtectionFileTransfer, {
      select: { id: true },
      where: visibleWhere(clauses),
    });
    return new Set(rows.map((row) => row.id));
  }

  /** In the caller's scope; one that exists outside it is noted as a refusal, in the trail `misses` names. */
  byIds(ids: readonly string[], misses: MissAttribution): Promise<ChildProtectionFileTransfer[]> {
    return findInScope(
      this.manager,
      this.scope,
      ChildProtectionFileTransfer,
      entityType,
      ids,
      () => this.find({ id: In([...ids]) }),
      misses,
    );
  }

  /** Each school's page of the transfers it sends (or receives), for all of them in one statement. */
  pagesOf(
    side: TransferSide,
    urns: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<ChildProtectionFileTransfer[]> {
    const column = sideColumn[side];
    return pagesOfClauses(
      this.manager,
      ChildProtectionFileTransfer,
      'transfer',
      this.visible({ [column]: In([...urns]) }) ?? [],
      {
        parent: `transfer.${column}`,
        parents: urns.length,
        order: fileTransferOrder,
        after,
        limit,
      },
    );
  }

  countsOf(side: TransferSide, urns: readonly string[]): Promise<Map<string, number>> {
    const column = sideColumn[side];
    return countsOfClauses(
      this.manager,
      ChildProtectionFileTransfer,
      'transfer',
      this.visible({ [column]: In([...urns]) }) ?? [],
      `transfer.${column}`,
    );
  }

  /**
   * Those not yet confirmed that left before `leftBefore`: whether each is overdue is a working-day
   * question the service answers, but one that left too recently cannot be, so it is not read.
   */
  unconfirmed(leftBefore: string): Promise<ChildProtectionFileTransfer[]> {
    return this.find({ state: Not(FileTransferState.RECEIPT_CONFIRMED), leftOn: LessThan(leftBefore) });
  }

  /**
   * For a write, in the caller's scope as byIds, and locked so that two steps on one transfer take
   * turns (SQLite's write transaction holds the database already).
   */
  forUpdate(id: string, misses: MissAttribution): Promise<ChildProtectionFileTransfer | null> {
    return findOneInScope(
      this.manager,
      this.scope,
      ChildProtectionFileTransfer,
      entityType,
      id,
      async () => {
        const where = this.visible({ id });
        if (where === null) return null;
        const lock =
          this.manager.dataSource.options.type === 'better-sqlite3'
            ? {}
            : { lock: { mode: 'pessimistic_write' as const } };
        return this.manager.findOne(ChildProtectionFileTransfer, { where, ...lock });
      },
      misses,
    );
  }

  /** Every transfer, a page at a time in id order, for the start-up reconciliation of obligations (no caller reads them). */
  page(afterId: string | null, size: number): Promise<ChildProtectionFileTransfer[]> {
    return this.manager.find(ChildProtectionFileTransfer, {
      where: afterId ? { id: MoreThan(afterId) } : {},
      order: { id: 'ASC' },
      take: size,
    });
  }

  /** A school's transfers not yet confirmed, whoever asks: its calendar moved their deadlines. */
  unconfirmedSentBy(urn: string): Promise<ChildProtectionFileTransfer[]> {
    return this.manager.find(ChildProtectionFileTransfer, {
      where: { sendingUrn: urn, state: Not(FileTransferState.RECEIPT_CONFIRMED) },
    });
  }

  async insert(transfer: ChildProtectionFileTransfer): Promise<void> {
    await this.manager.insert(ChildProtectionFileTransfer, { ...transfer });
  }

  async update(
    id: string,
    changes: Pick<ChildProtectionFileTransfer, 'state'> &
      Partial<Pick<ChildProtectionFileTransfer, 'sentOn' | 'receivedOn'>>,
  ): Promise<void> {
    await this.manager.update(ChildProtectionFileTransfer, { id }, changes);
  }
}
