import { Between, In, type EntityManager } from 'typeorm';
import { countPerParent, firstPerParent, type AccessScope, type SortKey } from '@safeguarding/shared';
import { SchoolClosureDay } from './school-closure-day.entity';

/** In calendar order; a school has one row a date, so (urn, date) is the key and the date orders it. */
export const closureDayOrder: readonly SortKey<SchoolClosureDay>[] = [{ column: 'day.date', value: (day) => day.date }];

/** School calendars are not personal data: public, like the school record itself. */
export class SchoolCalendarRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  closuresOf(urns: readonly string[]): Promise<SchoolClosureDay[]> {
    return this.manager.find(SchoolClosureDay, { where: { urn: In([...urns]) }, order: { date: 'ASC' } });
  }

  /** Each school's page of closure days after the cursor's date, for all the schools in one statement. */
  pagesOf(urns: readonly string[], after: readonly string[] | null, limit: number): Promise<SchoolClosureDay[]> {
    const query = this.manager
      .createQueryBuilder(SchoolClosureDay, 'day')
      .where('day.urn IN (:...urns)', { urns: [...urns] });
    return firstPerParent(query, {
      id: ['day.urn', 'day.date'],
      parent: 'day.urn',
      parents: urns.length,
      order: closureDayOrder,
      after,
      limit,
    }).getMany();
  }

  countsOf(urns: readonly string[]): Promise<Map<string, number>> {
    return countPerParent(
      this.manager.createQueryBuilder(SchoolClosureDay, 'day').where('day.urn IN (:...urns)', { urns: [...urns] }),
      'day.urn',
    );
  }

  /** Replaces one school's closures in a date range, so a term calendar can be sent again whole. */
  async replace(urn: string, from: string, to: string, days: SchoolClosureDay[]): Promise<void> {
    await this.manager.delete(SchoolClosureDay, { urn, date: Between(from, to) });
    if (days.length > 0)
      await this.manager.insert(
        SchoolClosureDay,
        days.map((day) => ({ ...day })),
      );
  }
}
