import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EventHandler } from './event-bus';

/**
 * Events between processes on the embedded bus travel over plain HTTP inside the deployment, so
 * each POST is signed with the internal secret (HMAC-SHA256 over `timestamp.body`) and the
 * receiver refuses anything unsigned, mis-signed or older than five minutes.
 */
export const eventSignatureHeader = 'x-safeguarding-event-signature';
export const eventTimestampHeader = 'x-safeguarding-event-timestamp';
export const eventDeliveryToleranceMs = 5 * 60_000;

export function signEventDelivery(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('base64url');
}

export class EventDeliveryRefused extends Error {
  override name = 'EventDeliveryRefused';
}

/** Throws EventDeliveryRefused unless the body was signed with the secret within the tolerance. */
export function verifyEventDelivery(
  secret: string,
  headers: { signature: string | undefined; timestamp: string | undefined },
  body: string,
  now: number = Date.now(),
): void {
  if (!headers.signature || !headers.timestamp) throw new EventDeliveryRefused('unsigned event delivery');
  const timestamp = Number(headers.timestamp);
  if (!Number.isInteger(timestamp) || Math.abs(now - timestamp) > eventDeliveryToleranceMs) {
    throw new EventDeliveryRefused('event delivery timestamp outside the tolerance');
  }
  const expected = Buffer.from(signEventDelivery(secret, timestamp, body));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw new EventDeliveryRefused('event delivery signature does not verify');
}

/** The embedded bus's subscriber in another process, each POST signed with the internal secret. */
export function signedHttpEventHandler(
  url: string,
  secret: string,
  options: { timeoutMs?: number } = {},
): EventHandler {
  return async (event) => {
    const body = JSON.stringify(event);
    const timestamp = Date.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        [eventTimestampHeader]: String(timestamp),
        [eventSignatureHeader]: signEventDelivery(secret, timestamp, body),
      },
      body,
      signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
    });
    if (!response.ok) throw new Error(`event subscriber answered ${response.status}`);
  };
}
