import { alignByKey, DeadlineView, groupByKey, type SubgraphContext } from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { DisagreementStatus, ProfessionalDisagreement } from './professional-disagreement.entity';
import { ProfessionalDisagreementRepository } from './professional-disagreement.repository';

const stageBasis = 'Partnership escalation policy (local practice)';

export class ProfessionalDisagreementService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ProfessionalDisagreementRepository {
    return new ProfessionalDisagreementRepository(manager, this.ctx.scope);
  }

  // Checked here too, so the refusal belongs to the field or entity asked for, not to a shared
  // batch; async, so a reference resolver's refusal is that entity's error, not the whole `_entities`.
  async byId(id: string): Promise<ProfessionalDisagreement | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, ProfessionalDisagreement | null>('ProfessionalDisagreement.byId', async (ids) =>
        alignByKey(ids, await this.repository().findByIds(ids), (d) => d.id),
      )
      .load(id);
  }

  async ofPartnership(partnershipId: string): Promise<ProfessionalDisagreement[]> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, ProfessionalDisagreement[]>('Partnership.escalations', async (ids) =>
        groupByKey(ids, await this.repository().ofPartnerships(ids), (d) => d.partnershipId),
      )
      .load(partnershipId);
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
