import { In, IsNull, type EntityManager } from 'typeorm';
import { pageOfClauses, type AccessScope, type Page, type PageRequest, type SortKey } from '@safeguarding/shared';
import { Reviewer } from './reviewer.entity';

export const reviewerOrder: readonly SortKey<Reviewer>[] = [
  { column: 'reviewer.name', value: (r) => r.name },
  { column: 'reviewer.id', value: (r) => r.id },
];

/** The pool is public, so reads need no filter by the caller; writes are checked by the service. */
export class ReviewerRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  findByIds(ids: readonly string[]): Promise<Reviewer[]> {
    return this.manager.find(Reviewer, { where: { id: In([...ids]) } });
  }

  page(inPoolOnly: boolean, request: PageRequest): Promise<Page<Reviewer>> {
    return pageOfClauses(
      this.manager,
      Reviewer,
      'reviewer',
      [inPoolOnly ? { leftPoolOn: IsNull() } : {}],
      'reviewerPool',
      request,
      reviewerOrder,
    );
  }

  count(inPoolOnly: boolean): Promise<number> {
    return this.manager.count(Reviewer, { where: inPoolOnly ? { leftPoolOn: IsNull() } : {} });
  }

  async insert(reviewer: Reviewer): Promise<void> {
    await this.manager.insert(Reviewer, reviewer);
  }

  async leave(id: string, leftPoolOn: string): Promise<boolean> {
    const result = await this.manager.update(Reviewer, { id, leftPoolOn: IsNull() }, { leftPoolOn });
    return result.affected === 1;
  }
}
