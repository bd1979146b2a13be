// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.
import type { SubgraphMigrations } from '@safeguarding/shared';
import { Initial1795336531565 as mysqlInitial1795336531565 } from './mysql/1795336531565-Initial';
import { AuditTrail1795337669549 as mysqlAuditTrail1795337669549 } from './mysql/1795337669549-AuditTrail';
import { Escalations1795338655012 as mysqlEscalations1795338655012 } from './mysql/1795338655012-Escalations';
import { AuditChainHead1795339637748 as mysqlAuditChainHead1795339637748 } from './mysql/1795339637748-AuditChainHead';
import { Referrals1795340335215 as mysqlReferrals1795340335215 } from './mysql/1795340335215-Referrals';
import { Outbox1796218059842 as mysqlOutbox1796218059842 } from './mysql/1796218059842-Outbox';
import { AuditCheckpointsClientRequestId1796219108061 as mysqlAuditCheckpointsClientRequestId1796219108061 } from './mysql/1796219108061-AuditCheckpointsClientRequestId';
import { Obligations1796232391862 as mysqlObligations1796232391862 } from './mysql/1796232391862-Obligations';
import { AuditOperationOutcome1796233069170 as mysqlAuditOperationOutcome1796233069170 } from './mysql/1796233069170-AuditOperationOutcome';
import { CallerSuppliedEventDates1796233180527 as mysqlCallerSuppliedEventDates1796233180527 } from './mysql/1796233180527-CallerSuppliedEventDates';
import { PartnershipAreas1796300162636 as mysqlPartnershipAreas1796300162636 } from './mysql/1796300162636-PartnershipAreas';
import { AgencyDirectory1796303690623 as mysqlAgencyDirectory1796303690623 } from './mysql/1796303690623-AgencyDirectory';
import { SchoolDirectory1796306533817 as mysqlSchoolDirectory1796306533817 } from './mysql/1796306533817-SchoolDirectory';
import { PagingOrderIndexes1796317782844 as mysqlPagingOrderIndexes1796317782844 } from './mysql/1796317782844-PagingOrderIndexes';
import { MachineIdentities1796318409237 as mysqlMachineIdentities1796318409237 } from './mysql/1796318409237-MachineIdentities';
import { OutboxPositions1796411663705 as mysqlOutboxPositions1796411663705 } from './mysql/1796411663705-OutboxPositions';
import { ChildPictureIndexes1796414499567 as mysqlChildPictureIndexes1796414499567 } from './mysql/1796414499567-ChildPictureIndexes';
import { ChildPictureReasons1796416072623 as mysqlChildPictureReasons1796416072623 } from './mysql/1796416072623-ChildPictureReasons';
import { ChildLookIndex1796594857358 as mysqlChildLookIndex1796594857358 } from './mysql/1796594857358-ChildLookIndex';
import { ObligationOrganisationKinds1796595331316 as mysqlObligationOrganisationKinds1796595331316 } from './mysql/1796595331316-ObligationOrganisationKinds';
import { DisagreementChild1796595832749 as mysqlDisagreementChild1796595832749 } from './mysql/1796595832749-DisagreementChild';
import { Initial1796193268675 as sqliteInitial1796193268675 } from './sqlite/1796193268675-Initial';
import { Outbox1796218059842 as sqliteOutbox1796218059842 } from './sqlite/1796218059842-Outbox';
import { AuditCheckpointsClientRequestId1796219108061 as sqliteAuditCheckpointsClientRequestId1796219108061 } from './sqlite/1796219108061-AuditCheckpointsClientRequestId';
import { Obligations1796232391862 as sqliteObligations1796232391862 } from './sqlite/1796232391862-Obligations';
import { AuditOperationOutcome1796233069170 as sqliteAuditOperationOutcome1796233069170 } from './sqlite/1796233069170-AuditOperationOutcome';
import { CallerSuppliedEventDates1796233180527 as sqliteCallerSuppliedEventDates1796233180527 } from './sqlite/1796233180527-CallerSuppliedEventDates';
import { PartnershipAreas1796300162636 as sqlitePartnershipAreas1796300162636 } from './sqlite/1796300162636-PartnershipAreas';
import { AgencyDirectory1796303690623 as sqliteAgencyDirectory1796303690623 } from './sqlite/1796303690623-AgencyDirectory';
import { SchoolDirectory1796306533817 as sqliteSchoolDirectory1796306533817 } from './sqlite/1796306533817-SchoolDirectory';
import { PagingOrderIndexes1796317782844 as sqlitePagingOrderIndexes1796317782844 } from './sqlite/1796317782844-PagingOrderIndexes';
import { MachineIdentities1796318409237 as sqliteMachineIdentities1796318409237 } from './sqlite/1796318409237-MachineIdentities';
import { OutboxPositions1796411663705 as sqliteOutboxPositions1796411663705 } from './sqlite/1796411663705-OutboxPositions';
import { ChildPictureIndexes1796414499567 as sqliteChildPictureIndexes1796414499567 } from './sqlite/1796414499567-ChildPictureIndexes';
import { ChildPictureReasons1796416072623 as sqliteChildPictureReasons1796416072623 } from './sqlite/1796416072623-ChildPictureReasons';
import { ChildLookIndex1796594857358 as sqliteChildLookIndex1796594857358 } from './sqlite/1796594857358-ChildLookIndex';
import { ObligationOrganisationKinds1796595331316 as sqliteObligationOrganisationKinds1796595331316 } from './sqlite/1796595331316-ObligationOrganisationKinds';
import { DisagreementChild1796595832749 as sqliteDisagreementChild1796595832749 } from './sqlite/1796595832749-DisagreementChild';

export const migrations: SubgraphMigrations = {
  mysql: [mysqlInitial1795336531565, mysqlAuditTrail1795337669549, mysqlEscalations1795338655012, mysqlAuditChainHead1795339637748, mysqlReferrals1795340335215, mysqlOutbox1796218059842, mysqlAuditCheckpointsClientRequestId1796219108061, mysqlObligations1796232391862, mysqlAuditOperationOutcome1796233069170, mysqlCallerSuppliedEventDates1796233180527, mysqlPartnershipAreas1796300162636, mysqlAgencyDirectory1796303690623, mysqlSchoolDirectory1796306533817, mysqlPagingOrderIndexes1796317782844, mysqlMachineIdentities1796318409237, mysqlOutboxPositions1796411663705, mysqlChildPictureIndexes1796414499567, mysqlChildPictureReasons1796416072623, mysqlChildLookIndex1796594857358, mysqlObligationOrganisationKinds1796595331316, mysqlDisagreementChild1796595832749],
  sqlite: [sqliteInitial1796193268675, sqliteOutbox1796218059842, sqliteAuditCheckpointsClientRequestId1796219108061, sqliteObligations1796232391862, sqliteAuditOperationOutcome1796233069170, sqliteCallerSuppliedEventDates1796233180527, sqlitePartnershipAreas1796300162636, sqliteAgencyDirectory1796303690623, sqliteSchoolDirectory1796306533817, sqlitePagingOrderIndexes1796317782844, sqliteMachineIdentities1796318409237, sqliteOutboxPositions1796411663705, sqliteChildPictureIndexes1796414499567, sqliteChildPictureReasons1796416072623, sqliteChildLookIndex1796594857358, sqliteObligationOrganisationKinds1796595331316, sqliteDisagreementChild1796595832749],
};
