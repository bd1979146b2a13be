import { In, IsNull, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { SchoolDelegation } from './delegation.entity';

/** Most delegations a school's page of them reads; a school has a handful of systems. */
export const delegationsPerSchoolLimit = 200;

/** Delegations are seen by the school's own staff and by the system each one names, never by others. */
export class SchoolDelegationRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  /** The rows of these schools the caller may see, in one statement for the whole batch. */
  async visibleOfSchools(urns: readonly string[]): Promise<SchoolDelegation[]> {
    const identity = this.scope.identity;
    if (!identity) return [];
    const own =
      identity.organisation.kind === 'SCHOOL' && urns.includes(identity.organisation.id)
        ? [identity.organisation.id]
        : [];
    const where = [
      ...(own.length > 0 ? [{ urn: In(own) }] : []),
      ...(identity.client ? [{ urn: In([...urns]), clientId: identity.client.id }] : []),
    ];
    if (where.length === 0) return [];
    return this.manager.find(SchoolDelegation, {
      where,
      order: { grantedAt: 'DESC', id: 'ASC' },
      take: delegationsPerSchoolLimit * urns.length,
    });
  }

  /** The caller's own delegations (a system's, or its school's), newest first, at most the limit. */
  visibleToCaller(): Promise<SchoolDelegation[]> {
    const identity = this.scope.identity;
    if (!identity) return Promise.resolve([]);
    const where = identity.client
      ? { clientId: identity.client.id }
      : identity.organisation.kind === 'SCHOOL'
        ? { urn: identity.organisation.id }
        : null;
    if (!where) return Promise.resolve([]);
    return this.manager.find(SchoolDelegation, {
      where,
      order: { grantedAt: 'DESC', id: 'ASC' },
      take: delegationsPerSchoolLimit,
    });
  }

  activeOf(urn: string, clientId: string): Promise<SchoolDelegation | null> {
    const where = { urn, clientId, revokedAt: IsNull() };
    const lock = this.lockMode();
    return this.manager.findOne(SchoolDelegation, lock ? { where, lock } : { where });
  }

  /** The schools a system acts for now: one statement per request of a system. */
  async activeSchoolsOf(clientId: string): Promise<string[]> {
    const rows = await this.manager.find(SchoolDelegation, {
      select: { urn: true },
      where: { clientId, revokedAt: IsNull() },
    });
    return rows.map((row) => row.urn);
  }

  /** The client's active delegations from these schools, in one statement for the batch. */
  activeOfClient(clientId: string, urns: readonly string[]): Promise<SchoolDelegation[]> {
    return this.manager.find(SchoolDelegation, { where: { clientId, urn: In([...urns]), revokedAt: IsNull() } });
  }

  async insert(delegation: SchoolDelegation): Promise<void> {
    await this.manager.insert(SchoolDelegation, { ...delegation });
  }

  async revoke(id: string, revokedAt: string, revokedBy: string): Promise<void> {
    await this.manager.update(SchoolDelegation, { id }, { revokedAt, revokedBy });
  }

  // SQLite's transactions already take turns; MySQL locks the row so two grants cannot both insert.
  private lockMode(): { mode: 'pessimistic_write' } | undefined {
    return this.manager.dataSource.options.type === 'better-sqlite3' ? undefined : { mode: 'pessimistic_write' };
  }
}
