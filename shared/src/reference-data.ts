import path from 'node:path';
import { CsvFileError, readCsvRecords } from './csv';

export interface Validity {
  /** ISO date from which the record holds; null where the file gives none (held since before 2018). */
  readonly validFrom: string | null;
  /** ISO date of its last day; null while it still holds. */
  readonly validTo: string | null;
}

export interface LocalAuthorityRecord extends Validity {
  readonly gssCode: string;
  readonly name: string;
  /** The DfE 3-digit LA code: stable when the GSS code is reissued (Barnsley, Sheffield 2025). */
  readonly dfeCode: string;
  readonly type: string;
  readonly regionGssCode: string;
  readonly validFrom: string;
  readonly status: 'live' | 'terminated';
}

export interface IntegratedCareBoardRecord extends Validity {
  readonly odsCode: string;
  readonly gssCode: string;
  readonly name: string;
}

export interface PoliceForceAreaRecord extends Validity {
  readonly gssCode: string;
  readonly name: string;
  readonly country: string;
  readonly status: string;
}

/** An ICB whose area overlaps a local authority's: a candidate safeguarding partner (Children Act 2004 s16E). */
export interface OverlappingBoard extends Validity {
  readonly icbGssCode: string;
  readonly icbOdsCode: string;
  /** The share of the LA's area in the board's, where the source gives it (LSOAs counted). */
  readonly share: number | null;
  /** How the overlap was derived, as the file states it. */
  readonly basis: string;
}

/** The organisations whose areas overlap one local authority's. */
export interface LocalAuthorityPartners {
  readonly localAuthorityGssCode: string;
  readonly integratedCareBoards: readonly OverlappingBoard[];
  readonly policeForceGssCodes: readonly string[];
}

export type SuccessionChange = 'recoded' | 'merged' | 'split';

/** One predecessor–successor pair of a reorganisation. */
export interface SuccessionRecord {
  readonly predecessorGssCode: string;
  readonly successorGssCode: string;
  /** The first day of the successor. */
  readonly effectiveDate: string;
  /** What happened to the predecessor: its area went to one successor unchanged, into one with others, or to several. */
  readonly change: SuccessionChange;
}

export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';
}

export const referenceDataFiles = {
  localAuthorities: 'local-authorities.csv',
  integratedCareBoards: 'integrated-care-boards.csv',
  policeForceAreas: 'police-force-areas.csv',
  partners: 'local-authority-partners.csv',
  successions: 'local-authority-successions.csv',
} as const;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;
const validityColumns = ['valid_from', 'valid_to'] as const;
const successionChanges: readonly SuccessionChange[] = ['recoded', 'merged', 'split'];

/**
 * The statutory reference data of data/reference (or REFERENCE_DATA_DIR), read from the files
 * rather than retyped, and checked across files (every code a file names must be in the file that
 * defines it), so a newer set loaded without a release is refused whole rather than half-used.
 * Nothing here assumes how many authorities, boards or forces there are.
 */
export class ReferenceData {
  private readonly localAuthorityIndex: Map<string, LocalAuthorityRecord>;
  private readonly boardIndex: Map<string, IntegratedCareBoardRecord>;
  private readonly forceIndex: Map<string, PoliceForceAreaRecord>;
  private readonly partnersIndex: Map<string, LocalAuthorityPartners>;
  private readonly successionsIndex: Map<string, SuccessionRecord[]>;

  private constructor(
    readonly localAuthorities: readonly LocalAuthorityRecord[],
    readonly integratedCareBoards: readonly IntegratedCareBoardRecord[],
    readonly policeForceAreas: readonly PoliceForceAreaRecord[],
    readonly partners: readonly LocalAuthorityPartners[],
    readonly successions: readonly SuccessionRecord[],
  ) {
    this.localAuthorityIndex = new Map(localAuthorities.map((la) => [la.gssCode, la]));
    this.boardIndex = new Map(integratedCareBoards.map((icb) => [icb.gssCode, icb]));
    this.forceIndex = new Map(policeForceAreas.map((force) => [force.gssCode, force]));
    this.partnersIndex = new Map(partners.map((entry) => [entry.localAuthorityGssCode, entry]));
    this.successionsIndex = new Map();
    for (const succession of successions) {
      const list = this.successionsIndex.get(succession.predecessorGssCode) ?? [];
      list.push(succession);
      this.successionsIndex.set(succession.predecessorGssCode, list);
    }
  }

  private static cache = new Map<string, ReferenceData>();

  static load(directory: string): ReferenceData {
    const cached = ReferenceData.cache.get(directory);
    if (cached) return cached;
    const data = ReferenceData.read(directory);
    ReferenceData.cache.set(directory, data);
    return data;
  }

  private static read(directory: string): ReferenceData {
    const file = (name: string) => path.join(directory, name);
    const records = <C extends string>(name: string, required: readonly C[], optional: readonly string[] = []) => {
      try {
        return readCsvRecords(file(name), required, optional);
      } catch (error) {
        if (error instanceof CsvFileError) throw new ReferenceDataError(error.message);
        throw error;
      }
    };
    const refuse = (name: string, row: number, message: string) =>
      new ReferenceDataError(`${file(name)} row ${row + 2}: ${message}`);
    const validity = (name: string, row: number, values: Record<string, string | undefined>): Validity => {
      const from = values['valid_from'] || null;
      const to = values['valid_to'] || null;
      for (const [column, value] of [
        ['valid_from', from],
        ['valid_to', to],
      ] as const) {
        if (value !== null && !isoDay.test(value))
          throw refuse(name, row, `${column} "${value}" is not a date (YYYY-MM-DD)`);
      }
      if (from && to && to < from) throw refuse(name, row, 'valid_to is before valid_from');
      return { validFrom: from, validTo: to };
    };

    const localAuthorities = records(referenceDataFiles.localAuthorities, [
      'gss_code',
      'name',
      'dfe_la_code',
      'type',
      'region_gss_code',
      'valid_from',
      'valid_to',
      'status',
    ]).map((row, i): LocalAuthorityRecord => {
      const { validFrom, validTo } = validity(referenceDataFiles.localAuthorities, i, row);
      if (!validFrom) throw refuse(referenceDataFiles.localAuthorities, i, 'valid_from is required');
      return {
        gssCode: row.gss_code,
        name: row.name,
        dfeCode: row.dfe_la_code,
        type: row.type,
        regionGssCode: row.region_gss_code,
        validFrom,
        validTo,
        status: row.status === 'live' ? 'live' : 'terminated',
      };
    });
    const integratedCareBoards = records(
      referenceDataFiles.integratedCareBoards,
      ['ods_code', 'gss_code', 'name'],
      validityColumns,
    ).map((row, i): IntegratedCareBoardRecord => ({
      odsCode: row.ods_code,
      gssCode: row.gss_code,
      name: row.name,
      ...validity(referenceDataFiles.integratedCareBoards, i, row),
    }));
    const policeForceAreas = records(
      referenceDataFiles.policeForceAreas,
      ['gss_code', 'name', 'country', 'status'],
      validityColumns,
    ).map((row, i): PoliceForceAreaRecord => ({
      gssCode: row.gss_code,
      name: row.name,
      country: row.country,
      status: row.status,
      ...validity(referenceDataFiles.policeForceAreas, i, row),
    }));

    const laCodes = new Set(localAuthorities.map((la) => la.gssCode));
    const boards = new Map(integratedCareBoards.map((icb) => [icb.gssCode, icb]));
    const forces = new Set(policeForceAreas.map((force) => force.gssCode));
    const byLocalAuthority = new Map<string, { boards: OverlappingBoard[]; forces: Set<string> }>();
    records(
      referenceDataFiles.partners,
      ['la_gss_code', 'icb_gss_code', 'icb_ods_code', 'police_force_gss_code', 'basis'],
      validityColumns,
    ).forEach((row, i) => {
      const name = referenceDataFiles.partners;
      if (!laCodes.has(row.la_gss_code))
        throw refuse(name, i, `local authority ${row.la_gss_code} is not in ${referenceDataFiles.localAuthorities}`);
      const board = boards.get(row.icb_gss_code);
      if (!board)
        throw refuse(
          name,
          i,
          `integrated care board ${row.icb_gss_code} is not in ${referenceDataFiles.integratedCareBoards}`,
        );
      if (board.odsCode !== row.icb_ods_code)
        throw refuse(name, i, `ODS code ${row.icb_ods_code} is not that of ${row.icb_gss_code} (${board.odsCode})`);
      if (!forces.has(row.police_force_gss_code))
        throw refuse(
          name,
          i,
          `police force area ${row.police_force_gss_code} is not in ${referenceDataFiles.policeForceAreas}`,
        );
      const entry = byLocalAuthority.get(row.la_gss_code) ?? { boards: [], forces: new Set<string>() };
      const counted = /(\d+) of (\d+) LSOAs/.exec(row.basis);
      entry.boards.push({
        icbGssCode: row.icb_gss_code,
        icbOdsCode: row.icb_ods_code,
        share: counted ? Number(counted[1]) / Number(counted[2]) : null,
        basis: row.basis,
        ...validity(name, i, row),
      });
      entry.forces.add(row.police_force_gss_code);
      byLocalAuthority.set(row.la_gss_code, entry);
    });
    const partners = [...byLocalAuthority].map(([gssCode, entry]): LocalAuthorityPartners => ({
      localAuthorityGssCode: gssCode,
      integratedCareBoards: entry.boards,
      policeForceGssCodes: [...entry.forces],
    }));

    const successions = records(referenceDataFiles.successions, [
      'predecessor_gss_code',
      'successor_gss_code',
      'effective_date',
      'change',
    ]).map((row, i): SuccessionRecord => {
      const name = referenceDataFiles.successions;
      for (const code of [row.predecessor_gss_code, row.successor_gss_code]) {
        if (!laCodes.has(code))
          throw refuse(name, i, `local authority ${code} is not in ${referenceDataFiles.localAuthorities}`);
      }
      if (!isoDay.test(row.effective_date))
        throw refuse(name, i, `effective_date "${row.effective_date}" is not a date (YYYY-MM-DD)`);
      if (!successionChanges.includes(row.change as SuccessionChange))
        throw refuse(name, i, `change "${row.change}" is not one of ${successionChanges.join(', ')}`);
      return {
        predecessorGssCode: row.predecessor_gss_code,
        successorGssCode: row.successor_gss_code,
        effectiveDate: row.effective_date,
        change: row.change as SuccessionChange,
      };
    });
    return new ReferenceData(localAuthorities, integratedCareBoards, policeForceAreas, partners, successions);
  }

  get liveLocalAuthorities(): LocalAuthorityRecord[] {
    return this.localAuthorities.filter((la) => la.status === 'live');
  }

  get englishPoliceForceAreas(): PoliceForceAreaRecord[] {
    return this.policeForceAreas.filter((force) => force.country === 'England');
  }

  /** Boards in force on `date` (all of them when the file carries no validity dates). */
  integratedCareBoardsOn(date: string): IntegratedCareBoardRecord[] {
    return this.integratedCareBoards.filter((icb) => holdsOn(icb, date));
  }

  localAuthorityByGss(gssCode: string): LocalAuthorityRecord | undefined {
    return this.localAuthorityIndex.get(gssCode);
  }

  integratedCareBoardByGss(gssCode: string): IntegratedCareBoardRecord | undefined {
    return this.boardIndex.get(gssCode);
  }

  policeForceAreaByGss(gssCode: string): PoliceForceAreaRecord | undefined {
    return this.forceIndex.get(gssCode);
  }

  /** The ICBs and police forces whose areas overlap a local authority's, on `date` when given. */
  partnersOf(localAuthorityGssCode: string, date?: string): LocalAuthorityPartners | undefined {
    const entry = this.partnersIndex.get(localAuthorityGssCode);
    if (!entry || date === undefined) return entry;
    return { ...entry, integratedCareBoards: entry.integratedCareBoards.filter((board) => holdsOn(board, date)) };
  }

  /** The authorities that took over a terminated one's area, with the kind of change; none for a live code. */
  successionsOf(gssCode: string): readonly SuccessionRecord[] {
    return this.successionsIndex.get(gssCode) ?? [];
  }

  /**
   * The live authority a code now belongs to, following recodes and merges; undefined when the
   * code is unknown or was split (its area is several authorities' now: see `successionsOf`).
   */
  currentLocalAuthority(gssCode: string): LocalAuthorityRecord | undefined {
    const current = this.currentLocalAuthorities(gssCode);
    return current.length === 1 ? current[0] : undefined;
  }

  /** Every live authority whose area a code's area is now part of (several after a split). */
  currentLocalAuthorities(gssCode: string): LocalAuthorityRecord[] {
    const found = new Map<string, LocalAuthorityRecord>();
    const visit = (code: string, hops: number) => {
      const record = this.localAuthorityByGss(code);
      if (!record || hops > 10) return;
      if (record.status === 'live') {
        found.set(record.gssCode, record);
        return;
      }
      for (const succession of this.successionsOf(code)) visit(succession.successorGssCode, hops + 1);
    };
    visit(gssCode, 0);
    return [...found.values()];
  }

  liveLocalAuthorityByName(name: string): LocalAuthorityRecord {
    const la = this.liveLocalAuthorities.find((candidate) => candidate.name === name);
    if (!la) throw new ReferenceDataError(`no live local authority named ${name}`);
    return la;
  }
}

function holdsOn(record: Validity, date: string): boolean {
  return (record.validFrom === null || record.validFrom <= date) && (record.validTo === null || record.validTo >= date);
}
