import { In, IsNull, LessThanOrEqual, MoreThanOrEqual, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { SchoolDesignation } from './school-designation.entity';
import { School } from './school.entity';

/** School data is public (GIAS is public), so reads are not narrowed by the caller's scope. */
export class SchoolRepository {
  constructor(
    private readonly manager: EntityManager,
    // Held so that restricted school data (added later) has the caller's scope to hand.
    readonly scope: AccessScope,
  ) {}

  findByUrns(urns: readonly string[]): Promise<School[]> {
    return this.manager.find(School, { where: { urn: In([...urns]) } });
  }

  list(localAuthorityDfeCode: string | null): Promise<School[]> {
    return this.manager.find(School, {
      where: localAuthorityDfeCode === null ? {} : { localAuthorityDfeCode },
      order: { name: 'ASC', urn: 'ASC' },
    });
  }

  /** Designations in force on `today` for all the partnerships at once, each with its school joined in. */
  currentDesignationsOf(partnershipIds: readonly string[], today: string): Promise<SchoolDesignation[]> {
    const inForce = { partnershipId: In([...partnershipIds]), designatedFrom: LessThanOrEqual(today) };
    return this.manager.find(SchoolDesignation, {
      where: [
        { ...inForce, designatedUntil: IsNull() },
        { ...inForce, designatedUntil: MoreThanOrEqual(today) },
      ],
      relations: { school: true },
      order: { school: { name: 'ASC', urn: 'ASC' } },
    });
  }

  exists(urn: string): Promise<boolean> {
    return this.manager.existsBy(School, { urn });
  }

  async insert(school: School): Promise<void> {
    await this.manager.insert(School, school);
  }
}
