import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { ProfessionalDisagreement } from './professional-disagreement.entity';

type Where = FindOptionsWhere<ProfessionalDisagreement>;

/**
 * Disagreements are case-level and restricted: every read goes through `visible`, which refuses
 * an anonymous caller and keeps the disagreements the caller's organisation is party to (raised
 * or had raised with it). `partnershipCases` widens that to every case of the caller's own
 * partnerships: the service allows it only to partnership staff who stated a reason.
 */
export class ProfessionalDisagreementRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  /** `withinPartnerships` narrows to those partnerships without widening the caller's own. */
  private visible(where: Where, partnershipCases: boolean, withinPartnerships: readonly string[] | null = null): Where[] {
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
    if (partnershipCases && own.length > 0) clauses.push({ ...where, partnershipId: In([...own]) });
    return clauses;
  }

  findByIds(ids: readonly string[], partnershipCases: boolean): Promise<ProfessionalDisagreement[]> {
    return this.manager.find(ProfessionalDisagreement, { where: this.visible({ id: In([...ids]) }, partnershipCases) });
  }

  ofPartnerships(partnershipIds: readonly string[], partnershipCases: boolean): Promise<ProfessionalDisagreement[]> {
    return this.manager.find(ProfessionalDisagreement, {
      where: this.visible({}, partnershipCases, partnershipIds),
      order: { raisedOn: 'DESC', caseReference: 'ASC' },
    });
  }
}
