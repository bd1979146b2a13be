import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { checkGatewayEnvironment, gatewayEnvironment } from '@safeguarding/gateway';
import { parseEnvironment, repositoryRoot, subgraphEnvironment, subgraphNames } from '@safeguarding/shared';

// Docker does not run here, so the files are checked against what the code actually reads.
interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const compose = parse(fs.readFileSync(path.join(repositoryRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = compose.services;
// Compose substitutes ${VAR:-default} and refuses to start without ${VAR:?message}; the tests read
// the defaults and stand in for required values with what an operator would set.
const required: Record<string, string> = {
  INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
  AUTH_JWKS_URL: 'https://idp.example.org/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example.org',
};
const substitute = (value: string) =>
  value
    .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')
    .replace(/\$\{([A-Z_]+):\?[^}]*\}/g, (_match, name: string) => required[name] ?? `missing ${name}`);
const environment = (service: Service) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, substitute(String(value))]));

it('has MySQL, the five subgraphs and the gateway', () => {
  expect(Object.keys(services).sort()).toEqual(['mysql', ...subgraphNames, 'gateway'].sort());
  expect(services['mysql']!.image).toMatch(/^(mysql:8\.4|mariadb:10\.11)/);
  expect(services['mysql']!.healthcheck).toBeDefined();
});

describe.each(subgraphNames.map((name) => [name]))('the %s service', (name) => {
  const service = services[name]!;

  it('runs the subgraph entry point that the build produces', () => {
    expect(service.command).toEqual(['node', `subgraphs/${name}/dist/main.js`]);
    expect(fs.existsSync(path.join(repositoryRoot, 'subgraphs', name, 'src', 'main.ts'))).toBe(true);
  });

  it('sets only variables the subgraph reads, and valid ones', () => {
    const env = environment(service);
    for (const key of Object.keys(env)) expect(Object.keys(subgraphEnvironment.shape)).toContain(key);
    const config = parseEnvironment(subgraphEnvironment, env);
    expect(config.DATABASE_URL).toMatch(/^mysql:\/\/.*@mysql:3306$/);
    expect(config.HOST).toBe('0.0.0.0');
    expect(service.healthcheck!.test.join(' ')).toContain(`http://127.0.0.1:${config.PORT}/ready`);
  });

  it('waits for a healthy database, mounts the reference data and is not published outside', () => {
    expect(service.depends_on).toEqual({ mysql: { condition: 'service_healthy' } });
    expect(service.volumes?.some((volume) => substitute(volume).endsWith(':/reference-data:ro'))).toBe(true);
    expect(service.ports).toBeUndefined();
  });
});

describe('the gateway service', () => {
  const gateway = services['gateway']!;

  it('demands the secrets production needs rather than defaulting them', () => {
    const raw = gateway.environment ?? {};
    expect(raw['INTERNAL_TOKEN_SECRET']).toMatch(/^\$\{INTERNAL_TOKEN_SECRET:\?/);
    expect(raw['AUTH_JWKS_URL']).toMatch(/^\$\{AUTH_JWKS_URL:\?/);
    for (const name of subgraphNames) expect(services[name]!.environment!['INTERNAL_TOKEN_SECRET']).toMatch(/^\$\{INTERNAL_TOKEN_SECRET:\?/);
    const config = parseEnvironment(gatewayEnvironment, environment(gateway));
    expect(checkGatewayEnvironment(config)).toBeNull();
    expect(config.NODE_ENV).toBe('production');
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(600);
  });

  it('points at every subgraph on the port that subgraph listens on', () => {
    const config = parseEnvironment(gatewayEnvironment, environment(gateway));
    for (const name of subgraphNames) {
      const subgraphPort = environment(services[name]!)['PORT'];
      expect(config[`${name.toUpperCase() as Uppercase<typeof name>}_URL`]).toBe(`http://${name}:${subgraphPort}/graphql`);
    }
    for (const key of Object.keys(environment(gateway))) expect(Object.keys(gatewayEnvironment.shape)).toContain(key);
    expect(gateway.command).toEqual(['node', 'gateway/dist/main.js']);
  });

  it('starts after every subgraph is healthy and is the only published port', () => {
    expect(gateway.depends_on).toEqual(Object.fromEntries(subgraphNames.map((name) => [name, { condition: 'service_healthy' }])));
    expect(gateway.ports).toEqual(['4000:4000']);
  });
});

describe('the Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(repositoryRoot, 'Dockerfile'), 'utf8');

  it('is the one multi-stage build every service uses', () => {
    const built = Object.values(services).filter((service) => service.build);
    expect(built).toHaveLength(1);
    expect(built[0]!.build!.dockerfile).toBe('Dockerfile');
    const image = built[0]!.image;
    for (const name of [...subgraphNames, 'gateway']) expect(services[name]!.image).toBe(image);
    expect(dockerfile.match(/^FROM node:24-bookworm-slim AS \w+$/gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/COPY --from=build/);
  });

  it('builds with tsc, so decorator metadata survives, and ships the supergraph', () => {
    expect(dockerfile).toMatch(/RUN npx tsc -b/);
    expect(dockerfile).toMatch(/supergraph\.graphql/);
    expect(dockerfile).toMatch(/^USER node$/m);
    // Every package.json the workspace lists is copied before npm ci.
    const workspaces = (JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { workspaces: string[] }).workspaces;
    for (const workspace of workspaces) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
  });
});
