import {
  inTransaction,
  AccessScope,
  demoIdentities,
  demoIds,
  nameBasedId,
  statutoryOrganisationId,
  type Identity,
  type SubgraphRuntime,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import {
  DisagreementIssueType,
  DisagreementPartyKind,
  DisagreementStatus,
  ProfessionalDisagreement,
} from '../disagreement/professional-disagreement.entity';
import {
  EscalationEvent,
  EscalationEventKind,
  EscalationStreamType,
} from '../escalation-event/escalation-event.entity';
import { EscalationEventRepository, type EscalationEventDraft } from '../escalation-event/escalation-event.repository';
import { defaultEscalationStages, defaultPolicySettings } from '../escalation-policy/default-escalation-stages';
import { EscalationStage } from '../escalation-policy/escalation-stage.entity';
import {
  NationalEscalation,
  NationalEscalationMatter,
  NationalEscalationRecipient,
  NationalEscalationStatus,
} from '../national-escalation/national-escalation.entity';
import { loadDemoReferrals } from './referral-demo-data';

const council = (dfeCode: string) => statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode });
const sussexPolice = statutoryOrganisationId({ kind: 'POLICE', gssCode: 'E23000033' });

/** A person acting for an organisation in a demo step, where no demo identity fits. */
function actor(subject: string, organisationId: string, kind: Identity['organisation']['kind']): Identity {
  return { subject, organisation: { id: organisationId, kind }, roles: [], partnershipIds: [] };
}
const healthVisitor = demoIdentities['sussex-health-visitor']!;
const policeOfficer = demoIdentities['sussex-police-officer']!;
const seaviewDsl = demoIdentities['seaview-primary-dsl']!;
const scrutineer = demoIdentities['west-sussex-scrutineer']!;
const panelMember = demoIdentities['panel-member']!;

type Step =
  | { kind: 'escalate'; on: string; by: Identity; reason: string }
  | {
      kind: 'resolve';
      on: string;
      by: Identity;
      outcome: string;
      actions: Array<{ description: string; ownerOrganisationId: string; dueOn: string }>;
    }
  | { kind: 'withdraw'; on: string; by: Identity; reason: string }
  | { kind: 'learning'; on: string; by: Identity; note: string };

interface DemoDisagreement {
  readonly key: string;
  readonly partnershipId: string;
  readonly caseReference: string;
  readonly raisedBy: Identity;
  readonly raisedWith: { id: string; kind: DisagreementPartyKind };
  readonly issueType: DisagreementIssueType;
  readonly summary: string;
  readonly raisedOn: string;
  readonly steps: readonly Step[];
}

/** Fictional disagreements at several stages across pan-Sussex; 0001 was the first demo case and keeps its id. */
const demoDisagreements: readonly DemoDisagreement[] = [
  {
    key: '0001',
    partnershipId: demoIds.partnerships.westSussex,
    caseReference: 'CASE-DEMO-0001',
    raisedBy: healthVisitor,
    raisedWith: { id: council('938'), kind: DisagreementPartyKind.AGENCY },
    issueType: DisagreementIssueType.THRESHOLD_OR_REFERRAL_DECISION,
    summary:
      'Health visitor disagrees with the decision that a referral did not meet the threshold for assessment (fictional)',
    raisedOn: '2026-11-09',
    steps: [
      {
        kind: 'escalate',
        on: '2026-11-16',
        by: healthVisitor,
        reason: 'Practitioners could not agree within the working week',
      },
    ],
  },
  {
    key: '0002',
    partnershipId: demoIds.partnerships.eastSussex,
    caseReference: 'CASE-DEMO-0002',
    raisedBy: actor('demo:uhsussex-safeguarding-nurse', demoIds.agencies.universityHospitalsSussex, 'RELEVANT_AGENCY'),
    raisedWith: { id: council('845'), kind: DisagreementPartyKind.AGENCY },
    issueType: DisagreementIssueType.INFORMATION_SHARING,
    summary:
      'Hospital safeguarding nurse was not told the outcome of a strategy discussion about an infant (fictional)',
    raisedOn: '2026-11-18',
    steps: [],
  },
  {
    key: '0003',
    partnershipId: demoIds.partnerships.brightonAndHove,
    caseReference: 'CASE-DEMO-0003',
    raisedBy: actor('demo:probation-officer', demoIds.agencies.probationKss, 'RELEVANT_AGENCY'),
    raisedWith: { id: council('846'), kind: DisagreementPartyKind.AGENCY },
    issueType: DisagreementIssueType.CHILD_PROTECTION_PLAN,
    summary:
      'Probation disagrees with stepping a child protection plan down while a risk assessment is outstanding (fictional)',
    raisedOn: '2026-10-26',
    steps: [
      {
        kind: 'escalate',
        on: '2026-11-02',
        by: actor('demo:probation-officer', demoIds.agencies.probationKss, 'RELEVANT_AGENCY'),
        reason: 'No agreement between practitioners',
      },
      {
        kind: 'escalate',
        on: '2026-11-09',
        by: actor('demo:probation-manager', demoIds.agencies.probationKss, 'RELEVANT_AGENCY'),
        reason: 'Managers could not agree; named leads asked to review',
      },
    ],
  },
  {
    key: '0004',
    partnershipId: demoIds.partnerships.eastSussex,
    caseReference: 'CASE-DEMO-0004',
    raisedBy: policeOfficer,
    raisedWith: { id: demoIds.agencies.youthCharity, kind: DisagreementPartyKind.AGENCY },
    issueType: DisagreementIssueType.PROVISION_OF_SERVICES,
    summary:
      'Police disagree with the closure of a mentoring service to a young person at risk of exploitation (fictional)',
    raisedOn: '2026-09-14',
    steps: [
      {
        kind: 'escalate',
        on: '2026-09-21',
        by: policeOfficer,
        reason: 'Service closure went ahead before the practitioners met',
      },
      {
        kind: 'resolve',
        on: '2026-09-24',
        by: actor('demo:downs-youth-trust-manager', demoIds.agencies.youthCharity, 'RELEVANT_AGENCY'),
        outcome: 'Mentoring reinstated for three months with a joint review',
        actions: [
          {
            description: 'Reinstate mentoring sessions',
            ownerOrganisationId: demoIds.agencies.youthCharity,
            dueOn: '2026-09-30',
          },
          { description: 'Joint review of exploitation risk', ownerOrganisationId: sussexPolice, dueOn: '2026-12-18' },
        ],
      },
      {
        kind: 'learning',
        on: '2026-09-25',
        by: policeOfficer,
        note: 'Closure decisions for young people at risk of exploitation should be shared with the police before they take effect',
      },
    ],
  },
  {
    key: '0005',
    partnershipId: demoIds.partnerships.westSussex,
    caseReference: 'CASE-DEMO-0005',
    raisedBy: actor('demo:uhsussex-paediatrician', demoIds.agencies.universityHospitalsSussex, 'RELEVANT_AGENCY'),
    raisedWith: { id: demoIds.agencies.youthCharity, kind: DisagreementPartyKind.AGENCY },
    issueType: DisagreementIssueType.OTHER,
    summary: "Paediatrician questioned a youth worker's attendance at a clinic appointment (fictional)",
    raisedOn: '2026-10-12',
    steps: [
      {
        kind: 'withdraw',
        on: '2026-10-14',
        by: actor('demo:uhsussex-paediatrician', demoIds.agencies.universityHospitalsSussex, 'RELEVANT_AGENCY'),
        reason: 'Attendance had been agreed with the family; no disagreement',
      },
    ],
  },
  {
    key: '0006',
    partnershipId: demoIds.partnerships.brightonAndHove,
    caseReference: 'CASE-DEMO-0006',
    raisedBy: seaviewDsl,
    raisedWith: { id: council('846'), kind: DisagreementPartyKind.AGENCY },
    issueType: DisagreementIssueType.THRESHOLD_OR_REFERRAL_DECISION,
    summary:
      "School DSL disagrees that a referral about a pupil's neglect was below the threshold for assessment (fictional)",
    raisedOn: '2026-11-19',
    steps: [],
  },
];

const nationalEscalationId = nameBasedId('demo:national-escalation:0001');

/** The default policy in each pan-Sussex partnership, the demo disagreements with their histories, one national escalation, and the demo referrals. */
export async function loadDemoData({ db, calendar, logger }: SubgraphRuntime): Promise<void> {
  const defaults = defaultEscalationStages();
  const settings = defaultPolicySettings(defaults.length);
  await inTransaction(db, async (manager) => {
    for (const partnershipId of Object.values(demoIds.partnerships)) {
      if (await manager.existsBy(EscalationStage, { partnershipId })) continue;
      await manager.insert(
        EscalationStage,
        defaults.map((stage) => ({
          id: nameBasedId(`demo:escalation-stage:${partnershipId}:${stage.position}`),
          partnershipId,
          ...stage,
          actsOnImmediateRisk: stage.position === settings.immediateRiskStagePosition,
          scrutineerFacilitates: stage.position === settings.partnershipStagePosition,
        })),
      );
      logger.info({ partnershipId }, 'demo escalation policy loaded');
    }

    const events = new EscalationEventRepository(manager, AccessScope.anonymous);
    for (const demo of demoDisagreements) {
      const id = nameBasedId(`demo:disagreement:${demo.key}`);
      if (await manager.existsBy(ProfessionalDisagreement, { id })) {
        // A database loaded before histories existed gets the demo history once.
        if (await manager.existsBy(EscalationEvent, { streamId: id })) continue;
      }
      const { row, drafts } = replay(id, demo, calendar);
      if (!(await manager.existsBy(ProfessionalDisagreement, { id })))
        await manager.insert(ProfessionalDisagreement, row);
      else await manager.update(ProfessionalDisagreement, { id }, { lastEventSequence: row.lastEventSequence });
      for (const draft of drafts) await events.append(draft);
      logger.info({ disagreementId: id }, 'demo professional disagreement loaded');
    }

    await loadNationalEscalation(manager, events);
    await loadDemoReferrals(manager, calendar);
  });
}

/** Plays a demo disagreement's steps through the default policy: its row as it stands now, and its events. */
function replay(
  id: string,
  demo: DemoDisagreement,
  calendar: SubgraphRuntime['calendar'],
): { row: ProfessionalDisagreement; drafts: EscalationEventDraft[] } {
  const stages = defaultEscalationStages();
  const stageAt = (position: number) => {
    const stage = stages[position - 1];
    if (!stage) throw new Error(`the default escalation policy has no stage ${position}`);
    return stage;
  };
  const draft = (
    by: Identity,
    on: string,
    kind: EscalationEventKind,
    details: Partial<EscalationEventDraft>,
  ): EscalationEventDraft => ({
    streamType: EscalationStreamType.PROFESSIONAL_DISAGREEMENT,
    streamId: id,
    partnershipId: demo.partnershipId,
    kind,
    occurredAt: `${on}T10:00:00.000Z`,
    occurredOn: on,
    occurredOnSource: null,
    subject: by.subject,
    organisationId: by.organisation.id,
    organisationKind: by.organisation.kind,
    fromStage: null,
    toStage: null,
    stageName: null,
    stageDueOn: null,
    stageDueRule: null,
    stageDueProvisional: null,
    reason: null,
    outcome: null,
    agreedActionsJson: null,
    ...details,
  });
  const first = stageAt(1);
  let due = calendar.addWorkingDays(demo.raisedOn, first.timescaleWorkingDays);
  const row = Object.assign(new ProfessionalDisagreement(), {
    id,
    partnershipId: demo.partnershipId,
    caseReference: demo.caseReference,
    raisedByOrganisationId: demo.raisedBy.organisation.id,
    raisedByKind:
      demo.raisedBy.organisation.kind === 'SCHOOL' ? DisagreementPartyKind.SCHOOL : DisagreementPartyKind.AGENCY,
    raisedWithOrganisationId: demo.raisedWith.id,
    raisedWithKind: demo.raisedWith.kind,
    issueType: demo.issueType,
    summary: demo.summary,
    childAtImmediateRisk: false,
    status: DisagreementStatus.OPEN,
    stagePosition: 1,
    stageName: first.name,
    stageStartedOn: demo.raisedOn,
    stageDueOn: due.due,
    stageDueRule: due.rule,
    stageDueProvisional: due.provisional,
    raisedOn: demo.raisedOn,
    closedOn: null,
    lastEventSequence: 0,
  });
  const drafts = [
    draft(demo.raisedBy, demo.raisedOn, EscalationEventKind.RAISED, {
      toStage: 1,
      stageName: first.name,
      stageDueOn: due.due,
      stageDueRule: due.rule,
      stageDueProvisional: due.provisional,
    }),
  ];
  for (const step of demo.steps) {
    switch (step.kind) {
      case 'escalate': {
        const next = stageAt(row.stagePosition + 1);
        due = calendar.addWorkingDays(step.on, next.timescaleWorkingDays);
        drafts.push(
          draft(step.by, step.on, EscalationEventKind.ESCALATED, {
            fromStage: row.stagePosition,
            toStage: next.position,
            stageName: next.name,
            stageDueOn: due.due,
            stageDueRule: due.rule,
            stageDueProvisional: due.provisional,
            reason: step.reason,
          }),
        );
        Object.assign(row, {
          stagePosition: next.position,
          stageName: next.name,
          stageStartedOn: step.on,
          stageDueOn: due.due,
          stageDueRule: due.rule,
          stageDueProvisional: due.provisional,
        });
        break;
      }
      case 'resolve':
        drafts.push(
          draft(step.by, step.on, EscalationEventKind.RESOLVED, {
            fromStage: row.stagePosition,
            outcome: step.outcome,
            agreedActionsJson: JSON.stringify(step.actions),
          }),
        );
        Object.assign(row, { status: DisagreementStatus.RESOLVED, closedOn: step.on });
        break;
      case 'withdraw':
        drafts.push(
          draft(step.by, step.on, EscalationEventKind.WITHDRAWN, { fromStage: row.stagePosition, reason: step.reason }),
        );
        Object.assign(row, { status: DisagreementStatus.WITHDRAWN, closedOn: step.on });
        break;
      case 'learning':
        drafts.push(draft(step.by, step.on, EscalationEventKind.LEARNING_NOTE, { reason: step.note }));
        break;
      default: {
        const unhandled: never = step;
        throw new Error(`unhandled demo step ${JSON.stringify(unhandled)}`);
      }
    }
  }
  row.lastEventSequence = drafts.length;
  return { row, drafts };
}

/** West Sussex's scrutineer escalates a late yearly report to the Secretary of State; the Panel has acknowledged it. */
async function loadNationalEscalation(manager: EntityManager, events: EscalationEventRepository): Promise<void> {
  if (await manager.existsBy(NationalEscalation, { id: nationalEscalationId })) return;
  const partnershipId = demoIds.partnerships.westSussex;
  const summary =
    'The yearly report for 2025 to 2026 was not published by the end of September; the partners have not agreed a date (fictional)';
  await manager.insert(NationalEscalation, {
    id: nationalEscalationId,
    partnershipId,
    escalatedTo: NationalEscalationRecipient.SECRETARY_OF_STATE,
    matter: NationalEscalationMatter.YEARLY_REPORT_NOT_PUBLISHED,
    summary,
    status: NationalEscalationStatus.ACKNOWLEDGED,
    raisedByOrganisationId: scrutineer.organisation.id,
    raisedOn: '2026-10-05',
    acknowledgedOn: '2026-10-08',
    closedOn: null,
    lastEventSequence: 2,
  });
  const base = {
    streamType: EscalationStreamType.NATIONAL_ESCALATION,
    streamId: nationalEscalationId,
    partnershipId,
    fromStage: null,
    toStage: null,
    stageName: null,
    stageDueOn: null,
    stageDueRule: null,
    stageDueProvisional: null,
    outcome: null,
    agreedActionsJson: null,
    occurredOnSource: null,
  };
  const by = (identity: Identity) => ({
    subject: identity.subject,
    organisationId: identity.organisation.id,
    organisationKind: identity.organisation.kind,
  });
  await events.append({
    ...base,
    ...by(scrutineer),
    kind: EscalationEventKind.RAISED,
    occurredAt: '2026-10-05T10:00:00.000Z',
    occurredOn: '2026-10-05',
    reason: summary,
  });
  await events.append({
    ...base,
    ...by(panelMember),
    kind: EscalationEventKind.ACKNOWLEDGED,
    occurredAt: '2026-10-08T10:00:00.000Z',
    occurredOn: '2026-10-08',
    reason: 'Received; the Department has asked the partners for a publication date',
  });
}
