import { z } from 'zod';
import { entryEventParser } from './projection';

/**
 * What the schools service tells other services about an establishment on its register: that the
 * URN exists, its GIAS status and its local authority. Each event states the whole entry (see
 * projection.ts). Names, addresses and staff stay in the schools service.
 */
export const schoolDirectoryEventTypes = [
  'school.registered',
  'school.changed',
  'school.closed',
  'school.announced',
] as const;
export type SchoolDirectoryEventType = (typeof schoolDirectoryEventTypes)[number];

const entryPayload = z.object({
  urn: z.string().regex(/^\d{6}$/),
  status: z.enum(['OPEN', 'CLOSED', 'PROPOSED_TO_OPEN', 'PROPOSED_TO_CLOSE']),
  closedOn: z.iso.date().nullable(),
  localAuthorityDfeCode: z.string().regex(/^\d{3}$/),
});
export type SchoolDirectoryEntry = z.infer<typeof entryPayload>;

/** The entry an event states, or null for any other event; throws on a school event that does not parse. */
export const schoolDirectoryEntryOf = entryEventParser({
  source: 'schools',
  entityType: 'School',
  eventTypes: schoolDirectoryEventTypes,
  payload: entryPayload,
  idOf: (entry) => entry.urn,
  what: 'a school entry',
});
