import {
  inTransaction,
  demoIds,
  nameBasedId,
  statutoryOrganisationId,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import { Forum, PublishedArrangements } from '../arrangements/arrangements.entity';
import { YearlyReportContent } from '../yearly-report/yearly-report.content';
import { YearlyReport } from '../yearly-report/yearly-report.entity';
import {
  DelegatedSafeguardingPartner,
  PartnerKind,
  Partnership,
  PartnershipArea,
  PartnershipStatus,
  StatutoryPartner,
} from '../partnership/partnership.entity';

const sussexIcb = 'QNX';
const sussexPolice = 'E23000033';

// Fictional office holders: the offices are real kinds of office, the names are not real people.
const icbLead = {
  leadName: 'A. Example (demo)',
  leadOffice: 'Chief Executive, NHS Sussex ICB',
  leadNamedOn: '2023-12-15',
};
const policeLead = {
  leadName: 'B. Example (demo)',
  leadOffice: 'Chief Constable, Sussex Police',
  leadNamedOn: '2023-12-15',
};

/** The pan-Sussex arrangements: three partnerships sharing NHS Sussex ICB and Sussex Police. */
export async function loadDemoData({ db, reference, logger }: SubgraphRuntime): Promise<void> {
  const arrangements = [
    {
      id: demoIds.partnerships.brightonAndHove,
      name: 'Brighton & Hove Safeguarding Children Partnership',
      la: 'Brighton and Hove',
    },
    { id: demoIds.partnerships.eastSussex, name: 'East Sussex Safeguarding Children Partnership', la: 'East Sussex' },
    { id: demoIds.partnerships.westSussex, name: 'West Sussex Safeguarding Children Partnership', la: 'West Sussex' },
  ];
  await inTransaction(db, async (manager) => {
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
      const partner = (kind: PartnerKind, code: string, organisationId: string, lead: typeof icbLead) =>
        Object.assign(new StatutoryPartner(), {
          id: nameBasedId(`demo:partner:${arrangement.id}:${kind}`),
          partnershipId: arrangement.id,
          kind,
          code,
          organisationId,
          ...lead,
        });
      const laPartner = partner(
        PartnerKind.LOCAL_AUTHORITY,
        la.gssCode,
        statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode }),
        {
          leadName: `C. Example (demo, ${la.name})`,
          leadOffice: `Chief Executive, ${la.name} Council`,
          leadNamedOn: '2023-12-15',
        },
      );
      await manager.insert(StatutoryPartner, [
        laPartner,
        partner(
          PartnerKind.INTEGRATED_CARE_BOARD,
          sussexIcb,
          statutoryOrganisationId({ kind: 'INTEGRATED_CARE_BOARD', odsCode: sussexIcb }),
          icbLead,
        ),
        partner(
          PartnerKind.POLICE,
          sussexPolice,
          statutoryOrganisationId({ kind: 'POLICE', gssCode: sussexPolice }),
          policeLead,
        ),
      ]);
      await manager.insert(DelegatedSafeguardingPartner, {
        id: nameBasedId(`demo:dsp:${arrangement.id}`),
        partnerId: laPartner.id,
        name: `D. Example (demo, ${la.name})`,
        office: "Director of Children's Services",
        functions: ['Chairs the safeguarding partners executive', 'Signs off rapid reviews for the local authority'],
        delegatedFrom: '2024-04-01',
      });
      logger.info({ partnership: arrangement.name }, 'demo partnership loaded');
    }
    await loadYearlyReports(manager);
    await loadArrangements(manager);
  });
}

const allContent = Object.values(YearlyReportContent).filter((item) => item !== YearlyReportContent.RESTRAINT_REVIEW);

/** One complete, one sent late, one never published: each status a portal must show. */
async function loadYearlyReports(manager: import('typeorm').EntityManager): Promise<void> {
  const reports: YearlyReport[] = [
    {
      partnershipId: demoIds.partnerships.eastSussex,
      financialYearStart: 2024,
      publishedOn: '2025-09-30',
      sentToPanelOn: '2025-10-02',
      sentToFoundationsOn: '2025-10-07',
      contentPresent: allContent,
    },
    {
      partnershipId: demoIds.partnerships.westSussex,
      financialYearStart: 2024,
      publishedOn: '2025-09-24',
      sentToPanelOn: '2025-09-29',
      sentToFoundationsOn: '2025-10-06',
      contentPresent: allContent,
    },
    {
      partnershipId: demoIds.partnerships.westSussex,
      financialYearStart: 2025,
      publishedOn: '2026-09-28',
      sentToPanelOn: '2026-09-30',
      sentToFoundationsOn: '2026-10-02',
      contentPresent: [YearlyReportContent.PARTNER_ACTIVITY, YearlyReportContent.EFFECTIVENESS],
    },
    {
      partnershipId: demoIds.partnerships.brightonAndHove,
      financialYearStart: 2025,
      publishedOn: null,
      sentToPanelOn: null,
      sentToFoundationsOn: null,
      contentPresent: [],
    },
  ].map((report) =>
    Object.assign(new YearlyReport(), {
      ...report,
      id: nameBasedId(`demo:yearly-report:${report.partnershipId}:${report.financialYearStart}`),
      publicationUrl: report.publishedOn ? `https://example.org/demo/yearly-report-${report.financialYearStart}` : null,
      hasSecureEstablishment: false,
    }),
  );
  for (const report of reports) {
    if (!(await manager.existsBy(YearlyReport, { id: report.id }))) await manager.insert(YearlyReport, report);
  }
}

const demoSchools: Record<string, string[]> = {
  [demoIds.partnerships.brightonAndHove]: ['990001', '990002'],
  [demoIds.partnerships.eastSussex]: ['990003', '990004'],
  [demoIds.partnerships.westSussex]: ['990005', '990006'],
};

/** Each partnership's arrangements as published, signed off by its three lead partners. */
async function loadArrangements(manager: import('typeorm').EntityManager): Promise<void> {
  for (const partnershipId of Object.values(demoIds.partnerships)) {
    const id = nameBasedId(`demo:arrangements:${partnershipId}:1`);
    if (await manager.existsBy(PublishedArrangements, { id })) continue;
    const partner = (kind: PartnerKind) => nameBasedId(`demo:partner:${partnershipId}:${kind}`);
    const partnerIds = [PartnerKind.LOCAL_AUTHORITY, PartnerKind.INTEGRATED_CARE_BOARD, PartnerKind.POLICE].map(
      partner,
    );
    await manager.insert(PublishedArrangements, {
      id,
      partnershipId,
      version: 1,
      publishedOn: '2024-12-12',
      url: 'https://example.org/demo/arrangements-2024',
      signOffs: partnerIds.map((partnerId) => ({ partnerId, signedOn: '2024-12-10' })),
      relevantAgencyIds: [
        demoIds.agencies.sussexCommunityTrust,
        demoIds.agencies.universityHospitalsSussex,
        demoIds.agencies.probationKss,
      ],
      relevantSchoolUrns: demoSchools[partnershipId] ?? [],
      educationStrategic: 'A headteacher representative sits on the safeguarding partners executive (demo)',
      educationOperational: 'Designated safeguarding leads forum each term; education reps on every subgroup (demo)',
      scrutineer: 'E. Example, independent scrutineer (demo)',
      scrutinyFunctions: [
        'Challenges the partners on the effectiveness of the arrangements',
        'Facilitates escalation of disagreements',
        'Evaluates the yearly report',
      ],
      scrutinyReports: [
        {
          title: 'Independent scrutiny report 2024-25 (demo)',
          url: 'https://example.org/demo/scrutiny-2024-25',
          publishedOn: '2025-07-01',
        },
      ],
      childDeathReviewPartnerIds: [partner(PartnerKind.LOCAL_AUTHORITY), partner(PartnerKind.INTEGRATED_CARE_BOARD)],
      forums: [
        { forum: Forum.HEALTH_AND_WELLBEING_BOARD, name: 'Health and Wellbeing Board (demo)', url: null },
        { forum: Forum.SAFEGUARDING_ADULTS_BOARD, name: 'Safeguarding Adults Board (demo)', url: null },
        { forum: Forum.COMMUNITY_SAFETY_PARTNERSHIP, name: 'Safer Communities Partnership (demo)', url: null },
        { forum: Forum.MAPPA, name: 'Sussex MAPPA Strategic Management Board (demo)', url: null },
      ],
    });
  }
}
