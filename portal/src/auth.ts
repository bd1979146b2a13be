import { UserManager, WebStorageStateStore } from 'oidc-client-ts';
import type { OidcAuth, PortalConfig } from './config';

/** Who is signed in, as the token says; the graph itself decides what they may see. */
export interface Session {
  readonly token: string;
  readonly subject: string;
  readonly organisationKind: string;
  readonly roles: readonly string[];
  readonly partnershipIds: readonly string[];
  readonly label: string;
}

const storageKey = 'safeguarding-portal-session';

function claimsOf(token: string): Record<string, unknown> {
  const payload = token.split('.')[1] ?? '';
  const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(json, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
}

export function sessionFromToken(token: string, label: string): Session {
  const claims = claimsOf(token);
  const org = (claims['org'] ?? {}) as { kind?: unknown };
  return {
    token,
    subject: typeof claims['sub'] === 'string' ? claims['sub'] : '',
    organisationKind: typeof org.kind === 'string' ? org.kind : '',
    roles: Array.isArray(claims['roles']) ? claims['roles'].map(String) : [],
    partnershipIds: Array.isArray(claims['partnerships']) ? claims['partnerships'].map(String) : [],
    label,
  };
}

function expired(token: string): boolean {
  const exp = claimsOf(token)['exp'];
  return typeof exp === 'number' && exp * 1000 < Date.now();
}

export function storedSession(): Session | null {
  const raw = sessionStorage.getItem(storageKey);
  if (!raw) return null;
  const session = JSON.parse(raw) as Session;
  return expired(session.token) ? null : session;
}

function keep(session: Session): Session {
  sessionStorage.setItem(storageKey, JSON.stringify(session));
  return session;
}

/** Development only: the portal's own server mints a demo identity's token, as `npm run token` does. */
export async function signInAsDemoIdentity(name: string, label: string): Promise<Session> {
  const response = await fetch('./dev/token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: name }),
  });
  if (!response.ok) throw new Error(`Signing in failed (HTTP ${response.status})`);
  const { token } = (await response.json()) as { token: string };
  return keep(sessionFromToken(token, label));
}

function userManager(auth: OidcAuth): UserManager {
  const redirect = `${window.location.origin}${window.location.pathname}`;
  return new UserManager({
    authority: auth.authority,
    client_id: auth.clientId,
    redirect_uri: redirect,
    post_logout_redirect_uri: redirect,
    response_type: 'code',
    scope: auth.scope,
    userStore: new WebStorageStateStore({ store: window.sessionStorage }),
  });
}

/** Production: the authorization code flow with PKCE (oidc-client-ts does both). */
export async function signInWithProvider(auth: OidcAuth): Promise<void> {
  await userManager(auth).signinRedirect();
}

/** After the provider redirects back with a code: exchange it, keep the access token. */
export async function completeProviderSignIn(config: PortalConfig): Promise<Session | null> {
  if (config.auth.kind !== 'oidc' || !new URLSearchParams(window.location.search).has('code')) return null;
  const user = await userManager(config.auth).signinRedirectCallback();
  window.history.replaceState({}, document.title, window.location.pathname);
  return keep(sessionFromToken(user.access_token, user.profile.name ?? user.profile.sub));
}

export function signOut(): void {
  sessionStorage.removeItem(storageKey);
}
