import { z } from 'zod';
import {
  inTransaction,
  alignByKey,
  appendAudit,
  AuditAction,
  BadUserInputError,
  connection,
  nestedPage,
  pageInMemory,
  type Connection,
  type PageArgs,
  DeadlineStatus,
  DeadlineView,
  fileTransferBasis,
  fileTransferBasisWithCalendar,
  fileTransferDeadline,
  fileTransferSchoolDays,
  ForbiddenError,
  isoDate,
  newId,
  NotFoundError,
  Role,
  uuidPattern,
  validateInput,
  type AuditEntry,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { SchoolCalendarService } from '../school-calendar/school-calendar.service';
import { SchoolRepository } from '../school/school.repository';
import { ChildProtectionFileTransfer, FileTransferState } from './file-transfer.entity';
import { nextFileTransferState, type FileTransferStep } from './file-transfer.transitions';
import type {
  ConfirmFileTransferReceiptInput,
  MarkFileTransferSentInput,
  RecordFileTransferInput,
} from './file-transfer.input';
import { fileTransferOrder, FileTransferRepository, type TransferSide } from './file-transfer.repository';
import { FileTransferConnection } from './file-transfer-connection.type';
import {
  fileTransferAudience,
  fileTransferEvent,
  fileTransferObligation,
  settleFileTransferObligations,
} from './file-transfer.obligations';

const urn = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be a URN: exactly 6 digits');
const uuid = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a uuid');
const optionalDate = isoDate.nullish().transform((value) => value ?? null);

const recordSchema = z
  .object({
    sendingUrn: urn,
    receivingUrn: urn,
    childReference: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9][A-Za-z0-9/-]{0,39}$/, 'must be a pseudonymous reference: up to 40 letters, digits, - and /'),
    leftOn: isoDate,
  })
  .refine((input) => input.sendingUrn !== input.receivingUrn, {
    error: 'must differ from sendingUrn',
    path: ['receivingUrn'],
  });

const sentSchema = z.object({ transferId: uuid, sentOn: optionalDate });
const receivedSchema = z.object({ transferId: uuid, receivedOn: optionalDate });

const entityType = 'ChildProtectionFileTransfer';

export class FileTransferService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager = this.ctx.db.manager): FileTransferRepository {
    return new FileTransferRepository(manager, this.ctx.scope, this.ctx.reference);
  }

  /** Every read of transfers is audited, in the batch that fetched them. */
  private async audited(rows: ChildProtectionFileTransfer[]): Promise<ChildProtectionFileTransfer[]> {
    await appendAudit(this.ctx, await this.auditEntries(rows, AuditAction.READ));
    return Promise.all(rows.map((row) => this.withDeadline(row)));
  }

  /**
   * Each transfer's record goes to the partnership of the sending school's local authority (the
   * receiving one's when the sender's has none), so that partnership's audit trail shows who
   * handled the child's file (KCSIE Annex C; Working Together 2023 ch. 2, local arrangements).
   */
  private async auditEntries(
    rows: readonly ChildProtectionFileTransfer[],
    action: AuditAction,
    manager?: EntityManager,
    reason?: string,
  ): Promise<AuditEntry[]> {
    if (rows.length === 0) return [];
    const codes = rows.flatMap((row) => [row.sendingLaDfeCode, row.receivingLaDfeCode]);
    const { coveredBy } = await new SchoolRepository(manager ?? this.ctx.db.manager, this.ctx.scope).holdersOf(
      [],
      codes,
      this.ctx.today,
    );
    const partnershipOf = (code: string) => [...(coveredBy.get(code) ?? [])].sort()[0] ?? null;
    return rows.map((row) => ({
      action,
      entityType,
      entityId: row.id,
      partnershipId: partnershipOf(row.sendingLaDfeCode) ?? partnershipOf(row.receivingLaDfeCode),
      ...(reason ? { reason } : {}),
    }));
  }

  /** A transfer the caller was told is not there is a refusal, recorded in the trail its own records go to. */
  private missAttribution(manager: EntityManager) {
    return {
      columns: ['sendingLaDfeCode', 'receivingLaDfeCode'],
      partnershipsOf: async (existing: readonly Record<string, unknown>[]) => {
        const entries = await this.auditEntries(
          existing.map((row) => Object.assign(new ChildProtectionFileTransfer(), row)),
          AuditAction.READ,
          manager,
        );
        return new Map(
          entries.flatMap((entry) => (entry.partnershipId ? [[entry.entityId, entry.partnershipId] as const] : [])),
        );
      },
    };
  }

  byId(id: string): Promise<ChildProtectionFileTransfer | null> {
    this.ctx.scope.requireIdentity();
    return this.ctx.loaders
      .get<string, ChildProtectionFileTransfer | null>('ChildProtectionFileTransfer.byId', async (ids) =>
        alignByKey(
          ids,
          await this.audited(await this.repository().byIds(ids, this.missAttribution(this.ctx.db.manager))),
          (row) => row.id,
        ),
      )
      .load(id);
  }

  /** A page of the transfers a school sends (or receives), cut in SQL for every school asked for at once; what is answered is audited. */
  async ofSchool(side: TransferSide, urn: string, args: PageArgs): Promise<Connection<ChildProtectionFileTransfer>> {
    this.ctx.scope.requireIdentity();
    const page = await nestedPage<ChildProtectionFileTransfer>({
      list: side === 'out' ? 'School.fileTransfersOut' : 'School.fileTransfersIn',
      loaders: this.ctx.loaders,
      parent: urn,
      args,
      order: fileTransferOrder,
      parentOf: (row) => (side === 'out' ? row.sendingUrn : row.receivingUrn),
      rows: async (urns, after, limit) =>
        Promise.all((await this.repository().pagesOf(side, urns, after, limit)).map((row) => this.withDeadline(row))),
      count: (urns) => this.repository().countsOf(side, urns),
      seen: async (rows) => appendAudit(this.ctx, await this.auditEntries(rows, AuditAction.READ)),
    });
    return connection(FileTransferConnection, page, page.count);
  }

  /**
   * Overdue transfers the caller may see (for a local authority, those of every school in its
   * area), oldest first, a page at a time. Whether one is overdue counts the school's own closure
   * days, so the page is cut from the unconfirmed ones after their deadlines are computed; only the
   * page answered is audited.
   */
  async overdue(args: PageArgs): Promise<Connection<ChildProtectionFileTransfer>> {
    this.ctx.scope.requireIdentity();
    // N school days end at least N calendar days after the child left, and a transfer is overdue
    // only after its due day: one that left N days ago or later cannot be overdue yet.
    const leftBefore = new Date(Date.parse(`${this.ctx.today}T00:00:00Z`) - fileTransferSchoolDays * 86_400_000)
      .toISOString()
      .slice(0, 10);
    const open = (
      await Promise.all((await this.repository().unconfirmed(leftBefore)).map((row) => this.withDeadline(row)))
    ).filter((row) => row.overdue);
    const page = pageInMemory('overdueFileTransfers', open, args, fileTransferOrder);
    await appendAudit(this.ctx, await this.auditEntries(page.nodes, AuditAction.READ));
    return connection(FileTransferConnection, page, page.count);
  }

  async record(input: RecordFileTransferInput): Promise<ChildProtectionFileTransfer> {
    const identity = this.ctx.scope.requireIdentity();
    const valid = validateInput(recordSchema, input);
    if (!this.isDslOf(valid.sendingUrn)) {
      throw new ForbiddenError("Only the sending school's designated safeguarding lead records a file transfer");
    }
    if (valid.leftOn > this.ctx.today)
      throw new BadUserInputError(
        'input.leftOn',
        'must not be in the future: record the transfer once the child has left',
      );
    const transfer = await inTransaction(this.ctx.db, async (manager) => {
      const schools = await new SchoolRepository(manager, this.ctx.scope).findByUrns([
        valid.sendingUrn,
        valid.receivingUrn,
      ]);
      const sending = schools.find((school) => school.urn === valid.sendingUrn);
      const receiving = schools.find((school) => school.urn === valid.receivingUrn);
      if (!sending)
        throw new BadUserInputError('input.sendingUrn', `no school with URN ${valid.sendingUrn} is registered`);
      if (!receiving)
        throw new BadUserInputError('input.receivingUrn', `no school with URN ${valid.receivingUrn} is registered`);
      const recorded = Object.assign(new ChildProtectionFileTransfer(), {
        id: newId(),
        sendingUrn: sending.urn,
        receivingUrn: receiving.urn,
        sendingLaDfeCode: sending.localAuthorityDfeCode,
        receivingLaDfeCode: receiving.localAuthorityDfeCode,
        childReference: valid.childReference,
        leftOn: valid.leftOn,
        state: FileTransferState.RECORDED,
        sentOn: null,
        receivedOn: null,
        recordedBy: identity.subject.slice(0, 200),
      });
      await this.repository(manager).insert(recorded);
      await settleFileTransferObligations(manager, this.ctx.now, [
        fileTransferObligation(
          recorded,
          await new SchoolCalendarService(this.ctx).calendarOf(recorded.sendingUrn, manager),
          this.ctx.reference,
        ),
      ]);
      await appendAudit(this.ctx, await this.auditEntries([recorded], AuditAction.CREATE, manager), manager);
      return recorded;
    });
    this.ctx.logger.info({ transferId: transfer.id }, 'child-protection file transfer recorded');
    return this.withDeadline(transfer);
  }

  async markSent(input: MarkFileTransferSentInput): Promise<ChildProtectionFileTransfer> {
    const valid = validateInput(sentSchema, input);
    const sentOn = valid.sentOn ?? this.ctx.today;
    if (sentOn > this.ctx.today) throw new BadUserInputError('input.sentOn', 'must not be in the future');
    return this.step(valid.transferId, 'SEND', (transfer) => {
      if (sentOn < transfer.leftOn)
        throw new BadUserInputError('input.sentOn', `must not be before the child left (${transfer.leftOn})`);
      return { sentOn };
    });
  }

  async confirmReceipt(input: ConfirmFileTransferReceiptInput): Promise<ChildProtectionFileTransfer> {
    const valid = validateInput(receivedSchema, input);
    const receivedOn = valid.receivedOn ?? this.ctx.today;
    if (receivedOn > this.ctx.today) throw new BadUserInputError('input.receivedOn', 'must not be in the future');
    return this.step(valid.transferId, 'CONFIRM_RECEIPT', (transfer) => {
      if (transfer.sentOn !== null && receivedOn < transfer.sentOn) {
        throw new BadUserInputError('input.receivedOn', `must not be before the file was sent (${transfer.sentOn})`);
      }
      return { receivedOn };
    });
  }

  /** The sending DSL sends, the receiving DSL confirms; each step only from the state before it. */
  private async step(
    id: string,
    step: FileTransferStep,
    dates: (
      transfer: ChildProtectionFileTransfer,
    ) => Partial<Pick<ChildProtectionFileTransfer, 'sentOn' | 'receivedOn'>>,
  ): Promise<ChildProtectionFileTransfer> {
    this.ctx.scope.requireIdentity();
    const updated = await inTransaction(this.ctx.db, async (manager) => {
      const repository = this.repository(manager);
      // Someone who may not see the transfer (neither school's DSL nor either local authority) is
      // told only that it is not there; forUpdate records the attempt.
      const transfer = await repository.forUpdate(id, this.missAttribution(manager));
      if (!transfer) throw new NotFoundError('ChildProtectionFileTransfer', id);
      const actor = step === 'SEND' ? transfer.sendingUrn : transfer.receivingUrn;
      if (!this.isDslOf(actor)) {
        throw new ForbiddenError(
          step === 'SEND'
            ? "Only the sending school's designated safeguarding lead marks the file sent"
            : "Only the receiving school's designated safeguarding lead confirms receipt",
        );
      }
      const state = nextFileTransferState(transfer.state, step);
      const changes = { state, ...dates(transfer) };
      await repository.update(transfer.id, changes);
      const changed = Object.assign(transfer, changes);
      await fileTransferEvent(
        manager,
        this.ctx.now,
        step === 'SEND' ? 'file_transfer.sent' : 'file_transfer.confirmed',
        changed,
        fileTransferAudience(changed, this.ctx.reference),
      );
      await settleFileTransferObligations(manager, this.ctx.now, [
        fileTransferObligation(
          changed,
          await new SchoolCalendarService(this.ctx).calendarOf(changed.sendingUrn, manager),
          this.ctx.reference,
        ),
      ]);
      await appendAudit(this.ctx, await this.auditEntries([transfer], AuditAction.UPDATE, manager, state), manager);
      return changed;
    });
    this.ctx.logger.info({ transferId: updated.id, state: updated.state }, 'child-protection file transfer updated');
    return this.withDeadline(updated);
  }

  /** The school's DSL, or a system the school delegated to acting with that role. */
  private isDslOf(schoolUrn: string): boolean {
    return this.ctx.scope.actsForSchoolAs(schoolUrn, [Role.DESIGNATED_SAFEGUARDING_LEAD]);
  }

  /**
   * KCSIE's 5 school days from the day the child left (day 0), met on the day receipt is confirmed.
   * School days are working days, less the sending school's own closure days where it has set a calendar.
   */
  private async withDeadline(transfer: ChildProtectionFileTransfer): Promise<ChildProtectionFileTransfer> {
    const { calendar, ownCalendar } = await new SchoolCalendarService(this.ctx).calendarOf(transfer.sendingUrn);
    const deadline = DeadlineView.of(
      fileTransferDeadline(transfer.leftOn, calendar),
      ownCalendar ? fileTransferBasisWithCalendar : fileTransferBasis,
      transfer.receivedOn,
      this.ctx.today,
    );
    return Object.assign(new ChildProtectionFileTransfer(), transfer, {
      deadline,
      overdue: deadline.status === DeadlineStatus.OVERDUE,
    });
  }
}
