import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import express from 'express';
import { demoIdentities, mintDevelopmentToken, repositoryRoot } from '@safeguarding/shared';

/** Where the built portal (`npm run build`) is. */
export const portalDistDirectory = path.join(repositoryRoot, 'portal', 'dist');

export type PortalAuth =
  | {
      /** Demo identities, minted here as `npm run token` would: never in production. */
      readonly kind: 'development';
      readonly secret: string;
      readonly issuer?: string | undefined;
      readonly audience?: string | undefined;
    }
  | { readonly kind: 'oidc'; readonly authority: string; readonly clientId: string; readonly scope: string };

export interface PortalServerOptions {
  readonly host: string;
  readonly port: number;
  /** The gateway as the browser reaches it. */
  readonly gatewayUrl: string;
  readonly auth: PortalAuth;
  readonly distDirectory?: string;
}

export interface RunningPortal {
  readonly url: string;
  readonly origin: string;
  stop(): Promise<void>;
}

const label = (name: string) => name.replace(/-/g, ' ').replace(/^./, (first) => first.toUpperCase());

/**
 * Serves the portal's static files and its /config.json. In development it also mints demo
 * identities' tokens at /dev/token, so a person can sign in as one without an identity provider.
 */
export async function startPortalServer(options: PortalServerOptions): Promise<RunningPortal> {
  const app = express();
  app.disable('x-powered-by');
  app.use((_req, res, next) => {
    // Nothing but this origin and the gateway: a page that may only talk to what it is configured to.
    res.setHeader(
      'Content-Security-Policy',
      `default-src 'self'; connect-src 'self' ${new URL(options.gatewayUrl).origin}${options.auth.kind === 'oidc' ? ` ${new URL(options.auth.authority).origin}` : ''}; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'`,
    );
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    next();
  });
  app.get('/config.json', (_req, res) => {
    res.json({
      gatewayUrl: options.gatewayUrl,
      auth:
        options.auth.kind === 'development'
          ? {
              kind: 'development',
              identities: Object.keys(demoIdentities).map((name) => ({ name, label: label(name) })),
            }
          : {
              kind: 'oidc',
              authority: options.auth.authority,
              clientId: options.auth.clientId,
              scope: options.auth.scope,
            },
    });
  });
  if (options.auth.kind === 'development') {
    const auth = options.auth;
    app.post('/dev/token', express.json({ limit: 1024 }), async (req, res) => {
      const name = (req.body as { identity?: unknown } | undefined)?.identity;
      const identity = typeof name === 'string' ? demoIdentities[name] : undefined;
      if (!identity) {
        res.status(400).json({ error: 'identity must name one of the demo identities' });
        return;
      }
      const token = await mintDevelopmentToken(identity, {
        secret: auth.secret,
        expiresIn: 3600,
        ...(auth.issuer ? { issuer: auth.issuer } : {}),
        ...(auth.audience ? { audience: auth.audience } : {}),
      });
      res.json({ token });
    });
  }
  app.use(express.static(options.distDirectory ?? portalDistDirectory, { index: 'index.html', maxAge: 0 }));
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${options.host === '0.0.0.0' ? '127.0.0.1' : options.host}:${port}`;
  return {
    url: `${origin}/`,
    origin,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
