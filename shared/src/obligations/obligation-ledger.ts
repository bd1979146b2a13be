import type { EntityManager } from 'typeorm';
import type { Deadline } from '../calendar';
import { recordEvent } from '../events/outbox';
import { nameBasedId } from '../ids';
import type { ObligationAudience } from './obligation-audience';
import { Obligation, type ObligationOrganisationKind, type ObligationStatus } from './obligation.entity';
import type { ObligationKind, ObligationRecipient } from './obligation-kind';

/** Identifies one duty: its kind, what it is about and, where several exist, which one. */
export interface ObligationRef {
  readonly kind: ObligationKind;
  readonly about: { readonly type: string; readonly id: string };
  readonly occurrence?: string;
}

export interface ObligationDraft extends ObligationRef {
  readonly owner: {
    readonly organisationId: string | null;
    /** The kind of `organisationId`; null when no organisation owes it alone. */
    readonly organisationKind: ObligationOrganisationKind | null;
    readonly partnershipId: string | null;
  };
  /** A recipient, or the id of the organisation the duty is owed to. */
  readonly owedTo: ObligationRecipient | string;
  /** The kind of organisation `owedTo` names; null when it is a recipient. */
  readonly owedToKind: ObligationOrganisationKind | null;
  readonly deadline: Deadline;
  /** Statute, guidance or local policy the rule comes from, as the schema cites it. */
  readonly basis: string;
  readonly audience: ObligationAudience;
}

/** What every obligation event carries: thin, no child identifier and no free text. */
export interface ObligationEventPayload extends Record<string, unknown> {
  readonly obligationId: string;
  readonly kind: ObligationKind;
  readonly about: { readonly type: string; readonly id: string };
  readonly occurrence: string;
  readonly owner: {
    readonly organisationId: string | null;
    /** Absent from events written before the kind was carried. */
    readonly organisationKind?: ObligationOrganisationKind | null;
    readonly partnershipId: string | null;
  };
  readonly owedTo: string;
  /** Absent from events written before the kind was carried. */
  readonly owedToKind?: ObligationOrganisationKind | null;
  readonly deadline: {
    readonly due: string;
    readonly rule: string;
    readonly basis: string;
    readonly provisional: boolean;
  };
  readonly status: ObligationStatus;
  readonly metOn: string | null;
  readonly audience: ObligationAudience;
}

export const obligationEventTypes = [
  'obligation.opened',
  'obligation.changed',
  'obligation.met',
  'obligation.cancelled',
] as const;
export type ObligationEventType = (typeof obligationEventTypes)[number];

export function obligationId(source: string, ref: ObligationRef): string {
  return nameBasedId(`obligation:${source}:${ref.kind}:${ref.about.type}:${ref.about.id}:${ref.occurrence ?? ''}`);
}

/**
 * Opens, moves, meets and cancels obligations inside the caller's transaction, writing the event
 * that tells the notifications service in the same transaction. Writes nothing when nothing changed,
 * so a subgraph may recompute an obligation as often as it likes (after each change, at start-up).
 */
export class ObligationLedger {
  constructor(
    readonly manager: EntityManager,
    /** The subgraph that owns the duties; part of each obligation's id. */
    readonly source: string,
    readonly at: Date,
  ) {}

  /** Opens the duty, or updates it if its deadline, owner or audience changed; reopens one met or cancelled. */
  async open(draft: ObligationDraft): Promise<Obligation> {
    const repository = this.manager.getRepository(Obligation);
    const id = obligationId(this.source, draft);
    const existing = await repository.findOneBy({ id });
    const row = obligationRow(id, draft, existing, this.at);
    if (existing && sameObligation(existing, row)) return existing;
    await repository.save(row);
    await this.tell(existing ? 'obligation.changed' : 'obligation.opened', row);
    return row;
  }

  /** Records the duty done on `metOn` (an ISO date); nothing if it is not open. */
  async meet(ref: ObligationRef, metOn: string): Promise<Obligation | null> {
    return this.close(ref, 'MET', metOn);
  }

  /** The duty no longer applies (its subject was withdrawn or superseded); nothing if it is not open. */
  async cancel(ref: ObligationRef): Promise<Obligation | null> {
    return this.close(ref, 'CANCELLED', null);
  }

  private async close(
    ref: ObligationRef,
    status: 'MET' | 'CANCELLED',
    metOn: string | null,
  ): Promise<Obligation | null> {
    const repository = this.manager.getRepository(Obligation);
    const existing = await repository.findOneBy({ id: obligationId(this.source, ref) });
    if (!existing || existing.status !== 'OPEN') return existing;
    existing.status = status;
    existing.metOn = metOn;
    existing.updatedAt = this.at.toISOString();
    await repository.save(existing);
    await this.tell(status === 'MET' ? 'obligation.met' : 'obligation.cancelled', existing);
    return existing;
  }

  private async tell(type: ObligationEventType, row: Obligation): Promise<void> {
    await recordEvent<ObligationEventPayload>(this.manager, {
      type,
      entityType: 'Obligation',
      entityId: row.id,
      occurredAt: this.at,
      payload: obligationPayload(row),
    });
  }
}

/** The row a draft makes, kept opened when it was first opened. */
export function obligationRow(id: string, draft: ObligationDraft, existing: Obligation | null, at: Date): Obligation {
  return Object.assign(new Obligation(), {
    id,
    kind: draft.kind,
    entityType: draft.about.type,
    entityId: draft.about.id,
    occurrence: draft.occurrence ?? '',
    ownerOrganisationId: draft.owner.organisationId,
    ownerOrganisationKind: draft.owner.organisationKind,
    ownerPartnershipId: draft.owner.partnershipId,
    owedTo: draft.owedTo,
    owedToKind: draft.owedToKind,
    due: draft.deadline.due,
    rule: draft.deadline.rule,
    basis: draft.basis,
    provisional: draft.deadline.provisional,
    status: 'OPEN' as const,
    metOn: null,
    audience: JSON.stringify(draft.audience),
    openedAt: existing?.openedAt ?? at.toISOString(),
    updatedAt: at.toISOString(),
  });
}

export function obligationPayload(row: Obligation): ObligationEventPayload {
  return {
    obligationId: row.id,
    kind: row.kind as ObligationKind,
    about: { type: row.entityType, id: row.entityId },
    occurrence: row.occurrence,
    owner: {
      organisationId: row.ownerOrganisationId,
      organisationKind: row.ownerOrganisationKind,
      partnershipId: row.ownerPartnershipId,
    },
    owedTo: row.owedTo,
    owedToKind: row.owedToKind,
    deadline: { due: row.due, rule: row.rule, basis: row.basis, provisional: Boolean(row.provisional) },
    status: row.status,
    metOn: row.metOn,
    audience: JSON.parse(row.audience) as ObligationAudience,
  };
}

/** Two rows that say the same: writing one over the other would change nothing. */
export function sameObligation(a: Obligation, b: Obligation): boolean {
  return (
    a.status === b.status &&
    a.due === b.due &&
    a.rule === b.rule &&
    a.basis === b.basis &&
    Boolean(a.provisional) === Boolean(b.provisional) &&
    a.ownerOrganisationId === b.ownerOrganisationId &&
    a.ownerPartnershipId === b.ownerPartnershipId &&
    a.owedTo === b.owedTo &&
    (a.ownerOrganisationKind ?? null) === (b.ownerOrganisationKind ?? null) &&
    (a.owedToKind ?? null) === (b.owedToKind ?? null) &&
    a.audience === b.audience
  );
}
