import { demoIds, newId, statutoryOrganisationId, type SubgraphRuntime } from '@safeguarding/shared';
import { PartnerKind, Partnership, PartnershipArea, PartnershipStatus, StatutoryPartner } from '../partnership/partnership.entity';

const sussexIcb = 'QNX';
const sussexPolice = 'E23000033';

/** The pan-Sussex arrangements: three partnerships sharing NHS Sussex ICB and Sussex Police. */
export async function loadDemoData({ db, reference, logger }: SubgraphRuntime): Promise<void> {
  const arrangements = [
    { id: demoIds.partnerships.brightonAndHove, name: 'Brighton & Hove Safeguarding Children Partnership', la: 'Brighton and Hove' },
    { id: demoIds.partnerships.eastSussex, name: 'East Sussex Safeguarding Children Partnership', la: 'East Sussex' },
    { id: demoIds.partnerships.westSussex, name: 'West Sussex Safeguarding Children Partnership', la: 'West Sussex' },
  ];
  await db.transaction(async (manager) => {
    for (const arrangement of arrangements) {
      if (await manager.existsBy(Partnership, { id: arrangement.id })) continue;
      const la = reference.liveLocalAuthorityByName(arrangement.la);
      await manager.insert(Partnership, {
        id: arrangement.id,
        name: arrangement.name,
        status: PartnershipStatus.ACTIVE,
        activeFrom: '2019-09-29',
        dissolvedOn: null,
      });
      await manager.insert(PartnershipArea, { partnershipId: arrangement.id, localAuthorityGssCode: la.gssCode });
      const partners: Array<Omit<StatutoryPartner, 'organisation' | 'partnership'>> = [
        { id: newId(), partnershipId: arrangement.id, kind: PartnerKind.LOCAL_AUTHORITY, code: la.gssCode, organisationId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }) },
        { id: newId(), partnershipId: arrangement.id, kind: PartnerKind.INTEGRATED_CARE_BOARD, code: sussexIcb, organisationId: statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: sussexIcb }) },
        { id: newId(), partnershipId: arrangement.id, kind: PartnerKind.POLICE, code: sussexPolice, organisationId: statutoryOrganisationId({ kind: 'POLICE', gssCode: sussexPolice }) },
      ];
      await manager.insert(StatutoryPartner, partners);
      logger.info({ partnership: arrangement.name }, 'demo partnership loaded');
    }
  });
}
