import type { EntityManager } from 'typeorm';
import type { AccessScope } from '@safeguarding/shared';
import { School } from '../school/school.entity';
import { Trust } from '../trust/trust.entity';

export const schoolColumns = [
  'urn',
  'name',
  'laestab',
  'localAuthorityDfeCode',
  'phase',
  'status',
  'ukprn',
  'establishmentType',
  'establishmentTypeGroup',
  'trustUid',
  'postcode',
] as const satisfies ReadonlyArray<keyof School>;

/**
 * The bulk sync's SQL: one SELECT for both tables and at most one multi-row upsert per table per
 * batch, whatever the batch's size, because a national GIAS file is 50,000 rows. GIAS data is
 * public: no row rules.
 */
export class SchoolSyncRepository {
  constructor(
    private readonly manager: EntityManager,
    readonly scope: AccessScope,
  ) {}

  /**
   * The stored schools of the batch's URNs and the stored trusts of the UIDs it names, in ONE
   * statement (a UNION ALL padded to the schools' columns): a round trip per batch saved, and the
   * trusts read lets unchanged trusts go unwritten. Plain SELECT rather than find(): hydrating
   * entities was most of an unchanged re-import's time.
   */
  async storedFor(
    urns: readonly string[],
    uids: readonly string[],
  ): Promise<{ schools: School[]; trustNames: Map<string, string> }> {
    if (urns.length === 0 && uids.length === 0) return { schools: [], trustNames: new Map() };
    const q = (name: string) => this.quote(name);
    const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
    const parts: string[] = [];
    if (urns.length > 0) {
      parts.push(
        `SELECT 'S' AS ${q('source')}, ${schoolColumns.map(q).join(', ')} FROM ${q('schools')} WHERE ${q('urn')} IN (${marks(urns.length)})`,
      );
    }
    if (uids.length > 0) {
      // The trust's UID and name land in the urn and name columns; the rest are NULL.
      const padding = schoolColumns
        .slice(2)
        .map((column) => `NULL AS ${q(column)}`)
        .join(', ');
      parts.push(
        `SELECT 'T' AS ${q('source')}, ${q('uid')} AS ${q('urn')}, ${q('name')}, ${padding} FROM ${q('trusts')} WHERE ${q('uid')} IN (${marks(uids.length)})`,
      );
    }
    const rows = (await this.manager.query(parts.join(' UNION ALL '), [...urns, ...uids])) as Array<
      Record<(typeof schoolColumns)[number], string | null> & { source: string }
    >;
    const schools: School[] = [];
    const trustNames = new Map<string, string>();
    for (const { source, ...row } of rows) {
      if (source === 'T') trustNames.set(String(row.urn), String(row.name));
      else schools.push(Object.assign(new School(), row));
    }
    return { schools, trustNames };
  }

  private get mysql(): boolean {
    return this.manager.dataSource.options.type !== 'better-sqlite3';
  }

  private quote(name: string): string {
    return this.mysql ? `\`${name}\`` : `"${name}"`;
  }

  async upsertSchools(schools: readonly School[]): Promise<void> {
    await this.upsert(
      'schools',
      'urn',
      schoolColumns,
      schools.map((school) => schoolColumns.map((column) => school[column])),
    );
    // Designations carry the school's name for their order: a renamed school moves in its partnerships' lists.
    const q = (name: string) => this.quote(name);
    const urns = schools.map((school) => school.urn);
    if (urns.length > 0) {
      await this.manager.query(
        `UPDATE ${q('school_designations')} SET ${q('schoolName')} = (SELECT ${q('name')} FROM ${q('schools')} WHERE ${q('schools')}.${q('urn')} = ${q('school_designations')}.${q('urn')}) WHERE ${q('urn')} IN (${urns.map(() => '?').join(', ')})`,
        urns,
      );
    }
  }

  /** New trusts and renamed ones (the service leaves out the unchanged); a Companies House number recorded by hand is left alone. */
  async upsertTrusts(trusts: ReadonlyArray<Pick<Trust, 'uid' | 'name'>>): Promise<void> {
    await this.upsert(
      'trusts',
      'uid',
      ['uid', 'name'],
      trusts.map((trust) => [trust.uid, trust.name]),
    );
  }

  private async upsert(
    table: string,
    key: string,
    columns: readonly string[],
    rows: ReadonlyArray<ReadonlyArray<string | null>>,
  ): Promise<void> {
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
