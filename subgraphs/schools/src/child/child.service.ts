import {
  ChildHolderKind,
  ChildInvolvementKind,
  childHoldings,
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
    const repository = new FileTransferRepository(this.ctx.db.manager, this.ctx.scope, this.ctx.reference);
    return this.ctx.loaders
      .get<string, ChildRecordHolding[]>('child.fileTransferHoldings', (keys) =>
        childHoldings(this.ctx, keys, {
          holders: (references) => repository.holdersAbout(references),
          readable: (references) => repository.readableAbout(references),
          holdingsOf: (row, readable) => [
            holding(row.sendingUrn, ChildInvolvementKind.CHILD_PROTECTION_FILE_SENT, row, readable),
            holding(row.receivingUrn, ChildInvolvementKind.CHILD_PROTECTION_FILE_RECEIVED, row, readable),
          ],
        }),
      )
      .load(child.key);
  }
}
