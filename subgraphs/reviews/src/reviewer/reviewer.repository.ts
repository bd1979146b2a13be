import { In, IsNull, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { Reviewer } from './reviewer.entity';

/** The pool is public, so reads need no filter by the caller; writes are checked by the service. */
export class ReviewerRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  findByIds(ids: readonly string[]): Promise<Reviewer[]> {
    return this.manager.find(Reviewer, { where: { id: In([...ids]) } });
  }

  list(inPoolOnly: boolean): Promise<Reviewer[]> {
    return this.manager.find(Reviewer, { where: inPoolOnly ? { leftPoolOn: IsNull() } : {}, order: { name: 'ASC', id: 'ASC' } });
  }

  async insert(reviewer: Reviewer): Promise<void> {
    await this.manager.insert(Reviewer, reviewer);
  }

  async leave(id: string, leftPoolOn: string): Promise<boolean> {
    const result = await this.manager.update(Reviewer, { id, leftPoolOn: IsNull() }, { leftPoolOn });
    return result.affected === 1;
  }
}
