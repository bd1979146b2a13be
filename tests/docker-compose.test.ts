import { generateKeyPairSync } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { checkGatewayEnvironment, gatewayEnvironment } from '@safeguarding/gateway';
import {
  parseEnvironment,
  repositoryRoot,
  resolveDatabaseTarget,
  subgraphEnvironment,
  subgraphNames,
} from '@safeguarding/shared';

// Docker does not run here, so the files are checked against what the code actually reads, and
// the database init script is run against a stand-in `mysql` that records what it is sent.
interface Service {
  image?: string;
  pull_policy?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  volumes?: string[];
}
const composeText = fs.readFileSync(path.join(repositoryRoot, 'docker-compose.yml'), 'utf8');
const compose = parse(composeText, { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const dockerfile = fs.readFileSync(path.join(repositoryRoot, 'Dockerfile'), 'utf8');
// Compose substitutes ${VAR:-default} and refuses to start without ${VAR:?message}; the tests read
// the defaults and stand in for required values with what an operator would set.
const required: Record<string, string> = {
  INTERNAL_TOKEN_SECRET: 'x'.repeat(40),
  AUDIT_HMAC_KEY: 'k'.repeat(40),
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  CHILD_KEY_SECRET: 'c'.repeat(40),
  AUTH_JWKS_URL: 'https://idp.example.org/.well-known/jwks.json',
  AUTH_ISSUER: 'https://idp.example.org',
  ...Object.fromEntries(subgraphNames.map((name) => [`${name.toUpperCase()}_DB_PASSWORD`, `${name}-secret`])),
};
const substitute = (value: string) =>
  value
    .replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')
    .replace(/\$\{([A-Z_]+):\?[^}]*\}/g, (_match, name: string) => required[name] ?? `missing ${name}`);
const environment = (service: Service) =>
  Object.fromEntries(Object.entries(service.environment ?? {}).map(([key, value]) => [key, substitute(String(value))]));

it('has MySQL, NATS, a migration step and a service per subgraph, and the gateway', () => {
  expect(Object.keys(services).sort()).toEqual(
    ['mysql', 'nats', ...subgraphNames, ...subgraphNames.map((n) => `${n}-migrate`), 'gateway'].sort(),
  );
  expect(services['mysql']!.image).toMatch(/^(mysql:8\.4|mariadb:10\.11)/);
  expect(services['mysql']!.healthcheck).toBeDefined();
});

it('runs JetStream with a durable store, and points every subgraph at it', () => {
  const nats = services['nats'] as Service & { command?: string[]; volumes?: string[] };
  expect(nats.command).toEqual(expect.arrayContaining(['--jetstream', '--store_dir', '/data']));
  expect(nats.volumes).toContain('nats-data:/data');
  expect(nats.ports).toBeUndefined();
  for (const name of subgraphNames) {
    expect(environment(services[name]!)).toMatchObject({ EVENT_BUS: 'nats', NATS_URL: 'nats://nats:4222' });
  }
});

it('never reads ../shared, and mounts no reference data: the image carries it', () => {
  expect(composeText).not.toMatch(/\.\.\/shared/);
  expect(dockerfile).not.toMatch(/\.\.\/shared/);
  expect(dockerfile).toMatch(/^COPY data\/reference data\/reference$/m);
  for (const service of Object.values(services)) expect((service.volumes ?? []).join(' ')).not.toMatch(/reference/);
});

describe.each(subgraphNames.map((name) => [name]))('the %s service', (name) => {
  const service = services[name]!;
  const migrate = services[`${name}-migrate`]!;

  it('runs the subgraph entry point that the build produces, after its migration step', () => {
    expect(service.command).toEqual(['node', `subgraphs/${name}/dist/main.js`]);
    expect(migrate.command).toEqual(['node', `subgraphs/${name}/dist/main.js`, 'migrate']);
    expect(fs.existsSync(path.join(repositoryRoot, 'subgraphs', name, 'src', 'main.ts'))).toBe(true);
    expect(service.depends_on).toEqual({ [`${name}-migrate`]: { condition: 'service_completed_successfully' } });
    expect(migrate.depends_on).toEqual({ mysql: { condition: 'service_healthy' } });
  });

  it('connects as its own database user, whose password is required, in production without demo data', () => {
    const env = environment(service);
    expect(environment(migrate)).toEqual(env);
    for (const key of Object.keys(env)) expect(Object.keys(subgraphEnvironment.shape)).toContain(key);
    const raw = service.environment!;
    expect(raw['DATABASE_URL']).toContain(`mysql://${name}:\${${name.toUpperCase()}_DB_PASSWORD:?`);
    const config = parseEnvironment(subgraphEnvironment, env);
    expect(config.NODE_ENV).toBe('production');
    expect(config.DEMO_DATA).toBe(false);
    expect(config.HOST).toBe('0.0.0.0');
    const target = resolveDatabaseTarget(name, config);
    expect(target).toMatchObject({
      kind: 'mysql',
      host: 'mysql',
      user: name,
      password: `${name}-secret`,
      database: `safeguarding_${name}`,
    });
    expect(raw['INTERNAL_TOKEN_SECRET']).toMatch(/^\$\{INTERNAL_TOKEN_SECRET:\?/);
    expect(raw['AUDIT_HMAC_KEY']).toMatch(/^\$\{AUDIT_HMAC_KEY:\?/);
    expect(config.AUDIT_HMAC_KEY).toBe('k'.repeat(40));
    expect(raw['AUDIT_SIGNING_KEY']).toMatch(/^\$\{AUDIT_SIGNING_KEY:\?/);
    expect(config.AUDIT_SIGNING_KEY).toContain('BEGIN PRIVATE KEY');
    expect(raw['CHILD_KEY_SECRET']).toMatch(/^\$\{CHILD_KEY_SECRET:\?/);
    expect(config.CHILD_KEY_SECRET).toBe('c'.repeat(40));
  });

  it('is not published outside and runs the one shared image', () => {
    expect(service.ports).toBeUndefined();
    expect(service.image).toBe('safeguarding-graph:local');
    expect(service.pull_policy).toBe('never');
  });
});

describe('the gateway service', () => {
  const gateway = services['gateway']!;

  it('demands the secrets production needs rather than defaulting them', () => {
    const raw = gateway.environment ?? {};
    expect(raw['INTERNAL_TOKEN_SECRET']).toMatch(/^\$\{INTERNAL_TOKEN_SECRET:\?/);
    expect(raw['AUTH_JWKS_URL']).toMatch(/^\$\{AUTH_JWKS_URL:\?/);
    const config = parseEnvironment(gatewayEnvironment, environment(gateway));
    expect(checkGatewayEnvironment(config)).toBeNull();
    expect(config.NODE_ENV).toBe('production');
    expect(config.RATE_LIMIT_PER_MINUTE).toBe(600);
  });

  it('points at every subgraph on the port that subgraph listens on', () => {
    const config = parseEnvironment(gatewayEnvironment, environment(gateway));
    for (const name of subgraphNames) {
      const subgraphPort = environment(services[name]!)['PORT'];
      expect(config[`${name.toUpperCase() as Uppercase<typeof name>}_URL`]).toBe(
        `http://${name}:${subgraphPort}/graphql`,
      );
    }
    for (const key of Object.keys(environment(gateway))) expect(Object.keys(gatewayEnvironment.shape)).toContain(key);
    expect(gateway.command).toEqual(['node', 'gateway/dist/main.js']);
  });

  it('starts after every subgraph is healthy and is the only published port', () => {
    expect(gateway.depends_on).toEqual(
      Object.fromEntries(subgraphNames.map((name) => [name, { condition: 'service_healthy' }])),
    );
    expect(gateway.ports).toEqual(['4000:4000']);
  });
});

describe('the Dockerfile', () => {
  it('is one multi-stage build on Node 24, built once and used by every service', () => {
    const built = Object.entries(services).filter(([, service]) => service.build);
    expect(built).toHaveLength(1);
    expect(built[0]![1].build!.dockerfile).toBe('Dockerfile');
    for (const [name, service] of Object.entries(services))
      if (name !== 'mysql' && name !== 'nats') expect(service.image).toBe('safeguarding-graph:local');
    expect(dockerfile.match(/^FROM node:24-bookworm-slim AS \w+$/gm)).toHaveLength(2);
  });

  it('builds with tsc, so decorator metadata survives, and ships the supergraph', () => {
    expect(dockerfile).toMatch(/RUN npx tsc -b/);
    expect(dockerfile).toMatch(/supergraph\.graphql/);
    expect(dockerfile).toMatch(/^USER node$/m);
    // Every package.json the workspace lists is copied before npm ci.
    const workspaces = (
      JSON.parse(fs.readFileSync(path.join(repositoryRoot, 'package.json'), 'utf8')) as { workspaces: string[] }
    ).workspaces;
    for (const workspace of workspaces) expect(dockerfile).toContain(`COPY ${workspace}/package.json ${workspace}/`);
  });

  it('holds compiled code and production dependencies only at run time, and checks its own health', () => {
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    const copied = [...runtime.matchAll(/^COPY --from=build \/app\/(\S+)/gm)].map((match) => match[1]!);
    for (const source of copied) expect(source).toMatch(/((^|\/)node_modules$|\/dist$|package\.json$|^package\.json$)/);
    for (const name of subgraphNames) expect(copied).toContain(`subgraphs/${name}/dist`);
    expect(runtime).not.toMatch(/\/src\b/);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n?.*process\.env\.PORT.*\/ready/m);
  });
});

describe('the database init script', () => {
  const script = path.join(repositoryRoot, 'ops', 'mysql', '01-subgraph-users.sh');

  it('is mounted where the MySQL image runs init scripts', () => {
    expect(services['mysql']!.volumes).toContain(
      './ops/mysql/01-subgraph-users.sh:/docker-entrypoint-initdb.d/01-subgraph-users.sh:ro',
    );
    for (const name of subgraphNames)
      expect(environment(services['mysql']!)[`${name.toUpperCase()}_DB_PASSWORD`]).toBe(`${name}-secret`);
  });

  it("creates each subgraph's user with rights on that subgraph's database only", () => {
    const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'fake-mysql-'));
    const log = path.join(bin, 'sent.sql');
    fs.writeFileSync(path.join(bin, 'mysql'), `#!/bin/sh\ncat >> "${log}"\n`, { mode: 0o755 });
    try {
      execFileSync('sh', [script], {
        env: {
          PATH: `${bin}:${process.env['PATH'] ?? ''}`,
          MYSQL_ROOT_PASSWORD: 'root',
          ...required,
          SCHOOLS_DB_PASSWORD: "it's-quoted",
        },
      });
      const sql = fs.readFileSync(log, 'utf8');
      for (const name of subgraphNames) {
        expect(sql).toContain(`CREATE USER IF NOT EXISTS '${name}'@'%'`);
        const grants = [...sql.matchAll(new RegExp(`GRANT (.+) ON (\\S+) TO '${name}'@'%'`, 'g'))].map((m) => m[2]);
        expect(grants).toEqual([`\`safeguarding_${name}\`.*`]);
      }
      expect(sql).toContain("IDENTIFIED BY 'it''s-quoted'");
      expect(sql).not.toMatch(/ON \*\.\*/);
    } finally {
      fs.rmSync(bin, { recursive: true, force: true });
    }
  });

  it('refuses to run without a password', () => {
    expect(() =>
      execFileSync('sh', [script], {
        env: { PATH: process.env['PATH'] ?? '', MYSQL_ROOT_PASSWORD: 'root' },
        stdio: 'pipe',
      }),
    ).toThrow(/PARTNERSHIPS_DB_PASSWORD is not set/);
  });
});
