import { recordSchoolEvents } from '../school/school.events';
import {
  inTransaction,
  BadUserInputError,
  ForbiddenError,
  StatutoryDirectory,
  type ReferenceData,
  type SubgraphContext,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import {
  mayChangeSchoolRegisterRecord,
  schoolRegisterRefusal,
  type SchoolHolders,
} from '../school/school-record.policy';
import { School, SchoolPhase, SchoolStatus } from '../school/school.entity';
import { SchoolRepository } from '../school/school.repository';
import { mayChangeTrustRegisterRecord, trustRegisterRefusal } from '../trust/trust-register.policy';
import { TrustRepository } from '../trust/trust.repository';
import { TrustService } from '../trust/trust.service';
import { SchoolSyncRepository, schoolColumns } from './school-sync.repository';
import { SchoolUpsertOutcome, SchoolUpsertResult } from './school-sync.type';

export const maxSchoolRowsPerRequest = 1000;

/** A row as the mutation or a GIAS file gives it; phase and status as the enums' values. */
export interface SchoolRow {
  readonly urn: string;
  readonly name: string;
  readonly localAuthorityDfeCode: string;
  readonly establishmentNumber?: string | null | undefined;
  readonly laestab?: string | null | undefined;
  readonly phase: string;
  readonly status: string;
  readonly establishmentType?: string | null | undefined;
  readonly establishmentTypeGroup?: string | null | undefined;
  readonly ukprn?: string | null | undefined;
  readonly trustUid?: string | null | undefined;
  readonly trustName?: string | null | undefined;
  readonly postcode?: string | null | undefined;
}

type Checked =
  | { readonly kind: 'valid'; readonly school: School; readonly trustName: string | null }
  | { readonly kind: 'invalid'; readonly field: string; readonly message: string };

const phases = new Set<string>(Object.values(SchoolPhase));
const statuses = new Set<string>(Object.values(SchoolStatus));
const blankToNull = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
};

/**
 * Checks one row without the database. Hand-written rather than zod: it runs 50,000 times per
 * national import, and each rule names the field and the format expected.
 */
export function checkSchoolRow(
  row: SchoolRow,
  laCodes: ReadonlySet<string>,
  retired: ReadonlyMap<string, string> = new Map(),
): Checked {
  const invalid = (field: string, message: string): Checked => ({ kind: 'invalid', field, message });
  const urn = row.urn?.trim() ?? '';
  if (!/^\d{6}$/.test(urn)) return invalid('urn', 'must be a URN: exactly 6 digits');
  const name = row.name?.trim() ?? '';
  if (name === '') return invalid('name', 'must not be empty');
  if (name.length > 200) return invalid('name', 'must be at most 200 characters');
  const la = row.localAuthorityDfeCode?.trim() ?? '';
  if (!/^\d{3}$/.test(la)) return invalid('localAuthorityDfeCode', 'must be a DfE LA code: 3 digits');
  if (!laCodes.has(la))
    return invalid('localAuthorityDfeCode', `${la} is not the DfE code of a local authority in the reference data`);
  // A school still open (or opening) cannot be in an authority abolished in a reorganisation; a
  // closed one may be, having closed before it. GIAS rows carry no opening date we keep.
  const abolished = retired.get(la);
  if (abolished !== undefined && row.status !== SchoolStatus.CLOSED) return invalid('localAuthorityDfeCode', abolished);
  const number = blankToNull(row.establishmentNumber);
  const given = blankToNull(row.laestab);
  // GIAS numbers are always four digits (2001, 4105, 7003): "123" is no number GIAS gave, and
  // padding it would store a LAESTAB no school has.
  if (number !== null && !/^\d{4}$/.test(number))
    return invalid('establishmentNumber', 'must be the establishment number: exactly 4 digits');
  if (given !== null && !/^\d{7}$/.test(given)) return invalid('laestab', 'must be a LAESTAB: exactly 7 digits');
  if (given !== null && given.slice(0, 3) !== la)
    return invalid('laestab', `${given} begins with LA code ${given.slice(0, 3)}, but the school's LA is ${la}`);
  const laestab = given ?? (number !== null ? `${la}${number}` : null);
  if (laestab === null)
    return invalid(
      'establishmentNumber',
      'must be given (or laestab): GIAS gives the school an establishment number in its LA',
    );
  if (given !== null && number !== null && given.slice(3) !== number)
    return invalid('laestab', `${given} does not end with the establishment number ${number}`);
  if (!phases.has(row.phase))
    return invalid('phase', `${row.phase} is not a phase of education (${[...phases].join(', ')})`);
  if (!statuses.has(row.status))
    return invalid('status', `${row.status} is not an establishment status (${[...statuses].join(', ')})`);
  const ukprn = blankToNull(row.ukprn);
  if (ukprn !== null && !/^\d{8}$/.test(ukprn)) return invalid('ukprn', 'must be a UKPRN: exactly 8 digits');
  const trustUid = blankToNull(row.trustUid);
  if (trustUid !== null && !/^\d{1,10}$/.test(trustUid))
    return invalid('trustUid', 'must be a GIAS group UID: 1 to 10 digits');
  const trustName = blankToNull(row.trustName);
  if (trustName !== null && trustName.length > 200) return invalid('trustName', 'must be at most 200 characters');
  for (const field of ['establishmentType', 'establishmentTypeGroup'] as const) {
    if ((row[field]?.trim().length ?? 0) > 100) return invalid(field, 'must be at most 100 characters');
  }
  const postcode = blankToNull(row.postcode);
  if (postcode !== null && postcode.length > 10) return invalid('postcode', 'must be at most 10 characters');
  const school = Object.assign(new School(), {
    urn,
    name,
    laestab,
    localAuthorityDfeCode: la,
    phase: row.phase as SchoolPhase,
    status: row.status as SchoolStatus,
    ukprn,
    establishmentType: blankToNull(row.establishmentType),
    establishmentTypeGroup: blankToNull(row.establishmentTypeGroup),
    trustUid,
    postcode,
  });
  return { kind: 'valid', school, trustName };
}

export function referenceLaCodes(reference: ReferenceData): Set<string> {
  // Terminated GSS codes keep their DfE code (Barnsley, Sheffield), so every code in the file counts.
  return new Set(reference.localAuthorities.map((la) => la.dfeCode));
}

/** DfE codes no live authority carries on (Cumbria 909), each with the refusal naming its successors. */
export function retiredLaCodes(reference: ReferenceData): Map<string, string> {
  const retired = new Map<string, string>();
  for (const la of StatutoryDirectory.of(reference).organisations) {
    if (la.kind !== 'LOCAL_AUTHORITY' || la.ceasedOn === null || la.dfeCode === null) continue;
    const successors = la.successors.map((s) => `${s.name} (${s.dfeCode})`);
    retired.set(
      la.dfeCode,
      `${la.dfeCode} (${la.name}) ended on ${la.ceasedOn}, so no school open now can be in it; its area is now ${successors.join(', ') || 'no live authority in the reference data'}`,
    );
  }
  return retired;
}

const sameSchool = (a: School, b: School): boolean =>
  schoolColumns.every((column) => (a[column] ?? null) === (b[column] ?? null));

export class SchoolSyncService {
  constructor(private readonly ctx: SubgraphContext) {}

  private repository(manager: EntityManager): SchoolSyncRepository {
    return new SchoolSyncRepository(manager, this.ctx.scope);
  }

  /**
   * The mutation: at most 1,000 rows a request, so one request is one batch. Permission first: a
   * batch that would create or change a school (or rename a trust) the caller does not hold is
   * refused whole, before anything is written. The GIAS import calls upsertBatch directly: it is an
   * operator with the database's own credentials.
   */
  async upsert(rows: readonly SchoolRow[]): Promise<SchoolUpsertResult[]> {
    this.ctx.scope.requireIdentity();
    if (rows.length > maxSchoolRowsPerRequest) {
      throw new BadUserInputError(
        'rows',
        `must hold at most ${maxSchoolRowsPerRequest} rows; send a larger file in several requests`,
      );
    }
    await this.requireHolderOfRows(rows);
    return this.upsertBatch(rows);
  }

  /**
   * Every well-formed row that would write is checked against the registers' policies: the school
   * as stored (if it moves local authority) and as sent, and any recorded trust it renames. Rows
   * that are malformed or would change nothing write nothing and need no permission.
   */
  private async requireHolderOfRows(rows: readonly SchoolRow[]): Promise<void> {
    const laCodes = referenceLaCodes(this.ctx.reference);
    const retired = retiredLaCodes(this.ctx.reference);
    const valid = rows.flatMap((row, index) => {
      const checked = checkSchoolRow(row, laCodes, retired);
      return checked.kind === 'valid' ? [{ index, school: checked.school, trustName: checked.trustName }] : [];
    });
    if (valid.length === 0) return;
    const schools = new SchoolRepository(this.ctx.db.manager, this.ctx.scope);
    const stored = new Map(
      (await schools.findByUrns(valid.map((v) => v.school.urn))).map((school) => [school.urn, school]),
    );
    const uids = [
      ...new Set(valid.flatMap((v) => (v.school.trustUid !== null && v.trustName !== null ? [v.school.trustUid] : []))),
    ];
    const trustNames = new Map(
      (uids.length > 0 ? await new TrustRepository(this.ctx.db.manager, this.ctx.scope).findByUids(uids) : []).map(
        (t) => [t.uid, t.name],
      ),
    );
    const renames = (v: (typeof valid)[number]) =>
      v.school.trustUid !== null &&
      v.trustName !== null &&
      trustNames.has(v.school.trustUid) &&
      trustNames.get(v.school.trustUid) !== v.trustName;
    const writing = valid.filter((v) => {
      const before = stored.get(v.school.urn);
      return !before || !sameSchool(before, v.school) || renames(v);
    });
    if (writing.length === 0) return;
    const { designatedBy, coveredBy } = await schools.holdersOf(
      writing.map((v) => v.school.urn),
      writing.flatMap((v) => [
        v.school.localAuthorityDfeCode,
        ...(stored.has(v.school.urn) ? [stored.get(v.school.urn)!.localAuthorityDfeCode] : []),
      ]),
      this.ctx.today,
    );
    const holders = (urn: string, dfeCode: string): SchoolHolders => ({
      localAuthorityDfeCode: dfeCode,
      designatedBy: designatedBy.get(urn) ?? [],
      coveredBy: coveredBy.get(dfeCode) ?? [],
    });
    for (const { index, school } of writing) {
      const before = stored.get(school.urn);
      const allowed =
        mayChangeSchoolRegisterRecord(this.ctx.scope, holders(school.urn, school.localAuthorityDfeCode)) &&
        (!before || mayChangeSchoolRegisterRecord(this.ctx.scope, holders(before.urn, before.localAuthorityDfeCode)));
      if (!allowed)
        throw new ForbiddenError(`rows.${index}: ${schoolRegisterRefusal}; nothing of this batch was written`);
    }
    const renamed = writing.filter(renames);
    if (renamed.length === 0) return;
    const trusts = await new TrustService(this.ctx).recordsOf([...new Set(renamed.map((v) => v.school.trustUid!))]);
    for (const { index, school } of renamed) {
      const record = trusts.get(school.trustUid!);
      if (record && !mayChangeTrustRegisterRecord(this.ctx.scope, record)) {
        throw new ForbiddenError(`rows.${index}.trustName: ${trustRegisterRefusal}; nothing of this batch was written`);
      }
    }
  }

  /**
   * Idempotent by URN: each row is CREATED, UPDATED, UNCHANGED or REJECTED with its reason, and
   * one bad row never fails the others. The batch's changes are written in one transaction with
   * one upsert statement per table; should the database refuse that statement, the rows are
   * retried one by one so that only the row at fault is rejected.
   */
  async upsertBatch(
    rows: readonly SchoolRow[],
    laCodes: ReadonlySet<string> = referenceLaCodes(this.ctx.reference),
  ): Promise<SchoolUpsertResult[]> {
    const results: Array<SchoolUpsertResult | null> = rows.map(() => null);
    const candidates: Array<{ index: number; school: School; trustName: string | null }> = [];
    const seen = new Map<string, number>();
    const retired = retiredLaCodes(this.ctx.reference);
    rows.forEach((row, index) => {
      const checked = checkSchoolRow(row, laCodes, retired);
      if (checked.kind === 'invalid') {
        results[index] = SchoolUpsertResult.rejected(index, String(row.urn ?? ''), checked.field, checked.message);
        return;
      }
      const earlier = seen.get(checked.school.urn);
      if (earlier !== undefined) {
        results[index] = SchoolUpsertResult.rejected(
          index,
          checked.school.urn,
          'urn',
          `appears twice in one batch (row ${earlier} first)`,
        );
        return;
      }
      seen.set(checked.school.urn, index);
      candidates.push({ index, school: checked.school, trustName: checked.trustName });
    });
    try {
      await this.write(candidates, results);
    } catch (error) {
      if (candidates.length <= 1) {
        this.ctx.logger.error({ err: error }, 'school sync row failed');
        for (const { index, school } of candidates)
          results[index] = SchoolUpsertResult.rejected(
            index,
            school.urn,
            'row',
            'could not be saved (the error is logged); nothing of this row was written',
          );
      } else {
        for (const candidate of candidates)
          await this.upsertBatch([rows[candidate.index]!], laCodes).then(([result]) => {
            if (result) results[candidate.index] = Object.assign(result, { row: candidate.index });
          });
      }
    }
    return results.map(
      (result, index) =>
        result ?? SchoolUpsertResult.rejected(index, String(rows[index]?.urn ?? ''), 'row', 'was not processed'),
    );
  }

  /**
   * One read, then only what changed. The read runs before any transaction: a plain SELECT takes
   * no locks inside one either, so the outcome labels are as good, and a batch with nothing to
   * write (a re-import) costs one round trip. School writes share a transaction with their trusts'
   * and their outbox events; a write of trusts alone is a single statement, atomic on its own.
   */
  private async write(
    candidates: ReadonlyArray<{ index: number; school: School; trustName: string | null }>,
    results: Array<SchoolUpsertResult | null>,
  ): Promise<void> {
    if (candidates.length === 0) return;
    const uids = [...new Set(candidates.flatMap((c) => (c.school.trustUid ? [c.school.trustUid] : [])))];
    const read = await this.repository(this.ctx.db.manager).storedFor(
      candidates.map((c) => c.school.urn),
      uids,
    );
    const stored = new Map(read.schools.map((s) => [s.urn, s]));
    const trustWrites = new Map<string, string>();
    const schoolWrites: School[] = [];
    const staged: Array<() => void> = [];
    for (const { trustName, school } of candidates) {
      if (school.trustUid !== null && trustName !== null && read.trustNames.get(school.trustUid) !== trustName)
        trustWrites.set(school.trustUid, trustName);
    }
    for (const { index, school, trustName } of candidates) {
      const uid = school.trustUid;
      if (uid !== null && trustName === null && !read.trustNames.has(uid) && !trustWrites.has(uid)) {
        results[index] = SchoolUpsertResult.rejected(
          index,
          school.urn,
          'trustName',
          `must be given: trust ${uid} is not yet known`,
        );
        continue;
      }
      const previous = stored.get(school.urn);
      const outcome = !previous
        ? SchoolUpsertOutcome.CREATED
        : sameSchool(previous, school)
          ? SchoolUpsertOutcome.UNCHANGED
          : SchoolUpsertOutcome.UPDATED;
      if (outcome !== SchoolUpsertOutcome.UNCHANGED) schoolWrites.push(school);
      // Results are set only once the statements succeed, so a fallback starts clean.
      staged.push(() => {
        results[index] = SchoolUpsertResult.accepted(
          index,
          outcome,
          outcome === SchoolUpsertOutcome.UNCHANGED && previous ? previous : school,
        );
      });
    }
    // Keys in ascending order, trusts before schools: two batches written at once lock rows in
    // the same order, so they may wait for each other but never deadlock.
    const trusts = [...trustWrites].sort(([a], [b]) => a.localeCompare(b)).map(([uid, name]) => ({ uid, name }));
    const schools = schoolWrites.sort((a, b) => a.urn.localeCompare(b.urn));
    const writeBoth = async (manager: EntityManager) => {
      const repository = this.repository(manager);
      await repository.upsertTrusts(trusts);
      await repository.upsertSchools(schools);
      // The schools' events commit with them, so the directories other services keep never miss one.
      await recordSchoolEvents(
        manager,
        this.ctx.now,
        schools.map((school) => ({ school, before: stored.get(school.urn) ?? null })),
      );
    };
    if (schools.length > 0) await inTransaction(this.ctx.db, writeBoth);
    else if (trusts.length > 0) await writeBoth(this.ctx.db.manager);
    for (const set of staged) set();
  }
}
