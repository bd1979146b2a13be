import { z } from 'zod';
import { BadUserInputError } from './errors';

/**
 * Validates a mutation's input against a zod schema. The first problem becomes a
 * BAD_USER_INPUT naming the field by its path in the request (`input.localAuthorities.1`).
 */
export function validateInput<S extends z.ZodType>(schema: S, value: unknown, argumentName = 'input'): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = [argumentName, ...(issue?.path ?? []).map(String)].join('.');
  throw new BadUserInputError(field, issue?.message ?? 'is invalid');
}

/** Text a person typed: trimmed, and not empty once trimmed. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => {
    const d = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
  }, 'is not a real calendar date');

/** A link a member of the public will follow: https only, so no published document loads insecurely. */
export const httpsUrl = requiredText(500).refine((value) => {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' && url.hostname !== '';
  } catch {
    return false;
  }
}, 'must be an https:// address');

/**
 * A lookup by exactly one of several codes, each checked against its official form; an error names
 * the argument at fault, and the value is never echoed.
 */
export function exactlyOneCode<K extends string>(
  given: { readonly [key in K]: string | null | undefined },
  forms: { readonly [key in K]: { readonly pattern: RegExp; readonly description: string } },
): { readonly kind: K; readonly value: string } {
  const keys = Object.keys(forms) as K[];
  const present = keys.flatMap((kind) => {
    const value: string | null | undefined = given[kind];
    return value === null || value === undefined ? [] : [{ kind, value }];
  });
  const [only, second] = present;
  if (!only || second) {
    throw new BadUserInputError(second?.kind ?? keys[0] ?? 'code', `give exactly one of ${keys.join(', ')}`);
  }
  const kind = only.kind;
  const value = only.value.trim().toUpperCase();
  if (!forms[kind].pattern.test(value)) throw new BadUserInputError(kind, `must be ${forms[kind].description}`);
  return { kind, value };
}

/**
 * A list refused whole, naming the list, when it holds more than `max` items, before any item is
 * checked: the caller learns the bound rather than item 5,001's fault, and an oversized list costs
 * nothing to refuse. `list` checks the items and the list as a whole (at least one, no repeats…).
 */
export const boundedList = <Out extends unknown[]>(max: number, what: string, list: z.ZodType<Out>) =>
  z
    .custom<unknown>((value) => !Array.isArray(value) || value.length <= max, `must list at most ${max} ${what}`)
    .pipe(list);
