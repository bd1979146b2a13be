import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  ForbiddenError,
  nestedPage,
  requiredText,
  validateInput,
  type PageArgs,
  type SubgraphContext,
} from '@safeguarding/shared';
import { SchoolConnection, SchoolPageInfo } from '../school/school-connection.type';
import type { EntityManager } from 'typeorm';
import type { School } from '../school/school.entity';
import { Trust } from './trust.entity';
import type { RecordTrustInput } from './trust.input';
import { SchoolRepository } from '../school/school.repository';
import type { SchoolHolders } from '../school/school-record.policy';
import { mayChangeTrustRegisterRecord, trustRegisterRefusal, type TrustRecord } from './trust-register.policy';
import { TrustRepository, trustSchoolOrder } from './trust.repository';

export const trustUid = z
  .string()
  .trim()
  .regex(/^\d{1,10}$/, 'must be a GIAS group UID: 1 to 10 digits');
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
      .get<string, Trust | null>('Trust.byUid', async (uids) =>
        alignByKey(uids, await this.repository().findByUids(uids), (t) => t.uid),
      )
      .load(uid);
  }

  /** Each recorded trust among these, with the holders of every school it runs (unknown UIDs are left out). */
  async recordsOf(
    uids: readonly string[],
    manager: EntityManager = this.ctx.db.manager,
  ): Promise<Map<string, TrustRecord>> {
    const repository = this.repository(manager);
    const [trusts, schools] = await Promise.all([repository.findByUids(uids), repository.schoolsOf(uids)]);
    const { designatedBy, coveredBy } = await new SchoolRepository(manager, this.ctx.scope).holdersOf(
      schools.map((school) => school.urn),
      schools.map((school) => school.localAuthorityDfeCode),
      this.ctx.today,
    );
    const holdersOf = (school: School): SchoolHolders => ({
      localAuthorityDfeCode: school.localAuthorityDfeCode,
      designatedBy: designatedBy.get(school.urn) ?? [],
      coveredBy: coveredBy.get(school.localAuthorityDfeCode) ?? [],
    });
    return new Map(
      trusts.map((trust) => [
        trust.uid,
        { kind: 'held', schools: schools.filter((s) => s.trustUid === trust.uid).map(holdersOf) },
      ]),
    );
  }

  /** A page of the trust's schools, cut in SQL for every trust asked for at once. */
  async schoolsOf(trust: Trust, args: PageArgs): Promise<SchoolConnection> {
    const page = await nestedPage<School>({
      list: 'Trust.schools',
      loaders: this.ctx.loaders,
      parent: trust.uid,
      args,
      order: trustSchoolOrder,
      parentOf: (school) => school.trustUid ?? '',
      rows: (uids, after, limit) => this.repository().schoolPagesOf(uids, after, limit),
      count: (uids) => this.repository().schoolCountsOf(uids),
    });
    return Object.assign(new SchoolConnection(), {
      nodes: page.nodes,
      pageInfo: Object.assign(new SchoolPageInfo(), { endCursor: page.endCursor, hasNextPage: page.hasNextPage }),
      count: page.count,
    });
  }

  /** The national register of trusts: see the register's policy for who holds a trust's record. */
  async record(input: RecordTrustInput): Promise<Trust> {
    this.ctx.scope.requireIdentity();
    const valid = validateInput(recordTrustSchema, input);
    const trust = Object.assign(new Trust(), valid);
    await inTransaction(this.ctx.db, async (manager) => {
      const [record] = (await this.recordsOf([trust.uid], manager)).values();
      if (!mayChangeTrustRegisterRecord(this.ctx.scope, record ?? { kind: 'new' }))
        throw new ForbiddenError(trustRegisterRefusal);
      await this.repository(manager).save(trust);
    });
    this.ctx.logger.info({ uid: trust.uid }, 'trust recorded');
    return trust;
  }
}
