import { z } from 'zod';
import {
  groupByKey,
  newId,
  partnershipAdministratorRoles,
  requiredText,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { EscalationStage } from './escalation-stage.entity';
import type { EscalationStageInput } from './escalation-policy.input';
import { EscalationPolicyRepository } from './escalation-policy.repository';
import { EscalationPolicy } from './escalation-policy.type';

const partnershipIdSchema = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

const stagesSchema = z
  .array(
    z.object({
      name: requiredText(120),
      participants: requiredText(300),
      timescaleWorkingDays: z
        .number()
        .int('must be a whole number of working days')
        .min(1, 'must be at least 1 working day')
        .max(60, 'must be at most 60 working days'),
    }),
  )
  .min(1, 'must list at least one stage')
  .max(10, 'must list at most 10 stages');

export class EscalationPolicyService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): EscalationPolicyRepository {
    return new EscalationPolicyRepository(manager, this.ctx.scope);
  }

  async policyOf(partnershipId: string): Promise<EscalationPolicy | null> {
    const stages = await this.ctx.loaders
      .get<string, EscalationStage[]>('Partnership.escalationStages', async (ids) =>
        groupByKey(ids, await this.repository().stagesOf(ids), (s) => s.partnershipId),
      )
      .load(partnershipId);
    return stages.length > 0 ? EscalationPolicy.of(stages) : null;
  }

  async configure(partnershipIdInput: string, input: EscalationStageInput[]): Promise<EscalationPolicy> {
    const partnershipId = validateInput(partnershipIdSchema, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(stagesSchema, input, 'stages');
    const stages = valid.map((stage, index) =>
      Object.assign(new EscalationStage(), {
        id: newId(),
        partnershipId,
        position: index + 1,
        name: stage.name,
        participants: stage.participants,
        timescaleWorkingDays: stage.timescaleWorkingDays,
      }),
    );
    await this.ctx.db.transaction((manager) => this.repository(manager).replace(partnershipId, stages));
    this.ctx.logger.info({ partnershipId, stages: stages.length }, 'escalation policy configured');
    return EscalationPolicy.of(stages);
  }
}
