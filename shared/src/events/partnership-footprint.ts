import { z } from 'zod';
import type { DomainEvent } from './outbox';

/**
 * What the partnerships service tells other services about an arrangement's area: its status and
 * every local authority in its footprint, whole, in each event. A consumer keeps the one with the
 * highest sequence and needs nothing before it, so a snapshot at start is as good as the history.
 */
export const partnershipFootprintEventTypes = ['partnership.created', 'partnership.activated', 'partnership.dissolved', 'partnership.announced'] as const;
export type PartnershipFootprintEventType = (typeof partnershipFootprintEventTypes)[number];

const footprintPayload = z.object({
  partnershipId: z.uuid(),
  status: z.enum(['DRAFT', 'ACTIVE', 'DISSOLVED']),
  localAuthorityGssCodes: z.array(z.string().regex(/^[EW]\d{8}$/)).max(100),
});
export type PartnershipFootprint = z.infer<typeof footprintPayload>;

export class MalformedFootprintEventError extends Error {
  // The event intake answers 400 to this name: the relay's retry would bring the same bytes.
  override name = 'MalformedEventError';
}

/** The footprint an event states, or null for any other event; throws on a footprint event that does not parse. */
export function partnershipFootprintOf(event: DomainEvent): PartnershipFootprint | null {
  if (event.source !== 'partnerships' || event.entityType !== 'Partnership') return null;
  if (!(partnershipFootprintEventTypes as readonly string[]).includes(event.type)) return null;
  const parsed = footprintPayload.safeParse(event.payload);
  if (!parsed.success || parsed.data.partnershipId !== event.entityId) throw new MalformedFootprintEventError(`${event.type} ${event.eventId} does not state a footprint`);
  return parsed.data;
}
