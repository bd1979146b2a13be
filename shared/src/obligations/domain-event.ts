import type { ObligationAudience } from './obligation-audience';

/**
 * The domain events an integrator subscribes to, besides the obligation events. Payloads are thin:
 * ids, dates and who may hear of it, never a child identifier or free text; a receiver fetches
 * details through the graph under its own access rules and audit.
 */
export const domainEventTypes = [
  'referral.received',
  'referral.decided',
  'disagreement.raised',
  'disagreement.escalated',
  'disagreement.resolved',
  'file_transfer.sent',
  'file_transfer.confirmed',
  'serious_incident.notified',
  // A child's picture seen by an organisation holding no record, with the reason it gave (issue 17).
  'child.picture_viewed_with_reason',
] as const;
export type DomainEventType = (typeof domainEventTypes)[number];

export interface DomainEventPayload extends Record<string, unknown> {
  /** The entity's id and, where useful, the ids of those involved (organisations, partnership). */
  readonly ids: Readonly<Record<string, string | null>>;
  /** Dates of the change (ISO) as the graph records them. */
  readonly dates: Readonly<Record<string, string | null>>;
  readonly audience: ObligationAudience;
}
