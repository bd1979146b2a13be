import { z } from 'zod';
import { alignByKey, groupByKey, requiredText, validateInput, type SubgraphContext } from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import type { School } from '../school/school.entity';
import { Trust } from './trust.entity';
import type { RecordTrustInput } from './trust.input';
import { TrustRepository } from './trust.repository';

export const trustUid = z.string().trim().regex(/^\d{1,10}$/, 'must be a GIAS group UID: 1 to 10 digits');
export const companiesHouseNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(\d{8}|[A-Z]{2}\d{6})$/, 'must be a Companies House number: 8 digits, or 2 letters and 6 digits');

const recordTrustSchema = z.object({
  uid: trustUid,
  name: requiredText(200),
  companiesHouseNumber: companiesHouseNumber.nullish().transform((value) => value ?? null),
});

export class TrustService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): TrustRepository {
    return new TrustRepository(manager, this.ctx.scope);
  }

  byUid(uid: string): Promise<Trust | null> {
    return this.ctx.loaders
      .get<string, Trust | null>('Trust.byUid', async (uids) => alignByKey(uids, await this.repository().findByUids(uids), (t) => t.uid))
      .load(uid);
  }

  schoolsOf(trust: Trust): Promise<School[]> {
    return this.ctx.loaders
      .get<string, School[]>('Trust.schools', async (uids) => groupByKey(uids, await this.repository().schoolsOf(uids), (s) => s.trustUid ?? ''))
      .load(trust.uid);
  }

  async record(input: RecordTrustInput): Promise<Trust> {
    const valid = validateInput(recordTrustSchema, input);
    const trust = Object.assign(new Trust(), valid);
    await this.ctx.db.transaction((manager) => this.repository(manager).save(trust));
    this.ctx.logger.info({ uid: trust.uid }, 'trust recorded');
    return trust;
  }
}
