import { In, type EntityManager } from 'typeorm';
import { countPerParent, firstPerParent, type AccessScope, type SortKey } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { Trust } from './trust.entity';

export const trustSchoolOrder: readonly SortKey<School>[] = [
  { column: 'school.name', value: (s) => s.name },
  { column: 'school.urn', value: (s) => s.urn },
];

/** Trusts are public GIAS data: reads are not narrowed by the caller's scope. */
export class TrustRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  findByUids(uids: readonly string[]): Promise<Trust[]> {
    return this.manager.find(Trust, { where: { uid: In([...uids]) } });
  }

  schoolsOf(uids: readonly string[]): Promise<School[]> {
    return this.manager.find(School, { where: { trustUid: In([...uids]) }, order: { name: 'ASC', urn: 'ASC' } });
  }

  /** A page of each trust's schools by name then URN, for all the trusts in one statement. */
  schoolPagesOf(uids: readonly string[], after: readonly string[] | null, limit: number): Promise<School[]> {
    const query = this.manager
      .createQueryBuilder(School, 'school')
      .where('school.trustUid IN (:...uids)', { uids: [...uids] });
    return firstPerParent(query, {
      id: 'school.urn',
      parent: 'school.trustUid',
      parents: uids.length,
      order: trustSchoolOrder,
      after,
      limit,
    }).getMany();
  }

  schoolCountsOf(uids: readonly string[]): Promise<Map<string, number>> {
    return countPerParent(
      this.manager.createQueryBuilder(School, 'school').where('school.trustUid IN (:...uids)', { uids: [...uids] }),
      'school.trustUid',
    );
  }

  async save(trust: Trust): Promise<void> {
    await this.manager.upsert(Trust, { ...trust }, ['uid']);
  }
}
