import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  connection,
  pageRequest,
  type Connection,
  type PageArgs,
  BadUserInputError,
  ConflictError,
  isoDate,
  newId,
  NotFoundError,
  requiredText,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { Reviewer } from './reviewer.entity';
import type { AddReviewerInput } from './reviewer.input';
import { reviewerOrder, ReviewerRepository } from './reviewer.repository';
import { ReviewerConnection } from './reviewer-connection.type';

export class ReviewerService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ReviewerRepository {
    return new ReviewerRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<Reviewer | null> {
    return this.ctx.loaders
      .get<string, Reviewer | null>('Reviewer.byId', async (ids) =>
        alignByKey(ids, await this.repository().findByIds(ids), (r) => r.id),
      )
      .load(id);
  }

  async pool(inPoolOnly: boolean, args: PageArgs): Promise<Connection<Reviewer>> {
    const page = await this.repository().page(inPoolOnly, pageRequest('reviewerPool', args, reviewerOrder));
    return connection(ReviewerConnection, page, () => this.repository().count(inPoolOnly));
  }

  // Role declared by @Policy on the resolver: Panel members only.
  async add(input: AddReviewerInput): Promise<Reviewer> {
    const valid = validateInput(addSchema(this.ctx.today), input);
    const reviewer = Object.assign(new Reviewer(), { id: newId(), ...valid, leftPoolOn: null });
    await inTransaction(this.ctx.db, (manager) => this.repository(manager).insert(reviewer));
    this.ctx.logger.info({ reviewerId: reviewer.id }, 'reviewer added to the pool');
    return reviewer;
  }

  async leave(id: string, leftPoolOn: string): Promise<Reviewer> {
    const date = validateInput(isoDate, leftPoolOn, 'leftPoolOn');
    if (date > this.ctx.today)
      throw new BadUserInputError('leftPoolOn', 'must not be in the future: record it once the reviewer has left');
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [reviewer] = await repository.findByIds([id]);
      if (!reviewer) throw new NotFoundError('Reviewer', id);
      if (reviewer.leftPoolOn !== null) throw new ConflictError(`reviewer left the pool on ${reviewer.leftPoolOn}`);
      if (date < reviewer.joinedPoolOn)
        throw new BadUserInputError('leftPoolOn', `must not be before joining on ${reviewer.joinedPoolOn}`);
      if (!(await repository.leave(id, date)))
        throw new ConflictError('reviewer changed while being updated: read it again');
      return Object.assign(reviewer, { leftPoolOn: date });
    });
  }
}

function addSchema(today: string) {
  return z.object({
    name: requiredText(200),
    expertise: requiredText(1000),
    joinedPoolOn: isoDate.refine((date) => date <= today, 'must not be in the future'),
  });
}
