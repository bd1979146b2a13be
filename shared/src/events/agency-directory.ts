import { z } from 'zod';
import { entryEventParser } from './projection';

/**
 * What the agencies service tells other services about a registered agency: that it exists, its
 * kind and whether it has closed. Each event states the whole entry (see projection.ts). Names,
 * addresses and contacts stay in the agencies service: a consumer needs only to know the id is live.
 */
export const agencyDirectoryEventTypes = [
  'agency.registered',
  'agency.changed',
  'agency.closed',
  'agency.announced',
] as const;
export type AgencyDirectoryEventType = (typeof agencyDirectoryEventTypes)[number];

const entryPayload = z.object({
  agencyId: z.uuid(),
  kind: z.enum(['LOCAL_AUTHORITY', 'INTEGRATED_CARE_BOARD', 'POLICE', 'RELEVANT_AGENCY']),
  status: z.enum(['ACTIVE', 'CLOSED']),
  closedOn: z.iso.date().nullable(),
});
export type AgencyDirectoryEntry = z.infer<typeof entryPayload>;

/** The entry an event states, or null for any other event; throws on an agency event that does not parse. */
export const agencyDirectoryEntryOf = entryEventParser({
  source: 'agencies',
  entityType: 'Agency',
  eventTypes: agencyDirectoryEventTypes,
  payload: entryPayload,
  idOf: (entry) => entry.agencyId,
  what: 'an agency entry',
});
