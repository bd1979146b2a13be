import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { AgencyContact, AgencyContactRole, localAuthorityContactRoles } from './agency-contact.entity';

type Where = FindOptionsWhere<AgencyContact>;

/**
 * A local authority's front door and emergency duty team are public (anyone may need to make a
 * referral); a safeguarding lead's details are for signed-in callers only.
 */
export class AgencyContactRepository {
  constructor(
    private readonly manager: EntityManager,
    private readonly scope: AccessScope,
  ) {}

  private visible(where: Where): Where {
    return this.scope.isAnonymous ? { ...where, role: In([...localAuthorityContactRoles]) } : where;
  }

  ofAgencies(agencyIds: readonly string[]): Promise<AgencyContact[]> {
    return this.manager.find(AgencyContact, {
      where: this.visible({ agencyId: In([...agencyIds]) }),
      order: { role: 'ASC' },
    });
  }

  find(agencyId: string, role: AgencyContactRole): Promise<AgencyContact | null> {
    return this.manager.findOneBy(AgencyContact, { agencyId, role });
  }

  async save(contact: AgencyContact): Promise<void> {
    await this.manager.save(AgencyContact, contact);
  }
}
