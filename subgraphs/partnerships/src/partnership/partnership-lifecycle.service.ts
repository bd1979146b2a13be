import { recordFootprintEvent } from './partnership.events';
import { z } from 'zod';
import {
  inTransaction,
  connection,
  nestedPage,
  type Connection,
  type PageArgs,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  boundedList,
  requiredText,
  validateInput,
  BadUserInputError,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { IntegratedCareBoard, LocalAuthority, PoliceForceArea } from '../reference-data/local-authority.type';
import {
  DelegatedSafeguardingPartner,
  DelegatedSafeguardingPartnerConnection,
  PartnerKind,
  type Partnership,
  type StatutoryPartner,
} from './partnership.entity';
import { delegatedFunctionsLimit, type DelegateInput, type LeadSafeguardingPartnerInput } from './partnership.input';
import { nextPartnershipStatus, ruleBroken } from './partnership.transitions';
import { delegateOrder, PartnershipRepository } from './partnership.repository';
import { settleYearlyReportObligations } from '../yearly-report/yearly-report.obligations';
import { overlappingBoards, overlappingForces, partnerOverlapShortfalls } from './partner-overlap';

// A lead is named for a post someone holds: recorded once named, so not on a day still to come.
const leadSchema = (today: string) =>
  z.object({
    name: requiredText(200),
    office: requiredText(200),
    namedOn: isoDate.refine((day) => day <= today, `must not be in the future (today is ${today})`),
  });
const delegateSchema = z.object({
  name: requiredText(200),
  office: requiredText(200),
  functions: boundedList(
    delegatedFunctionsLimit,
    'delegated functions',
    z.array(requiredText(300)).min(1, 'must list at least one delegated function'),
  ),
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

  /** A page of the partner's delegates, cut in SQL for every partner asked for at once. */
  async delegates(partner: StatutoryPartner, args: PageArgs): Promise<Connection<DelegatedSafeguardingPartner>> {
    const page = await nestedPage<DelegatedSafeguardingPartner>({
      list: 'StatutoryPartner.delegatedSafeguardingPartners',
      loaders: this.ctx.loaders,
      parent: partner.id,
      args,
      order: delegateOrder,
      parentOf: (delegate) => delegate.partnerId,
      rows: (ids, after, limit) => this.repository().delegatePagesOf(ids, after, limit),
      count: (ids) => this.repository().delegateCountsOf(ids),
    });
    return connection(DelegatedSafeguardingPartnerConnection, page, page.count);
  }

  private async partnerForChange(partnerId: string, manager: EntityManager): Promise<StatutoryPartner> {
    const partner = await this.repository(manager).partnerById(partnerId);
    if (!partner) throw new NotFoundError('StatutoryPartner', partnerId);
    this.ctx.scope.requirePartnershipRole(partner.partnershipId, partnershipAdministratorRoles);
    return partner;
  }

  async nameLead(partnerId: string, input: LeadSafeguardingPartnerInput): Promise<StatutoryPartner> {
    const valid = validateInput(leadSchema(this.ctx.today), input);
    return inTransaction(this.ctx.db, async (manager) => {
      const partner = await this.partnerForChange(partnerId, manager);
      const lead = { leadName: valid.name, leadOffice: valid.office, leadNamedOn: valid.namedOn };
      await this.repository(manager).updateLead(partner.id, lead);
      return Object.assign(partner, lead);
    });
  }

  async addDelegate(partnerId: string, input: DelegateInput): Promise<DelegatedSafeguardingPartner> {
    const valid = validateInput(delegateSchema, input);
    return inTransaction(this.ctx.db, async (manager) => {
      const partner = await this.partnerForChange(partnerId, manager);
      const delegate = Object.assign(new DelegatedSafeguardingPartner(), {
        id: newId(),
        partnerId: partner.id,
        ...valid,
      });
      await this.repository(manager).insertDelegate(delegate);
      return delegate;
    });
  }

  async activate(partnershipId: string, activeFrom: string): Promise<Partnership> {
    const on = validateInput(isoDate, activeFrom, 'activeFrom');
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [partnership] = await repository.findByIds([partnershipId]);
      if (!partnership) throw new NotFoundError('Partnership', partnershipId);
      const status = nextPartnershipStatus(partnership.status, { kind: 'activate', on });
      const partners = await repository.partnersOf([partnershipId]);
      const missing = [PartnerKind.LOCAL_AUTHORITY, PartnerKind.INTEGRATED_CARE_BOARD, PartnerKind.POLICE].filter(
        (kind) => !partners.some((partner) => partner.kind === kind),
      );
      if (missing.length > 0) throw ruleBroken('PARTNER_OF_EACH_KIND', `no ${missing.join(' or ')} partner`);
      const areaCodes = (await repository.areasOf([partnershipId])).map((area) => area.localAuthorityGssCode);
      // Checked again on the day of coming into force: boards merge and reference data is reloaded.
      const shortfalls = partnerOverlapShortfalls(
        this.ctx.reference,
        areaCodes,
        partners.filter((p) => p.kind === PartnerKind.INTEGRATED_CARE_BOARD).map((p) => p.code),
        partners.filter((p) => p.kind === PartnerKind.POLICE).map((p) => p.code),
        on,
      );
      if (shortfalls.length > 0) throw ruleBroken('PARTNERS_FOR_THE_AREA', shortfalls.map((s) => s.message).join('; '));
      const leaderless = partners.filter((partner) => !partner.leadName);
      if (leaderless.length > 0)
        throw ruleBroken('LEAD_FOR_EACH_PARTNER', `none named for ${leaderless.map((p) => p.code).join(', ')}`);
      const [held] = await repository.activeHoldersOf(areaCodes, partnershipId);
      if (held) {
        throw ruleBroken(
          'ONE_ACTIVE_PARTNERSHIP_PER_AREA',
          `${held.localAuthorityGssCode} is in "${held.partnership?.name ?? held.partnershipId}"`,
        );
      }
      await repository.setStatus(partnershipId, { status, activeFrom: on });
      await recordFootprintEvent(
        manager,
        this.ctx.now,
        'partnership.activated',
        { id: partnershipId, status },
        areaCodes,
      );
      await settleYearlyReportObligations(manager, this.ctx.calendar, this.ctx.now, partnershipId);
      return Object.assign(partnership, { status, activeFrom: on });
    });
  }

  async dissolve(partnershipId: string, dissolvedOn: string): Promise<Partnership> {
    const on = validateInput(isoDate, dissolvedOn, 'dissolvedOn');
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [partnership] = await repository.findByIds([partnershipId]);
      if (!partnership) throw new NotFoundError('Partnership', partnershipId);
      const status = nextPartnershipStatus(partnership.status, { kind: 'dissolve', on });
      if (partnership.activeFrom && on < partnership.activeFrom) {
        throw new BadUserInputError(
          'dissolvedOn',
          `must not be before the arrangements came into force on ${partnership.activeFrom}`,
        );
      }
      await repository.setStatus(partnershipId, { status, dissolvedOn: on });
      const areaCodes = (await repository.areasOf([partnershipId])).map((area) => area.localAuthorityGssCode);
      await recordFootprintEvent(
        manager,
        this.ctx.now,
        'partnership.dissolved',
        { id: partnershipId, status },
        areaCodes,
      );
      await settleYearlyReportObligations(manager, this.ctx.calendar, this.ctx.now, partnershipId);
      return Object.assign(partnership, { status, dissolvedOn: on });
    });
  }

  /**
   * Every live LA, ICB and English police force must be covered by an active arrangement. An LA is
   * covered only where its arrangements have all three kinds of partner for its area (s16E): itself,
   * an overlapping ICB and its police force.
   */
  async coverage(): Promise<Coverage> {
    const active = await this.repository().activeCoverage();
    const reference = this.ctx.reference;
    const today = this.ctx.today;
    const coveredLas = new Set<string>();
    const coveredCodes = new Set<string>();
    for (const { areas, partners } of active) {
      const boards = new Set(partners.filter((p) => p.kind === PartnerKind.INTEGRATED_CARE_BOARD).map((p) => p.code));
      const forces = new Set(partners.filter((p) => p.kind === PartnerKind.POLICE).map((p) => p.code));
      const localAuthorities = new Set(
        partners.filter((p) => p.kind === PartnerKind.LOCAL_AUTHORITY).map((p) => p.code),
      );
      partners.filter((p) => p.kind !== PartnerKind.LOCAL_AUTHORITY).forEach((p) => coveredCodes.add(p.code));
      for (const area of areas) {
        // An area recorded under a code since replaced still covers its successor(s).
        const current = reference.currentLocalAuthorities(area).map((la) => la.gssCode);
        for (const la of current.length > 0 ? current : [area]) {
          const hasAuthority = localAuthorities.has(area) || localAuthorities.has(la);
          const hasBoard = overlappingBoards(reference, la, today).some((code) => boards.has(code));
          const hasForce = overlappingForces(reference, la).some((code) => forces.has(code));
          if (hasAuthority && hasBoard && hasForce) coveredLas.add(la);
        }
      }
    }
    return {
      uncoveredLocalAuthorities: reference.liveLocalAuthorities
        .filter((la) => !coveredLas.has(la.gssCode))
        .map((la) => LocalAuthority.of(la)),
      uncoveredIntegratedCareBoards: reference
        .integratedCareBoardsOn(today)
        .filter((icb) => !coveredCodes.has(icb.odsCode))
        .map(IntegratedCareBoard.of),
      uncoveredPoliceForceAreas: reference.englishPoliceForceAreas
        .filter((force) => !coveredCodes.has(force.gssCode))
        .map(PoliceForceArea.of),
    };
  }
}
