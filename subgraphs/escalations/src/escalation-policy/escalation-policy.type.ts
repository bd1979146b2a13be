import { Field, ObjectType } from 'type-graphql';
import { EscalationStage } from './escalation-stage.entity';

/** A partnership's stages in order; not an entity of its own, it is always reached through the partnership. */
@ObjectType({ description: 'A partnership\'s escalation procedure for professional disagreements (local practice)' })
export class EscalationPolicy {
  @Field(() => [EscalationStage], { description: 'In order, stage 1 first' })
  stages!: EscalationStage[];

  static of(stages: EscalationStage[]): EscalationPolicy {
    const policy = new EscalationPolicy();
    policy.stages = stages;
    return policy;
  }
}
