import {
  appendAudit,
  AuditAction,
  ChildHolderKind,
  ChildInvolvementKind,
  childAuditId,
  openChildKey,
  ChildRecordHolding,
  type SubgraphContext,
} from '@safeguarding/shared';
import { FileTransferRepository } from '../file-transfer/file-transfer.repository';
import type { Child } from './child.entity';

const holding = (
  organisationId: string,
  involvement: ChildInvolvementKind,
  row: { id: string; leftOn: string },
  readable: boolean,
): ChildRecordHolding =>
  ChildRecordHolding.of({
    organisationId,
    organisationKind: ChildHolderKind.SCHOOL,
    involvement,
    on: row.leftOn,
    recordId: row.id,
    readable,
  });

/** What the schools subgraph contributes to a child's picture: who holds a child-protection file. */
export class ChildService {
  constructor(private readonly ctx: SubgraphContext) {}

  /** Every child of the fetch in one statement; each look is audited here, as the records are held here. */
  fileTransferHoldings(child: Child): Promise<ChildRecordHolding[]> {
    return this.ctx.loaders
      .get<string, ChildRecordHolding[]>('child.fileTransferHoldings', (keys) => this.holdingsOf(keys))
      .load(child.key);
  }

  private async holdingsOf(keys: readonly string[]): Promise<ChildRecordHolding[][]> {
    const referencesOf = keys.map((key) => openChildKey(key) ?? []);
    const repository = new FileTransferRepository(this.ctx.db.manager, this.ctx.scope, this.ctx.reference);
    const rows = await repository.holdersAbout(referencesOf.flat());
    const readable = await repository.readableAbout(referencesOf.flat());
    await appendAudit(
      this.ctx,
      keys.map((key) => ({
        action: AuditAction.READ,
        entityType: 'Child',
        entityId: childAuditId(key),
        partnershipId: null,
      })),
    );
    return referencesOf.map((references) =>
      rows
        .filter((row) => references.includes(row.childReference))
        .flatMap((row) => [
          holding(row.sendingUrn, ChildInvolvementKind.CHILD_PROTECTION_FILE_SENT, row, readable.has(row.id)),
          holding(row.receivingUrn, ChildInvolvementKind.CHILD_PROTECTION_FILE_RECEIVED, row, readable.has(row.id)),
        ]),
    );
  }
}
