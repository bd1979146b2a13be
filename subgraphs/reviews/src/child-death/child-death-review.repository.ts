import { Between, In, IsNull, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { caseClauses } from '../common/case-access';
import { CdopNotificationSetting, ChildDeathReview } from './child-death-review.entity';

type Where = FindOptionsWhere<ChildDeathReview>;

/**
 * Child death reviews are case-level: read through `visible` by that partnership's staff only (they
 * go to the CDOP, not to the national Panel). Aggregates read every row, and publish only
 * suppressed counts.
 */
export class ChildDeathReviewRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: Where, within: readonly string[] | null = null): Where[] {
    return caseClauses(this.scope, where, within, { panelSees: false });
  }

  private async find(where: Where[]): Promise<ChildDeathReview[]> {
    if (where.length === 0) return [];
    return this.manager.find(ChildDeathReview, { where, order: { dateOfDeath: 'DESC', id: 'ASC' } });
  }

  findByIds(ids: readonly string[]): Promise<ChildDeathReview[]> {
    return this.find(this.visible({ id: In([...ids]) }));
  }

  ofPartnerships(partnershipIds: readonly string[]): Promise<ChildDeathReview[]> {
    return this.find(this.visible({}, partnershipIds));
  }

  unnotifiedOf(partnershipIds: readonly string[]): Promise<ChildDeathReview[]> {
    return this.find(this.visible({ cdopNotifiedOn: IsNull() }, partnershipIds));
  }

  /** For suppressed aggregates only: the caller never sees a row. */
  diedIn(year: number, localAuthorityGssCode: string | null): Promise<Array<Pick<ChildDeathReview, 'localAuthorityGssCode' | 'category' | 'modifiableFactorsIdentified'>>> {
    const y = String(year).padStart(4, '0');
    return this.manager.find(ChildDeathReview, {
      select: { localAuthorityGssCode: true, category: true, modifiableFactorsIdentified: true },
      where: { dateOfDeath: Between(`${y}-01-01`, `${y}-12-31`), ...(localAuthorityGssCode ? { localAuthorityGssCode } : {}) },
      order: { localAuthorityGssCode: 'ASC' },
    });
  }

  settingsOf(partnershipIds: readonly string[]): Promise<CdopNotificationSetting[]> {
    return this.manager.find(CdopNotificationSetting, { where: { partnershipId: In([...partnershipIds]) } });
  }

  async saveSetting(partnershipId: string, hours: number): Promise<void> {
    if (await this.manager.existsBy(CdopNotificationSetting, { partnershipId })) {
      await this.manager.update(CdopNotificationSetting, { partnershipId }, { hours });
    } else {
      await this.manager.insert(CdopNotificationSetting, { partnershipId, hours });
    }
  }

  async insert(review: ChildDeathReview): Promise<void> {
    await this.manager.insert(ChildDeathReview, review);
  }

  async update(id: string, where: Where, changes: Partial<ChildDeathReview>): Promise<boolean> {
    const result = await this.manager.update(ChildDeathReview, { ...where, id }, changes);
    return result.affected === 1;
  }
}
