import { z } from 'zod';
import {
  boundedList,
  inTransaction,
  exactlyOneCode,
  alignByKey,
  BadUserInputError,
  connection,
  pageRequest,
  type Connection,
  type PageArgs,
  ForbiddenError,
  groupByKey,
  partnershipAdministratorRoles,
  Role,
  newId,
  requiredText,
  statutoryOrganisationId,
  validateInput,
  type ReferenceData,
  type SubgraphContext,
} from '@safeguarding/shared';
import { PartnershipConnection } from './partnership-connection.type';
import type { EntityManager } from 'typeorm';
import { LocalAuthority } from '../reference-data/local-authority.type';
import { PartnerKind, Partnership, PartnershipArea, PartnershipStatus, StatutoryPartner } from './partnership.entity';
import { footprintLimits, type CreatePartnershipInput } from './partnership.input';
import { partnershipOrder, PartnershipRepository } from './partnership.repository';
import { partnerOverlapShortfalls } from './partner-overlap';
import { recordFootprintEvent } from './partnership.events';

export class PartnershipService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): PartnershipRepository {
    return new PartnershipRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<Partnership | null> {
    return this.ctx.loaders
      .get<string, Partnership | null>('Partnership.byId', async (ids) =>
        alignByKey(ids, await this.repository().findByIds(ids), (p) => p.id),
      )
      .load(id);
  }

  async coveringLocalAuthority(codes: {
    localAuthorityGssCode: string | null;
    localAuthorityDfeCode: string | null;
  }): Promise<Partnership | null> {
    const code = exactlyOneCode(codes, {
      localAuthorityGssCode: { pattern: /^E\d{8}$/, description: 'an English ONS GSS code: E and 8 digits' },
      localAuthorityDfeCode: { pattern: /^\d{3}$/, description: 'a DfE LA code of 3 digits' },
    });
    const gssCodes =
      code.kind === 'localAuthorityGssCode'
        ? [code.value, ...this.ctx.reference.currentLocalAuthorities(code.value).map((la) => la.gssCode)]
        : this.ctx.reference.liveLocalAuthorities.filter((la) => la.dfeCode === code.value).map((la) => la.gssCode);
    if (gssCodes.length === 0) return null;
    const [partnership] = await this.repository().activeCovering([...new Set(gssCodes)]);
    return partnership ?? null;
  }

  async page(status: PartnershipStatus | null, args: PageArgs): Promise<Connection<Partnership>> {
    const page = await this.repository().page(status, pageRequest('partnerships', args, partnershipOrder));
    return connection(PartnershipConnection, page, () => this.repository().count(status));
  }

  async localAuthorities(partnership: Partnership): Promise<LocalAuthority[]> {
    const areas = await this.ctx.loaders
      .get<string, PartnershipArea[]>('Partnership.areas', async (ids) =>
        groupByKey(ids, await this.repository().areasOf(ids), (a) => a.partnershipId),
      )
      .load(partnership.id);
    return areas.flatMap((area) => {
      const record = this.ctx.reference.localAuthorityByGss(area.localAuthorityGssCode);
      return record ? [LocalAuthority.of(record)] : [];
    });
  }

  partners(partnership: Partnership): Promise<StatutoryPartner[]> {
    return this.ctx.loaders
      .get<string, StatutoryPartner[]>('Partnership.partners', async (ids) =>
        groupByKey(ids, await this.repository().partnersOf(ids), (p) => p.partnershipId),
      )
      .load(partnership.id);
  }

  /**
   * New arrangements are made by the safeguarding partners for the area (Children Act 2004 s16E):
   * an administrator acting for the local authority, ICB or police force named as a partner, or a
   * national administrator. Nobody else may set up arrangements naming other organisations.
   * The answer goes to its author, who wrote every field, though the draft is seen afterwards
   * only by those acting in it.
   */
  async create(input: CreatePartnershipInput): Promise<Partnership> {
    this.ctx.scope.requireIdentity();
    const valid = validateInput(createPartnershipSchema(this.ctx.reference, this.ctx.today), input);
    refuseOutOfAreaPartners(this.ctx.reference, valid, this.ctx.today);
    const partnership = Object.assign(new Partnership(), {
      id: newId(),
      name: valid.name,
      status: PartnershipStatus.DRAFT,
      activeFrom: null,
      dissolvedOn: null,
    });
    const areas = valid.localAuthorityGssCodes.map((gssCode) =>
      Object.assign(new PartnershipArea(), { partnershipId: partnership.id, localAuthorityGssCode: gssCode }),
    );
    const partner = (kind: PartnerKind, code: string, organisationId: string) =>
      Object.assign(new StatutoryPartner(), { id: newId(), partnershipId: partnership.id, kind, code, organisationId });
    const partners = [
      ...valid.localAuthorityGssCodes.map((gssCode) => {
        const la = this.ctx.reference.localAuthorityByGss(gssCode);
        // validated above: every code names a live local authority
        return partner(
          PartnerKind.LOCAL_AUTHORITY,
          gssCode,
          statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la?.dfeCode ?? '' }),
        );
      }),
      ...valid.integratedCareBoardOdsCodes.map((odsCode) =>
        partner(
          PartnerKind.INTEGRATED_CARE_BOARD,
          odsCode,
          statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode }),
        ),
      ),
      ...valid.policeForceGssCodes.map((gssCode) =>
        partner(PartnerKind.POLICE, gssCode, statutoryOrganisationId({ kind: 'POLICE', gssCode })),
      ),
    ];
    if (
      !mayCreatePartnership(
        this.ctx,
        partners.map((p) => p.organisationId),
      )
    ) {
      throw new ForbiddenError(
        'New arrangements are made by the safeguarding partners they name (an administrator acting for one of them), or a national administrator',
      );
    }
    await inTransaction(this.ctx.db, async (manager) => {
      await this.repository(manager).insert(partnership, areas, partners);
      await recordFootprintEvent(
        manager,
        this.ctx.now,
        'partnership.created',
        partnership,
        valid.localAuthorityGssCodes,
      );
    });
    this.ctx.logger.info({ partnershipId: partnership.id }, 'partnership created');
    return partnership;
  }
}

function mayCreatePartnership(ctx: SubgraphContext, partnerOrganisationIds: readonly string[]): boolean {
  if (ctx.scope.hasRole(Role.NATIONAL_ADMINISTRATOR)) return true;
  return (
    ctx.scope.hasRole(...partnershipAdministratorRoles) && partnerOrganisationIds.some((id) => ctx.scope.actsFor(id))
  );
}

function codeList(
  label: string,
  max: number,
  format: RegExp,
  formatMessage: string,
  known: (code: string) => boolean,
  unknownMessage: string | ((code: string) => string),
) {
  return boundedList(
    max,
    `${label} codes`,
    z
      .array(
        z
          .string()
          .trim()
          .toUpperCase()
          .regex(format, formatMessage)
          .superRefine((code, context) => {
            if (!known(code))
              context.addIssue({
                code: 'custom',
                message: typeof unknownMessage === 'string' ? unknownMessage : unknownMessage(code),
              });
          }),
      )
      .min(1, `must name at least one ${label}`)
      .superRefine((codes, context) => {
        const seen = new Set<string>();
        codes.forEach((code, index) => {
          if (seen.has(code)) context.addIssue({ code: 'custom', path: [index], message: `${code} is listed twice` });
          seen.add(code);
        });
      }),
  );
}

/** A partner must be one for the area (Children Act 2004 s16E): refused naming the field, the LA and who would qualify. */
function refuseOutOfAreaPartners(
  reference: ReferenceData,
  valid: { localAuthorityGssCodes: string[]; integratedCareBoardOdsCodes: string[]; policeForceGssCodes: string[] },
  on: string,
): void {
  const [first] = partnerOverlapShortfalls(
    reference,
    valid.localAuthorityGssCodes,
    valid.integratedCareBoardOdsCodes,
    valid.policeForceGssCodes,
    on,
  );
  if (!first) return;
  const field =
    first.kind === 'INTEGRATED_CARE_BOARD' ? 'input.integratedCareBoardOdsCodes' : 'input.policeForceGssCodes';
  const codes = first.kind === 'INTEGRATED_CARE_BOARD' ? valid.integratedCareBoardOdsCodes : valid.policeForceGssCodes;
  throw new BadUserInputError(
    first.outOfAreaCode ? `${field}.${codes.indexOf(first.outOfAreaCode)}` : field,
    first.message,
  );
}

function createPartnershipSchema(reference: ReferenceData, today: string) {
  const liveLas = new Set(reference.liveLocalAuthorities.map((la) => la.gssCode));
  // A terminated code is refused with its successor named, so an integrator can correct it.
  const laMessage = (code: string) => {
    const record = reference.localAuthorityByGss(code);
    const successor = record && reference.currentLocalAuthority(code);
    return successor && record
      ? `${code} (${record.name}) ended on ${record.validTo ?? '?'}; use ${successor.gssCode}`
      : 'is not a live English local authority';
  };
  // A board that has ended (the April 2026 mergers) is no longer anyone's partner.
  const icbs = new Set(reference.integratedCareBoardsOn(today).map((icb) => icb.odsCode));
  const forces = new Set(reference.englishPoliceForceAreas.map((force) => force.gssCode));
  return z.object({
    name: requiredText(200),
    localAuthorityGssCodes: codeList(
      'local authority',
      footprintLimits.localAuthorities,
      /^E(06|08|09|10)\d{6}$/,
      'must be a local authority GSS code (E06, E08, E09 or E10 followed by 6 digits)',
      (code) => liveLas.has(code),
      laMessage,
    ),
    integratedCareBoardOdsCodes: codeList(
      'integrated care board',
      footprintLimits.integratedCareBoards,
      /^[A-Z0-9]{3}$/,
      'must be a 3-character ODS code',
      (code) => icbs.has(code),
      'is not an integrated care board in force today',
    ),
    policeForceGssCodes: codeList(
      'police force',
      footprintLimits.policeForces,
      /^E23\d{6}$/,
      'must be a police force area GSS code (E23 followed by 6 digits)',
      (code) => forces.has(code),
      'is not an English police force area',
    ),
  });
}
