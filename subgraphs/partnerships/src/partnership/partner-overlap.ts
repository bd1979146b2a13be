import type { ReferenceData } from '@safeguarding/shared';

/**
 * Children Act 2004 s16E: the safeguarding partners for a local authority area are the LA, an ICB
 * "for an area any part of which falls within the local authority area" and the chief officer of
 * police for a police area any part of which falls within it. s16Q defines the child death review
 * partners (the LA and such an ICB) by the same overlap. The overlaps come from
 * data/reference/local-authority-partners.csv; boards are taken as they stand on `on`.
 */
export interface OverlapShortfall {
  /** Which kind of partner is missing or out of area. */
  readonly kind: 'INTEGRATED_CARE_BOARD' | 'POLICE';
  /** The LA whose area lacks a qualifying partner, or null when a named partner overlaps none of the footprint. */
  readonly localAuthorityGssCode: string | null;
  /** The partner code named that overlaps nothing in the footprint, when that is the shortfall. */
  readonly outOfAreaCode: string | null;
  /** Codes that would qualify (for that LA, or for any LA of the footprint). */
  readonly qualifying: readonly string[];
  readonly message: string;
}

export function overlappingBoards(reference: ReferenceData, laGssCode: string, on: string): string[] {
  const partners = reference.partnersOf(laGssCode, on);
  const live = new Set(reference.integratedCareBoardsOn(on).map((icb) => icb.odsCode));
  return (partners?.integratedCareBoards ?? []).map((board) => board.icbOdsCode).filter((code) => live.has(code));
}

export function overlappingForces(reference: ReferenceData, laGssCode: string): string[] {
  return [...(reference.partnersOf(laGssCode)?.policeForceGssCodes ?? [])];
}

function laLabel(reference: ReferenceData, gssCode: string): string {
  const record = reference.localAuthorityByGss(gssCode);
  return record ? `${gssCode} (${record.name})` : gssCode;
}

function boardLabel(reference: ReferenceData, odsCode: string): string {
  const record = reference.integratedCareBoards.find((icb) => icb.odsCode === odsCode);
  return record ? `${odsCode} (${record.name})` : odsCode;
}

function forceLabel(reference: ReferenceData, gssCode: string): string {
  const record = reference.policeForceAreaByGss(gssCode);
  return record ? `${gssCode} (${record.name})` : gssCode;
}

/**
 * Every LA of the footprint needs an overlapping ICB and police force among the partners, and
 * every ICB or force named must overlap at least one LA of the footprint. Empty when all hold.
 */
export function partnerOverlapShortfalls(
  reference: ReferenceData,
  footprint: readonly string[],
  boards: readonly string[],
  forces: readonly string[],
  on: string,
): OverlapShortfall[] {
  const shortfalls: OverlapShortfall[] = [];
  const boardsNamed = new Set(boards);
  const forcesNamed = new Set(forces);
  const anyBoard = new Set<string>();
  const anyForce = new Set<string>();
  for (const la of footprint) {
    const qualifyingBoards = overlappingBoards(reference, la, on);
    const qualifyingForces = overlappingForces(reference, la);
    qualifyingBoards.forEach((code) => anyBoard.add(code));
    qualifyingForces.forEach((code) => anyForce.add(code));
    if (!qualifyingBoards.some((code) => boardsNamed.has(code))) {
      shortfalls.push({
        kind: 'INTEGRATED_CARE_BOARD',
        localAuthorityGssCode: la,
        outOfAreaCode: null,
        qualifying: qualifyingBoards,
        message: `no ICB partner for ${laLabel(reference, la)}: one of ${qualifyingBoards.map((c) => boardLabel(reference, c)).join(', ') || 'none listed'} would qualify (Children Act 2004 s16E)`,
      });
    }
    if (!qualifyingForces.some((code) => forcesNamed.has(code))) {
      shortfalls.push({
        kind: 'POLICE',
        localAuthorityGssCode: la,
        outOfAreaCode: null,
        qualifying: qualifyingForces,
        message: `no police partner for ${laLabel(reference, la)}: ${qualifyingForces.map((c) => forceLabel(reference, c)).join(', ') || 'none listed'} would qualify (Children Act 2004 s16E)`,
      });
    }
  }
  const footprintLabel = footprint.map((la) => laLabel(reference, la)).join(', ');
  for (const code of boards) {
    if (!anyBoard.has(code)) {
      shortfalls.push({
        kind: 'INTEGRATED_CARE_BOARD',
        localAuthorityGssCode: null,
        outOfAreaCode: code,
        qualifying: [...anyBoard],
        message: `${boardLabel(reference, code)} covers no part of ${footprintLabel}: ${[...anyBoard].map((c) => boardLabel(reference, c)).join(', ')} would qualify (Children Act 2004 s16E)`,
      });
    }
  }
  for (const code of forces) {
    if (!anyForce.has(code)) {
      shortfalls.push({
        kind: 'POLICE',
        localAuthorityGssCode: null,
        outOfAreaCode: code,
        qualifying: [...anyForce],
        message: `${forceLabel(reference, code)} covers no part of ${footprintLabel}: ${[...anyForce].map((c) => forceLabel(reference, c)).join(', ')} would qualify (Children Act 2004 s16E)`,
      });
    }
  }
  return shortfalls;
}

/** s16Q: each LA named as a child death review partner needs an overlapping ICB named with it, and no ICB from elsewhere. */
export function childDeathOverlapShortfalls(
  reference: ReferenceData,
  localAuthorities: readonly string[],
  boards: readonly string[],
  on: string,
): { readonly boardIndex: number | null; readonly message: string }[] {
  const shortfalls: { boardIndex: number | null; message: string }[] = [];
  const any = new Set<string>();
  for (const la of localAuthorities) {
    const qualifying = overlappingBoards(reference, la, on);
    qualifying.forEach((code) => any.add(code));
    if (!qualifying.some((code) => boards.includes(code))) {
      shortfalls.push({
        boardIndex: null,
        message: `no ICB child death review partner for ${laLabel(reference, la)}: one of ${qualifying.map((c) => boardLabel(reference, c)).join(', ') || 'none listed'} would qualify (Children Act 2004 s16Q)`,
      });
    }
  }
  boards.forEach((code, index) => {
    if (!any.has(code)) {
      shortfalls.push({
        boardIndex: index,
        message: `${boardLabel(reference, code)} covers no part of the child death review area: ${[...any].map((c) => boardLabel(reference, c)).join(', ')} would qualify (Children Act 2004 s16Q)`,
      });
    }
  });
  return shortfalls;
}
