import { statutoryOrganisationId, type ReferenceData } from '@safeguarding/shared';
import { Agency, AgencyKind, AgencySector, AgencyStatus } from './agency.entity';

/**
 * The statutory partners of every area, from data/reference: live LAs, the ICBs, England's forces;
 * and, CLOSED on their last day, the authorities abolished in a reorganisation whose DfE code no
 * live authority carries on (Cumbria 909), so that records still naming them resolve to a name.
 */
export function statutoryOrganisations(reference: ReferenceData): Agency[] {
  type Official = Pick<Agency, 'id' | 'name' | 'kind' | 'gssCode' | 'dfeCode' | 'odsCode'> & Partial<Pick<Agency, 'status' | 'closedOn'>>;
  const agency = (fields: Official) =>
    Object.assign(new Agency(), {
      ...fields,
      scheduleCategory: null,
      scheduleEntry: null,
      sector: AgencySector.STATUTORY,
      companiesHouseNumber: null,
      charityNumber: null,
      ofstedUrn: null,
      status: AgencyStatus.ACTIVE,
      openedOn: null,
      closedOn: null,
      ...fields,
    });
  const liveDfeCodes = new Set(reference.liveLocalAuthorities.map((la) => la.dfeCode));
  const retired = new Map(
    reference.localAuthorities
      .filter((la) => la.status !== 'live' && !liveDfeCodes.has(la.dfeCode))
      // the latest record of a code, should it have been reissued before it ended
      .sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1))
      .map((la) => [la.dfeCode, la]),
  );
  return [
    ...reference.liveLocalAuthorities.map((la) =>
      agency({
        id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }),
        name: la.name,
        kind: AgencyKind.LOCAL_AUTHORITY,
        gssCode: la.gssCode,
        dfeCode: la.dfeCode,
        odsCode: null,
      }),
    ),
    ...[...retired.values()].map((la) =>
      agency({
        id: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }),
        name: la.name,
        kind: AgencyKind.LOCAL_AUTHORITY,
        gssCode: la.gssCode,
        dfeCode: la.dfeCode,
        odsCode: null,
        status: AgencyStatus.CLOSED,
        closedOn: la.validTo,
      }),
    ),
    ...reference.integratedCareBoards.map((icb) =>
      agency({
        id: statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: icb.odsCode }),
        name: icb.name,
        kind: AgencyKind.INTEGRATED_CARE_BOARD,
        gssCode: icb.gssCode,
        dfeCode: null,
        odsCode: icb.odsCode,
        // a board merged away (April 2026) keeps its name for the records that name it
        ...(icb.validTo ? { status: AgencyStatus.CLOSED, closedOn: icb.validTo } : {}),
      }),
    ),
    ...reference.englishPoliceForceAreas.map((force) =>
      agency({
        id: statutoryOrganisationId({ kind: 'POLICE', gssCode: force.gssCode }),
        // The file names police areas, not forces; the partner is the area's chief officer of police.
        name: /police/i.test(force.name) ? force.name : `${force.name} police force`,
        kind: AgencyKind.POLICE,
        gssCode: force.gssCode,
        dfeCode: null,
        odsCode: null,
      }),
    ),
  ];
}
