import {
  demoIdentities,
  demoSystems,
  developmentJwtSecret,
  mintDevelopmentToken,
  type Identity,
} from '@safeguarding/shared';

/**
 * `npm run token -- <identity> [--acting-for <person>]`: a development token for one of the demo
 * people, or a client-credentials token for one of the demo systems (optionally naming, as RFC 8693
 * does, the person it acts for), signed with AUTH_JWT_SECRET or the public development key (which
 * the gateway refuses in production).
 */
async function main(): Promise<void> {
  const [name, flag, person] = process.argv.slice(2);
  const found: Identity | undefined = name ? (demoIdentities[name] ?? demoSystems[name]) : undefined;
  const actingFor = flag === '--acting-for' ? person : undefined;
  if (!found || (flag !== undefined && (!actingFor || !found.client))) {
    const line = (key: string, value: Identity) =>
      `  ${key.padEnd(36)} ${value.organisation.kind.toLowerCase()}, ${value.roles.join(', ').toLowerCase()}${value.client ? `; scopes ${value.client.scopes.join(' ')}` : ''}`;
    process.stderr.write(
      `usage: npm run token -- <identity> [--acting-for <person's subject>]   (--acting-for: systems only)\n` +
        `people:\n${Object.entries(demoIdentities)
          .map(([key, value]) => line(key, value))
          .join('\n')}\n` +
        `systems (client credentials):\n${Object.entries(demoSystems)
          .map(([key, value]) => line(key, value))
          .join('\n')}\n`,
    );
    process.exit(2);
  }
  const identity: Identity =
    actingFor && found.client ? { ...found, subject: actingFor, client: { ...found.client, actingFor } } : found;
  const token = await mintDevelopmentToken(identity, {
    secret: process.env['AUTH_JWT_SECRET'] || developmentJwtSecret,
    ...(process.env['AUTH_ISSUER'] ? { issuer: process.env['AUTH_ISSUER'] } : {}),
    ...(process.env['AUTH_AUDIENCE'] ? { audience: process.env['AUTH_AUDIENCE'] } : {}),
  });
  process.stdout.write(`${token}\n`);
}

void main();
