import { z } from 'zod';
import { isValidNhsNumber } from '../referral/nhs-number';

// Neither value is ever repeated in a message: each identifies the child.
export const nhsNumberSchema = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .refine((value) => /^\d{10}$/.test(value), 'must be 10 digits')
  .refine(isValidNhsNumber, 'has a check digit that does not match: it is not an NHS number');

/** The widest of the pseudonymous references the subgraphs accept (referrals, file transfers). */
export const childReferenceSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9/-]{0,39}$/, 'must be a pseudonymous reference: up to 40 letters, digits, - and /');
