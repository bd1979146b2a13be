import { BadUserInputError } from './errors';
import { statutoryOrganisationId } from './ids';
import type { LocalAuthorityRecord, ReferenceData } from './reference-data';

export type StatutoryPartnerKind = 'LOCAL_AUTHORITY' | 'INTEGRATED_CARE_BOARD' | 'POLICE';

/** An organisation that can be a safeguarding partner (Children Act 2004 s16E), known from the reference data. */
export interface StatutoryOrganisationEntry {
  readonly id: string;
  readonly kind: StatutoryPartnerKind;
  readonly name: string;
  readonly gssCode: string;
  readonly dfeCode: string | null;
  readonly odsCode: string | null;
  /** Its last day; null while it exists. */
  readonly ceasedOn: string | null;
  /** The live organisations that took over its area (after a split, several). */
  readonly successors: readonly StatutoryOrganisationEntry[];
}

/**
 * Every statutory partner by the id the agencies subgraph gives it, so a subgraph that only holds
 * ids (escalations, reviews) can tell whether an organisation named in an input is a statutory
 * partner and whether it still exists, without asking another subgraph. An LA's id follows its DfE
 * code, so an authority only recoded (Barnsley 2025) keeps its id and never ceases; one whose code no
 * live authority carries on (Cumbria 909) ceases on its last day. Other agencies are registered in
 * the agencies subgraph and are not known here.
 */
export class StatutoryDirectory {
  private static readonly cache = new WeakMap<ReferenceData, StatutoryDirectory>();

  static of(reference: ReferenceData): StatutoryDirectory {
    let directory = StatutoryDirectory.cache.get(reference);
    if (!directory) {
      directory = new StatutoryDirectory(reference);
      StatutoryDirectory.cache.set(reference, directory);
    }
    return directory;
  }

  readonly organisations: readonly StatutoryOrganisationEntry[];
  private readonly byIdIndex: Map<string, StatutoryOrganisationEntry>;

  private constructor(reference: ReferenceData) {
    const live = reference.liveLocalAuthorities.map((la): StatutoryOrganisationEntry => ({
      id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }),
      kind: 'LOCAL_AUTHORITY',
      name: la.name,
      gssCode: la.gssCode,
      dfeCode: la.dfeCode,
      odsCode: null,
      ceasedOn: null,
      successors: [],
    }));
    const liveByGss = new Map(live.map((entry) => [entry.gssCode, entry]));
    const liveDfeCodes = new Set(live.map((entry) => entry.dfeCode));
    const retired = new Map(
      reference.localAuthorities
        .filter((la) => la.status !== 'live' && !liveDfeCodes.has(la.dfeCode))
        // the latest record of a code, should it have been reissued before it ended
        .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
        .map((la) => [la.dfeCode, la]),
    );
    const ceasedAuthorities = [...retired.values()].map((la): StatutoryOrganisationEntry => ({
      id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }),
      kind: 'LOCAL_AUTHORITY',
      name: la.name,
      gssCode: la.gssCode,
      dfeCode: la.dfeCode,
      odsCode: null,
      ceasedOn: la.validTo,
      successors: reference
        .currentLocalAuthorities(la.gssCode)
        .flatMap((successor) => liveByGss.get(successor.gssCode) ?? [])
        .sort((a, b) => a.name.localeCompare(b.name)),
    }));
    const boards = reference.integratedCareBoards.map((icb): StatutoryOrganisationEntry => ({
      id: statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: icb.odsCode }),
      kind: 'INTEGRATED_CARE_BOARD',
      name: icb.name,
      gssCode: icb.gssCode,
      dfeCode: null,
      odsCode: icb.odsCode,
      // The file says when a board ended, not which took over: no successors are guessed.
      ceasedOn: icb.validTo,
      successors: [],
    }));
    const forces = reference.englishPoliceForceAreas.map((force): StatutoryOrganisationEntry => ({
      id: statutoryOrganisationId({ kind: 'POLICE', gssCode: force.gssCode }),
      kind: 'POLICE',
      // The file names police areas, not forces; the partner is the area's chief officer of police.
      name: /police/i.test(force.name) ? force.name : `${force.name} police force`,
      gssCode: force.gssCode,
      dfeCode: null,
      odsCode: null,
      ceasedOn: force.validTo,
      successors: [],
    }));
    this.organisations = [...live, ...ceasedAuthorities, ...boards, ...forces];
    this.byIdIndex = new Map(this.organisations.map((entry) => [entry.id, entry]));
  }

  byId(id: string): StatutoryOrganisationEntry | undefined {
    return this.byIdIndex.get(id.trim().toLowerCase());
  }

  isStatutoryPartner(id: string): boolean {
    return this.byId(id) !== undefined;
  }

  /** The entry when the organisation had ceased to exist by `on` (its last day before it). */
  ceasedBy(id: string, on: string): StatutoryOrganisationEntry | undefined {
    const entry = this.byId(id);
    return entry?.ceasedOn !== null && entry?.ceasedOn !== undefined && entry.ceasedOn < on ? entry : undefined;
  }

  /**
   * Refuses an input naming a statutory partner that had ceased by `on`, naming the field, the
   * organisation (a public body, not personal data) and where its duties went.
   */
  requireNotCeased(id: string | null | undefined, field: string, on: string, what = 'it'): void {
    if (!id) return;
    const ceased = this.ceasedBy(id, on);
    if (!ceased) return;
    const successors = ceased.successors.map((s) => (s.dfeCode ? `${s.name} (${s.dfeCode})` : s.name));
    const onward =
      successors.length === 0
        ? 'name the organisation that took on its duties'
        : successors.length === 1
          ? `name its successor, ${successors[0]}`
          : `name the successor for the child's area, one of ${successors.join(', ')}`;
    throw new BadUserInputError(field, `${ceased.name} ended on ${ceased.ceasedOn}, before ${what}: ${onward}`);
  }
}

/**
 * The authority a record dated `on` names: the code itself while it was live on that day; after a
 * recode or merge, its one successor; after a split, a refusal naming the successor codes, since
 * only the person recording knows which part of the old area it concerns.
 */
export function localAuthorityOn(
  reference: ReferenceData,
  gssCode: string,
  on: string,
  field: string,
): LocalAuthorityRecord {
  const record = reference.localAuthorityByGss(gssCode);
  if (!record) throw new BadUserInputError(field, 'is not the GSS code of an English local authority');
  if (record.validTo === null || record.validTo >= on) return record;
  const current = reference.currentLocalAuthority(gssCode);
  if (current) return current;
  const successors = reference.currentLocalAuthorities(gssCode);
  throw new BadUserInputError(
    field,
    `${gssCode} (${record.name}) ended on ${record.validTo}, before ${on}: name the authority for the child's area, one of ${successors.map((la) => `${la.gssCode} (${la.name})`).join(', ')}`,
  );
}
