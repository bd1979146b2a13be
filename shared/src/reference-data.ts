import fs from 'node:fs';
import path from 'node:path';

export interface LocalAuthorityRecord {
  readonly gssCode: string;
  readonly name: string;
  /** The DfE 3-digit LA code: stable when the GSS code is reissued (Barnsley, Sheffield 2025). */
  readonly dfeCode: string;
  readonly type: string;
  readonly regionGssCode: string;
  readonly validFrom: string;
  readonly validTo: string | null;
  readonly status: 'live' | 'terminated';
}

export interface IntegratedCareBoardRecord {
  readonly odsCode: string;
  readonly gssCode: string;
  readonly name: string;
}

export interface PoliceForceAreaRecord {
  readonly gssCode: string;
  readonly name: string;
  readonly country: string;
  readonly status: string;
}

export class ReferenceDataError extends Error {
  override name = 'ReferenceDataError';
}

/** The statutory reference data of data/reference, read from the files rather than retyped. */
export class ReferenceData {
  private constructor(
    readonly localAuthorities: readonly LocalAuthorityRecord[],
    readonly integratedCareBoards: readonly IntegratedCareBoardRecord[],
    readonly policeForceAreas: readonly PoliceForceAreaRecord[],
  ) {}

  private static cache = new Map<string, ReferenceData>();

  static load(directory: string): ReferenceData {
    const cached = ReferenceData.cache.get(directory);
    if (cached) return cached;
    const localAuthorities = readCsv(directory, 'local-authorities.csv', [
      'gss_code', 'name', 'dfe_la_code', 'type', 'region_gss_code', 'valid_from', 'valid_to', 'status',
    ]).map((row): LocalAuthorityRecord => ({
      gssCode: row.gss_code,
      name: row.name,
      dfeCode: row.dfe_la_code,
      type: row.type,
      regionGssCode: row.region_gss_code,
      validFrom: row.valid_from,
      validTo: row.valid_to || null,
      status: row.status === 'live' ? 'live' : 'terminated',
    }));
    const integratedCareBoards = readCsv(directory, 'integrated-care-boards.csv', ['ods_code', 'gss_code', 'name']).map(
      (row): IntegratedCareBoardRecord => ({ odsCode: row.ods_code, gssCode: row.gss_code, name: row.name }),
    );
    const policeForceAreas = readCsv(directory, 'police-force-areas.csv', ['gss_code', 'name', 'country', 'status']).map(
      (row): PoliceForceAreaRecord => ({ gssCode: row.gss_code, name: row.name, country: row.country, status: row.status }),
    );
    const data = new ReferenceData(localAuthorities, integratedCareBoards, policeForceAreas);
    ReferenceData.cache.set(directory, data);
    return data;
  }

  get liveLocalAuthorities(): LocalAuthorityRecord[] {
    return this.localAuthorities.filter((la) => la.status === 'live');
  }

  get englishPoliceForceAreas(): PoliceForceAreaRecord[] {
    return this.policeForceAreas.filter((force) => force.country === 'England');
  }

  localAuthorityByGss(gssCode: string): LocalAuthorityRecord | undefined {
    return this.localAuthorities.find((la) => la.gssCode === gssCode);
  }

  /**
   * The record that replaced a terminated code: same DfE code, valid from the day after this one
   * ended (Barnsley E08000016 -> E08000038 on 1 May 2025). Undefined for a live code.
   */
  successorOf(record: LocalAuthorityRecord): LocalAuthorityRecord | undefined {
    if (record.status === 'live' || !record.validTo) return undefined;
    return this.localAuthorities.find((la) => la.dfeCode === record.dfeCode && la.validFrom > (record.validTo ?? ''));
  }

  /** The live record for a code, following reorganisations: a terminated code gives its successor. */
  currentLocalAuthority(gssCode: string): LocalAuthorityRecord | undefined {
    let record = this.localAuthorityByGss(gssCode);
    for (let hops = 0; record && record.status !== 'live' && hops < 5; hops++) record = this.successorOf(record);
    return record?.status === 'live' ? record : undefined;
  }

  liveLocalAuthorityByName(name: string): LocalAuthorityRecord {
    const la = this.liveLocalAuthorities.find((candidate) => candidate.name === name);
    if (!la) throw new ReferenceDataError(`no live local authority named ${name}`);
    return la;
  }
}

function readCsv<C extends string>(directory: string, file: string, columns: readonly C[]): Array<Record<C, string>> {
  const fullPath = path.join(directory, file);
  let text: string;
  try {
    text = fs.readFileSync(fullPath, 'utf8');
  } catch {
    throw new ReferenceDataError(`reference data file ${fullPath} cannot be read (set REFERENCE_DATA_DIR)`);
  }
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new ReferenceDataError(`${fullPath} is empty`);
  const index = new Map(header.map((name, i) => [name.trim(), i]));
  for (const column of columns) {
    if (!index.has(column)) throw new ReferenceDataError(`${fullPath} has no column ${column}`);
  }
  return rows
    .filter((cells) => cells.some((cell) => cell.trim() !== ''))
    .map((cells) => Object.fromEntries(columns.map((c) => [c, (cells[index.get(c) ?? -1] ?? '').trim()])) as Record<C, string>);
}

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
