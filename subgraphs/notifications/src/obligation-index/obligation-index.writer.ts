import type { EntityManager } from 'typeorm';
import {
  obligationEventTypes,
  type DomainEvent,
  type ObligationAudience,
  type ObligationEventPayload,
} from '@safeguarding/shared';
import { anyRole, ObligationAudienceEntry } from './obligation-audience.entity';
import { IndexedObligation } from './indexed-obligation.entity';

export function isObligationEvent(event: Pick<DomainEvent, 'type' | 'entityType'>): boolean {
  return event.entityType === 'Obligation' && (obligationEventTypes as readonly string[]).includes(event.type);
}

/**
 * Applies one obligation event to the index inside the intake's transaction. Each event carries the
 * whole obligation as its owner now holds it, so the newest sequence wins and an older one, arriving
 * late or again, is ignored: the index converges whatever the order of delivery.
 */
export async function applyObligationEvent(manager: EntityManager, event: DomainEvent): Promise<'applied' | 'stale'> {
  const payload = event.payload as unknown as ObligationEventPayload;
  const repository = manager.getRepository(IndexedObligation);
  const existing = await repository.findOne({
    where: { id: payload.obligationId },
    select: { id: true, sequence: true },
  });
  if (existing && Number(existing.sequence) >= event.sequence) return 'stale';
  const entries = audienceEntries(payload.obligationId, payload.audience);
  const row = repository.create({
    id: payload.obligationId,
    source: event.source,
    kind: payload.kind,
    aboutType: payload.about.type,
    aboutId: payload.about.id,
    occurrence: payload.occurrence ?? '',
    ownerOrganisationId: payload.owner.organisationId,
    ownerOrganisationKind: payload.owner.organisationKind ?? null,
    ownerPartnershipId: payload.owner.partnershipId,
    owedTo: payload.owedTo,
    owedToKind: payload.owedToKind ?? null,
    due: payload.deadline.due,
    rule: payload.deadline.rule,
    basis: payload.deadline.basis,
    provisional: payload.deadline.provisional,
    status: payload.status,
    metOn: payload.metOn,
    ...ownerAdmission(payload.owner, entries),
    sequence: event.sequence,
    changedAt: event.occurredAt,
  });
  await repository.save(row);
  await manager.delete(ObligationAudienceEntry, { obligationId: row.id });
  if (entries.length > 0) await manager.insert(ObligationAudienceEntry, entries);
  return 'applied';
}

/** The audience as rows; a clause whose other half is empty admits nobody and is left out. */
export function audienceEntries(obligationId: string, audience: ObligationAudience): ObligationAudienceEntry[] {
  const entries: ObligationAudienceEntry[] = [];
  const add = (clause: ObligationAudienceEntry['clause'], values: readonly string[], groupIndex = 0) => {
    for (const value of new Set(values))
      entries.push(ObligationAudienceEntry.of(obligationId, clause, value, groupIndex));
  };
  const groups = [
    { organisationIds: audience.organisationIds, organisationRoles: audience.organisationRoles },
    ...(audience.organisationGroups ?? []),
  ];
  for (const [groupIndex, group] of groups.entries()) {
    if (group.organisationIds.length === 0) continue;
    add('ORGANISATION', group.organisationIds, groupIndex);
    add('ORGANISATION_ROLE', group.organisationRoles.length > 0 ? group.organisationRoles : [anyRole], groupIndex);
  }
  if (audience.partnershipIds.length > 0 && audience.partnershipRoles.length > 0) {
    add('PARTNERSHIP', audience.partnershipIds);
    add('PARTNERSHIP_ROLE', audience.partnershipRoles);
  }
  add('NATIONAL_ROLE', audience.nationalRoles);
  return entries;
}

/** Whether the audience rows name the owning organisation (in any group) and the owning partnership. */
export function ownerAdmission(
  owner: { readonly organisationId: string | null; readonly partnershipId: string | null },
  entries: readonly ObligationAudienceEntry[],
): { ownerOrganisationAdmitted: boolean; ownerPartnershipAdmitted: boolean } {
  return {
    ownerOrganisationAdmitted: entries.some(
      (entry) => entry.clause === 'ORGANISATION' && entry.value === owner.organisationId,
    ),
    ownerPartnershipAdmitted: entries.some(
      (entry) => entry.clause === 'PARTNERSHIP' && entry.value === owner.partnershipId,
    ),
  };
}
