// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
import { Initial1795336531531 } from './1795336531531-Initial';
import { AuditTrail1795337669499 } from './1795337669499-AuditTrail';
import { ReviewsClocks1795338740751 } from './1795338740751-ReviewsClocks';
import { AuditChainHead1795339637400 } from './1795339637400-AuditChainHead';

export const migrations: Function[] = [Initial1795336531531, AuditTrail1795337669499, ReviewsClocks1795338740751, AuditChainHead1795339637400];
