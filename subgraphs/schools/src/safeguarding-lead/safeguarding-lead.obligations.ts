import { createHash } from 'node:crypto';
import {
  dslTrainingBasis,
  dslTrainingDeadline,
  Role,
  settleObligations,
  type DesiredObligation,
  type Obligation,
  type ObligationAudience,
  type WorkingDayCalendar,
} from '@safeguarding/shared';
import type { EntityManager } from 'typeorm';
import { schoolsSource } from '../file-transfer/file-transfer.obligations';
import type { SafeguardingLead } from './safeguarding-lead.entity';

/**
 * Exactly who reads a school's safeguarding leads (SafeguardingLeadRepository.ofSchools): anyone
 * signed in, since practitioners need to reach a school's DSL; so every role, wherever it acts.
 */
export const safeguardingLeadAudience: ObligationAudience = {
  organisationIds: [],
  organisationRoles: [],
  partnershipIds: [],
  partnershipRoles: [],
  nationalRoles: Object.values(Role),
};

/**
 * One duty per person and training cycle, about the school: leads are replaced as a list, so a
 * person is known by a digest of their name within the school (never the name itself), and each
 * cycle by the due date it runs to. Training again meets the cycle before; a person no longer
 * listed has their open cycle cancelled.
 */
function occurrence(lead: SafeguardingLead, cycle: string): string {
  const person = createHash('sha256')
    .update(`${lead.urn}:${lead.name.trim().toLowerCase()}`)
    .digest('hex')
    .slice(0, 16);
  return `${person}:${cycle}`;
}

const personOf = (row: Obligation) => row.occurrence.split(':')[0] ?? '';

/**
 * What a school's leads owe now. With no training recorded the duty is due at once: due on the
 * day it was first found untrained (kept from the ledger, so it does not move every day).
 */
export function dslTrainingObligations(
  leads: readonly SafeguardingLead[],
  existing: readonly Obligation[],
  calendar: WorkingDayCalendar,
  today: string,
): DesiredObligation[] {
  const desired: DesiredObligation[] = [];
  for (const lead of leads) {
    const base = {
      kind: 'DSL_TRAINING' as const,
      about: { type: 'School', id: lead.urn },
      owner: { organisationId: lead.urn, organisationKind: 'SCHOOL' as const, partnershipId: null },
    };
    const common = {
      ...base,
      owedTo: 'PARTNERSHIP',
      owedToKind: null,
      basis: dslTrainingBasis,
      audience: safeguardingLeadAudience,
    };
    const untrained = occurrence(lead, 'none');
    if (lead.lastTrainedOn === null) {
      const found = existing.find((row) => row.occurrence === untrained);
      const due = found?.due ?? today;
      desired.push({
        draft: {
          ...common,
          occurrence: untrained,
          deadline: { due, rule: `no DSL training recorded: due at once, from ${due}`, provisional: false },
        },
        metOn: null,
      });
      continue;
    }
    const deadline = dslTrainingDeadline(lead.lastTrainedOn, calendar);
    const current = occurrence(lead, deadline.due);
    desired.push({ draft: { ...common, occurrence: current, deadline }, metOn: null });
    // Earlier cycles of this person still open were met by this training.
    const person = current.split(':')[0];
    for (const row of existing) {
      if (row.status !== 'OPEN' || row.occurrence === current || personOf(row) !== person) continue;
      const earlier: DesiredObligation['draft'] = {
        ...common,
        occurrence: row.occurrence,
        deadline: { due: row.due, rule: row.rule, provisional: Boolean(row.provisional) },
      };
      desired.push({ draft: earlier, metOn: lead.lastTrainedOn });
    }
  }
  return desired;
}

/** Settles a school's DSL training duties, cancelling those of people no longer listed. */
export function settleDslTrainingObligations(
  manager: EntityManager,
  at: Date,
  desired: readonly DesiredObligation[],
  existing: readonly Obligation[],
  urns: ReadonlySet<string>,
): Promise<void> {
  return settleObligations(manager, schoolsSource, at, desired, {
    existing,
    cancelStale: (row) => row.kind === 'DSL_TRAINING' && urns.has(row.entityId),
  });
}
