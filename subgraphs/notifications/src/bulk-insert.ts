import type { EntityManager } from 'typeorm';

/**
 * Inserts many rows in multi-row statements, a row whose key is already there left as it is.
 * Written as plain SQL: for tens of thousands of rows in one reminder pass, the query builder's
 * per-value work cost more than the database did. Chunks stay well inside SQLite's bound-parameter
 * limit (32,766) and MySQL's packet size.
 */
export async function insertIgnoring<Row extends object>(
  manager: EntityManager,
  table: string,
  columns: ReadonlyArray<keyof Row & string>,
  rows: readonly Row[],
): Promise<void> {
  if (rows.length === 0) return;
  const mysql = manager.dataSource.options.type === 'mysql' || manager.dataSource.options.type === 'mariadb';
  const quote = (name: string) => (mysql ? `\`${name}\`` : `"${name}"`);
  const size = Math.max(1, Math.min(1000, Math.floor(20_000 / columns.length)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const head = `${mysql ? 'INSERT IGNORE INTO' : 'INSERT OR IGNORE INTO'} ${quote(table)} (${columns.map(quote).join(', ')}) VALUES `;
  for (let start = 0; start < rows.length; start += size) {
    const slice = rows.slice(start, start + size);
    const values: unknown[] = [];
    for (const row of slice) for (const column of columns) values.push(row[column] ?? null);
    await manager.query(head + slice.map(() => tuple).join(', '), values);
  }
}
