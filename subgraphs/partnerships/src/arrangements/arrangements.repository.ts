import { In, type EntityManager } from 'typeorm';
import { countPerParent, firstPerParent, type AccessScope, type SortKey } from '@safeguarding/shared';
import { PublishedArrangements } from './arrangements.entity';

/** Newest version first (versions are unique per partnership); the id makes the order total. */
export const arrangementsOrder: readonly SortKey<PublishedArrangements>[] = [
  { column: 'arrangements.version', descending: true, value: (a) => String(a.version) },
  { column: 'arrangements.id', value: (a) => a.id },
];

/** Published arrangements are public; they are reached only through a partnership the caller may see. */
export class ArrangementsRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  /** The first `limit` versions of each partnership after the key, for all of them in one statement (ROW_NUMBER per partnership). */
  pagesOf(
    partnershipIds: readonly string[],
    after: readonly string[] | null,
    limit: number,
  ): Promise<PublishedArrangements[]> {
    const query = this.manager
      .createQueryBuilder(PublishedArrangements, 'arrangements')
      .where({ partnershipId: In([...partnershipIds]) });
    return firstPerParent(query, {
      id: 'arrangements.id',
      parent: 'arrangements.partnershipId',
      parents: partnershipIds.length,
      order: arrangementsOrder,
      after,
      limit,
    }).getMany();
  }

  countsOf(partnershipIds: readonly string[]): Promise<Map<string, number>> {
    return countPerParent(
      this.manager
        .createQueryBuilder(PublishedArrangements, 'arrangements')
        .where({ partnershipId: In([...partnershipIds]) }),
      'arrangements.partnershipId',
    );
  }

  async nextVersion(partnershipId: string): Promise<number> {
    const latest = await this.manager.findOne(PublishedArrangements, {
      where: { partnershipId },
      order: { version: 'DESC' },
    });
    return (latest?.version ?? 0) + 1;
  }

  async insert(arrangements: PublishedArrangements): Promise<void> {
    await this.manager.insert(PublishedArrangements, arrangements);
  }
}
