/**
 * Seconds to wait after each failed attempt, after the Standard Webhooks guidance (exponential, with
 * the last retry about three days after the first attempt). The attempt after the last wait is the
 * last: the message is then FAILED, and can still be redelivered by hand.
 */
export const retryDelaysSeconds: readonly number[] = [5, 300, 1800, 7200, 18000, 36000, 50400, 72000, 72000];

/** When to try again after `attempts` attempts have failed; null when none is left. */
export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  const delay = retryDelaysSeconds[attempts - 1];
  return delay === undefined ? null : new Date(now.getTime() + delay * 1000);
}
