import { useEffect, useState } from 'react';
import {
  completeProviderSignIn,
  signInAsDemoIdentity,
  signInWithProvider,
  signOut,
  storedSession,
  type Session,
} from './auth';
import { loadConfig, type PortalConfig } from './config';
import { Escalations } from './pages/Escalations';
import { Overview } from './pages/Overview';
import { Reviews } from './pages/Reviews';
import { Failed, Loading } from './pages/states';
import { partnershipsQuery } from './queries';
import type { PartnershipSummary } from './types';
import { useGraph } from './useGraph';

const pages = [
  { path: 'overview', title: 'Overview' },
  { path: 'escalations', title: 'Escalations' },
  { path: 'reviews', title: 'Reviews' },
] as const;
type PagePath = (typeof pages)[number]['path'];

function currentPage(): PagePath {
  const path = window.location.hash.replace(/^#\/?/, '');
  return pages.find((page) => page.path === path)?.path ?? 'overview';
}

function SignIn({ config, onSignedIn }: { config: PortalConfig; onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string | null>(null);
  if (config.auth.kind === 'oidc') {
    const auth = config.auth;
    return (
      <main id="main">
        <h1>Sign in</h1>
        <button type="button" onClick={() => void signInWithProvider(auth)}>
          Sign in with your organisation
        </button>
      </main>
    );
  }
  const identities = config.auth.identities;
  return (
    <main id="main">
      <h1>Sign in</h1>
      <p>Development: choose a demo identity. Each sees only what its organisation and roles allow.</p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          const name = new FormData(event.currentTarget).get('identity');
          const chosen = identities.find((identity) => identity.name === name);
          if (!chosen) return;
          signInAsDemoIdentity(chosen.name, chosen.label).then(onSignedIn, (e: unknown) =>
            setError(e instanceof Error ? e.message : String(e)),
          );
        }}
      >
        <label htmlFor="identity">Demo identity</label>
        <select id="identity" name="identity" defaultValue={identities[0]?.name}>
          {identities.map((identity) => (
            <option key={identity.name} value={identity.name}>
              {identity.label}
            </option>
          ))}
        </select>
        <button type="submit">Sign in</button>
      </form>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </main>
  );
}

function Signed({ config, session, onSignOut }: { config: PortalConfig; session: Session; onSignOut: () => void }) {
  const [page, setPage] = useState<PagePath>(currentPage());
  const [chosen, setChosen] = useState<string | null>(null);
  useEffect(() => {
    const onHash = () => setPage(currentPage());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const loaded = useGraph<{ partnerships: { nodes: readonly PartnershipSummary[] } }>(
    config.gatewayUrl,
    session.token,
    partnershipsQuery,
    {},
  );
  const own =
    loaded.state === 'ready'
      ? (loaded.answer.data?.partnerships.nodes ?? []).filter((p) => session.partnershipIds.includes(p.id))
      : [];
  const partnershipId = chosen ?? own[0]?.id ?? null;
  const partnershipName = own.find((p) => p.id === partnershipId)?.name ?? '';
  return (
    <>
      <header className="banner">
        <span className="brand">Safeguarding partnership portal</span>
        <span className="who">
          Signed in as {session.label}{' '}
          <button type="button" className="link" onClick={onSignOut}>
            Sign out
          </button>
        </span>
      </header>
      <nav className="pages" aria-label="Pages">
        <ul>
          {pages.map((p) => (
            <li key={p.path}>
              <a href={`#/${p.path}`} aria-current={p.path === page ? 'page' : undefined}>
                {p.title}
              </a>
            </li>
          ))}
        </ul>
        {own.length > 1 ? (
          <label className="choose">
            Partnership{' '}
            <select value={partnershipId ?? ''} onChange={(event) => setChosen(event.target.value)}>
              {own.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        ) : null}
      </nav>
      <main id="main">
        {loaded.state === 'loading' ? <Loading /> : null}
        {loaded.state === 'failed' ? <Failed message={loaded.message} /> : null}
        {loaded.state === 'ready' && !partnershipId ? (
          <p className="empty">You act in no partnership: there is nothing for you here.</p>
        ) : null}
        {partnershipId && page === 'overview' ? (
          <Overview
            gatewayUrl={config.gatewayUrl}
            token={session.token}
            partnershipId={partnershipId}
            partnershipName={partnershipName}
          />
        ) : null}
        {partnershipId && page === 'escalations' ? (
          <Escalations
            gatewayUrl={config.gatewayUrl}
            token={session.token}
            partnershipId={partnershipId}
            partnershipName={partnershipName}
          />
        ) : null}
        {partnershipId && page === 'reviews' ? (
          <Reviews
            gatewayUrl={config.gatewayUrl}
            token={session.token}
            partnershipId={partnershipId}
            partnershipName={partnershipName}
          />
        ) : null}
      </main>
    </>
  );
}

export function App() {
  const [config, setConfig] = useState<PortalConfig | null>(null);
  const [session, setSession] = useState<Session | null>(storedSession());
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    loadConfig()
      .then(async (loaded) => {
        setConfig(loaded);
        const fromProvider = await completeProviderSignIn(loaded);
        if (fromProvider) setSession(fromProvider);
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  if (error) return <Failed message={error} />;
  if (!config) return <Loading />;
  if (!session) return <SignIn config={config} onSignedIn={setSession} />;
  return (
    <Signed
      config={config}
      session={session}
      onSignOut={() => {
        signOut();
        setSession(null);
      }}
    />
  );
}
