import { StatutoryDirectory, type ReferenceData } from '@safeguarding/shared';
import { Agency, AgencyKind, AgencySector, AgencyStatus } from './agency.entity';

/**
 * The statutory partners of every area, as the shared directory knows them from data/reference:
 * live LAs, the ICBs, England's forces; and, CLOSED on their last day, the organisations that ended
 * (Cumbria 909, a board merged away), so that records still naming them resolve to a name.
 */
export function statutoryOrganisations(reference: ReferenceData): Agency[] {
  return StatutoryDirectory.of(reference).organisations.map((entry) =>
    Object.assign(new Agency(), {
      id: entry.id,
      name: entry.name,
      kind: AgencyKind[entry.kind],
      gssCode: entry.gssCode,
      dfeCode: entry.dfeCode,
      odsCode: entry.odsCode,
      scheduleCategory: null,
      scheduleEntry: null,
      sector: AgencySector.STATUTORY,
      companiesHouseNumber: null,
      charityNumber: null,
      ofstedUrn: null,
      status: entry.ceasedOn ? AgencyStatus.CLOSED : AgencyStatus.ACTIVE,
      openedOn: null,
      closedOn: entry.ceasedOn,
    }),
  );
}
