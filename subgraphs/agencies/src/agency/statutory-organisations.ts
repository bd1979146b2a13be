import { statutoryOrganisationId, type ReferenceData } from '@safeguarding/shared';
import { Agency, AgencyKind, AgencySector, AgencyStatus } from './agency.entity';

/** The statutory partners of every area, from data/reference: live LAs, the ICBs, England's forces. */
export function statutoryOrganisations(reference: ReferenceData): Agency[] {
  type Official = Pick<Agency, 'id' | 'name' | 'kind' | 'gssCode' | 'dfeCode' | 'odsCode'>;
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
    });
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
    ...reference.integratedCareBoards.map((icb) =>
      agency({
        id: statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: icb.odsCode }),
        name: icb.name,
        kind: AgencyKind.INTEGRATED_CARE_BOARD,
        gssCode: icb.gssCode,
        dfeCode: null,
        odsCode: icb.odsCode,
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
