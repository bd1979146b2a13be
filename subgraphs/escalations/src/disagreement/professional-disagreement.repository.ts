import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { ProfessionalDisagreement } from './professional-disagreement.entity';

type Where = FindOptionsWhere<ProfessionalDisagreement>;

/**
 * Disagreements are case-level and restricted: every read goes through `visible`, which refuses
 * an anonymous caller and keeps only the caller's partnerships and the disagreements their
 * organisation raised or had raised with it.
 */
export class ProfessionalDisagreementRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** `withinPartnerships` narrows to those partnerships without widening the caller's own. */
  private visible(where: Where, withinPartnerships: readonly string[] | null = null): Where[] {
    const identity = this.scope.requireIdentity();
    const organisationId = identity.organisation.id;
    const within: Where = withinPartnerships ? { partnershipId: In([...withinPartnerships]) } : {};
    const own = withinPartnerships
      ? identity.partnershipIds.filter((id) => withinPartnerships.includes(id))
      : identity.partnershipIds;
    const clauses: Where[] = [
      { ...where, ...within, raisedByOrganisationId: organisationId },
      { ...where, ...within, raisedWithOrganisationId: organisationId },
    ];
    if (own.length > 0) clauses.push({ ...where, partnershipId: In([...own]) });
    return clauses;
  }

  findByIds(ids: readonly string[]): Promise<ProfessionalDisagreement[]> {
    return this.manager.find(ProfessionalDisagreement, { where: this.visible({ id: In([...ids]) }) });
  }

  ofPartnerships(partnershipIds: readonly string[]): Promise<ProfessionalDisagreement[]> {
    return this.manager.find(ProfessionalDisagreement, {
      where: this.visible({}, partnershipIds),
      order: { raisedOn: 'DESC', caseReference: 'ASC' },
    });
  }
}
