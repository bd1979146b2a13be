// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
import { Initial1795336531486 } from './1795336531486-Initial';
import { AuditTrail1795337669393 } from './1795337669393-AuditTrail';
import { AuditChainHead1795339636941 } from './1795339636941-AuditChainHead';
import { SchoolsTrustsLeads1795340395055 } from './1795340395055-SchoolsTrustsLeads';
import { ChildProtectionFileTransfers1795342035682 } from './1795342035682-ChildProtectionFileTransfers';
import { SchoolSafeguardingSelfAssessment1795342304407 } from './1795342304407-SchoolSafeguardingSelfAssessment';
import { SchoolCalendar1795343433418 } from './1795343433418-SchoolCalendar';

export const migrations: Function[] = [Initial1795336531486, AuditTrail1795337669393, AuditChainHead1795339636941, SchoolsTrustsLeads1795340395055, ChildProtectionFileTransfers1795342035682, SchoolSafeguardingSelfAssessment1795342304407, SchoolCalendar1795343433418];
