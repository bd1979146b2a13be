import { Field, Int, ObjectType } from 'type-graphql';
import { defaultPolicySettings, defaultEscalationStages } from './default-escalation-stages';
import { EscalationStage } from './escalation-stage.entity';

/** A partnership's stages in order; not an entity of its own, it is always reached through the partnership. */
@ObjectType({ description: "A partnership's escalation procedure for professional disagreements (local practice)" })
export class EscalationPolicy {
  @Field(() => [EscalationStage], { description: 'In order, stage 1 first' })
  stages!: EscalationStage[];

  @Field(() => Int, {
    description:
      'Where a disagreement about a child at immediate risk starts: the stage that can act now (default 2, managers)',
  })
  immediateRiskStagePosition!: number;

  @Field(() => Int, {
    description: 'The stage at which the independent scrutineer facilitates and may record advice (default 4)',
  })
  partnershipStagePosition!: number;

  /** Stages as stored, sorted; a policy stored before the flags existed takes the defaults. */
  static of(stages: EscalationStage[]): EscalationPolicy {
    const policy = new EscalationPolicy();
    policy.stages = [...stages].sort((a, b) => a.position - b.position);
    const defaults = defaultPolicySettings(stages.length);
    policy.immediateRiskStagePosition =
      stages.find((s) => s.actsOnImmediateRisk)?.position ?? defaults.immediateRiskStagePosition;
    policy.partnershipStagePosition =
      stages.find((s) => s.scrutineerFacilitates)?.position ?? defaults.partnershipStagePosition;
    return policy;
  }

  /** The DOMAIN.md §3 default, for a partnership that has configured nothing yet. */
  static defaultFor(partnershipId: string): EscalationPolicy {
    const defaults = defaultPolicySettings(defaultEscalationStages().length);
    return EscalationPolicy.of(
      defaultEscalationStages().map((stage) =>
        Object.assign(new EscalationStage(), {
          id: `default-${stage.position}`,
          partnershipId,
          ...stage,
          actsOnImmediateRisk: stage.position === defaults.immediateRiskStagePosition,
          scrutineerFacilitates: stage.position === defaults.partnershipStagePosition,
        }),
      ),
    );
  }

  stage(position: number): EscalationStage | undefined {
    return this.stages.find((s) => s.position === position);
  }

  get finalStage(): number {
    return this.stages.length;
  }
}
