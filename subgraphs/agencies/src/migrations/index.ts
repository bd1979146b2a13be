// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.
import type { SubgraphMigrations } from '@safeguarding/shared';
import { Initial1795336531451 as mysqlInitial1795336531451 } from './mysql/1795336531451-Initial';
import { AuditTrail1795337669290 as mysqlAuditTrail1795337669290 } from './mysql/1795337669290-AuditTrail';
import { RegistryDesignationsSection111795338565479 as mysqlRegistryDesignationsSection111795338565479 } from './mysql/1795338565479-RegistryDesignationsSection11';
import { AuditChainHead1795339636445 as mysqlAuditChainHead1795339636445 } from './mysql/1795339636445-AuditChainHead';
import { Outbox1796218051919 as mysqlOutbox1796218051919 } from './mysql/1796218051919-Outbox';
import { AuditCheckpointsClientRequestId1796219104516 as mysqlAuditCheckpointsClientRequestId1796219104516 } from './mysql/1796219104516-AuditCheckpointsClientRequestId';
import { Obligations1796232391129 as mysqlObligations1796232391129 } from './mysql/1796232391129-Obligations';
import { AuditOperationOutcome1796233062142 as mysqlAuditOperationOutcome1796233062142 } from './mysql/1796233062142-AuditOperationOutcome';
import { SelfAssessmentReturnDue1796234855617 as mysqlSelfAssessmentReturnDue1796234855617 } from './mysql/1796234855617-SelfAssessmentReturnDue';
import { PagingOrderIndexes1796317761822 as mysqlPagingOrderIndexes1796317761822 } from './mysql/1796317761822-PagingOrderIndexes';
import { MachineIdentities1796318402692 as mysqlMachineIdentities1796318402692 } from './mysql/1796318402692-MachineIdentities';
import { OutboxPositions1796411656713 as mysqlOutboxPositions1796411656713 } from './mysql/1796411656713-OutboxPositions';
import { RatingPosition1796412485218 as mysqlRatingPosition1796412485218 } from './mysql/1796412485218-RatingPosition';
import { ChildLookIndex1796594844276 as mysqlChildLookIndex1796594844276 } from './mysql/1796594844276-ChildLookIndex';
import { ObligationOrganisationKinds1796595320376 as mysqlObligationOrganisationKinds1796595320376 } from './mysql/1796595320376-ObligationOrganisationKinds';
import { Initial1796193268038 as sqliteInitial1796193268038 } from './sqlite/1796193268038-Initial';
import { Outbox1796218051919 as sqliteOutbox1796218051919 } from './sqlite/1796218051919-Outbox';
import { AuditCheckpointsClientRequestId1796219104516 as sqliteAuditCheckpointsClientRequestId1796219104516 } from './sqlite/1796219104516-AuditCheckpointsClientRequestId';
import { Obligations1796232391129 as sqliteObligations1796232391129 } from './sqlite/1796232391129-Obligations';
import { AuditOperationOutcome1796233062142 as sqliteAuditOperationOutcome1796233062142 } from './sqlite/1796233062142-AuditOperationOutcome';
import { SelfAssessmentReturnDue1796234855617 as sqliteSelfAssessmentReturnDue1796234855617 } from './sqlite/1796234855617-SelfAssessmentReturnDue';
import { PagingOrderIndexes1796317761822 as sqlitePagingOrderIndexes1796317761822 } from './sqlite/1796317761822-PagingOrderIndexes';
import { MachineIdentities1796318402692 as sqliteMachineIdentities1796318402692 } from './sqlite/1796318402692-MachineIdentities';
import { OutboxPositions1796411656713 as sqliteOutboxPositions1796411656713 } from './sqlite/1796411656713-OutboxPositions';
import { RatingPosition1796412485218 as sqliteRatingPosition1796412485218 } from './sqlite/1796412485218-RatingPosition';
import { ChildLookIndex1796594844276 as sqliteChildLookIndex1796594844276 } from './sqlite/1796594844276-ChildLookIndex';
import { ObligationOrganisationKinds1796595320376 as sqliteObligationOrganisationKinds1796595320376 } from './sqlite/1796595320376-ObligationOrganisationKinds';

export const migrations: SubgraphMigrations = {
  mysql: [mysqlInitial1795336531451, mysqlAuditTrail1795337669290, mysqlRegistryDesignationsSection111795338565479, mysqlAuditChainHead1795339636445, mysqlOutbox1796218051919, mysqlAuditCheckpointsClientRequestId1796219104516, mysqlObligations1796232391129, mysqlAuditOperationOutcome1796233062142, mysqlSelfAssessmentReturnDue1796234855617, mysqlPagingOrderIndexes1796317761822, mysqlMachineIdentities1796318402692, mysqlOutboxPositions1796411656713, mysqlRatingPosition1796412485218, mysqlChildLookIndex1796594844276, mysqlObligationOrganisationKinds1796595320376],
  sqlite: [sqliteInitial1796193268038, sqliteOutbox1796218051919, sqliteAuditCheckpointsClientRequestId1796219104516, sqliteObligations1796232391129, sqliteAuditOperationOutcome1796233062142, sqliteSelfAssessmentReturnDue1796234855617, sqlitePagingOrderIndexes1796317761822, sqliteMachineIdentities1796318402692, sqliteOutboxPositions1796411656713, sqliteRatingPosition1796412485218, sqliteChildLookIndex1796594844276, sqliteObligationOrganisationKinds1796595320376],
};
