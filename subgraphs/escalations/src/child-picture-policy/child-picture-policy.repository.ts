import { In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { ChildPicturePolicy } from './child-picture-policy.entity';

/** A partnership's allowed reasons are part of its published arrangements, so reads need no filter. */
export class ChildPicturePolicyRepository {
  constructor(
    private readonly manager: EntityManager,
    // Kept for symmetry with the restricted repositories: the service checks writes against it.
    readonly scope: AccessScope,
  ) {}

  policiesOf(partnershipIds: readonly string[]): Promise<ChildPicturePolicy[]> {
    return this.manager.find(ChildPicturePolicy, { where: { partnershipId: In([...partnershipIds]) } });
  }

  async save(partnershipId: string, reasons: ChildPicturePolicy['reasons']): Promise<void> {
    if (await this.manager.existsBy(ChildPicturePolicy, { partnershipId })) {
      await this.manager.update(ChildPicturePolicy, { partnershipId }, { reasons });
    } else {
      await this.manager.insert(ChildPicturePolicy, { partnershipId, reasons });
    }
  }
}
