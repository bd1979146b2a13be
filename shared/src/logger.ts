import pino from 'pino';
import { safeError } from './log-safety';

export type Logger = pino.Logger;

/** JSON lines on stdout (or the given stream): one event per line, ready for any log shipper. */
export function createLogger(name: string, level: string, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    name,
    level,
    base: { service: name },
    timestamp: pino.stdTimeFunctions.isoTime,
    // An error is logged by kind, code and a message without values, whoever logs it: driver
    // errors carry statements and parameters, and those carry case data.
    serializers: { err: safeError, error: safeError },
    // Case data must never reach a log line through a careless `logger.info(input)`.
    redact: {
      paths: [
        '*.nhsNumber',
        '*.childName',
        '*.childReference',
        'req.headers.authorization',
        'req.headers["x-safeguarding-identity"]',
        '*.headers.authorization',
      ],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}
