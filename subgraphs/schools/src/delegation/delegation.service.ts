import { z } from 'zod';
import {
  inTransaction,
  AccessScope,
  appendAudit,
  AuditAction,
  capabilitiesForSchool,
  ForbiddenError,
  newId,
  NotFoundError,
  pageInMemory,
  schoolDelegatorRoles,
  validateInput,
  type AuditEntry,
  type Identity,
  type SortKey,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { DataSource, EntityManager } from 'typeorm';
import { SchoolRepository } from '../school/school.repository';
import { SchoolDelegation } from './delegation.entity';
import type { SchoolDelegationInput } from './delegation.input';
import { SchoolDelegationRepository } from './delegation.repository';
import { SchoolActedFor } from './delegation.viewer';

const delegationSchema = z.object({
  urn: z
    .string()
    .trim()
    .regex(/^\d{6}$/, 'must be a URN: exactly 6 digits'),
  clientId: z
    .string()
    .trim()
    .regex(/^[\w.:@-]{1,100}$/, 'must be a client id (letters, digits and . : @ _ -, at most 100)'),
});

const byUrn: readonly SortKey<SchoolActedFor>[] = [{ column: 'urn', value: (acted) => acted.urn }];

const newestFirst: readonly SortKey<SchoolDelegation>[] = [
  { column: 'd.grantedAt', value: (d) => d.grantedAt, descending: true },
  { column: 'd.id', value: (d) => d.id },
];

export const delegationRefusal =
  "Only the school's designated safeguarding lead or headteacher, signed in as a person, may grant or revoke its delegations";

/** The schools a system acts for now (see SubgraphDefinition.delegatedSchools). */
export function delegatedSchoolsOf(db: DataSource, identity: Identity): Promise<string[]> {
  return identity.client
    ? new SchoolDelegationRepository(db.manager, AccessScope.of(identity)).activeSchoolsOf(identity.client.id)
    : Promise.resolve([]);
}

export class SchoolDelegationService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): SchoolDelegationRepository {
    return new SchoolDelegationRepository(manager, this.ctx.scope);
  }

  /** A page of the school's delegations: all of them to its staff, its own to a system, none to others. */
  async ofSchool(urn: string, args: { first?: number | null; after?: string | null }) {
    const rows = await this.ctx.loaders
      .get<string, SchoolDelegation[]>('School.delegations', async (urns) => {
        const found = await this.repository().visibleOfSchools(urns);
        return urns.map((u) => found.filter((row) => row.urn === u));
      })
      .load(urn);
    return pageInMemory(`School.delegations:${urn}`, rows, args, newestFirst);
  }

  /** The caller's own: a system's from every school, a school's staff their school's; bounded. */
  async ofCaller(args: { first?: number | null; after?: string | null }) {
    const rows = await this.repository().visibleToCaller();
    return pageInMemory('Viewer.delegations', rows, args, newestFirst);
  }

  /**
   * A page of the schools the caller acts for, by URN. Cut from the scope's own list: the request
   * already read the system's active delegations once to build its scope, so the page costs no
   * further statement, and it is exactly the set every service checks.
   */
  schoolsActedFor(args: { first?: number | null; after?: string | null }) {
    const identity = this.ctx.scope.identity;
    const acted = (identity ? this.ctx.scope.schoolsActedFor : []).map((urn) =>
      Object.assign(new SchoolActedFor(), { urn, capabilities: identity ? capabilitiesForSchool(identity, urn) : [] }),
    );
    return pageInMemory('Viewer.schoolsActedFor', acted, args, byUrn);
  }

  /** The active delegation the calling system acts through for this school, batched per request. */
  async actedThrough(urn: string): Promise<SchoolDelegation | null> {
    const client = this.ctx.scope.identity?.client;
    if (!client) return null;
    return this.ctx.loaders
      .get<string, SchoolDelegation | null>('Viewer.schoolsActedFor.delegation', async (urns) => {
        const found = await this.repository().activeOfClient(client.id, urns);
        return urns.map((u) => found.find((row) => row.urn === u) ?? null);
      })
      .load(urn);
  }

  async grant(input: SchoolDelegationInput): Promise<SchoolDelegation> {
    const valid = this.validPermitted(input);
    return inTransaction(this.ctx.db, async (manager) => {
      const partnershipId = await this.partnershipOf(manager, valid.urn);
      const repository = this.repository(manager);
      // Granting again what is in force changes nothing: the school sees the one delegation.
      const existing = await repository.activeOf(valid.urn, valid.clientId);
      if (existing) return existing;
      const delegation = Object.assign(new SchoolDelegation(), {
        id: newId(),
        urn: valid.urn,
        clientId: valid.clientId,
        grantedAt: this.ctx.now.toISOString(),
        grantedBy: this.ctx.scope.requireIdentity().subject,
        revokedAt: null,
        revokedBy: null,
      });
      await repository.insert(delegation);
      await appendAudit(this.ctx, [this.auditEntry(AuditAction.CREATE, delegation, partnershipId)], manager);
      this.ctx.logger.info({ urn: valid.urn, delegationId: delegation.id }, 'school delegation granted');
      return delegation;
    });
  }

  async revoke(input: SchoolDelegationInput): Promise<SchoolDelegation> {
    const valid = this.validPermitted(input);
    return inTransaction(this.ctx.db, async (manager) => {
      const partnershipId = await this.partnershipOf(manager, valid.urn);
      const repository = this.repository(manager);
      const active = await repository.activeOf(valid.urn, valid.clientId);
      if (!active) throw new NotFoundError('Active school delegation', `${valid.urn}/${valid.clientId}`);
      const revokedAt = this.ctx.now.toISOString();
      await repository.revoke(active.id, revokedAt, this.ctx.scope.requireIdentity().subject);
      const revoked = Object.assign(new SchoolDelegation(), active, {
        revokedAt,
        revokedBy: this.ctx.scope.requireIdentity().subject,
      });
      await appendAudit(this.ctx, [this.auditEntry(AuditAction.UPDATE, revoked, partnershipId)], manager);
      this.ctx.logger.info({ urn: valid.urn, delegationId: active.id }, 'school delegation revoked');
      return revoked;
    });
  }

  /** Input first (fields named), then who may: the school's own DSL or head, as a person; a system never delegates. */
  private validPermitted(input: SchoolDelegationInput): z.infer<typeof delegationSchema> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(delegationSchema, input);
    const ownDelegator =
      !identity.client &&
      identity.organisation.kind === 'SCHOOL' &&
      identity.organisation.id === valid.urn &&
      this.ctx.scope.hasRole(...schoolDelegatorRoles);
    if (!ownDelegator) throw new ForbiddenError(delegationRefusal, { entityType: 'School', entityId: valid.urn });
    return valid;
  }

  private async partnershipOf(manager: EntityManager, urn: string): Promise<string | null> {
    const schools = new SchoolRepository(manager, this.ctx.scope);
    const [school] = await schools.findByUrns([urn]);
    if (!school) throw new NotFoundError('School', urn);
    const holders = await schools.holdersOfSchool(school, this.ctx.today);
    return holders.designatedBy[0] ?? holders.coveredBy[0] ?? null;
  }

  private auditEntry(action: AuditAction, delegation: SchoolDelegation, partnershipId: string | null): AuditEntry {
    return { action, entityType: 'SchoolDelegation', entityId: delegation.id, partnershipId };
  }
}
