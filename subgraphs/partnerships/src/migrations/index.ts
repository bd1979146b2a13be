// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.
import type { SubgraphMigrations } from '@safeguarding/shared';
import { Initial1795336531411 as mysqlInitial1795336531411 } from './mysql/1795336531411-Initial';
import { AuditTrail1795337669232 as mysqlAuditTrail1795337669232 } from './mysql/1795337669232-AuditTrail';
import { PartnersReportsArrangements1795339134477 as mysqlPartnersReportsArrangements1795339134477 } from './mysql/1795339134477-PartnersReportsArrangements';
import { AuditChainHead1795339635383 as mysqlAuditChainHead1795339635383 } from './mysql/1795339635383-AuditChainHead';
import { Outbox1796218049534 as mysqlOutbox1796218049534 } from './mysql/1796218049534-Outbox';
import { AuditCheckpointsClientRequestId1796219103205 as mysqlAuditCheckpointsClientRequestId1796219103205 } from './mysql/1796219103205-AuditCheckpointsClientRequestId';
import { Obligations1796232390648 as mysqlObligations1796232390648 } from './mysql/1796232390648-Obligations';
import { AuditOperationOutcome1796233059288 as mysqlAuditOperationOutcome1796233059288 } from './mysql/1796233059288-AuditOperationOutcome';
import { PagingIndexes1796317932114 as mysqlPagingIndexes1796317932114 } from './mysql/1796317932114-PagingIndexes';
import { MachineIdentities1796318400531 as mysqlMachineIdentities1796318400531 } from './mysql/1796318400531-MachineIdentities';
import { OutboxPositions1796411654366 as mysqlOutboxPositions1796411654366 } from './mysql/1796411654366-OutboxPositions';
import { ChildLookIndex1796594841414 as mysqlChildLookIndex1796594841414 } from './mysql/1796594841414-ChildLookIndex';
import { ObligationOrganisationKinds1796595316653 as mysqlObligationOrganisationKinds1796595316653 } from './mysql/1796595316653-ObligationOrganisationKinds';
import { Initial1796193267750 as sqliteInitial1796193267750 } from './sqlite/1796193267750-Initial';
import { Outbox1796218049534 as sqliteOutbox1796218049534 } from './sqlite/1796218049534-Outbox';
import { AuditCheckpointsClientRequestId1796219103205 as sqliteAuditCheckpointsClientRequestId1796219103205 } from './sqlite/1796219103205-AuditCheckpointsClientRequestId';
import { Obligations1796232390648 as sqliteObligations1796232390648 } from './sqlite/1796232390648-Obligations';
import { AuditOperationOutcome1796233059288 as sqliteAuditOperationOutcome1796233059288 } from './sqlite/1796233059288-AuditOperationOutcome';
import { PagingIndexes1796317932114 as sqlitePagingIndexes1796317932114 } from './sqlite/1796317932114-PagingIndexes';
import { MachineIdentities1796318400531 as sqliteMachineIdentities1796318400531 } from './sqlite/1796318400531-MachineIdentities';
import { OutboxPositions1796411654366 as sqliteOutboxPositions1796411654366 } from './sqlite/1796411654366-OutboxPositions';
import { ChildLookIndex1796594841414 as sqliteChildLookIndex1796594841414 } from './sqlite/1796594841414-ChildLookIndex';
import { ObligationOrganisationKinds1796595316653 as sqliteObligationOrganisationKinds1796595316653 } from './sqlite/1796595316653-ObligationOrganisationKinds';

export const migrations: SubgraphMigrations = {
  mysql: [mysqlInitial1795336531411, mysqlAuditTrail1795337669232, mysqlPartnersReportsArrangements1795339134477, mysqlAuditChainHead1795339635383, mysqlOutbox1796218049534, mysqlAuditCheckpointsClientRequestId1796219103205, mysqlObligations1796232390648, mysqlAuditOperationOutcome1796233059288, mysqlPagingIndexes1796317932114, mysqlMachineIdentities1796318400531, mysqlOutboxPositions1796411654366, mysqlChildLookIndex1796594841414, mysqlObligationOrganisationKinds1796595316653],
  sqlite: [sqliteInitial1796193267750, sqliteOutbox1796218049534, sqliteAuditCheckpointsClientRequestId1796219103205, sqliteObligations1796232390648, sqliteAuditOperationOutcome1796233059288, sqlitePagingIndexes1796317932114, sqliteMachineIdentities1796318400531, sqliteOutboxPositions1796411654366, sqliteChildLookIndex1796594841414, sqliteObligationOrganisationKinds1796595316653],
};
