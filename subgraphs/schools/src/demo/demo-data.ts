import { inTransaction, demoClients, demoIds, nameBasedId, type SubgraphRuntime } from '@safeguarding/shared';
import { SchoolDelegation } from '../delegation/delegation.entity';
import {
  EducationRepresentationLevel,
  EducationRepresentative,
} from '../representation/education-representative.entity';
import { SafeguardingLead, SafeguardingLeadRole } from '../safeguarding-lead/safeguarding-lead.entity';
import { SchoolDesignation } from '../school/school-designation.entity';
import { School, SchoolPhase, SchoolStatus } from '../school/school.entity';
import { Trust } from '../trust/trust.entity';

const trust = { uid: '99001', name: 'Downland Learning Trust (demo)', companiesHouseNumber: '09999001' };

const maintained = { establishmentTypeGroup: 'Local authority maintained schools', trustUid: null };
// Fictional establishments (URNs 99xxxx are not issued by GIAS), two in each pan-Sussex area.
const schools = [
  {
    urn: '990001',
    name: 'Seaview Primary School (demo)',
    laestab: '8462001',
    phase: SchoolPhase.PRIMARY,
    partnershipId: demoIds.partnerships.brightonAndHove,
    establishmentType: 'Community school',
    ...maintained,
    postcode: 'BN1 1ZZ',
  },
  {
    urn: '990002',
    name: 'Chalk Cliff High School (demo)',
    laestab: '8464001',
    phase: SchoolPhase.SECONDARY,
    partnershipId: demoIds.partnerships.brightonAndHove,
    establishmentType: 'Academy converter',
    establishmentTypeGroup: 'Academies',
    trustUid: trust.uid,
    postcode: 'BN2 1ZZ',
  },
  {
    urn: '990003',
    name: 'Shingle Bay Primary School (demo)',
    laestab: '8452001',
    phase: SchoolPhase.PRIMARY,
    partnershipId: demoIds.partnerships.eastSussex,
    establishmentType: 'Voluntary controlled school',
    ...maintained,
    postcode: 'TN34 1ZZ',
  },
  {
    urn: '990004',
    name: 'Wealdview Academy (demo)',
    laestab: '8454001',
    phase: SchoolPhase.SECONDARY,
    partnershipId: demoIds.partnerships.eastSussex,
    establishmentType: 'Academy sponsor led',
    establishmentTypeGroup: 'Academies',
    trustUid: trust.uid,
    postcode: 'TN22 1ZZ',
  },
  {
    urn: '990005',
    name: 'Harbourside Nursery School (demo)',
    laestab: '9381001',
    phase: SchoolPhase.NURSERY,
    partnershipId: demoIds.partnerships.westSussex,
    establishmentType: 'LA nursery school',
    ...maintained,
    postcode: 'PO19 1ZZ',
  },
  {
    urn: '990006',
    name: 'Downsway All-Through School (demo)',
    laestab: '9384001',
    phase: SchoolPhase.ALL_THROUGH,
    partnershipId: demoIds.partnerships.westSussex,
    establishmentType: 'Foundation school',
    ...maintained,
    postcode: 'RH12 1ZZ',
  },
];

// 990006 has no DSL and 990003's deputy last trained in 2022, so the flags have something to show.
const leads = [
  {
    urn: '990001',
    name: 'Priya Shah (demo)',
    role: SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD,
    jobTitle: 'Deputy headteacher',
    lastTrainedOn: '2025-09-03',
  },
  {
    urn: '990001',
    name: 'Tom Hollis (demo)',
    role: SafeguardingLeadRole.DEPUTY,
    jobTitle: 'Inclusion lead',
    lastTrainedOn: '2025-01-15',
  },
  {
    urn: '990002',
    name: 'Grace Okafor (demo)',
    role: SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD,
    jobTitle: 'Assistant headteacher',
    lastTrainedOn: '2024-11-20',
  },
  {
    urn: '990003',
    name: 'Martin Reeve (demo)',
    role: SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD,
    jobTitle: 'Headteacher',
    lastTrainedOn: '2025-03-12',
  },
  {
    urn: '990003',
    name: 'Alice Dunn (demo)',
    role: SafeguardingLeadRole.DEPUTY,
    jobTitle: 'SENCO',
    lastTrainedOn: '2022-05-10',
  },
  {
    urn: '990004',
    name: 'Sam Patel (demo)',
    role: SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD,
    jobTitle: 'Vice principal',
    lastTrainedOn: '2025-06-30',
  },
  {
    urn: '990005',
    name: 'Helen Marsh (demo)',
    role: SafeguardingLeadRole.DESIGNATED_SAFEGUARDING_LEAD,
    jobTitle: 'Head of centre',
    lastTrainedOn: '2024-09-01',
  },
];

const representatives = Object.values(demoIds.partnerships).flatMap((partnershipId) => [
  {
    partnershipId,
    level: EducationRepresentationLevel.STRATEGIC,
    forum: 'Safeguarding partnership executive',
    name: 'Dr Ruth Bell (demo)',
    role: 'Director of education',
    represents: 'all schools and colleges',
    urn: null,
  },
  {
    partnershipId,
    level: EducationRepresentationLevel.OPERATIONAL,
    forum: 'Education safeguarding group',
    name: 'Priya Shah (demo)',
    role: 'DSL, Seaview Primary School (demo)',
    represents: 'primary DSLs',
    urn: '990001',
  },
]);

const demoDelegatingSchools = ['990001', '990002'];

/** Six fictional schools designated since the arrangements began, a trust, their DSLs and education's representatives. */
export async function loadDemoData({ db, logger }: SubgraphRuntime): Promise<void> {
  await inTransaction(db, async (manager) => {
    if (!(await manager.existsBy(Trust, { uid: trust.uid }))) await manager.insert(Trust, { ...trust });
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
        schoolName: school.name,
        designatedFrom: '2019-09-29',
        designatedUntil: null,
      });
      logger.info({ urn: school.urn }, 'demo school loaded');
    }
    for (const lead of leads) {
      const id = nameBasedId(`demo:safeguarding-lead:${lead.urn}:${lead.name}`);
      if (await manager.existsBy(SafeguardingLead, { id })) continue;
      await manager.insert(SafeguardingLead, { id, ...lead, email: null, phone: null });
    }
    // The demo MIS supplier acts for two Brighton & Hove schools, delegated by their DSLs; not for Shingle Bay.
    for (const urn of demoDelegatingSchools) {
      const id = nameBasedId(`demo:school-delegation:${urn}:${demoClients.misVendor}`);
      if (await manager.existsBy(SchoolDelegation, { id })) continue;
      await manager.insert(SchoolDelegation, {
        id,
        urn,
        clientId: demoClients.misVendor,
        grantedAt: '2026-09-01T08:00:00.000Z',
        grantedBy: `demo:${urn}-dsl`,
        revokedAt: null,
        revokedBy: null,
      });
    }
    for (const representative of representatives) {
      const id = nameBasedId(`demo:education-representative:${representative.partnershipId}:${representative.level}`);
      if (await manager.existsBy(EducationRepresentative, { id })) continue;
      await manager.insert(EducationRepresentative, { id, ...representative });
    }
  });
}
