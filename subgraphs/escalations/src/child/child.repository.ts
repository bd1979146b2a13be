import type { EntityManager } from 'typeorm';
import { AuditRecord } from '@safeguarding/shared';

/** How many looks the picture itself lists; the audit trail keeps every one. */
export const listedLooks = 25;

/**
 * The looks at one child's picture, from this subgraph's audit trail. Read only for the child's
 * home local authority: ChildService decides that before asking.
 */
export class ChildRepository {
  constructor(private readonly manager: EntityManager) {}

  latestLooks(childAuditId: string): Promise<AuditRecord[]> {
    return this.manager.find(AuditRecord, {
      where: { entityType: 'Child', entityId: childAuditId },
      order: { sequence: 'DESC' },
      take: listedLooks,
    });
  }
}
