import { z } from 'zod';
import {
  commonEnvironment,
  developmentJwtSecret,
  parseEnvironment,
  port,
  stopOnSignals,
  createLogger,
} from '@safeguarding/shared';
import { startPortalServer, type PortalAuth } from './portal-server';

/**
 * The portal's server under `npm start`: the built static files, /config.json, and in development
 * demo sign-in. In production the static files are served by any web server with a config.json
 * naming the gateway and the identity provider (OpenID Connect).
 */
const portalEnvironment = commonEnvironment.extend({
  PORT: port.default(4010),
  GATEWAY_PUBLIC_URL: z.url({ protocol: /^https?$/ }),
  AUTH_JWT_SECRET: z.string().min(32).optional(),
  AUTH_ISSUER: z.string().min(1).optional(),
  AUTH_AUDIENCE: z.string().min(1).optional(),
  OIDC_AUTHORITY: z.url({ protocol: /^https$/, error: "must be the identity provider's https URL" }).optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_SCOPE: z.string().min(1).default('openid profile'),
});

async function main(): Promise<void> {
  let config: z.infer<typeof portalEnvironment>;
  try {
    config = parseEnvironment(portalEnvironment);
  } catch (error) {
    process.stderr.write(`portal: configuration error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  let auth: PortalAuth;
  if (config.OIDC_AUTHORITY && config.OIDC_CLIENT_ID) {
    auth = {
      kind: 'oidc',
      authority: config.OIDC_AUTHORITY,
      clientId: config.OIDC_CLIENT_ID,
      scope: config.OIDC_SCOPE,
    };
  } else if (config.NODE_ENV === 'production') {
    process.stderr.write(
      'portal: configuration error: OIDC_AUTHORITY and OIDC_CLIENT_ID are required in production (demo sign-in is for development only)\n',
    );
    process.exit(1);
  } else {
    auth = {
      kind: 'development',
      secret: config.AUTH_JWT_SECRET ?? developmentJwtSecret,
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
    };
  }
  const logger = createLogger('portal', config.LOG_LEVEL);
  const portal = await startPortalServer({
    host: config.HOST,
    port: config.PORT,
    gatewayUrl: config.GATEWAY_PUBLIC_URL,
    auth,
  });
  logger.info({ url: portal.url }, 'portal ready');
  stopOnSignals('portal', logger, () => portal.stop());
}

void main();
