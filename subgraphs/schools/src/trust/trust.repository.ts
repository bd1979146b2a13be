import { In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { Trust } from './trust.entity';

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

  async save(trust: Trust): Promise<void> {
    await this.manager.upsert(Trust, { ...trust }, ['uid']);
  }
}
