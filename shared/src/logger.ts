import pino from 'pino';

export type Logger = pino.Logger;

/** JSON lines on stdout: one event per line, ready for any log shipper. */
export function createLogger(name: string, level: string): Logger {
  return pino({
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Case data must never reach a log line through a careless `logger.info(input)`.
    redact: { paths: ['*.nhsNumber', '*.childName', 'req.headers.authorization'], censor: '[redacted]' },
  });
}
