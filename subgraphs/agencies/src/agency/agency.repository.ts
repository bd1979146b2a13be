import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { type AccessScope, visibleWhere } from '@safeguarding/shared';
import { Agency, AgencyKind, type ScheduleCategory } from './agency.entity';

/** The identifiers by which a registration is matched to an agency already held, strongest first. */
export interface AgencyIdentifiers {
  readonly odsCode?: string | undefined;
  readonly companiesHouseNumber?: string | undefined;
  readonly charityNumber?: string | undefined;
}

export interface AgencyCode {
  readonly kind: 'odsCode' | 'gssCode' | 'dfeCode';
  readonly value: string;
}

/**
 * The organisation registry is public (who the partners and relevant agencies are); the scope is
 * held so that restricted attributes added later are filtered here and nowhere else.
 */
export class AgencyRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  findByIds(ids: readonly string[]): Promise<Agency[]> {
    return this.manager.find(Agency, { where: { id: In([...ids]) } });
  }

  /** Keyset page on (name, id): the rows after the cursor's key, at most `limit`. */
  page(kind: AgencyKind | null, after: { name: string; id: string } | null, limit: number): Promise<Agency[]> {
    const query = this.manager.createQueryBuilder(Agency, 'a');
    if (kind !== null) query.andWhere('a.kind = :kind', { kind });
    if (after) query.andWhere('(a.name > :name OR (a.name = :name AND a.id > :id))', after);
    return query.orderBy('a.name', 'ASC').addOrderBy('a.id', 'ASC').limit(limit).getMany();
  }

  count(kind: AgencyKind | null): Promise<number> {
    return this.manager.count(Agency, { where: kind ? { kind } : {} });
  }

  /** The agencies holding one official code, live ones first. */
  async withCode(code: AgencyCode): Promise<Agency[]> {
    const where: FindOptionsWhere<Agency> =
      code.kind === 'odsCode'
        ? { odsCode: code.value }
        : code.kind === 'gssCode'
          ? { gssCode: code.value }
          : { dfeCode: code.value };
    const found = await this.manager.find(Agency, { where, order: { name: 'ASC' }, take: 10 });
    return found.sort((a, b) => Number(b.status === 'ACTIVE') - Number(a.status === 'ACTIVE'));
  }

  /** Every agency holding any of the identifiers, in one statement. */
  withAnyIdentifier(identifiers: AgencyIdentifiers): Promise<Agency[]> {
    const clauses: FindOptionsWhere<Agency>[] = [];
    if (identifiers.odsCode) clauses.push({ odsCode: identifiers.odsCode });
    if (identifiers.companiesHouseNumber) clauses.push({ companiesHouseNumber: identifiers.companiesHouseNumber });
    if (identifiers.charityNumber) clauses.push({ charityNumber: identifiers.charityNumber });
    return clauses.length === 0 ? Promise.resolve([]) : this.manager.find(Agency, { where: visibleWhere(clauses) });
  }

  relevantAgenciesNamed(name: string, scheduleCategory: ScheduleCategory): Promise<Agency[]> {
    return this.manager.find(Agency, { where: { name, scheduleCategory, kind: AgencyKind.RELEVANT_AGENCY } });
  }

  async insert(agency: Agency): Promise<void> {
    await this.manager.insert(Agency, agency);
  }

  async update(agency: Agency): Promise<void> {
    const { id, ...fields } = agency;
    await this.manager.update(Agency, { id }, fields);
  }

  /** Reference organisations are rewritten from the files at each start, so a renamed body follows. */
  async upsertReference(agencies: Agency[]): Promise<void> {
    await this.manager.upsert(Agency, agencies, ['id']);
  }
}
