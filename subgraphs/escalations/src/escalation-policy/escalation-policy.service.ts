import { z } from 'zod';
import {
  inTransaction,
  groupByKey,
  newId,
  partnershipAdministratorRoles,
  requiredText,
  uuidPattern,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { defaultPolicySettings } from './default-escalation-stages';
import { EscalationStage } from './escalation-stage.entity';
import type { EscalationStageInput } from './escalation-policy.input';
import { EscalationPolicyRepository } from './escalation-policy.repository';
import { EscalationPolicy } from './escalation-policy.type';

const partnershipIdSchema = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');

/** Local escalation procedures run to four or five stages; ten leaves room for any. */
export const escalationStagesLimit = 10;

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
  .max(escalationStagesLimit, `must list at most ${escalationStagesLimit} stages`);

const stagePosition = (stageCount: number) =>
  z
    .number()
    .int('must be a stage position')
    .min(1, 'must be a stage position, from 1')
    .max(stageCount, `must be one of the ${stageCount} stages`);

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

  /**
   * The policy in force for a write, read in the write's own transaction: the configured one, or
   * the DOMAIN.md default while a partnership has configured none.
   */
  async inForce(partnershipId: string, manager: EntityManager): Promise<EscalationPolicy> {
    const stages = await this.repository(manager).stagesOf([partnershipId]);
    return stages.length > 0 ? EscalationPolicy.of(stages) : EscalationPolicy.defaultFor(partnershipId);
  }

  async configure(
    partnershipIdInput: string,
    input: EscalationStageInput[],
    immediateRiskStagePosition: number | null = null,
    partnershipStagePosition: number | null = null,
  ): Promise<EscalationPolicy> {
    const partnershipId = validateInput(partnershipIdSchema, partnershipIdInput, 'partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(stagesSchema, input, 'stages');
    const defaults = defaultPolicySettings(valid.length);
    const immediateRisk = validateInput(
      stagePosition(valid.length),
      immediateRiskStagePosition ?? defaults.immediateRiskStagePosition,
      'immediateRiskStagePosition',
    );
    const partnershipStage = validateInput(
      stagePosition(valid.length),
      partnershipStagePosition ?? defaults.partnershipStagePosition,
      'partnershipStagePosition',
    );
    const stages = valid.map((stage, index) =>
      Object.assign(new EscalationStage(), {
        id: newId(),
        partnershipId,
        position: index + 1,
        name: stage.name,
        participants: stage.participants,
        timescaleWorkingDays: stage.timescaleWorkingDays,
        actsOnImmediateRisk: index + 1 === immediateRisk,
        scrutineerFacilitates: index + 1 === partnershipStage,
      }),
    );
    await inTransaction(this.ctx.db, (manager) => this.repository(manager).replace(partnershipId, stages));
    this.ctx.logger.info({ partnershipId, stages: stages.length }, 'escalation policy configured');
    return EscalationPolicy.of(stages);
  }
}
