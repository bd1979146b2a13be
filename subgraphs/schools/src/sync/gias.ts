import { SchoolPhase, SchoolStatus } from '../school/school.entity';
import type { SchoolRow } from './school-sync.service';

/** The columns of a GIAS "all establishment data" extract that the import reads. */
export const giasColumns = {
  urn: 'URN',
  laCode: 'LA (code)',
  laName: 'LA (name)',
  establishmentNumber: 'EstablishmentNumber',
  name: 'EstablishmentName',
  type: 'TypeOfEstablishment (name)',
  typeGroup: 'EstablishmentTypeGroup (name)',
  status: 'EstablishmentStatus (name)',
  phase: 'PhaseOfEducation (name)',
  ukprn: 'UKPRN',
  trustCode: 'Trusts (code)',
  trustName: 'Trusts (name)',
  postcode: 'Postcode',
} as const;

/** Older extracts and some tools call the type group column this. */
const typeGroupAliases = ['EstablishmentTypeGroup (name)', 'EstablishmentGroup (name)'];
/** Not in GIAS's own extract; read when a vendor's file carries it, and checked against the LA. */
const laestabColumn = 'LAESTAB';

export const requiredGiasColumns = [
  giasColumns.urn,
  giasColumns.laCode,
  giasColumns.establishmentNumber,
  giasColumns.name,
  giasColumns.status,
  giasColumns.phase,
] as const;

const phaseNames: Record<string, SchoolPhase> = {
  nursery: SchoolPhase.NURSERY,
  primary: SchoolPhase.PRIMARY,
  'middle deemed primary': SchoolPhase.MIDDLE_DEEMED_PRIMARY,
  secondary: SchoolPhase.SECONDARY,
  'middle deemed secondary': SchoolPhase.MIDDLE_DEEMED_SECONDARY,
  'all-through': SchoolPhase.ALL_THROUGH,
  'all through': SchoolPhase.ALL_THROUGH,
  '16 plus': SchoolPhase.SIXTEEN_PLUS,
  'not applicable': SchoolPhase.NOT_APPLICABLE,
};

const statusNames: Record<string, SchoolStatus> = {
  open: SchoolStatus.OPEN,
  closed: SchoolStatus.CLOSED,
  'open, but proposed to close': SchoolStatus.PROPOSED_TO_CLOSE,
  'proposed to open': SchoolStatus.PROPOSED_TO_OPEN,
};

export const giasPhaseName: Record<SchoolPhase, string> = {
  NURSERY: 'Nursery',
  PRIMARY: 'Primary',
  MIDDLE_DEEMED_PRIMARY: 'Middle deemed primary',
  SECONDARY: 'Secondary',
  MIDDLE_DEEMED_SECONDARY: 'Middle deemed secondary',
  ALL_THROUGH: 'All-through',
  SIXTEEN_PLUS: '16 plus',
  NOT_APPLICABLE: 'Not applicable',
};
export const giasStatusName: Record<SchoolStatus, string> = {
  OPEN: 'Open',
  CLOSED: 'Closed',
  PROPOSED_TO_CLOSE: 'Open, but proposed to close',
  PROPOSED_TO_OPEN: 'Proposed to open',
};

export class GiasHeaderError extends Error {
  override name = 'GiasHeaderError';
}

/** Turns a header row into a function from cells to a sync row; refuses a file missing a column it needs. */
export function giasRowReader(header: readonly string[]): (cells: readonly string[]) => SchoolRow {
  const index = new Map(header.map((name, i) => [name.trim().replace(/^\uFEFF/, ''), i]));
  const missing = requiredGiasColumns.filter((column) => !index.has(column));
  if (missing.length > 0) throw new GiasHeaderError(`line 1: the GIAS extract has no column ${missing.join(', ')}`);
  const at = (column: string | undefined) => (column === undefined ? undefined : index.get(column));
  const columns = {
    urn: at(giasColumns.urn)!,
    la: at(giasColumns.laCode)!,
    number: at(giasColumns.establishmentNumber)!,
    name: at(giasColumns.name)!,
    type: at(giasColumns.type),
    typeGroup: at(typeGroupAliases.find((alias) => index.has(alias))),
    status: at(giasColumns.status)!,
    phase: at(giasColumns.phase)!,
    ukprn: at(giasColumns.ukprn),
    trustCode: at(giasColumns.trustCode),
    trustName: at(giasColumns.trustName),
    postcode: at(giasColumns.postcode),
    laestab: at(laestabColumn),
  };
  const cell = (cells: readonly string[], i: number | undefined): string =>
    i === undefined ? '' : (cells[i] ?? '').trim();
  return (cells) => {
    const phase = cell(cells, columns.phase);
    const status = cell(cells, columns.status);
    return {
      urn: cell(cells, columns.urn),
      name: cell(cells, columns.name),
      localAuthorityDfeCode: cell(cells, columns.la),
      establishmentNumber: cell(cells, columns.number),
      laestab: cell(cells, columns.laestab),
      // An unknown name passes through unchanged, to be rejected naming the field and the value.
      phase: phaseNames[phase.toLowerCase()] ?? phase,
      status: statusNames[status.toLowerCase()] ?? status,
      establishmentType: cell(cells, columns.type),
      establishmentTypeGroup: cell(cells, columns.typeGroup),
      ukprn: cell(cells, columns.ukprn),
      trustUid: cell(cells, columns.trustCode),
      trustName: cell(cells, columns.trustName),
      postcode: cell(cells, columns.postcode),
    };
  };
}
