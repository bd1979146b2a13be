import { createHash } from 'node:crypto';
import {
  demoIdentities,
  nameBasedId,
  statutoryOrganisationId,
  todayInLondon,
  type Identity,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import {
  ConcernCategory,
  EarlyHelpIndicator,
  Referral,
  ReferralConsent,
  ReferralDecision,
  ReferralLawfulBasis,
  ReferralStatus,
  ReferralUrgency,
  ReferrerKind,
} from '../referral/referral.entity';

interface DemoReferral {
  readonly key: string;
  readonly by: Identity;
  readonly practitionerRole: string;
  readonly childReference: string;
  readonly nhsNumber: string | null;
  readonly homeLocalAuthorityGssCode: string;
  readonly concernCategories: ConcernCategory[];
  readonly significantHarm: boolean;
  readonly earlyHelpIndicators: EarlyHelpIndicator[];
  readonly consent: ReferralConsent;
  readonly consentReason: string | null;
  readonly receivedAt: string;
  readonly acknowledgedAt: string | null;
  readonly decided: { at: string; decision: ReferralDecision; feedback: string } | null;
}

/** Fictional referrals to the Sussex authorities: one decided, one immediate, one overdue, one pending. */
const demoReferrals: readonly DemoReferral[] = [
  {
    key: '0001',
    by: demoIdentities['sussex-health-visitor']!,
    practitionerRole: 'Health visitor',
    childReference: 'CHILD-DEMO-0001',
    nhsNumber: '9434765919',
    homeLocalAuthorityGssCode: 'E10000032',
    concernCategories: [ConcernCategory.NEGLECT],
    significantHarm: false,
    earlyHelpIndicators: [EarlyHelpIndicator.LIVES_WITH_DRUG_OR_ALCOHOL_MISUSE],
    consent: ReferralConsent.OBTAINED,
    consentReason: null,
    receivedAt: '2026-11-16T09:15:00.000Z',
    acknowledgedAt: '2026-11-16T11:00:00.000Z',
    decided: {
      at: '2026-11-17T15:00:00.000Z',
      decision: ReferralDecision.EARLY_HELP,
      feedback: 'Family offered an early help assessment by the family hub (fictional)',
    },
  },
  {
    key: '0002',
    by: demoIdentities['seaview-primary-dsl']!,
    practitionerRole: 'Designated safeguarding lead',
    childReference: 'PUPIL-DEMO-0002',
    nhsNumber: null,
    homeLocalAuthorityGssCode: 'E06000043',
    concernCategories: [ConcernCategory.DOMESTIC_ABUSE, ConcernCategory.EMOTIONAL_ABUSE],
    significantHarm: false,
    earlyHelpIndicators: [],
    consent: ReferralConsent.NOT_SOUGHT,
    consentReason: 'Telling the parent could put the child at greater risk of harm (fictional)',
    receivedAt: '2026-11-19T14:00:00.000Z',
    acknowledgedAt: '2026-11-19T15:30:00.000Z',
    decided: null,
  },
  {
    key: '0003',
    by: demoIdentities['sussex-police-officer']!,
    practitionerRole: 'Police constable',
    childReference: 'POL-DEMO-0003',
    nhsNumber: null,
    homeLocalAuthorityGssCode: 'E10000011',
    concernCategories: [ConcernCategory.CHILD_CRIMINAL_EXPLOITATION, ConcernCategory.COUNTY_LINES],
    significantHarm: true,
    earlyHelpIndicators: [EarlyHelpIndicator.FREQUENTLY_MISSING_FROM_CARE_OR_HOME],
    consent: ReferralConsent.REFUSED_OVERRIDDEN,
    consentReason: 'The child is at risk of significant harm from exploitation (fictional)',
    receivedAt: '2026-11-20T22:40:00.000Z',
    acknowledgedAt: '2026-11-20T22:55:00.000Z',
    decided: {
      at: '2026-11-20T23:30:00.000Z',
      decision: ReferralDecision.SECTION_47_STRATEGY_DISCUSSION,
      feedback: 'Strategy discussion held overnight with police and health (fictional)',
    },
  },
  {
    key: '0004',
    by: demoIdentities['sussex-health-visitor']!,
    practitionerRole: 'Health visitor',
    childReference: 'CHILD-DEMO-0004',
    nhsNumber: null,
    homeLocalAuthorityGssCode: 'E10000032',
    concernCategories: [ConcernCategory.PHYSICAL_ABUSE],
    significantHarm: false,
    earlyHelpIndicators: [EarlyHelpIndicator.YOUNG_CARER],
    consent: ReferralConsent.OBTAINED,
    consentReason: null,
    receivedAt: '2026-11-20T11:00:00.000Z',
    acknowledgedAt: null,
    decided: null,
  },
];

/** Idempotent: each demo referral has a name-based id and is written once. */
export async function loadDemoReferrals(manager: EntityManager, calendar: SubgraphRuntime['calendar']): Promise<void> {
  for (const demo of demoReferrals) {
    const id = nameBasedId(`demo:referral:${demo.key}`);
    if (await manager.existsBy(Referral, { id })) continue;
    const authority = demoAuthority(demo.homeLocalAuthorityGssCode);
    const receivedOn = todayInLondon(new Date(demo.receivedAt));
    const due = demo.significantHarm
      ? { due: receivedOn, rule: `immediately: on the day of receipt, ${receivedOn}`, provisional: false }
      : calendar.addWorkingDays(receivedOn, 1);
    const status = demo.decided
      ? ReferralStatus.DECIDED
      : demo.acknowledgedAt
        ? ReferralStatus.ACKNOWLEDGED
        : ReferralStatus.RECEIVED;
    const row: Referral = Object.assign(new Referral(), {
      id,
      idempotencyKey: `demo-referral-${demo.key}`,
      contentHash: createHash('sha256').update(JSON.stringify(demo)).digest('hex'),
      referrerOrganisationId: demo.by.organisation.id,
      referrerKind: demo.by.organisation.kind === 'SCHOOL' ? ReferrerKind.SCHOOL : ReferrerKind.AGENCY,
      practitionerSubject: demo.by.subject,
      practitionerName: null,
      practitionerRole: demo.practitionerRole,
      childReference: demo.childReference,
      nhsNumber: demo.nhsNumber,
      homeLocalAuthorityGssCode: demo.homeLocalAuthorityGssCode,
      receivingLocalAuthorityGssCode: demo.homeLocalAuthorityGssCode,
      receivingAuthorityId: authority,
      concernCategories: demo.concernCategories,
      significantHarm: demo.significantHarm,
      urgency: demo.significantHarm ? ReferralUrgency.IMMEDIATE : ReferralUrgency.WITHIN_ONE_WORKING_DAY,
      earlyHelpIndicators: demo.earlyHelpIndicators,
      lawfulBasis: ReferralLawfulBasis.PUBLIC_TASK,
      consent: demo.consent,
      consentReason: demo.consentReason,
      receivedAt: demo.receivedAt,
      receivedOn,
      dueOn: due.due,
      dueRule: due.rule,
      dueProvisional: due.provisional,
      status,
      acknowledgedAt: demo.acknowledgedAt,
      acknowledgedOn: demo.acknowledgedAt ? todayInLondon(new Date(demo.acknowledgedAt)) : null,
      decision: demo.decided?.decision ?? null,
      decidedAt: demo.decided?.at ?? null,
      decidedOn: demo.decided ? todayInLondon(new Date(demo.decided.at)) : null,
      feedback: demo.decided?.feedback ?? null,
      respondedBy: demo.acknowledgedAt ? 'demo:duty-social-worker' : null,
      possibleDuplicateOfId: null,
    });
    await manager.insert(Referral, row);
  }
}

const sussexDfeCodes: Record<string, string> = { E10000032: '938', E10000011: '845', E06000043: '846' };

function demoAuthority(gssCode: string): string {
  const dfeCode = sussexDfeCodes[gssCode];
  if (!dfeCode) throw new Error(`no demo authority for ${gssCode}`);
  return statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode });
}
