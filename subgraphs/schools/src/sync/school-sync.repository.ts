import type { EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { Trust } from '../trust/trust.entity';

export const schoolColumns = [
  'urn', 'name', 'laestab', 'localAuthorityDfeCode', 'phase', 'status', 'ukprn',
  'establishmentType', 'establishmentTypeGroup', 'trustUid', 'postcode',
] as const satisfies ReadonlyArray<keyof School>;

/**
 * The bulk sync's SQL: one SELECT and one multi-row upsert per table per batch, whatever the
 * batch's size, because a national GIAS file is 50,000 rows. GIAS data is public: no row rules.
 */
export class SchoolSyncRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  // Plain SELECTs rather than find(): hydrating entities was most of an unchanged re-import's time.
  async schoolsByUrn(urns: readonly string[]): Promise<School[]> {
    if (urns.length === 0) return [];
    const rows = (await this.manager.query(
      `SELECT ${schoolColumns.map((c) => this.quote(c)).join(', ')} FROM ${this.quote('schools')} WHERE ${this.quote('urn')} IN (${urns.map(() => '?').join(', ')})`,
      [...urns],
    )) as Array<Record<(typeof schoolColumns)[number], string | null>>;
    return rows.map((row) => Object.assign(new School(), row));
  }

  async trustsByUid(uids: readonly string[]): Promise<Array<Pick<Trust, 'uid' | 'name'>>> {
    if (uids.length === 0) return [];
    return (await this.manager.query(
      `SELECT ${this.quote('uid')}, ${this.quote('name')} FROM ${this.quote('trusts')} WHERE ${this.quote('uid')} IN (${uids.map(() => '?').join(', ')})`,
      [...uids],
    )) as Array<Pick<Trust, 'uid' | 'name'>>;
  }

  private get mysql(): boolean {
    return this.manager.connection.options.type !== 'better-sqlite3';
  }

  private quote(name: string): string {
    return this.mysql ? `\`${name}\`` : `"${name}"`;
  }

  async upsertSchools(schools: readonly School[]): Promise<void> {
    await this.upsert('schools', 'urn', schoolColumns, schools.map((school) => schoolColumns.map((column) => school[column])));
  }

  /** New trusts and renamed ones; a Companies House number recorded by hand is left alone. */
  async upsertTrusts(trusts: ReadonlyArray<Pick<Trust, 'uid' | 'name'>>): Promise<void> {
    await this.upsert('trusts', 'uid', ['uid', 'name'], trusts.map((trust) => [trust.uid, trust.name]));
  }

  private async upsert(table: string, key: string, columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null>>): Promise<void> {
    if (rows.length === 0) return;
    const mysql = this.mysql;
    const quote = (name: string) => this.quote(name);
    const tuple = `(${columns.map(() => '?').join(', ')})`;
    const updated = columns.filter((column) => column !== key);
    const onConflict = mysql
      ? `ON DUPLICATE KEY UPDATE ${updated.map((c) => `${quote(c)} = VALUES(${quote(c)})`).join(', ')}`
      : `ON CONFLICT (${quote(key)}) DO UPDATE SET ${updated.map((c) => `${quote(c)} = excluded.${quote(c)}`).join(', ')}`;
    const sql = `INSERT INTO ${quote(table)} (${columns.map(quote).join(', ')}) VALUES ${rows.map(() => tuple).join(', ')} ${onConflict}`;
    await this.manager.query(sql, rows.flat());
  }
}
