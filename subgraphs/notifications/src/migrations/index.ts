// Written by `npm run migration:generate`; lists this subgraph's migrations of each dialect in order.
import type { SubgraphMigrations } from '@safeguarding/shared';
import { Initial1796233104201 as mysqlInitial1796233104201 } from './mysql/1796233104201-Initial';
import { Initial1796233104201 as sqliteInitial1796233104201 } from './sqlite/1796233104201-Initial';

export const migrations: SubgraphMigrations = {
  mysql: [mysqlInitial1796233104201],
  sqlite: [sqliteInitial1796233104201],
};
