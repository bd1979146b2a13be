import { z } from 'zod';
import type { DomainEvent } from './outbox';

/**
 * What the agencies service tells other services about a registered agency: that it exists, its
 * kind and whether it has closed. Each event states the whole entry, so a consumer keeps the one
 * with the highest sequence and a snapshot at start is as good as the history. Names, addresses
 * and contacts stay in the agencies service: a consumer needs only to know the id is live.
 */
export const agencyDirectoryEventTypes = ['agency.registered', 'agency.changed', 'agency.closed', 'agency.announced'] as const;
export type AgencyDirectoryEventType = (typeof agencyDirectoryEventTypes)[number];

const entryPayload = z.object({
  agencyId: z.uuid(),
  kind: z.enum(['LOCAL_AUTHORITY', 'INTEGRATED_CARE_BOARD', 'POLICE', 'RELEVANT_AGENCY']),
  status: z.enum(['ACTIVE', 'CLOSED']),
  closedOn: z.iso.date().nullable(),
});
export type AgencyDirectoryEntry = z.infer<typeof entryPayload>;

export class MalformedAgencyEventError extends Error {
  // The event intake answers 400 to this name: the relay's retry would bring the same bytes.
  override name = 'MalformedEventError';
}

/** The entry an event states, or null for any other event; throws on an agency event that does not parse. */
export function agencyDirectoryEntryOf(event: DomainEvent): AgencyDirectoryEntry | null {
  if (event.source !== 'agencies' || event.entityType !== 'Agency') return null;
  if (!(agencyDirectoryEventTypes as readonly string[]).includes(event.type)) return null;
  const parsed = entryPayload.safeParse(event.payload);
  if (!parsed.success || parsed.data.agencyId !== event.entityId) throw new MalformedAgencyEventError(`${event.type} ${event.eventId} does not state an agency entry`);
  return parsed.data;
}
