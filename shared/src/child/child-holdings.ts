import { appendAudit } from '../audit/audit-log';
import { AuditAction } from '../audit/audit-record.entity';
import type { SubgraphContext } from '../context';
import type { ChildRecordHolding } from './child-holding.type';
import { childAuditId, openChildKey } from './child-key';

/** A record about a child as a subgraph's repository reads it for the picture: which child, which record. */
export interface ChildHoldingRow {
  readonly id: string;
  readonly childReference: string;
}

/**
 * One source of a subgraph's contribution to a child's picture: every holder of every child asked
 * about (never filtered by the caller: the picture must know them all to tell whether the caller is
 * one), then which of those records the caller may read under the subgraph's own rules.
 */
export interface ChildHoldingSource<Row extends ChildHoldingRow> {
  holders(references: readonly string[]): Promise<Row[]>;
  readable(references: readonly string[], rows: readonly Row[]): Promise<Set<string>>;
  holdingsOf(row: Row, readable: boolean): ChildRecordHolding[];
}

/**
 * The look at each child is audited once per subgraph and request, however many of its fields the
 * picture asks for: the subgraph holds the records, so the subgraph keeps the trail of who looked.
 */
function auditLooks(ctx: SubgraphContext, keys: readonly string[]): Promise<unknown> {
  const loader = ctx.loaders.get<string, true>('child.looked', async (batch) => {
    await appendAudit(
      ctx,
      batch.map((key) => ({
        action: AuditAction.READ,
        entityType: 'Child',
        entityId: childAuditId(key),
        partnershipId: null,
      })),
    );
    return batch.map(() => true as const);
  });
  // A look that could not be audited is not answered: load, not loadMany, so the failure throws.
  return Promise.all(keys.map((key) => loader.load(key)));
}

/**
 * A subgraph's holdings about each child of a fetch: one statement for the holders and one for
 * what the caller may read, whatever the number of children or records, then one audit of the look.
 */
export async function childHoldings<Row extends ChildHoldingRow>(
  ctx: SubgraphContext,
  keys: readonly string[],
  source: ChildHoldingSource<Row>,
): Promise<ChildRecordHolding[][]> {
  const referencesOf = keys.map((key) => openChildKey(key) ?? []);
  const references = [...new Set(referencesOf.flat())];
  const rows = references.length > 0 ? await source.holders(references) : [];
  const readable = rows.length > 0 ? await source.readable(references, rows) : new Set<string>();
  await auditLooks(ctx, keys);
  return referencesOf.map((childReferences) =>
    rows
      .filter((row) => childReferences.includes(row.childReference))
      .flatMap((row) => source.holdingsOf(row, readable.has(row.id))),
  );
}
