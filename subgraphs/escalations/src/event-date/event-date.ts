import { registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { BadUserInputError, isoDate, todayInLondon } from '@safeguarding/shared';

/**
 * Who gave the date a record carries: the caller's system (a case system recording a referral
 * received at 17:40 on a Friday, or loading a backlog after an outage) or the graph's own clock.
 */
export enum EventDateSource {
  CALLER = 'CALLER',
  SERVER = 'SERVER',
}
registerEnumType(EventDateSource, {
  name: 'EventDateSource',
  description:
    "Whether a record's date was supplied by the caller's system (CALLER) or taken from the graph's clock when it was recorded (SERVER)",
});

const instant = z.iso.datetime({
  offset: true,
  error: 'must be an ISO 8601 instant with its offset, e.g. 2026-11-27T17:40:00Z',
});

/**
 * A past instant the caller supplies, or now. Refused in the future (it records the past) and
 * before `notBefore` (the record it follows), naming the field.
 */
export function suppliedInstant(
  value: string | null | undefined,
  field: string,
  now: Date,
  notBefore: { readonly at: string; readonly what: string } | null = null,
): { at: string; on: string; source: EventDateSource } {
  if (value === null || value === undefined) {
    const at = now.toISOString();
    return { at, on: todayInLondon(now), source: EventDateSource.SERVER };
  }
  const parsed = instant.safeParse(value.trim());
  if (!parsed.success)
    throw new BadUserInputError(field, parsed.error.issues[0]?.message ?? 'must be an ISO 8601 instant');
  const date = new Date(parsed.data);
  if (date.getTime() > now.getTime())
    throw new BadUserInputError(field, 'must not be in the future: it records when it happened');
  if (notBefore && date.getTime() < Date.parse(notBefore.at)) {
    throw new BadUserInputError(field, `must not be before ${notBefore.what} (${notBefore.at})`);
  }
  return { at: date.toISOString(), on: todayInLondon(date), source: EventDateSource.CALLER };
}

/** A past day the caller supplies, or today; refused in the future and before `notBefore` (the record it follows). */
export function suppliedDate(
  value: string | null | undefined,
  field: string,
  today: string,
  notBefore: { readonly on: string; readonly what: string } | null = null,
): { on: string; source: EventDateSource } {
  if (value === null || value === undefined) return { on: today, source: EventDateSource.SERVER };
  const parsed = isoDate.safeParse(value);
  if (!parsed.success)
    throw new BadUserInputError(field, parsed.error.issues[0]?.message ?? 'must be a date, YYYY-MM-DD');
  if (parsed.data > today)
    throw new BadUserInputError(field, `must not be in the future (today is ${today}): it records when it happened`);
  if (notBefore && parsed.data < notBefore.on)
    throw new BadUserInputError(field, `must not be before ${notBefore.what} (${notBefore.on})`);
  return { on: parsed.data, source: EventDateSource.CALLER };
}
