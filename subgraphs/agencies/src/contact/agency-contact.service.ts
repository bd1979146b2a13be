import { z } from 'zod';
import {
  inTransaction,
  BadUserInputError,
  ForbiddenError,
  groupByKey,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  requiredText,
  statutoryOrganisationId,
  validateInput,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { AgencyKind } from '../agency/agency.entity';
import { AgencyRepository } from '../agency/agency.repository';
import { AgencyService } from '../agency/agency.service';
import { LocalAuthorityFrontDoor } from './front-door.type';
import { AgencyContact, AgencyContactRole, localAuthorityContactRoles } from './agency-contact.entity';
import type { AgencyContactInput } from './agency-contact.input';
import { AgencyContactRepository } from './agency-contact.repository';
import { DesignationRepository } from '../designation/designation.repository';

const contactRefusal =
  "Only the agency's own staff, or administrators of a partnership that names it as a relevant agency, may change its contacts";

const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    requiredText(max).nullish(),
  );

const contactSchema = z.object({
  role: z.enum(AgencyContactRole),
  name: optionalText(200),
  telephone: z
    .string()
    .trim()
    .regex(/^(\+44\s?|0)[\d\s]{9,13}$/, 'must be a UK telephone number, e.g. 01632 960123 or +44 1632 960123'),
  email: z.preprocess((value) => (value === '' ? null : value), z.email('must be an email address').max(254).nullish()),
  hours: optionalText(200),
});

const gssCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^E(06|08|09|10)\d{6}$/, 'must be a local authority GSS code (E06, E08, E09 or E10 followed by 6 digits)');

export class AgencyContactService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): AgencyContactRepository {
    return new AgencyContactRepository(manager, this.ctx.scope);
  }

  ofAgency(agencyId: string): Promise<AgencyContact[]> {
    return this.ctx.loaders
      .get<string, AgencyContact[]>('Agency.contacts', async (ids) =>
        groupByKey(ids, await this.repository().ofAgencies(ids), (contact) => contact.agencyId),
      )
      .load(agencyId);
  }

  async contactOf(agencyId: string, role: AgencyContactRole): Promise<AgencyContact | null> {
    return (await this.ofAgency(agencyId)).find((contact) => contact.role === role) ?? null;
  }

  /**
   * A GSS code is reissued on reorganisation (Barnsley E08000016 became E08000038 in 2025) while
   * the DfE code stays, so a retired code is followed to the live authority with its DfE code.
   */
  async frontDoorFor(gssCodeInput: string): Promise<LocalAuthorityFrontDoor | null> {
    const requested = validateInput(gssCodeSchema, gssCodeInput, 'localAuthorityGssCode');
    const record = this.ctx.reference.localAuthorityByGss(requested);
    if (!record) return null;
    const live = this.ctx.reference.liveLocalAuthorities.find((la) => la.dfeCode === record.dfeCode);
    if (!live) return null;
    const localAuthority = await new AgencyService(this.ctx).byId(
      statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: live.dfeCode }),
    );
    if (!localAuthority) return null;
    return Object.assign(new LocalAuthorityFrontDoor(), {
      requestedGssCode: requested,
      gssCode: live.gssCode,
      localAuthority,
      inHours: await this.contactOf(localAuthority.id, AgencyContactRole.CHILDRENS_SOCIAL_CARE_FRONT_DOOR),
      outOfHours: await this.contactOf(localAuthority.id, AgencyContactRole.EMERGENCY_DUTY_TEAM),
    });
  }

  /**
   * An agency's contacts are the agency's: its own staff keep them. The administrators of a
   * partnership that names it as a relevant agency may correct them; a statutory partner (a local
   * authority's front door and emergency duty team above all, which `frontDoorFor` gives to anyone
   * making a referral) is never named so, and only its own staff change its contacts.
   */
  async set(agencyId: string, input: AgencyContactInput): Promise<AgencyContact> {
    const identity = this.ctx.scope.requireIdentity();
    const ownStaff = identity.organisation.id === agencyId;
    if (!ownStaff && !this.ctx.scope.hasRole(...partnershipAdministratorRoles))
      throw new ForbiddenError(contactRefusal);
    return inTransaction(this.ctx.db, async (manager) => {
      const [agency] = await new AgencyRepository(manager, this.ctx.scope).findByIds([agencyId]);
      if (!agency) throw new NotFoundError('Agency', agencyId);
      if (!ownStaff) {
        const designations =
          agency.kind === AgencyKind.RELEVANT_AGENCY
            ? await new DesignationRepository(manager, this.ctx.scope).notEndedOf([agency.id], this.ctx.today)
            : [];
        if (
          !this.ctx.scope.actsInAnyOf(
            designations.map((d) => d.partnershipId),
            partnershipAdministratorRoles,
          )
        )
          throw new ForbiddenError(contactRefusal);
      }
      const valid = validateInput(contactSchema, input);
      if (localAuthorityContactRoles.includes(valid.role) && agency.kind !== AgencyKind.LOCAL_AUTHORITY) {
        throw new BadUserInputError(
          'input.role',
          `${valid.role} is a local authority's contact; ${agency.name} is not a local authority`,
        );
      }
      const repository = this.repository(manager);
      const existing = await repository.find(agencyId, valid.role);
      const contact = Object.assign(existing ?? new AgencyContact(), {
        id: existing?.id ?? newId(),
        agencyId,
        role: valid.role,
        name: valid.name ?? null,
        telephone: valid.telephone.replace(/\s+/g, ' '),
        email: valid.email ?? null,
        hours: valid.hours ?? null,
        updatedOn: this.ctx.today,
      });
      await repository.save(contact);
      this.ctx.logger.info({ agencyId, role: valid.role }, 'agency contact set');
      return contact;
    });
  }
}
