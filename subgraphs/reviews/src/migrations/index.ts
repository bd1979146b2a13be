// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.
import type { SubgraphMigrations } from '@safeguarding/shared';
import { Initial1795336531531 as mysqlInitial1795336531531 } from './mysql/1795336531531-Initial';
import { AuditTrail1795337669499 as mysqlAuditTrail1795337669499 } from './mysql/1795337669499-AuditTrail';
import { ReviewsClocks1795338740751 as mysqlReviewsClocks1795338740751 } from './mysql/1795338740751-ReviewsClocks';
import { AuditChainHead1795339637400 as mysqlAuditChainHead1795339637400 } from './mysql/1795339637400-AuditChainHead';
import { Outbox1796218057533 as mysqlOutbox1796218057533 } from './mysql/1796218057533-Outbox';
import { AuditCheckpointsClientRequestId1796219106854 as mysqlAuditCheckpointsClientRequestId1796219106854 } from './mysql/1796219106854-AuditCheckpointsClientRequestId';
import { Obligations1796232391650 as mysqlObligations1796232391650 } from './mysql/1796232391650-Obligations';
import { AuditOperationOutcome1796233067406 as mysqlAuditOperationOutcome1796233067406 } from './mysql/1796233067406-AuditOperationOutcome';
import { PartnerToldConfirmation1796233290488 as mysqlPartnerToldConfirmation1796233290488 } from './mysql/1796233290488-PartnerToldConfirmation';
import { PagingIndexes1796317905286 as mysqlPagingIndexes1796317905286 } from './mysql/1796317905286-PagingIndexes';
import { MachineIdentities1796318407844 as mysqlMachineIdentities1796318407844 } from './mysql/1796318407844-MachineIdentities';
import { OutboxPositions1796411661383 as mysqlOutboxPositions1796411661383 } from './mysql/1796411661383-OutboxPositions';
import { ChildPictureIndexes1796414615242 as mysqlChildPictureIndexes1796414615242 } from './mysql/1796414615242-ChildPictureIndexes';
import { ChildLookIndex1796594852544 as mysqlChildLookIndex1796594852544 } from './mysql/1796594852544-ChildLookIndex';
import { ObligationOrganisationKinds1796595327802 as mysqlObligationOrganisationKinds1796595327802 } from './mysql/1796595327802-ObligationOrganisationKinds';
import { Initial1796193268458 as sqliteInitial1796193268458 } from './sqlite/1796193268458-Initial';
import { Outbox1796218057533 as sqliteOutbox1796218057533 } from './sqlite/1796218057533-Outbox';
import { AuditCheckpointsClientRequestId1796219106854 as sqliteAuditCheckpointsClientRequestId1796219106854 } from './sqlite/1796219106854-AuditCheckpointsClientRequestId';
import { Obligations1796232391650 as sqliteObligations1796232391650 } from './sqlite/1796232391650-Obligations';
import { AuditOperationOutcome1796233067406 as sqliteAuditOperationOutcome1796233067406 } from './sqlite/1796233067406-AuditOperationOutcome';
import { PartnerToldConfirmation1796233290488 as sqlitePartnerToldConfirmation1796233290488 } from './sqlite/1796233290488-PartnerToldConfirmation';
import { PagingIndexes1796317905286 as sqlitePagingIndexes1796317905286 } from './sqlite/1796317905286-PagingIndexes';
import { MachineIdentities1796318407844 as sqliteMachineIdentities1796318407844 } from './sqlite/1796318407844-MachineIdentities';
import { OutboxPositions1796411661383 as sqliteOutboxPositions1796411661383 } from './sqlite/1796411661383-OutboxPositions';
import { ChildPictureIndexes1796414615242 as sqliteChildPictureIndexes1796414615242 } from './sqlite/1796414615242-ChildPictureIndexes';
import { ChildLookIndex1796594852544 as sqliteChildLookIndex1796594852544 } from './sqlite/1796594852544-ChildLookIndex';
import { ObligationOrganisationKinds1796595327802 as sqliteObligationOrganisationKinds1796595327802 } from './sqlite/1796595327802-ObligationOrganisationKinds';

export const migrations: SubgraphMigrations = {
  mysql: [mysqlInitial1795336531531, mysqlAuditTrail1795337669499, mysqlReviewsClocks1795338740751, mysqlAuditChainHead1795339637400, mysqlOutbox1796218057533, mysqlAuditCheckpointsClientRequestId1796219106854, mysqlObligations1796232391650, mysqlAuditOperationOutcome1796233067406, mysqlPartnerToldConfirmation1796233290488, mysqlPagingIndexes1796317905286, mysqlMachineIdentities1796318407844, mysqlOutboxPositions1796411661383, mysqlChildPictureIndexes1796414615242, mysqlChildLookIndex1796594852544, mysqlObligationOrganisationKinds1796595327802],
  sqlite: [sqliteInitial1796193268458, sqliteOutbox1796218057533, sqliteAuditCheckpointsClientRequestId1796219106854, sqliteObligations1796232391650, sqliteAuditOperationOutcome1796233067406, sqlitePartnerToldConfirmation1796233290488, sqlitePagingIndexes1796317905286, sqliteMachineIdentities1796318407844, sqliteOutboxPositions1796411661383, sqliteChildPictureIndexes1796414615242, sqliteChildLookIndex1796594852544, sqliteObligationOrganisationKinds1796595327802],
};
