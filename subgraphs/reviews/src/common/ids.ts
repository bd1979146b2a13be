import { z } from 'zod';
import { uuidPattern } from '@safeguarding/shared';

export const uuid = z.string().trim().toLowerCase().regex(uuidPattern, 'must be a UUID');
export const urn = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'must be a 6-digit URN');
