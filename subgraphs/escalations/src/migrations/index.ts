// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
import { Initial1795336531565 } from './1795336531565-Initial';
import { AuditTrail1795337669549 } from './1795337669549-AuditTrail';
import { Escalations1795338655012 } from './1795338655012-Escalations';
import { AuditChainHead1795339637748 } from './1795339637748-AuditChainHead';
import { Referrals1795340335215 } from './1795340335215-Referrals';

export const migrations: Function[] = [Initial1795336531565, AuditTrail1795337669549, Escalations1795338655012, AuditChainHead1795339637748, Referrals1795340335215];
