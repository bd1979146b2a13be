/**
 * What may reach a log line about a failure. Driver errors carry the statement with its values
 * (mysql2's `sql`), TypeORM's carry the parameters, and both drivers quote values in messages
 * ("Duplicate entry 'CHILD-…' for key …"): any of them can hold an NHS number or a child's
 * reference. A log line gets the error's kind, code and a message with quoted values removed.
 */
export interface SafeError {
  readonly type: string;
  readonly code?: string;
  readonly errno?: number;
  readonly message: string;
  readonly stack?: string;
}

// A quoted literal, unless it names a schema object (MySQL quotes keys, columns and tables too).
const quotedValue =
  /(?<!\b(?:key|column|table|database|constraint|index|function|procedure|user)\s)'(?:[^'\\]|\\.)*'/gi;
const doubleQuotedValue = /"(?:[^"\\]|\\.)*"/g;

export function withoutValues(message: string): string {
  return message.replace(quotedValue, "'…'").replace(doubleQuotedValue, '"…"');
}

export function safeError(error: unknown): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: 'non-Error thrown' };
  const driver = (error as { driverError?: unknown }).driverError;
  const source = driver instanceof Error ? driver : error;
  const code = (source as { code?: unknown }).code;
  const errno = (source as { errno?: unknown }).errno;
  const message = withoutValues(source.message.split('\n')[0] ?? '');
  // The stack's frames are code locations; its first line repeats the message, so it is rebuilt.
  const frames = (error.stack ?? '').split('\n').filter((line) => /^\s+at /.test(line));
  return {
    type: error.name,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof errno === 'number' ? { errno } : {}),
    message,
    ...(frames.length > 0 ? { stack: frames.slice(0, 12).join('\n') } : {}),
  };
}

/**
 * A statement as far as its verb and table, e.g. `INSERT INTO "referrals"`: enough to tell which
 * query failed or was slow, never the values a raw statement might have inlined.
 */
export function statementShape(sql: string): string {
  const compact = sql.replace(/\s+/g, ' ').trim();
  const match =
    /^(SELECT\b.*?\bFROM\s+\S+|INSERT\s+INTO\s+\S+|UPDATE\s+\S+|DELETE\s+FROM\s+\S+|(?:START\s+TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|PRAGMA|CREATE|ALTER|DROP|SHOW|SET)\b(?:\s+\S+){0,2})/i.exec(
      compact,
    );
  const shape = match?.[1] ?? compact.split(' ')[0] ?? '';
  return withoutValues(shape.length > 160 ? `${shape.slice(0, 160)}…` : shape);
}
