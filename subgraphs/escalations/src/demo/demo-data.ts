import { demoIds, nameBasedId, statutoryOrganisationId, type SubgraphRuntime } from '@safeguarding/shared';
import {
  DisagreementIssueType,
  DisagreementStatus,
  ProfessionalDisagreement,
} from '../disagreement/professional-disagreement.entity';
import { defaultEscalationStages } from '../escalation-policy/default-escalation-stages';
import { EscalationStage } from '../escalation-policy/escalation-stage.entity';

const demoDisagreementId = nameBasedId('demo:disagreement:0001');

/** The default policy in each pan-Sussex partnership, and one fictional open disagreement in West Sussex. */
export async function loadDemoData({ db, calendar, logger }: SubgraphRuntime): Promise<void> {
  const defaults = defaultEscalationStages();
  await db.transaction(async (manager) => {
    for (const partnershipId of Object.values(demoIds.partnerships)) {
      if (await manager.existsBy(EscalationStage, { partnershipId })) continue;
      await manager.insert(
        EscalationStage,
        defaults.map((stage) => ({
          id: nameBasedId(`demo:escalation-stage:${partnershipId}:${stage.position}`),
          partnershipId,
          ...stage,
        })),
      );
      logger.info({ partnershipId }, 'demo escalation policy loaded');
    }

    if (await manager.existsBy(ProfessionalDisagreement, { id: demoDisagreementId })) return;
    const managers = defaults[1];
    if (!managers) throw new Error('the default escalation policy has no stage 2');
    const stageStartedOn = '2026-11-16';
    const due = calendar.addWorkingDays(stageStartedOn, managers.timescaleWorkingDays);
    await manager.insert(ProfessionalDisagreement, {
      id: demoDisagreementId,
      partnershipId: demoIds.partnerships.westSussex,
      caseReference: 'CASE-DEMO-0001',
      raisedByOrganisationId: demoIds.agencies.sussexCommunityTrust,
      raisedWithOrganisationId: statutoryOrganisationId({ kind: 'LOCAL_AUTHORITY', dfeCode: '938' }),
      issueType: DisagreementIssueType.THRESHOLD_OR_REFERRAL_DECISION,
      summary:
        'Health visitor disagrees with the decision that a referral did not meet the threshold for assessment (fictional)',
      childAtImmediateRisk: false,
      status: DisagreementStatus.OPEN,
      stagePosition: managers.position,
      stageName: managers.name,
      stageStartedOn,
      stageDueOn: due.due,
      stageDueRule: due.rule,
      stageDueProvisional: due.provisional,
      raisedOn: '2026-11-09',
      closedOn: null,
    });
    logger.info({ disagreementId: demoDisagreementId }, 'demo professional disagreement loaded');
  });
}
