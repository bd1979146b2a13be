/** What the page needs to know about where it runs; served beside it as /config.json. */
export interface DevelopmentAuth {
  readonly kind: 'development';
  /** The demo identities `npm run token` knows, to sign in as one of them. */
  readonly identities: ReadonlyArray<{ readonly name: string; readonly label: string }>;
}

/** OpenID Connect: authorization code with PKCE against the identity provider. */
export interface OidcAuth {
  readonly kind: 'oidc';
  readonly authority: string;
  readonly clientId: string;
  readonly scope: string;
}

export interface PortalConfig {
  readonly gatewayUrl: string;
  readonly auth: DevelopmentAuth | OidcAuth;
}

export async function loadConfig(): Promise<PortalConfig> {
  const response = await fetch('./config.json', { cache: 'no-store' });
  if (!response.ok) throw new Error(`config.json could not be read (HTTP ${response.status})`);
  return (await response.json()) as PortalConfig;
}
