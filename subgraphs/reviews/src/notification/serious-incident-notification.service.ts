import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  connection,
  nestedPage,
  pageRequest,
  type Connection,
  type PageArgs,
  BadUserInputError,
  ConflictError,
  DeadlineView,
  ForbiddenError,
  groupByKey,
  partnershipStaffRoles,
  recordEvent,
  reviewClockRule,
  Role,
  settleObligationPlans,
  type DomainEventPayload,
  isoDate,
  newId,
  NotFoundError,
  partnershipAdministratorRoles,
  requiredText,
  localAuthorityOn,
  StatutoryDirectory,
  statutoryOrganisationId,
  validateInput,
  type AuditEntry,
  type ReferenceData,
  type SubgraphContext,
} from '@safeguarding/shared';
import { SeriousIncidentNotificationConnection } from './serious-incident-notification-connection.type';
import type { EntityManager } from 'typeorm';
import { dfeEthnicityCodes, isDfeEthnicityCode } from '../common/ethnicity';
import { toldPartnerRoles } from '../common/case-access';
import { uuid } from '../common/ids';
import { notificationAudience, notificationPlans, reviewsLedger } from '../obligations/review-obligations';
import { RapidReview } from '../rapid-review/rapid-review.entity';
import {
  ChildSex,
  NotificationStatus,
  NotifiedChild,
  PartnerTold,
  SeriousIncidentNotification,
} from './serious-incident-notification.entity';
import {
  notifiedChildrenLimit,
  partnersToldLimit,
  type NotifySeriousIncidentInput,
  type PartnerToldInput,
} from './serious-incident-notification.input';
import { notificationOrder, SeriousIncidentNotificationRepository } from './serious-incident-notification.repository';
import { nextNotificationStatus } from './serious-incident-notification.transitions';

const notificationRule = reviewClockRule('SERIOUS_INCIDENT_NOTIFICATION');
const partnersRule = reviewClockRule('PARTNERS_TOLD_OF_INCIDENT');

export class SeriousIncidentNotificationService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): SeriousIncidentNotificationRepository {
    return new SeriousIncidentNotificationRepository(manager, this.ctx.scope);
  }

  byId(id: string): Promise<SeriousIncidentNotification | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, SeriousIncidentNotification | null>('SeriousIncidentNotification.byId', async (ids) =>
        alignByKey(ids, await this.audited(await this.repository().findByIds(ids)), (n) => n.id),
      )
      .load(id);
  }

  /** A page of the partnership's, cut in SQL for every partnership asked for at once; what is answered is audited. */
  async ofPartnership(partnershipId: string, args: PageArgs): Promise<Connection<SeriousIncidentNotification>> {
    this.ctx.scope.requireIdentity();
    const page = await nestedPage<SeriousIncidentNotification>({
      list: 'Partnership.seriousIncidentNotifications',
      loaders: this.ctx.loaders,
      parent: partnershipId,
      args,
      order: notificationOrder,
      parentOf: (row) => row.partnershipId,
      rows: (ids, after, limit) => this.repository().pagesOf(ids, after, limit),
      count: (ids) => this.repository().countsOf(ids),
      seen: async (rows) => {
        await this.audited(rows);
      },
    });
    return connection(SeriousIncidentNotificationConnection, page, page.count);
  }

  /** Every notification the caller may see: the Panel's national view, or staff's own partnerships. */
  async list(args: PageArgs): Promise<Connection<SeriousIncidentNotification>> {
    const page = await this.repository().page(
      null,
      pageRequest('seriousIncidentNotifications', args, notificationOrder),
    );
    await this.audited(page.nodes);
    return connection(SeriousIncidentNotificationConnection, page, () => this.repository().count(null));
  }

  /** Party to the case: the Panel and the partnership's staff. A partner told of it sees the notification, not its children. */
  private partyTo(notification: SeriousIncidentNotification): boolean {
    return (
      this.ctx.scope.hasRole(Role.PANEL_MEMBER) ||
      this.ctx.scope.actsInAnyOf([notification.partnershipId], partnershipStaffRoles)
    );
  }

  children(notification: SeriousIncidentNotification): Promise<NotifiedChild[]> {
    if (!this.partyTo(notification)) return Promise.resolve([]);
    return this.ctx.loaders
      .get<string, NotifiedChild[]>('SeriousIncidentNotification.children', async (ids) => {
        const rows = await this.repository().childrenOf(ids);
        await appendAudit(
          this.ctx,
          rows.map((child) => ({
            action: AuditAction.READ,
            entityType: 'NotifiedChild',
            entityId: child.id,
            partnershipId: child.partnershipId,
          })),
        );
        return groupByKey(ids, rows, (child) => child.notificationId);
      })
      .load(notification.id);
  }

  partnersTold(notification: SeriousIncidentNotification): Promise<PartnerTold[]> {
    return this.ctx.loaders
      .get<string, PartnerTold[]>('SeriousIncidentNotification.partnersTold', async (ids) =>
        groupByKey(ids, await this.repository().partnersToldOf(ids), (p) => p.notificationId),
      )
      .load(notification.id);
  }

  async audited(rows: SeriousIncidentNotification[]): Promise<SeriousIncidentNotification[]> {
    await appendAudit(
      this.ctx,
      rows.map((row) => auditOf(row, AuditAction.READ)),
    );
    return rows;
  }

  deadline(notification: SeriousIncidentNotification): DeadlineView {
    return DeadlineView.of(
      notificationRule.compute(notification.dateAware, this.ctx.calendar),
      notificationRule.basis,
      notification.dateNotified,
      this.ctx.today,
    );
  }

  notifiedOnTime(notification: SeriousIncidentNotification): boolean | null {
    if (notification.dateNotified === null) return null;
    return notification.dateNotified <= notificationRule.compute(notification.dateAware, this.ctx.calendar).due;
  }

  partnerDeadline(partner: PartnerTold): DeadlineView {
    return DeadlineView.of(
      partnersRule.compute(partner.dateAware, this.ctx.calendar),
      partnersRule.basis,
      partner.toldOn,
      this.ctx.today,
    );
  }

  async notify(input: NotifySeriousIncidentInput): Promise<SeriousIncidentNotification> {
    const partnershipId = validateInput(uuid, input.partnershipId, 'input.partnershipId');
    this.ctx.scope.requirePartnershipRole(partnershipId, partnershipAdministratorRoles);
    const valid = validateInput(notifySchema(this.ctx.reference, this.ctx.today), input);
    // An incident known of after a reorganisation belongs to the authority then in place.
    const la = localAuthorityOn(
      this.ctx.reference,
      valid.localAuthorityGssCode,
      valid.dateAware,
      'input.localAuthorityGssCode',
    );
    // A partner told must have existed when the incident became known.
    const directory = StatutoryDirectory.of(this.ctx.reference);
    valid.partnersTold.forEach((partner, index) =>
      directory.requireNotCeased(
        partner.organisationId,
        `input.partnersTold.${index}.organisationId`,
        valid.dateAware,
        'the incident became known',
      ),
    );
    const criteria = valid.criteria;
    const notification = Object.assign(new SeriousIncidentNotification(), {
      id: newId(),
      partnershipId,
      caseReference: valid.caseReference,
      localAuthorityGssCode: la.gssCode,
      // The DfE code outlives a reissued GSS code, so a terminated code still finds the same agency.
      localAuthorityId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }),
      dateAware: valid.dateAware,
      dateNotified: valid.dateNotified ?? null,
      status: valid.dateNotified ? NotificationStatus.SENT : NotificationStatus.DRAFT,
      death: criteria.death,
      seriousHarm: criteria.seriousHarm,
      abuseOrNeglect: criteria.abuseOrNeglectKnownOrSuspected,
      lookedAfterChildDeath: criteria.lookedAfterChildDeath,
      careLeaverDeath: criteria.careLeaverDeath,
      careLeaverAgeAtDeath: criteria.careLeaverDeath ? (criteria.careLeaverAgeAtDeath ?? null) : null,
    });
    const children = valid.children.map((child, index) =>
      Object.assign(new NotifiedChild(), {
        id: newId(),
        notificationId: notification.id,
        partnershipId,
        position: index + 1,
        reference: child.reference,
        ageYears: child.ageYears,
        sex: child.sex,
        ethnicityCode: child.ethnicity,
        onChildProtectionPlan: child.onChildProtectionPlan,
        lookedAfter: child.lookedAfter,
      }),
    );
    const partners = valid.partnersTold.map((partner) =>
      partnerTold(notification, partner.organisationId, partner.toldOn ?? null),
    );
    await inTransaction(this.ctx.db, async (manager) => {
      await this.repository(manager).insert(notification, children, partners);
      await this.settle(manager, notification);
      if (notification.dateNotified) await this.tellNotified(manager, notification);
      await appendAudit(this.ctx, [auditOf(notification, AuditAction.CREATE)], manager);
    });
    this.ctx.logger.info({ notificationId: notification.id }, 'serious incident notification recorded');
    return notification;
  }

  async markSent(id: string, dateNotified: string): Promise<SeriousIncidentNotification> {
    const date = validateInput(isoDate, dateNotified, 'dateNotified');
    if (date > this.ctx.today) throw new BadUserInputError('dateNotified', 'must not be in the future');
    return inTransaction(this.ctx.db, async (manager) => {
      const notification = await this.writable(manager, id);
      const status = nextNotificationStatus(notification.status, { kind: 'send', dateNotified: date });
      if (date < notification.dateAware)
        throw new BadUserInputError('dateNotified', `must not be before the date aware ${notification.dateAware}`);
      if (!(await this.repository(manager).markSent(id, date)))
        throw new ConflictError('notification changed while it was being sent: read it again');
      Object.assign(notification, { status, dateNotified: date });
      await this.settle(manager, notification);
      await this.tellNotified(manager, notification);
      await appendAudit(this.ctx, [auditOf(notification, AuditAction.UPDATE)], manager);
      return notification;
    });
  }

  async recordPartnerTold(id: string, input: PartnerToldInput): Promise<SeriousIncidentNotification> {
    const valid = validateInput(partnerToldSchema(this.ctx.today), input);
    return inTransaction(this.ctx.db, async (manager) => {
      const notification = await this.writable(manager, id);
      StatutoryDirectory.of(this.ctx.reference).requireNotCeased(
        valid.organisationId,
        'input.organisationId',
        valid.toldOn ?? this.ctx.today,
        'it was told',
      );
      if (valid.toldOn && valid.toldOn < notification.dateAware) {
        throw new BadUserInputError('input.toldOn', `must not be before the date aware ${notification.dateAware}`);
      }
      await this.repository(manager).upsertPartnerTold(
        partnerTold(notification, valid.organisationId, valid.toldOn ?? null),
      );
      await this.settle(manager, notification);
      await appendAudit(this.ctx, [auditOf(notification, AuditAction.UPDATE)], manager);
      return notification;
    });
  }

  /**
   * A safeguarding partner the notification lists as told records, for itself, when it was told
   * (Working Together 2023: the local authority tells its safeguarding partners within 5 working
   * days of becoming aware). Only that partner's safeguarding leads, once; the local authority
   * sees who has confirmed.
   */
  async confirmTold(id: string, toldOnInput: string): Promise<SeriousIncidentNotification> {
    const identity = this.ctx.scope.requireIdentity();
    const toldOn = validateInput(notPast(this.ctx.today), toldOnInput, 'toldOn');
    if (!this.ctx.scope.hasRole(...toldPartnerRoles))
      throw new ForbiddenError(`This needs one of the roles ${toldPartnerRoles.join(', ')}`);
    return inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      const [notification] = await repository.findByIds([id]);
      if (!notification) throw new NotFoundError('SeriousIncidentNotification', id);
      const mine = (await repository.partnersToldOf([id])).find(
        (partner) => partner.organisationId === identity.organisation.id,
      );
      if (!mine) throw new ForbiddenError('Only a partner the notification lists as told may confirm it was told');
      if (mine.confirmedToldOn)
        throw new ConflictError(`your organisation already confirmed it was told on ${mine.confirmedToldOn}`);
      if (toldOn < notification.dateAware)
        throw new BadUserInputError('toldOn', `must not be before the date aware ${notification.dateAware}`);
      if (!(await repository.confirmTold(mine.id, toldOn, this.ctx.now.toISOString()))) {
        throw new ConflictError('the confirmation changed while it was being recorded: read it again');
      }
      await this.settle(manager, notification);
      await appendAudit(
        this.ctx,
        [
          auditOf(notification, AuditAction.UPDATE),
          {
            action: AuditAction.UPDATE,
            entityType: 'PartnerTold',
            entityId: mine.id,
            partnershipId: notification.partnershipId,
          },
        ],
        manager,
      );
      return notification;
    });
  }

  /** The notification's obligations, recomputed from what the transaction now holds. */
  private async settle(manager: EntityManager, notification: SeriousIncidentNotification): Promise<void> {
    const partners = await this.repository(manager).partnersToldOf([notification.id]);
    const rapidReview = await manager.findOneBy(RapidReview, { notificationId: notification.id });
    await settleObligationPlans(
      reviewsLedger(manager, this.ctx.now),
      notificationPlans(this.ctx.calendar, notification, partners, rapidReview),
    );
  }

  /** Thin, as every event: ids, dates and who may hear of it; never a child's details or free text. */
  private async tellNotified(manager: EntityManager, notification: SeriousIncidentNotification): Promise<void> {
    const partners = await this.repository(manager).partnersToldOf([notification.id]);
    await recordEvent<DomainEventPayload>(manager, {
      type: 'serious_incident.notified',
      entityType: 'SeriousIncidentNotification',
      entityId: notification.id,
      occurredAt: this.ctx.now,
      payload: {
        ids: {
          notificationId: notification.id,
          partnershipId: notification.partnershipId,
          localAuthorityId: notification.localAuthorityId,
        },
        dates: { dateAware: notification.dateAware, dateNotified: notification.dateNotified },
        audience: notificationAudience(notification, partners),
      },
    });
  }

  /** Permission first: the notification must be visible, and the caller one of its partnership's administrators. */
  private async writable(manager: EntityManager, id: string): Promise<SeriousIncidentNotification> {
    const [notification] = await this.repository(manager).findByIds([id]);
    if (!notification) throw new NotFoundError('SeriousIncidentNotification', id);
    this.ctx.scope.requirePartnershipRole(notification.partnershipId, partnershipAdministratorRoles);
    return notification;
  }
}

function partnerTold(
  notification: SeriousIncidentNotification,
  organisationId: string,
  toldOn: string | null,
): PartnerTold {
  return Object.assign(new PartnerTold(), {
    id: newId(),
    notificationId: notification.id,
    organisationId,
    toldOn,
    dateAware: notification.dateAware,
    confirmedToldOn: null,
    confirmedAt: null,
  });
}

export function auditOf(notification: SeriousIncidentNotification, action: AuditAction): AuditEntry {
  return {
    action,
    entityType: 'SeriousIncidentNotification',
    entityId: notification.id,
    partnershipId: notification.partnershipId,
  };
}

const notPast = (today: string) => isoDate.refine((date) => date <= today, 'must not be in the future');

function partnerToldSchema(today: string) {
  return z.object({ organisationId: uuid, toldOn: notPast(today).nullish() });
}

function notifySchema(reference: ReferenceData, today: string) {
  const child = z.object({
    reference: requiredText(40),
    ageYears: z
      .number()
      .int('must be a whole number of years')
      .min(0, 'must be 0 or more')
      .max(24, 'must be at most 24'),
    sex: z.enum(ChildSex),
    ethnicity: z
      .string()
      .trim()
      .toUpperCase()
      .refine(
        isDfeEthnicityCode,
        `must be a DfE census ethnicity code (one of ${Object.keys(dfeEthnicityCodes).length}, e.g. WBRI, MWBC, REFU, NOBT)`,
      ),
    onChildProtectionPlan: z.boolean(),
    lookedAfter: z.boolean(),
  });
  const criteria = z.object({
    death: z.boolean(),
    seriousHarm: z.boolean(),
    abuseOrNeglectKnownOrSuspected: z.boolean(),
    lookedAfterChildDeath: z.boolean(),
    careLeaverDeath: z.boolean(),
    careLeaverAgeAtDeath: z.number().int().nullish(),
  });
  return z
    .object({
      partnershipId: uuid,
      localAuthorityGssCode: z
        .string()
        .trim()
        .toUpperCase()
        .regex(
          /^E(06|08|09|10)\d{6}$/,
          'must be a local authority GSS code (E06, E08, E09 or E10 followed by 6 digits)',
        )
        .refine((code) => reference.localAuthorityByGss(code) !== undefined, 'is not a known local authority'),
      caseReference: requiredText(40),
      dateAware: notPast(today),
      dateNotified: notPast(today).nullish(),
      children: z
        .array(child)
        .min(1, 'must name at least one child')
        .max(notifiedChildrenLimit, `one notification covers at most ${notifiedChildrenLimit} children`),
      criteria,
      partnersTold: z
        .array(z.object({ organisationId: uuid, toldOn: notPast(today).nullish() }))
        .max(partnersToldLimit, `must list at most ${partnersToldLimit} partners`),
    })
    .superRefine((value, context) => {
      const issue = (path: Array<string | number>, message: string) =>
        context.addIssue({ code: 'custom', path, message });
      const c = value.criteria;
      if (value.dateNotified && value.dateNotified < value.dateAware)
        issue(['dateNotified'], `must not be before dateAware ${value.dateAware}`);
      value.partnersTold.forEach((partner, i) => {
        if (partner.toldOn && partner.toldOn < value.dateAware)
          issue(['partnersTold', i, 'toldOn'], `must not be before dateAware ${value.dateAware}`);
      });
      if (c.death && c.seriousHarm)
        issue(['criteria', 'seriousHarm'], 'death and serious harm are alternatives: record the death only');
      if (c.lookedAfterChildDeath && !c.death)
        issue(['criteria', 'lookedAfterChildDeath'], "a looked-after child's death needs death: true");
      if (c.careLeaverDeath) {
        if (!c.death) issue(['criteria', 'careLeaverDeath'], "a care leaver's death needs death: true");
        if (
          c.careLeaverAgeAtDeath === null ||
          c.careLeaverAgeAtDeath === undefined ||
          c.careLeaverAgeAtDeath < 18 ||
          c.careLeaverAgeAtDeath > 24
        ) {
          issue(
            ['criteria', 'careLeaverAgeAtDeath'],
            "a care leaver's death is notified up to age 24: give an age from 18 to 24",
          );
        }
      } else if (c.careLeaverAgeAtDeath !== null && c.careLeaverAgeAtDeath !== undefined) {
        issue(['criteria', 'careLeaverAgeAtDeath'], "is only for a care leaver's death");
      }
      const s16C = c.abuseOrNeglectKnownOrSuspected && (c.death || c.seriousHarm);
      if (!s16C && !c.lookedAfterChildDeath && !c.careLeaverDeath) {
        issue(
          ['criteria'],
          "meets no notification rule: s16C needs abuse or neglect known or suspected AND death or serious harm; otherwise a looked-after child's death, or a care leaver's death up to age 24",
        );
      }
      value.children.forEach((child, i) => {
        if (child.ageYears >= 18 && !c.careLeaverDeath)
          issue(
            ['children', i, 'ageYears'],
            "must be under 18 (a child) unless the notification is of a care leaver's death",
          );
      });
    });
}
