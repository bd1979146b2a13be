import { demoIdentities, developmentJwtSecret, mintDevelopmentToken } from '@safeguarding/shared';

/**
 * `npm run token -- <identity>`: a development token for one of the demo identities, signed with
 * AUTH_JWT_SECRET or the public development key (which the gateway refuses in production).
 */
async function main(): Promise<void> {
  const name = process.argv[2];
  const identity = name ? demoIdentities[name] : undefined;
  if (!identity) {
    process.stderr.write(
      `usage: npm run token -- <identity>\nidentities:\n${Object.entries(demoIdentities)
        .map(([key, value]) => `  ${key.padEnd(30)} ${value.organisation.kind.toLowerCase()}, ${value.roles.join(', ').toLowerCase()}`)
        .join('\n')}\n`,
    );
    process.exit(2);
  }
  const token = await mintDevelopmentToken(identity, {
    secret: process.env['AUTH_JWT_SECRET'] || developmentJwtSecret,
    ...(process.env['AUTH_ISSUER'] ? { issuer: process.env['AUTH_ISSUER'] } : {}),
    ...(process.env['AUTH_AUDIENCE'] ? { audience: process.env['AUTH_AUDIENCE'] } : {}),
  });
  process.stdout.write(`${token}\n`);
}

void main();
