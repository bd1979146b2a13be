import { z } from 'zod';
import {
  groupByKey,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  requiredText,
  validateInput,
  BadUserInputError,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { IntegratedCareBoard, LocalAuthority, PoliceForceArea } from '../reference-data/local-authority.type';
import { DelegatedSafeguardingPartner, PartnerKind, type Partnership, type StatutoryPartner } from './partnership.entity';
import type { DelegateInput, LeadSafeguardingPartnerInput } from './partnership.input';
import { nextPartnershipStatus, ruleBroken } from './partnership.lifecycle';
import { PartnershipRepository } from './partnership.repository';

const leadSchema = z.object({ name: requiredText(200), office: requiredText(200), namedOn: isoDate });
const delegateSchema = z.object({
  name: requiredText(200),
  office: requiredText(200),
  functions: z.array(requiredText(300)).min(1, 'must list at least one delegated function').max(30),
  delegatedFrom: isoDate,
});

export interface Coverage {
  readonly uncoveredLocalAuthorities: LocalAuthority[];
  readonly uncoveredIntegratedCareBoards: IntegratedCareBoard[];
  readonly uncoveredPoliceForceAreas: PoliceForceArea[];
}

/** The partners' officers, and the arrangements coming into force and ending. */
export class PartnershipLifecycleService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): PartnershipRepository {
    return new PartnershipRepository(manager, this.ctx.scope);
  }

  delegates(partner: StatutoryPartner): Promise<DelegatedSafeguardingPartner[]> {
    return this.ctx.loaders
      .get<string, DelegatedSafeguardingPartner[]>('StatutoryPartner.delegates', async (ids) =>
        groupByKey(ids, await this.repository().delegatesOf(ids), (d) => d.partnerId),
      )
      .load(partner.id);
  }

  private async partnerForChange(partnerId: string, manager: EntityManager): Promise<StatutoryPartner> {
    const partner = await this.repository(manager).partnerById(partnerId);
    if (!partner) throw new NotFoundError('StatutoryPartner', partnerId);
    this.ctx.scope.requirePartnershipRole(partner.partnershipId, partnershipAdministratorRoles);
    return partner;
  }

  async nameLead(partnerId: string, input: LeadSafeguardingPartnerInput): Promise<StatutoryPartner> {
    this.ctx.scope.requireIdentity();
    const valid = validateInput(leadSchema, input);
    return this.ctx.db.transaction(async (manager) => {
      const partner = await this.partnerForChange(partnerId, manager);
      const lead = { leadName: valid.name, leadOffice: valid.office, leadNamedOn: valid.namedOn };
      await this.repository(manager).updateLead(partner.id, lead);
      return Object.assign(partner, lead);
    });
  }

  async addDelegate(partnerId: string, input: DelegateInput): Promise<DelegatedSafeguardingPartner> {
    this.ctx.scope.requireIdentity();
    const valid = validateInput(delegateSchema, input);
    return this.ctx.db.transaction(async (manager) => {
      const partner = await this.partnerForChange(partnerId, manager);
      const delegate = Object.assign(new DelegatedSafeguardingPartner(), { id: newId(), partnerId: partner.id, ...valid });
      await this.repository(manager).insertDelegate(delegate);
      return delegate;
    });
  }

  async activate(partnershipId: string, activeFrom: string): Promise<Partnership> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const on = validateInput(isoDate, activeFrom, 'activeFrom');
    return this.ctx.db.transaction(async (manager) => {
      const repository = this.repository(manager);
      const [partnership] = await repository.findByIds([partnershipId]);
      if (!partnership) throw new NotFoundError('Partnership', partnershipId);
      const status = nextPartnershipStatus(partnership.status, { kind: 'activate', on });
      const partners = await repository.partnersOf([partnershipId]);
      const missing = [PartnerKind.LOCAL_AUTHORITY, PartnerKind.INTEGRATED_CARE_BOARD, PartnerKind.POLICE].filter(
        (kind) => !partners.some((partner) => partner.kind === kind),
      );
      if (missing.length > 0) throw ruleBroken('PARTNER_OF_EACH_KIND', `no ${missing.join(' or ')} partner`);
      const leaderless = partners.filter((partner) => !partner.leadName);
      if (leaderless.length > 0) throw ruleBroken('LEAD_FOR_EACH_PARTNER', `none named for ${leaderless.map((p) => p.code).join(', ')}`);
      const areas = (await repository.areasOf([partnershipId])).map((area) => area.localAuthorityGssCode);
      const [held] = await repository.activeHoldersOf(areas, partnershipId);
      if (held) {
        throw ruleBroken('ONE_ACTIVE_PARTNERSHIP_PER_AREA', `${held.localAuthorityGssCode} is in "${held.partnership?.name ?? held.partnershipId}"`);
      }
      await repository.setStatus(partnershipId, { status, activeFrom: on });
      return Object.assign(partnership, { status, activeFrom: on });
    });
  }

  async dissolve(partnershipId: string, dissolvedOn: string): Promise<Partnership> {
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const on = validateInput(isoDate, dissolvedOn, 'dissolvedOn');
    return this.ctx.db.transaction(async (manager) => {
      const repository = this.repository(manager);
      const [partnership] = await repository.findByIds([partnershipId]);
      if (!partnership) throw new NotFoundError('Partnership', partnershipId);
      const status = nextPartnershipStatus(partnership.status, { kind: 'dissolve', on });
      if (partnership.activeFrom && on < partnership.activeFrom) {
        throw new BadUserInputError('dissolvedOn', `must not be before the arrangements came into force on ${partnership.activeFrom}`);
      }
      await repository.setStatus(partnershipId, { status, dissolvedOn: on });
      return Object.assign(partnership, { status, dissolvedOn: on });
    });
  }

  /** Every live LA, ICB and English police force must be covered by an active arrangement (DOMAIN.md §1). */
  async coverage(): Promise<Coverage> {
    const { areas, partnerCodes } = await this.repository().activeCoverage();
    const reference = this.ctx.reference;
    // An area recorded under a code since replaced still covers its successor.
    const coveredLas = new Set(areas.map((code) => reference.currentLocalAuthority(code)?.gssCode ?? code));
    const coveredCodes = new Set(partnerCodes);
    return {
      uncoveredLocalAuthorities: reference.liveLocalAuthorities.filter((la) => !coveredLas.has(la.gssCode)).map((la) => LocalAuthority.of(la)),
      uncoveredIntegratedCareBoards: reference.integratedCareBoards.filter((icb) => !coveredCodes.has(icb.odsCode)).map(IntegratedCareBoard.of),
      uncoveredPoliceForceAreas: reference.englishPoliceForceAreas.filter((force) => !coveredCodes.has(force.gssCode)).map(PoliceForceArea.of),
    };
  }
}
