import {
  inTransaction,
  demoIds,
  nameBasedId,
  statutoryOrganisationId,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import {
  Agency,
  AgencyKind,
  AgencySector,
  AgencyStatus,
  ScheduleCategory,
  ScheduleEntry,
} from '../agency/agency.entity';
import { AgencyContact, AgencyContactRole } from '../contact/agency-contact.entity';
import { Designation } from '../designation/designation.entity';
import { defaultSection11Standards } from '../section11/default-section11-standards';
import {
  RagRating,
  Section11Action,
  Section11Rating,
  Section11Return,
  Section11Standard,
} from '../section11/section11.types';

// Fictional relevant agencies (demo ODS codes start with 9, which no real NHS trust code does;
// the charity and company numbers are outside the ranges issued).
const agencies = [
  {
    id: demoIds.agencies.sussexCommunityTrust,
    name: 'Sussex Community NHS Foundation Trust (demo)',
    entry: ScheduleEntry.NHS_FOUNDATION_TRUST,
    sector: AgencySector.STATUTORY,
    odsCode: '9DX',
    charityNumber: null,
    companiesHouseNumber: null,
  },
  {
    id: demoIds.agencies.universityHospitalsSussex,
    name: 'University Hospitals Sussex NHS Foundation Trust (demo)',
    entry: ScheduleEntry.NHS_FOUNDATION_TRUST,
    sector: AgencySector.STATUTORY,
    odsCode: '9YR',
    charityNumber: null,
    companiesHouseNumber: null,
  },
  {
    id: demoIds.agencies.probationKss,
    name: 'Probation Service, Kent Surrey and Sussex (demo)',
    entry: ScheduleEntry.PROBATION,
    sector: AgencySector.STATUTORY,
    odsCode: null,
    charityNumber: null,
    companiesHouseNumber: null,
  },
  {
    id: demoIds.agencies.youthCharity,
    name: 'Downs Youth Trust (fictional charity)',
    entry: ScheduleEntry.OTHER_MISCELLANEOUS,
    sector: AgencySector.CHARITY,
    odsCode: null,
    charityNumber: '9900001',
    companiesHouseNumber: '99000001',
  },
];

// Ofcom's drama range (01632 960000-960999): numbers that ring nowhere.
const localAuthorityContacts = [
  {
    dfeCode: '846',
    frontDoor: 'Front Door for Families, Brighton & Hove (demo)',
    frontDoorPhone: '01632 960101',
    edtPhone: '01632 960102',
  },
  {
    dfeCode: '845',
    frontDoor: "Children's Single Point of Advice, East Sussex (demo)",
    frontDoorPhone: '01632 960201',
    edtPhone: '01632 960202',
  },
  {
    dfeCode: '938',
    frontDoor: 'Integrated Front Door, West Sussex (demo)',
    frontDoorPhone: '01632 960301',
    edtPhone: '01632 960302',
  },
];

const demoYear = '2025-26';

/** Agencies, designations, contacts, West Sussex's section 11 standards and its 2025-26 returns; idempotent. */
export async function loadDemoData({ db, logger }: SubgraphRuntime): Promise<void> {
  await inTransaction(db, async (manager) => {
    for (const demo of agencies) {
      await manager.upsert(
        Agency,
        {
          id: demo.id,
          name: demo.name,
          kind: AgencyKind.RELEVANT_AGENCY,
          scheduleCategory:
            demo.entry === ScheduleEntry.PROBATION
              ? ScheduleCategory.CRIMINAL_JUSTICE
              : demo.entry === ScheduleEntry.OTHER_MISCELLANEOUS
                ? ScheduleCategory.MISCELLANEOUS
                : ScheduleCategory.HEALTH_AND_SOCIAL_CARE,
          scheduleEntry: demo.entry,
          sector: demo.sector,
          gssCode: null,
          dfeCode: null,
          odsCode: demo.odsCode,
          companiesHouseNumber: demo.companiesHouseNumber,
          charityNumber: demo.charityNumber,
          ofstedUrn: null,
          status: AgencyStatus.ACTIVE,
          openedOn: null,
          closedOn: null,
        },
        ['id'],
      );
      // The health trusts and probation serve all of Sussex; the charity works in Brighton & Hove only.
      const partnerships =
        demo.id === demoIds.agencies.youthCharity
          ? [demoIds.partnerships.brightonAndHove]
          : Object.values(demoIds.partnerships);
      for (const partnershipId of partnerships) {
        const id = nameBasedId(`demo:designation:${partnershipId}:${demo.id}`);
        if (await manager.existsBy(Designation, { id })) continue;
        await manager.insert(Designation, {
          id,
          partnershipId,
          agencyId: demo.id,
          designatedFrom: '2019-09-29',
          designatedUntil: null,
          reason: 'Named in the published local safeguarding arrangements',
          endReason: null,
        });
        logger.info({ agency: demo.name, partnershipId }, 'demo designation loaded');
      }
    }
    await loadContacts(manager);
    await loadSection11(manager);
  });
}

async function insertContact(manager: EntityManager, contact: Omit<AgencyContact, 'id' | 'updatedOn'>): Promise<void> {
  const id = nameBasedId(`demo:contact:${contact.agencyId}:${contact.role}`);
  if (await manager.existsBy(AgencyContact, { id })) return;
  await manager.insert(AgencyContact, { id, updatedOn: '2026-04-01', ...contact });
}

async function loadContacts(manager: EntityManager): Promise<void> {
  for (const la of localAuthorityContacts) {
    const agencyId = statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: la.dfeCode });
    await insertContact(manager, {
      agencyId,
      role: AgencyContactRole.CHILDRENS_SOCIAL_CARE_FRONT_DOOR,
      name: la.frontDoor,
      telephone: la.frontDoorPhone,
      email: null,
      hours: 'Mon-Thu 8:30-17:00, Fri 8:30-16:30',
    });
    await insertContact(manager, {
      agencyId,
      role: AgencyContactRole.EMERGENCY_DUTY_TEAM,
      name: 'Sussex Emergency Duty Service (demo)',
      telephone: la.edtPhone,
      email: null,
      hours: 'Evenings, nights, weekends and bank holidays',
    });
    await insertContact(manager, {
      agencyId,
      role: AgencyContactRole.SAFEGUARDING_LEAD,
      name: 'Head of Safeguarding (demo post)',
      telephone: la.frontDoorPhone.replace(/01$/, '09'),
      email: null,
      hours: null,
    });
  }
  await insertContact(manager, {
    agencyId: demoIds.agencies.sussexCommunityTrust,
    role: AgencyContactRole.SAFEGUARDING_LEAD,
    name: 'Named Nurse for Safeguarding Children (demo post)',
    telephone: '01632 960401',
    email: 'safeguarding@community-trust.example',
    hours: 'Mon-Fri 9:00-17:00',
  });
}

/**
 * West Sussex has configured the default standards; two of its three designated agencies returned
 * for 2025-26 (probation has not), and the community trust's training action is overdue.
 */
async function loadSection11(manager: EntityManager): Promise<void> {
  const partnershipId = demoIds.partnerships.westSussex;
  const standards = defaultSection11Standards();
  if (!(await manager.existsBy(Section11Standard, { partnershipId }))) {
    await manager.insert(
      Section11Standard,
      standards.map((standard, index) => ({
        id: nameBasedId(`demo:s11-standard:${partnershipId}:${standard.key}`),
        partnershipId,
        position: index + 1,
        ...standard,
      })),
    );
  }
  const returns = [
    {
      agencyId: demoIds.agencies.sussexCommunityTrust,
      submittedOn: '2026-02-27',
      amber: {
        TRAINING: {
          description: 'Bring level 3 safeguarding training compliance to 90% (fictional)',
          owner: 'Named Nurse for Safeguarding Children',
          dueOn: '2026-03-31',
          completedOn: null,
        },
        INFORMATION_SHARING: {
          description: 'Brief all health visiting teams on the information sharing protocol (fictional)',
          owner: "Head of Children's Services",
          dueOn: '2026-06-30',
          completedOn: '2026-06-12',
        },
      } as Record<string, { description: string; owner: string; dueOn: string; completedOn: string | null }>,
    },
    {
      agencyId: demoIds.agencies.universityHospitalsSussex,
      submittedOn: '2026-03-13',
      amber: {
        LISTENING_TO_CHILDREN: {
          description: "Add a young people's feedback route to paediatric outpatients (fictional)",
          owner: 'Patient Experience Lead',
          dueOn: '2027-03-31',
          completedOn: null,
        },
      } as Record<string, { description: string; owner: string; dueOn: string; completedOn: string | null }>,
    },
  ];
  for (const demo of returns) {
    const returnId = nameBasedId(`demo:s11-return:${partnershipId}:${demo.agencyId}:${demoYear}`);
    if (await manager.existsBy(Section11Return, { id: returnId })) continue;
    await manager.insert(Section11Return, {
      id: returnId,
      partnershipId,
      agencyId: demo.agencyId,
      financialYear: demoYear,
      submittedOn: demo.submittedOn,
    });
    for (const [index, standard] of standards.entries()) {
      const action = demo.amber[standard.key];
      const ratingId = nameBasedId(`demo:s11-rating:${returnId}:${standard.key}`);
      await manager.insert(Section11Rating, {
        id: ratingId,
        returnId,
        partnershipId,
        agencyId: demo.agencyId,
        standardKey: standard.key,
        standardTitle: standard.title,
        position: index + 1,
        rating: action ? RagRating.AMBER : RagRating.GREEN,
        evidence: action
          ? 'Partly met: see the action (fictional evidence)'
          : 'Met: policy, audit and training records (fictional evidence)',
      });
      if (action) {
        await manager.insert(Section11Action, {
          id: nameBasedId(`demo:s11-action:${ratingId}`),
          ratingId,
          partnershipId,
          agencyId: demo.agencyId,
          financialYear: demoYear,
          standardKey: standard.key,
          ...action,
        });
      }
    }
  }
}
