import { demoIds, nameBasedId, type SubgraphRuntime } from '@safeguarding/shared';
import { SchoolDesignation } from '../school/school-designation.entity';
import { School, SchoolPhase, SchoolStatus } from '../school/school.entity';

// Fictional establishments (URNs 99xxxx are not issued by GIAS), two in each pan-Sussex area.
const schools = [
  { urn: '990001', name: 'Seaview Primary School (demo)', laestab: '8462001', phase: SchoolPhase.PRIMARY, partnershipId: demoIds.partnerships.brightonAndHove },
  { urn: '990002', name: 'Chalk Cliff High School (demo)', laestab: '8464001', phase: SchoolPhase.SECONDARY, partnershipId: demoIds.partnerships.brightonAndHove },
  { urn: '990003', name: 'Shingle Bay Primary School (demo)', laestab: '8452001', phase: SchoolPhase.PRIMARY, partnershipId: demoIds.partnerships.eastSussex },
  { urn: '990004', name: 'Wealdview Academy (demo)', laestab: '8454001', phase: SchoolPhase.SECONDARY, partnershipId: demoIds.partnerships.eastSussex },
  { urn: '990005', name: 'Harbourside Nursery School (demo)', laestab: '9381001', phase: SchoolPhase.NURSERY, partnershipId: demoIds.partnerships.westSussex },
  { urn: '990006', name: 'Downsway All-Through School (demo)', laestab: '9384001', phase: SchoolPhase.ALL_THROUGH, partnershipId: demoIds.partnerships.westSussex },
];

/** Six fictional schools, each designated by its area's partnership since the arrangements began. */
export async function loadDemoData({ db, logger }: SubgraphRuntime): Promise<void> {
  await db.transaction(async (manager) => {
    for (const { partnershipId, ...school } of schools) {
      if (await manager.existsBy(School, { urn: school.urn })) continue;
      await manager.insert(School, {
        ...school,
        localAuthorityDfeCode: school.laestab.slice(0, 3),
        status: SchoolStatus.OPEN,
        ukprn: null,
      });
      await manager.insert(SchoolDesignation, {
        id: nameBasedId(`demo:school-designation:${school.urn}`),
        partnershipId,
        urn: school.urn,
        designatedFrom: '2019-09-29',
        designatedUntil: null,
      });
      logger.info({ urn: school.urn }, 'demo school loaded');
    }
  });
}
