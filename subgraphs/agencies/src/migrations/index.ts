// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
import { Initial1795336531451 } from './1795336531451-Initial';
import { AuditTrail1795337669290 } from './1795337669290-AuditTrail';
import { RegistryDesignationsSection111795338565479 } from './1795338565479-RegistryDesignationsSection11';
import { AuditChainHead1795339636445 } from './1795339636445-AuditChainHead';

export const migrations: Function[] = [Initial1795336531451, AuditTrail1795337669290, RegistryDesignationsSection111795338565479, AuditChainHead1795339636445];
