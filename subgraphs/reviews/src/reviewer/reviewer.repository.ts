import { In, IsNull, type EntityManager } from 'typeorm';
import { pageOfClauses, type AccessScope, type Page, type PageRequest, type SortKey } from '@safeguarding/shared';
import { Reviewer } from './reviewer.entity';

export const reviewerOrder: readonly SortKey<Reviewer>[] = [
  { column: 'reviewer.name', value: (r) => r.name },
  { column: 'reviewer.id', value: (r) => r.id },
];

/**
 * Reads are deliberately not filtered by the caller's scope: the pool is the national Panel's
 * published list of reviewers (names, expertise, dates joined and left), about no child and no
 * case, and every caller may read all of it. The scope is still taken, as by every repository, so
 * that a column that is not public is filtered here when one is added. Writes have one owner, the
 * Panel: the resolver's policy admits Panel members only, and no organisation owns a reviewer.
 */
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
