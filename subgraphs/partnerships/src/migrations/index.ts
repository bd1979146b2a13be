// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
import { Initial1795336531411 } from './1795336531411-Initial';
import { AuditTrail1795337669232 } from './1795337669232-AuditTrail';
import { PartnersReportsArrangements1795339134477 } from './1795339134477-PartnersReportsArrangements';
import { AuditChainHead1795339635383 } from './1795339635383-AuditChainHead';

export const migrations: Function[] = [Initial1795336531411, AuditTrail1795337669232, PartnersReportsArrangements1795339134477, AuditChainHead1795339635383];
