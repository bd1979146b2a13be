import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { Designation } from './designation.entity';

/** Designations are published with the arrangements, so current ones are public. */
export class DesignationRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  /** Designations in force on `day`, with their agencies, in one statement. */
  currentFor(partnershipIds: readonly string[], day: string): Promise<Designation[]> {
    const base = { partnershipId: In([...partnershipIds]), designatedFrom: LessThanOrEqual(day) };
    return this.manager.find(Designation, {
      where: [
        { ...base, designatedUntil: IsNull() },
        { ...base, designatedUntil: MoreThanOrEqual(day) },
      ],
      relations: { agency: true },
      order: { agency: { name: 'ASC' } },
    });
  }
}
