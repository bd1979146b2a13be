import { demoIds, nameBasedId, type SubgraphRuntime } from '@safeguarding/shared';
import { Agency, AgencyKind, ScheduleCategory } from '../agency/agency.entity';
import { Designation } from '../designation/designation.entity';

// Fictional relevant agencies (demo ODS codes start with 9, which no real NHS trust code does).
const agencies = [
  { id: demoIds.agencies.sussexCommunityTrust, name: 'Sussex Community NHS Foundation Trust (demo)', category: ScheduleCategory.HEALTH_AND_SOCIAL_CARE, odsCode: '9DX' },
  { id: demoIds.agencies.universityHospitalsSussex, name: 'University Hospitals Sussex NHS Foundation Trust (demo)', category: ScheduleCategory.HEALTH_AND_SOCIAL_CARE, odsCode: '9YR' },
  { id: demoIds.agencies.probationKss, name: 'Probation Service, Kent Surrey and Sussex (demo)', category: ScheduleCategory.CRIMINAL_JUSTICE, odsCode: null },
  { id: demoIds.agencies.youthCharity, name: 'Downs Youth Trust (fictional charity)', category: ScheduleCategory.MISCELLANEOUS, odsCode: null },
];

export async function loadDemoData({ db, logger }: SubgraphRuntime): Promise<void> {
  await db.transaction(async (manager) => {
    for (const demo of agencies) {
      if (await manager.existsBy(Agency, { id: demo.id })) continue;
      await manager.insert(Agency, {
        id: demo.id,
        name: demo.name,
        kind: AgencyKind.RELEVANT_AGENCY,
        scheduleCategory: demo.category,
        gssCode: null,
        dfeCode: null,
        odsCode: demo.odsCode,
      });
      // The health trusts and probation serve all of Sussex; the charity works in Brighton & Hove only.
      const partnerships =
        demo.id === demoIds.agencies.youthCharity
          ? [demoIds.partnerships.brightonAndHove]
          : Object.values(demoIds.partnerships);
      await manager.insert(
        Designation,
        partnerships.map((partnershipId) => ({
          id: nameBasedId(`demo:designation:${partnershipId}:${demo.id}`),
          partnershipId,
          agencyId: demo.id,
          designatedFrom: '2019-09-29',
          designatedUntil: null,
          reason: 'Named in the published local safeguarding arrangements',
        })),
      );
      logger.info({ agency: demo.name }, 'demo agency loaded');
    }
  });
}
