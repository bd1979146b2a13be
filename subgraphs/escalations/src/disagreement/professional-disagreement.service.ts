import {
  alignByKey,
  appendAudit,
  AuditAction,
  BadUserInputError,
  DeadlineView,
  ForbiddenError,
  groupByKey,
  partnershipStaffRoles,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { DisagreementStatus, ProfessionalDisagreement } from './professional-disagreement.entity';
import { ProfessionalDisagreementRepository } from './professional-disagreement.repository';

const stageBasis = 'Partnership escalation policy (local practice)';

export class ProfessionalDisagreementService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ProfessionalDisagreementRepository {
    return new ProfessionalDisagreementRepository(manager, this.ctx.scope);
  }

  /**
   * Party to a disagreement: the organisation that raised it or had it raised with it. Anyone else
   * (partnership staff, the scrutineer) must state why, and the read raises an alert.
   */
  isParty(disagreement: ProfessionalDisagreement): boolean {
    const organisationId = this.ctx.scope.identity?.organisation.id;
    return disagreement.raisedByOrganisationId === organisationId || disagreement.raisedWithOrganisationId === organisationId;
  }

  // Permission first: an anonymous caller is refused before any query, and a stated reason widens
  // the search only for partnership staff. Audit last: every row returned is recorded.
  async byId(id: string, accessReason: string | null = null): Promise<ProfessionalDisagreement | null> {
    this.ctx.scope.requireIdentity();
    const reason = this.statedReason(accessReason);
    const found = await this.ctx.loaders
      .get<string, ProfessionalDisagreement | null>(`ProfessionalDisagreement.byId:${reason ?? ''}`, async (ids) =>
        alignByKey(ids, await this.readAndAudit((repository) => repository.findByIds(ids, reason !== null), reason), (d) => d.id),
      )
      .load(id);
    if (found || reason !== null || !this.ctx.scope.hasRole(...partnershipStaffRoles)) return found;
    // Staff may know a case of their partnership exists; what it says needs a reason.
    const [exists] = await this.repository().findByIds([id], true);
    if (exists) {
      throw new ForbiddenError(
        'Your organisation is not party to this disagreement: give accessReason to read it (the read is recorded and raises an alert)',
      );
    }
    return null;
  }

  async ofPartnership(partnershipId: string, accessReason: string | null = null): Promise<ProfessionalDisagreement[]> {
    this.ctx.scope.requireIdentity();
    const reason = this.statedReason(accessReason);
    return this.ctx.loaders
      .get<string, ProfessionalDisagreement[]>(`Partnership.escalations:${reason ?? ''}`, async (ids) =>
        groupByKey(ids, await this.readAndAudit((repository) => repository.ofPartnerships(ids, reason !== null), reason), (d) => d.partnershipId),
      )
      .load(partnershipId);
  }

  /** A reason widens the search only for partnership staff; anyone else must not be told it could. */
  private statedReason(accessReason: string | null): string | null {
    if (accessReason === null || accessReason === undefined) return null;
    const reason = accessReason.trim();
    if (reason.length < 10 || reason.length > 500) {
      throw new BadUserInputError('accessReason', 'must say why you need to read this, in 10 to 500 characters');
    }
    if (!this.ctx.scope.hasRole(...partnershipStaffRoles)) {
      throw new ForbiddenError(`Reading cases your organisation is not party to needs one of the roles ${partnershipStaffRoles.join(', ')}`);
    }
    return reason;
  }

  private async readAndAudit(
    read: (repository: ProfessionalDisagreementRepository) => Promise<ProfessionalDisagreement[]>,
    reason: string | null,
  ): Promise<ProfessionalDisagreement[]> {
    const rows = await read(this.repository());
    await appendAudit(
      this.ctx,
      rows.map((row) => {
        const party = this.isParty(row);
        return {
          action: party ? AuditAction.READ : AuditAction.ALERT,
          entityType: 'ProfessionalDisagreement',
          entityId: row.id,
          partnershipId: row.partnershipId,
          reason: party ? null : reason,
        };
      }),
    );
    return rows;
  }

  stageDeadline(disagreement: ProfessionalDisagreement): DeadlineView {
    return DeadlineView.of(
      { due: disagreement.stageDueOn, rule: disagreement.stageDueRule, provisional: disagreement.stageDueProvisional },
      stageBasis,
      disagreement.status === DisagreementStatus.OPEN ? null : disagreement.closedOn,
      this.ctx.today,
    );
  }
}
