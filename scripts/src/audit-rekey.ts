import 'reflect-metadata';
import { rekeyAuditChain } from '@safeguarding/shared';
import { runAuditCommand } from './audit-command';

/**
 * `npm run audit:rekey -- <subgraph>`: re-links a development database's audit chain written before
 * the chain was keyed (plain SHA-256) under the configured AUDIT_HMAC_KEY and signs its head with
 * AUDIT_SIGNING_KEY, after checking the old chain as it was written. Refused in production: a
 * production trail is never rewritten, whoever asks.
 */
runAuditCommand({
  name: 'audit:rekey',
  keysNeededTo: 're-key',
  refuse: (config) =>
    config.NODE_ENV === 'production' ? 'NODE_ENV=production (a production audit trail is never re-keyed)' : null,
  run: async (db, definition) => {
    const outcome = await rekeyAuditChain(db, new Date());
    process.stdout.write(
      outcome.alreadyKeyed
        ? `${definition.name}: the audit chain verifies under the configured key already; nothing to do\n`
        : `${definition.name}: ${outcome.rekeyed} audit record${outcome.rekeyed === 1 ? '' : 's'} re-keyed; head signed\n`,
    );
  },
});
