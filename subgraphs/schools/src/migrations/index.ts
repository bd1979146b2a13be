// Written by `npm run migration:generate`; lists this subgraph's migrations in order.
export const migrations: Function[] = [];
