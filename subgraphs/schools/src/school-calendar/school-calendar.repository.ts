import { Between, In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { SchoolClosureDay } from './school-closure-day.entity';

/** School calendars are not personal data: public, like the school record itself. */
export class SchoolCalendarRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  closuresOf(urns: readonly string[]): Promise<SchoolClosureDay[]> {
    return this.manager.find(SchoolClosureDay, { where: { urn: In([...urns]) }, order: { date: 'ASC' } });
  }

  /** Replaces one school's closures in a date range, so a term calendar can be sent again whole. */
  async replace(urn: string, from: string, to: string, days: SchoolClosureDay[]): Promise<void> {
    await this.manager.delete(SchoolClosureDay, { urn, date: Between(from, to) });
    if (days.length > 0) await this.manager.insert(SchoolClosureDay, days.map((day) => ({ ...day })));
  }
}
