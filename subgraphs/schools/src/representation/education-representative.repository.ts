import { In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { EducationRepresentative } from './education-representative.entity';

/** Who sits for education in a partnership's forums is part of its published arrangements: public. */
export class EducationRepresentativeRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  ofPartnerships(partnershipIds: readonly string[]): Promise<EducationRepresentative[]> {
    return this.manager.find(EducationRepresentative, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { level: 'DESC', forum: 'ASC', name: 'ASC' },
    });
  }

  async replace(partnershipId: string, representatives: readonly EducationRepresentative[]): Promise<void> {
    await this.manager.delete(EducationRepresentative, { partnershipId });
    if (representatives.length > 0)
      await this.manager.insert(
        EducationRepresentative,
        representatives.map((r) => ({ ...r })),
      );
  }
}
