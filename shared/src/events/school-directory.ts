import { z } from 'zod';
import type { DomainEvent } from './outbox';

/**
 * What the schools service tells other services about an establishment on its register: that the
 * URN exists, its GIAS status and its local authority. Each event states the whole entry, so a
 * consumer keeps the one with the highest sequence and an announcement at start is as good as the
 * history. Names, addresses and staff stay in the schools service.
 */
export const schoolDirectoryEventTypes = ['school.registered', 'school.changed', 'school.closed', 'school.announced'] as const;
export type SchoolDirectoryEventType = (typeof schoolDirectoryEventTypes)[number];

const entryPayload = z.object({
  urn: z.string().regex(/^\d{6}$/),
  status: z.enum(['OPEN', 'CLOSED', 'PROPOSED_TO_OPEN', 'PROPOSED_TO_CLOSE']),
  closedOn: z.iso.date().nullable(),
  localAuthorityDfeCode: z.string().regex(/^\d{3}$/),
});
export type SchoolDirectoryEntry = z.infer<typeof entryPayload>;

export class MalformedSchoolEventError extends Error {
  // The event intake answers 400 to this name: the relay's retry would bring the same bytes.
  override name = 'MalformedEventError';
}

/** The entry an event states, or null for any other event; throws on a school event that does not parse. */
export function schoolDirectoryEntryOf(event: DomainEvent): SchoolDirectoryEntry | null {
  if (event.source !== 'schools' || event.entityType !== 'School') return null;
  if (!(schoolDirectoryEventTypes as readonly string[]).includes(event.type)) return null;
  const parsed = entryPayload.safeParse(event.payload);
  if (!parsed.success || parsed.data.urn !== event.entityId) throw new MalformedSchoolEventError(`${event.type} ${event.eventId} does not state a school entry`);
  return parsed.data;
}
