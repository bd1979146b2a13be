import { z } from 'zod';
import { entryEventParser } from './projection';

/**
 * What the partnerships service tells other services about an arrangement's area: its status and
 * every local authority in its footprint, whole, in each event (see projection.ts).
 */
export const partnershipFootprintEventTypes = [
  'partnership.created',
  'partnership.activated',
  'partnership.dissolved',
  'partnership.announced',
] as const;
export type PartnershipFootprintEventType = (typeof partnershipFootprintEventTypes)[number];

const footprintPayload = z.object({
  partnershipId: z.uuid(),
  status: z.enum(['DRAFT', 'ACTIVE', 'DISSOLVED']),
  localAuthorityGssCodes: z.array(z.string().regex(/^[EW]\d{8}$/)).max(100),
});
export type PartnershipFootprint = z.infer<typeof footprintPayload>;

/** The footprint an event states, or null for any other event; throws on a footprint event that does not parse. */
export const partnershipFootprintOf = entryEventParser({
  source: 'partnerships',
  entityType: 'Partnership',
  eventTypes: partnershipFootprintEventTypes,
  payload: footprintPayload,
  idOf: (footprint) => footprint.partnershipId,
  what: 'a footprint',
});
