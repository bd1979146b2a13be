import { z } from 'zod';
import { isObligationKind, type ObligationKind } from './obligations/obligation-kind';

const positiveInt = (max: number) => z.coerce.number().int().min(1).max(max);

/** `KIND=n,KIND=n`: a number of working days for some obligation kinds. */
const daysPerKind = z
  .string()
  .default('')
  .transform((value, ctx) => {
    const result: Partial<Record<ObligationKind, number>> = {};
    for (const part of value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const [kind, days] = part.split('=').map((p) => p.trim());
      const n = Number(days);
      if (!kind || !isObligationKind(kind) || !Number.isInteger(n) || n < 0 || n > 60) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be KIND=working days pairs, e.g. REFERRAL_DECISION=1,YEARLY_REPORT=10',
        });
        return z.NEVER;
      }
      result[kind] = n;
    }
    return result;
  });

/** The notifications service's webhooks and reminders. */
export const notificationsEnvironment = z.object({
  /** How long a receiver may take to answer one delivery attempt. */
  WEBHOOK_TIMEOUT_MS: positiveInt(60_000).default(10_000),
  /** Failed attempts in a row after which an endpoint is switched off and its owner told. */
  WEBHOOK_DISABLE_AFTER_FAILURES: positiveInt(1000).default(15),
  WEBHOOK_DISPATCH_INTERVAL_MS: positiveInt(60_000).default(1000),
  /** Deliveries in flight at once from one replica (each endpoint has at most one). */
  WEBHOOK_CONCURRENCY: positiveInt(500).default(32),
  /** How often the reminder scheduler looks for clocks crossing a threshold. */
  REMINDER_INTERVAL_MS: positiveInt(86_400_000).default(60_000),
  /** "Due soon" this many working days before the due date (default 2), per kind where set. */
  REMINDER_DUE_SOON_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  REMINDER_DUE_SOON_BY_KIND: daysPerKind,
  /** "Still overdue", to managers and the partnership's staff, this many working days after the due date. */
  REMINDER_STILL_OVERDUE_WORKING_DAYS: positiveInt(60).default(5),
});
