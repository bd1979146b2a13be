// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.
import type { SubgraphMigrations } from '@safeguarding/shared';
import { Initial1795336531486 as mysqlInitial1795336531486 } from './mysql/1795336531486-Initial';
import { AuditTrail1795337669393 as mysqlAuditTrail1795337669393 } from './mysql/1795337669393-AuditTrail';
import { AuditChainHead1795339636941 as mysqlAuditChainHead1795339636941 } from './mysql/1795339636941-AuditChainHead';
import { SchoolsTrustsLeads1795340395055 as mysqlSchoolsTrustsLeads1795340395055 } from './mysql/1795340395055-SchoolsTrustsLeads';
import { ChildProtectionFileTransfers1795342035682 as mysqlChildProtectionFileTransfers1795342035682 } from './mysql/1795342035682-ChildProtectionFileTransfers';
import { SchoolSafeguardingSelfAssessment1795342304407 as mysqlSchoolSafeguardingSelfAssessment1795342304407 } from './mysql/1795342304407-SchoolSafeguardingSelfAssessment';
import { SchoolCalendar1795343433418 as mysqlSchoolCalendar1795343433418 } from './mysql/1795343433418-SchoolCalendar';
import { SchoolCodeIndexes1796216869643 as mysqlSchoolCodeIndexes1796216869643 } from './mysql/1796216869643-SchoolCodeIndexes';
import { Outbox1796218054549 as mysqlOutbox1796218054549 } from './mysql/1796218054549-Outbox';
import { AuditCheckpointsClientRequestId1796219105789 as mysqlAuditCheckpointsClientRequestId1796219105789 } from './mysql/1796219105789-AuditCheckpointsClientRequestId';
import { Obligations1796232391368 as mysqlObligations1796232391368 } from './mysql/1796232391368-Obligations';
import { AuditOperationOutcome1796233064697 as mysqlAuditOperationOutcome1796233064697 } from './mysql/1796233064697-AuditOperationOutcome';
import { SchoolNameOrder1796234087121 as mysqlSchoolNameOrder1796234087121 } from './mysql/1796234087121-SchoolNameOrder';
import { DesignationSchoolName1796234470856 as mysqlDesignationSchoolName1796234470856 } from './mysql/1796234470856-DesignationSchoolName';
import { SelfAssessmentReturnDue1796234930245 as mysqlSelfAssessmentReturnDue1796234930245 } from './mysql/1796234930245-SelfAssessmentReturnDue';
import { PagingOrderIndexes1796317810778 as mysqlPagingOrderIndexes1796317810778 } from './mysql/1796317810778-PagingOrderIndexes';
import { MachineIdentities1796318404946 as mysqlMachineIdentities1796318404946 } from './mysql/1796318404946-MachineIdentities';
import { OutboxPositions1796411659073 as mysqlOutboxPositions1796411659073 } from './mysql/1796411659073-OutboxPositions';
import { RatingPosition1796412521958 as mysqlRatingPosition1796412521958 } from './mysql/1796412521958-RatingPosition';
import { ChildPictureIndexes1796414550842 as mysqlChildPictureIndexes1796414550842 } from './mysql/1796414550842-ChildPictureIndexes';
import { ChildLookIndex1796594847483 as mysqlChildLookIndex1796594847483 } from './mysql/1796594847483-ChildLookIndex';
import { ObligationOrganisationKinds1796595322914 as mysqlObligationOrganisationKinds1796595322914 } from './mysql/1796595322914-ObligationOrganisationKinds';
import { Initial1796193268244 as sqliteInitial1796193268244 } from './sqlite/1796193268244-Initial';
import { SchoolCodeIndexes1796216869643 as sqliteSchoolCodeIndexes1796216869643 } from './sqlite/1796216869643-SchoolCodeIndexes';
import { Outbox1796218054549 as sqliteOutbox1796218054549 } from './sqlite/1796218054549-Outbox';
import { AuditCheckpointsClientRequestId1796219105789 as sqliteAuditCheckpointsClientRequestId1796219105789 } from './sqlite/1796219105789-AuditCheckpointsClientRequestId';
import { Obligations1796232391368 as sqliteObligations1796232391368 } from './sqlite/1796232391368-Obligations';
import { AuditOperationOutcome1796233064697 as sqliteAuditOperationOutcome1796233064697 } from './sqlite/1796233064697-AuditOperationOutcome';
import { SchoolNameOrder1796234087121 as sqliteSchoolNameOrder1796234087121 } from './sqlite/1796234087121-SchoolNameOrder';
import { DesignationSchoolName1796234470856 as sqliteDesignationSchoolName1796234470856 } from './sqlite/1796234470856-DesignationSchoolName';
import { SelfAssessmentReturnDue1796234930245 as sqliteSelfAssessmentReturnDue1796234930245 } from './sqlite/1796234930245-SelfAssessmentReturnDue';
import { PagingOrderIndexes1796317810778 as sqlitePagingOrderIndexes1796317810778 } from './sqlite/1796317810778-PagingOrderIndexes';
import { MachineIdentities1796318404946 as sqliteMachineIdentities1796318404946 } from './sqlite/1796318404946-MachineIdentities';
import { OutboxPositions1796411659073 as sqliteOutboxPositions1796411659073 } from './sqlite/1796411659073-OutboxPositions';
import { RatingPosition1796412521958 as sqliteRatingPosition1796412521958 } from './sqlite/1796412521958-RatingPosition';
import { ChildPictureIndexes1796414550842 as sqliteChildPictureIndexes1796414550842 } from './sqlite/1796414550842-ChildPictureIndexes';
import { ChildLookIndex1796594847483 as sqliteChildLookIndex1796594847483 } from './sqlite/1796594847483-ChildLookIndex';
import { ObligationOrganisationKinds1796595322914 as sqliteObligationOrganisationKinds1796595322914 } from './sqlite/1796595322914-ObligationOrganisationKinds';

export const migrations: SubgraphMigrations = {
  mysql: [mysqlInitial1795336531486, mysqlAuditTrail1795337669393, mysqlAuditChainHead1795339636941, mysqlSchoolsTrustsLeads1795340395055, mysqlChildProtectionFileTransfers1795342035682, mysqlSchoolSafeguardingSelfAssessment1795342304407, mysqlSchoolCalendar1795343433418, mysqlSchoolCodeIndexes1796216869643, mysqlOutbox1796218054549, mysqlAuditCheckpointsClientRequestId1796219105789, mysqlObligations1796232391368, mysqlAuditOperationOutcome1796233064697, mysqlSchoolNameOrder1796234087121, mysqlDesignationSchoolName1796234470856, mysqlSelfAssessmentReturnDue1796234930245, mysqlPagingOrderIndexes1796317810778, mysqlMachineIdentities1796318404946, mysqlOutboxPositions1796411659073, mysqlRatingPosition1796412521958, mysqlChildPictureIndexes1796414550842, mysqlChildLookIndex1796594847483, mysqlObligationOrganisationKinds1796595322914],
  sqlite: [sqliteInitial1796193268244, sqliteSchoolCodeIndexes1796216869643, sqliteOutbox1796218054549, sqliteAuditCheckpointsClientRequestId1796219105789, sqliteObligations1796232391368, sqliteAuditOperationOutcome1796233064697, sqliteSchoolNameOrder1796234087121, sqliteDesignationSchoolName1796234470856, sqliteSelfAssessmentReturnDue1796234930245, sqlitePagingOrderIndexes1796317810778, sqliteMachineIdentities1796318404946, sqliteOutboxPositions1796411659073, sqliteRatingPosition1796412521958, sqliteChildPictureIndexes1796414550842, sqliteChildLookIndex1796594847483, sqliteObligationOrganisationKinds1796595322914],
};
