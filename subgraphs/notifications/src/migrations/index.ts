// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.
import type { SubgraphMigrations } from '@safeguarding/shared';
import { Initial1796233104201 as mysqlInitial1796233104201 } from './mysql/1796233104201-Initial';
import { WebhooksReminders1796235002425 as mysqlWebhooksReminders1796235002425 } from './mysql/1796235002425-WebhooksReminders';
import { AuditOperationOutcome1796238880996 as mysqlAuditOperationOutcome1796238880996 } from './mysql/1796238880996-AuditOperationOutcome';
import { AudienceOrganisationGroups1796300908761 as mysqlAudienceOrganisationGroups1796300908761 } from './mysql/1796300908761-AudienceOrganisationGroups';
import { MachineIdentities1796318411212 as mysqlMachineIdentities1796318411212 } from './mysql/1796318411212-MachineIdentities';
import { OutboxPositions1796411665956 as mysqlOutboxPositions1796411665956 } from './mysql/1796411665956-OutboxPositions';
import { OwnerAdmitted1796594323089 as mysqlOwnerAdmitted1796594323089 } from './mysql/1796594323089-OwnerAdmitted';
import { ChildLookIndex1796594862100 as mysqlChildLookIndex1796594862100 } from './mysql/1796594862100-ChildLookIndex';
import { ObligationOrganisationKinds1796595335502 as mysqlObligationOrganisationKinds1796595335502 } from './mysql/1796595335502-ObligationOrganisationKinds';
import { Initial1796233104201 as sqliteInitial1796233104201 } from './sqlite/1796233104201-Initial';
import { WebhooksReminders1796235002425 as sqliteWebhooksReminders1796235002425 } from './sqlite/1796235002425-WebhooksReminders';
import { AuditOperationOutcome1796238880996 as sqliteAuditOperationOutcome1796238880996 } from './sqlite/1796238880996-AuditOperationOutcome';
import { AudienceOrganisationGroups1796300908761 as sqliteAudienceOrganisationGroups1796300908761 } from './sqlite/1796300908761-AudienceOrganisationGroups';
import { MachineIdentities1796318411212 as sqliteMachineIdentities1796318411212 } from './sqlite/1796318411212-MachineIdentities';
import { OutboxPositions1796411665956 as sqliteOutboxPositions1796411665956 } from './sqlite/1796411665956-OutboxPositions';
import { OwnerAdmitted1796594323089 as sqliteOwnerAdmitted1796594323089 } from './sqlite/1796594323089-OwnerAdmitted';
import { ChildLookIndex1796594862100 as sqliteChildLookIndex1796594862100 } from './sqlite/1796594862100-ChildLookIndex';
import { ObligationOrganisationKinds1796595335502 as sqliteObligationOrganisationKinds1796595335502 } from './sqlite/1796595335502-ObligationOrganisationKinds';

export const migrations: SubgraphMigrations = {
  mysql: [mysqlInitial1796233104201, mysqlWebhooksReminders1796235002425, mysqlAuditOperationOutcome1796238880996, mysqlAudienceOrganisationGroups1796300908761, mysqlMachineIdentities1796318411212, mysqlOutboxPositions1796411665956, mysqlOwnerAdmitted1796594323089, mysqlChildLookIndex1796594862100, mysqlObligationOrganisationKinds1796595335502],
  sqlite: [sqliteInitial1796233104201, sqliteWebhooksReminders1796235002425, sqliteAuditOperationOutcome1796238880996, sqliteAudienceOrganisationGroups1796300908761, sqliteMachineIdentities1796318411212, sqliteOutboxPositions1796411665956, sqliteOwnerAdmitted1796594323089, sqliteChildLookIndex1796594862100, sqliteObligationOrganisationKinds1796595335502],
};
