import { In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { PublishedArrangements } from './arrangements.entity';

/** Published arrangements are public; they are reached only through a partnership the caller may see. */
export class ArrangementsRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  ofPartnerships(partnershipIds: readonly string[]): Promise<PublishedArrangements[]> {
    return this.manager.find(PublishedArrangements, {
      where: { partnershipId: In([...partnershipIds]) },
      order: { version: 'DESC' },
    });
  }

  async nextVersion(partnershipId: string): Promise<number> {
    const latest = await this.manager.findOne(PublishedArrangements, { where: { partnershipId }, order: { version: 'DESC' } });
    return (latest?.version ?? 0) + 1;
  }

  async insert(arrangements: PublishedArrangements): Promise<void> {
    await this.manager.insert(PublishedArrangements, arrangements);
  }
}
