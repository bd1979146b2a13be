import { In, type EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { Agency, type AgencyKind } from './agency.entity';

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

  list(kind: AgencyKind | null): Promise<Agency[]> {
    return this.manager.find(Agency, { where: kind ? { kind } : {}, order: { name: 'ASC' } });
  }

  existsWithOdsCode(odsCode: string): Promise<boolean> {
    return this.manager.existsBy(Agency, { odsCode });
  }

  async insert(agency: Agency): Promise<void> {
    await this.manager.insert(Agency, agency);
  }

  /** Reference organisations are rewritten from the files at each start, so a renamed body follows. */
  async upsertReference(agencies: Agency[]): Promise<void> {
    await this.manager.upsert(Agency, agencies, ['id']);
  }
}
