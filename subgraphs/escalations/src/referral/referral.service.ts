import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  boundedList,
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  ConflictError,
  connection,
  nestedPage,
  pageRequest,
  type Connection,
  type PageArgs,
  DeadlineView,
  ForbiddenError,
  newId,
  NotFoundError,
  requiredText,
  statutoryOrganisationId,
  referralImmediateBasis as immediateBasis,
  referralResponseBasis as responseBasis,
  referralResponseDeadline,
  uuidPattern,
  validateInput,
  type AuditEntry,
  type Deadline,
  type ReferenceData,
  type SubgraphContext,
} from '@safeguarding/shared';
import { PartnershipAreaRepository } from '../partnership-area/partnership-area.repository';
import type { EntityManager } from 'typeorm';
import { suppliedInstant } from '../event-date/event-date';
import { isValidNhsNumber } from './nhs-number';
import { referralEvent, settleReferralObligations } from './referral.obligations';
import {
  ConcernCategory,
  EarlyHelpIndicator,
  Referral,
  ReferralConsent,
  ReferralDecision,
  ReferralLawfulBasis,
  ReferralStatus,
  ReferralUrgency,
  ReferrerKind,
} from './referral.entity';
import {
  concernCategoriesLimit,
  earlyHelpIndicatorsLimit,
  type DecideReferralInput,
  type SubmitReferralInput,
} from './referral.input';
import { overdueReferralOrder, referralOrder, ReferralRepository, type ReferralSide } from './referral.repository';
import { ReferralConnection } from './referral-connection.type';
import { nextReferralStatus, type ReferralTransition } from './referral.transitions';

export const earlyHelpSuggestion =
  'Early help indicators without significant harm: consider an early help assessment with the family (Working Together)';

/** A referral about the same child to the same authority this recently is linked as a possible duplicate. */
const duplicateWindowDays = 30;

function submitSchema(reference: ReferenceData) {
  return z
    .object({
      idempotencyKey: z
        .string()
        .trim()
        .regex(/^[\w.:-]{8,100}$/, 'must be 8 to 100 letters, digits or . _ : -'),
      childReference: z
        .string()
        .trim()
        .regex(
          /^[A-Za-z0-9][A-Za-z0-9-]{2,39}$/,
          'must be a pseudonymous reference: 3 to 40 letters, digits or hyphens',
        ),
      // Never echoed back in a message: the number identifies the child.
      nhsNumber: z
        .string()
        .transform((value) => value.replace(/\s/g, ''))
        .refine((value) => /^\d{10}$/.test(value), 'must be 10 digits')
        .refine(isValidNhsNumber, 'has a check digit that does not match: it is not an NHS number')
        .nullish(),
      homeLocalAuthorityGssCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(
          /^E(06|08|09|10)\d{6}$/,
          'must be a local authority GSS code (E06, E08, E09 or E10 followed by 6 digits)',
        )
        .superRefine((code, context) => {
          if (reference.currentLocalAuthority(code) !== undefined) return;
          // A recoded or merged authority routes to its one successor; a split one cannot be
          // routed without knowing where the child lives, so the referrer is told the choices.
          const successors = reference.currentLocalAuthorities(code);
          const record = reference.localAuthorityByGss(code);
          context.addIssue({
            code: 'custom',
            message:
              record && successors.length > 1
                ? `${code} (${record.name}) was split on ${reference.successionsOf(code)[0]?.effectiveDate ?? record.validTo ?? '?'}: name the authority where the child lives, one of ${successors.map((la) => `${la.gssCode} (${la.name})`).join(', ')}`
                : 'is not the GSS code of an English local authority',
          });
        }),
      concernCategories: boundedList(
        concernCategoriesLimit,
        'concerns',
        z.array(z.enum(ConcernCategory)).min(1, 'must name at least one concern'),
      ).transform((list) => [...new Set(list)].sort()),
      significantHarm: z.boolean(),
      earlyHelpIndicators: boundedList(
        earlyHelpIndicatorsLimit,
        'early help indicators',
        z.array(z.enum(EarlyHelpIndicator)),
      ).transform((list) => [...new Set(list)].sort()),
      lawfulBasis: z.enum(ReferralLawfulBasis),
      consent: z.enum(ReferralConsent),
      consentReason: requiredText(1000).nullish(),
      practitionerName: requiredText(120).nullish(),
      practitionerRole: requiredText(120).nullish(),
    })
    .superRefine((value, context) => {
      if (value.consent !== ReferralConsent.OBTAINED && !value.consentReason) {
        context.addIssue({
          code: 'custom',
          path: ['consentReason'],
          message: `must say why, when consent is ${value.consent}`,
        });
      }
    });
}

const decideSchema = z.object({
  decision: z.enum(ReferralDecision),
  feedback: requiredText(2000),
  decidedAt: z.string().nullish(),
});

export class ReferralService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): ReferralRepository {
    return new ReferralRepository(manager, this.ctx.scope);
  }

  /** The two organisations a referral is shared with: the referrer and the receiving authority. */
  isParty(referral: Referral): boolean {
    const organisationId = this.ctx.scope.identity?.organisation.id;
    return (
      organisationId !== undefined &&
      (referral.referrerOrganisationId === organisationId || referral.receivingAuthorityId === organisationId)
    );
  }

  // ---- reads: one statement per list per request, every row returned audited ----------------

  async byId(id: string): Promise<Referral | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, Referral | null>('Referral.byId', async (ids) =>
        alignByKey(
          ids,
          await this.readAndAudit(async (repository) => {
            return repository.findByIds(ids);
          }),
          (r) => r.id,
        ),
      )
      .load(id);
  }

  /** A page of the referrals an organisation made (or an authority received), cut in SQL for every organisation asked for at once. */
  async ofOrganisation(side: ReferralSide, organisationId: string, args: PageArgs): Promise<Connection<Referral>> {
    this.ctx.scope.requireIdentity();
    const page = await nestedPage<Referral>({
      list: side === 'made' ? 'Organisation.referralsMade' : 'Agency.referralsReceived',
      loaders: this.ctx.loaders,
      parent: organisationId,
      args,
      order: referralOrder,
      parentOf: (row) => (side === 'made' ? row.referrerOrganisationId : row.receivingAuthorityId),
      rows: (ids, after, limit) => this.repository().pagesOf(side, ids, after, limit),
      count: (ids) => this.repository().countsOf(side, ids),
      seen: async (rows) => {
        await this.readAndAudit(async () => rows);
      },
    });
    return connection(ReferralConnection, page, page.count);
  }

  /** The caller's own authority's referrals still undecided after their due date. */
  async overdue(args: PageArgs): Promise<Connection<Referral>> {
    const identity = this.ctx.scope.requireIdentity();
    if (identity.organisation.kind !== 'LOCAL_AUTHORITY') {
      throw new ForbiddenError('Overdue referrals are listed for the local authority that receives them');
    }
    const page = await this.repository().overduePage(
      this.ctx.today,
      pageRequest('overdueReferrals', args, overdueReferralOrder),
    );
    await appendAudit(this.ctx, await this.auditEntries(page.nodes, AuditAction.READ));
    return connection(ReferralConnection, page, () => this.repository().countOverdue(this.ctx.today));
  }

  async possibleDuplicateOf(referral: Referral): Promise<Referral | null> {
    return referral.possibleDuplicateOfId ? this.byId(referral.possibleDuplicateOfId) : null;
  }

  private async readAndAudit(read: (repository: ReferralRepository) => Promise<Referral[]>): Promise<Referral[]> {
    const rows = await read(this.repository());
    await appendAudit(this.ctx, await this.auditEntries(rows, AuditAction.READ));
    return rows;
  }

  /**
   * A referral is between two organisations, and its records go to the trail of the arrangements
   * covering the receiving authority's area (the partnership that oversees how that front door
   * answers), as the escalations service's projection of partnership footprints has it.
   */
  private async auditEntries(
    rows: readonly Referral[],
    action: AuditAction,
    manager: EntityManager = this.ctx.db.manager,
  ): Promise<AuditEntry[]> {
    if (rows.length === 0) return [];
    const holders = await new PartnershipAreaRepository(manager).activeHolders(
      rows.map((row) => row.receivingLocalAuthorityGssCode),
    );
    return rows.map((row) => ({
      action,
      entityType: 'Referral',
      entityId: row.id,
      partnershipId: holders.get(row.receivingLocalAuthorityGssCode) ?? null,
    }));
  }

  /** Field rule: the NHS number identifies the child, so only the two parties see it, whoever else reaches the row. */
  nhsNumber(referral: Referral): string | null {
    if (!this.isParty(referral)) {
      throw new ForbiddenError('Only the referring organisation and the receiving authority see the NHS number');
    }
    return referral.nhsNumber;
  }

  private deadline(referral: Referral): Deadline {
    return { due: referral.dueOn, rule: referral.dueRule, provisional: referral.dueProvisional };
  }

  private basis(referral: Referral): string {
    return referral.urgency === ReferralUrgency.IMMEDIATE ? immediateBasis : responseBasis;
  }

  acknowledgementDeadline(referral: Referral): DeadlineView {
    return DeadlineView.of(this.deadline(referral), this.basis(referral), referral.acknowledgedOn, this.ctx.today);
  }

  decisionDeadline(referral: Referral): DeadlineView {
    return DeadlineView.of(this.deadline(referral), this.basis(referral), referral.decidedOn, this.ctx.today);
  }

  suggestion(referral: Referral): string | null {
    return referral.earlyHelpIndicators.length > 0 && !referral.significantHarm ? earlyHelpSuggestion : null;
  }

  // ---- submission: safe to retry ------------------------------------------------------------

  /**
   * Made by the caller's own organisation, routed to the child's home authority (a retired GSS
   * code's successor), its deadline fixed from the London date of receipt. The idempotency key is
   * unique per referring organisation in the database itself, so concurrent retries make one row.
   */
  async submit(input: SubmitReferralInput): Promise<Referral> {
    const identity = this.ctx.scope.requireIdentity();
    const kind = identity.organisation.kind;
    if (kind === 'NATIONAL_PANEL' || kind === 'INDEPENDENT_SCRUTINEER' || kind === 'NATIONAL_BODY') {
      throw new ForbiddenError(
        'A referral is made by an agency, a school or a safeguarding partner that works with the child',
      );
    }
    const { receivedAt: suppliedReceivedAt, ...rest } = input;
    // Checked before anything is read, so a refusal names the field whatever else is wrong.
    const received = suppliedInstant(suppliedReceivedAt, 'input.receivedAt', this.ctx.now);
    const valid = validateInput(submitSchema(this.ctx.reference), rest);
    // The content is the concern; when the referrer's system says it arrived is not part of it.
    const { idempotencyKey, ...content } = valid;
    const contentHash = createHash('sha256').update(JSON.stringify(content)).digest('hex');

    const earlier = await this.repository().byIdempotencyKey(idempotencyKey);
    if (earlier) return this.retried(earlier, contentHash);

    const authority = this.ctx.reference.currentLocalAuthority(valid.homeLocalAuthorityGssCode);
    // The schema has already refused a code with no current authority.
    if (!authority) throw new NotFoundError('LocalAuthority', valid.homeLocalAuthorityGssCode);
    const receivedAt = received.at;
    const receivedOn = received.on;
    const urgency = valid.significantHarm ? ReferralUrgency.IMMEDIATE : ReferralUrgency.WITHIN_ONE_WORKING_DAY;
    const due: Deadline = referralResponseDeadline(
      receivedOn,
      urgency === ReferralUrgency.IMMEDIATE,
      this.ctx.calendar,
    );
    const receivingAuthorityId = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: authority.dfeCode });

    try {
      const referral = await inTransaction(this.ctx.db, async (manager) => {
        const repository = this.repository(manager);
        const duplicate = await repository.latestAboutChild(
          receivingAuthorityId,
          valid.childReference,
          valid.nhsNumber ?? null,
          daysBefore(receivedOn, duplicateWindowDays),
        );
        const created = Object.assign(new Referral(), {
          id: newId(),
          idempotencyKey,
          contentHash,
          referrerOrganisationId: identity.organisation.id,
          referrerKind: kind === 'SCHOOL' ? ReferrerKind.SCHOOL : ReferrerKind.AGENCY,
          practitionerSubject: identity.subject,
          practitionerName: valid.practitionerName ?? null,
          practitionerRole: valid.practitionerRole ?? null,
          childReference: valid.childReference,
          nhsNumber: valid.nhsNumber ?? null,
          homeLocalAuthorityGssCode: valid.homeLocalAuthorityGssCode,
          receivingLocalAuthorityGssCode: authority.gssCode,
          receivingAuthorityId,
          concernCategories: valid.concernCategories,
          significantHarm: valid.significantHarm,
          urgency,
          earlyHelpIndicators: valid.earlyHelpIndicators,
          lawfulBasis: valid.lawfulBasis,
          consent: valid.consent,
          consentReason: valid.consent === ReferralConsent.OBTAINED ? null : (valid.consentReason ?? null),
          receivedAt,
          receivedAtSource: received.source,
          receivedOn,
          dueOn: due.due,
          dueRule: due.rule,
          dueProvisional: due.provisional,
          status: ReferralStatus.RECEIVED,
          acknowledgedAt: null,
          acknowledgedOn: null,
          acknowledgedAtSource: null,
          decision: null,
          decidedAt: null,
          decidedOn: null,
          decidedAtSource: null,
          feedback: null,
          respondedBy: null,
          possibleDuplicateOfId: duplicate?.id ?? null,
        });
        await repository.insert(created);
        await referralEvent(manager, this.ctx.now, 'referral.received', created);
        await settleReferralObligations(manager, this.ctx.now, [created]);
        await appendAudit(this.ctx, await this.auditEntries([created], AuditAction.CREATE, manager), manager);
        return created;
      });
      // Ids only: the content, the NHS number above all, is never logged.
      this.ctx.logger.info({ referralId: referral.id, urgency }, 'referral received');
      return referral;
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      // A concurrent retry committed first: answer as that retry would have been answered.
      const first = await this.repository().byIdempotencyKey(idempotencyKey);
      if (!first) throw error;
      return this.retried(first, contentHash);
    }
  }

  private async retried(first: Referral, contentHash: string): Promise<Referral> {
    if (first.contentHash !== contentHash) {
      throw new ConflictError(
        'idempotencyKey was used for a different referral by your organisation: use a new key for a new referral',
        { field: 'input.idempotencyKey' },
      );
    }
    await appendAudit(this.ctx, await this.auditEntries([first], AuditAction.READ));
    return first;
  }

  // ---- the authority's response ---------------------------------------------------------------

  async acknowledge(id: string, acknowledgedAt: string | null = null): Promise<Referral> {
    return this.respond(id, { kind: 'acknowledge' }, null, acknowledgedAt, 'acknowledgedAt');
  }

  async decide(id: string, input: DecideReferralInput): Promise<Referral> {
    const valid = validateInput(decideSchema, input);
    return this.respond(
      id,
      { kind: 'decide', decision: valid.decision },
      valid.feedback,
      valid.decidedAt ?? null,
      'input.decidedAt',
    );
  }

  /** Only the receiving authority responds; the move is applied only from the state it was read in. */
  private async respond(
    id: string,
    transition: ReferralTransition,
    feedback: string | null,
    suppliedAt: string | null,
    field: string,
  ): Promise<Referral> {
    const identity = this.ctx.scope.requireIdentity();
    if (!uuidPattern.test(id)) throw new NotFoundError('Referral', id);
    const updated = await inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [referral] = await repository.findByIds([id]);
      if (!referral) throw new NotFoundError('Referral', id);
      if (referral.receivingAuthorityId !== identity.organisation.id) {
        throw new ForbiddenError('Only the receiving local authority responds to a referral');
      }
      const status = nextReferralStatus(referral.status, transition);
      // A response follows the referral, and a decision its acknowledgement.
      const follows =
        transition.kind === 'decide' && referral.acknowledgedAt !== null
          ? { at: referral.acknowledgedAt, what: 'the referral was acknowledged' }
          : { at: referral.receivedAt, what: 'the referral was received' };
      const when = suppliedInstant(suppliedAt, field, this.ctx.now, follows);
      const acknowledging =
        referral.acknowledgedAt === null
          ? { acknowledgedAt: when.at, acknowledgedOn: when.on, acknowledgedAtSource: when.source }
          : {};
      const changes =
        transition.kind === 'decide'
          ? {
              status,
              ...acknowledging,
              decision: transition.decision,
              decidedAt: when.at,
              decidedOn: when.on,
              decidedAtSource: when.source,
              feedback,
              respondedBy: identity.subject,
            }
          : { status, ...acknowledging, respondedBy: identity.subject };
      if (!(await repository.applyTransition(referral, changes))) {
        throw new ConflictError('referral changed while this was being recorded: read it again');
      }
      const changed = Object.assign(referral, changes);
      if (transition.kind === 'decide') await referralEvent(manager, this.ctx.now, 'referral.decided', changed);
      await settleReferralObligations(manager, this.ctx.now, [changed]);
      await appendAudit(this.ctx, await this.auditEntries([referral], AuditAction.UPDATE, manager), manager);
      return changed;
    });
    this.ctx.logger.info({ referralId: id, status: updated.status }, 'referral response recorded');
    return updated;
  }
}

function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

function isUniqueViolation(error: unknown): boolean {
  const code = (error as { driverError?: { code?: unknown } } | null)?.driverError?.code;
  return code === 'ER_DUP_ENTRY' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}
