import { In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { EscalationStage } from './escalation-stage.entity';

/** Published policies are public, so reads need no filter by the caller. */
export class EscalationPolicyRepository {
  constructor(
    private readonly manager: EntityManager,
    // Kept for symmetry with the restricted repositories: writes will be checked against it.
    readonly scope: AccessScope,
  ) {}

  stagesOf(partnershipIds: readonly string[]): Promise<EscalationStage[]> {
    return this.manager.find(EscalationStage, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { partnershipId: 'ASC', position: 'ASC' },
    });
  }

  // Delete first, so the unique (partnershipId, position) index never sees old and new together.
  // Copies are inserted: TypeORM merges re-read defaults into a multi-row insert's objects by
  // position, not by key, which can swap the stages' flags in the caller's objects.
  async replace(partnershipId: string, stages: EscalationStage[]): Promise<void> {
    await this.manager.delete(EscalationStage, { partnershipId });
    await this.manager.insert(
      EscalationStage,
      stages.map((stage) => ({ ...stage })),
    );
  }
}
