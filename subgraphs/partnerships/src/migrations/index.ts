// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
import { Initial1795336531411 } from './1795336531411-Initial';
import { AuditTrail1795337669232 } from './1795337669232-AuditTrail';

export const migrations: Function[] = [Initial1795336531411, AuditTrail1795337669232];
