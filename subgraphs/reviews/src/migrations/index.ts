// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
import { Initial1795336531531 } from './1795336531531-Initial';

export const migrations: Function[] = [Initial1795336531531];
