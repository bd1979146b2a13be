import { execFileSync } from 'node:child_process';
import { Kind, print, type DocumentNode } from 'graphql';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startGateway, createAuthenticator, readSupergraph } from '@safeguarding/gateway';
import { ReceivedEvent } from '@safeguarding/notifications';
import {
  createLogger,
  OutboxEvent,
  repositoryRoot,
  subgraphNames,
  TrustedDocuments,
  trustedDocumentsManifestPath,
  type RunningHttpService,
} from '@safeguarding/shared';
import config, { clients } from '../examples/typed-client/codegen';
import { createGraphClient, GraphError, whatIsDueForMe } from '../examples/typed-client/client';
import { PartnershipForDocument } from '../examples/typed-client/generated/portal/graphql';
import { startGraph, type TestGraph } from './support/graph';

// Issue 15: the typed client an integrator copies, generated from the example operations with
// GraphQL Code Generator's client preset, kept current and run against the graph.
const example = path.join(repositoryRoot, 'examples', 'typed-client');
const codegenCli = path.join(repositoryRoot, 'node_modules', '@graphql-codegen', 'cli', 'esm', 'bin.js');
const tsc = path.join(repositoryRoot, 'node_modules', 'typescript', 'bin', 'tsc');

function filesUnder(dir: string): Record<string, string> {
  return Object.fromEntries(
    (fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[])
      .filter((file) => fs.statSync(path.join(dir, file)).isFile())
      .sort()
      .map((file) => [file, fs.readFileSync(path.join(dir, file), 'utf8')]),
  );
}

function typeCheck(project: string): { ok: boolean; output: string } {
  try {
    execFileSync(process.execPath, [tsc, '-p', project, '--pretty', 'false'], {
      cwd: repositoryRoot,
      encoding: 'utf8',
      stdio: 'pipe',
    });
    return { ok: true, output: '' };
  } catch (error) {
    return { ok: false, output: String((error as { stdout?: string }).stdout ?? error) };
  }
}

describe('the generated typed client', () => {
  let temp: string;
  beforeAll(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'));
  });
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  it("is what codegen makes of the example operations and the portal's now (run `npm run codegen` when this fails)", () => {
    // Each client's output written under the temporary directory at its own path from the root.
    const generates = Object.fromEntries(
      Object.entries(config.generates).map(([target, output]) => [path.join(temp, target) + path.sep, output]),
    );
    // The CLI in its own process, as `npm run codegen` runs it (it is an ES module jest cannot load).
    const temporaryConfig = path.join(temp, 'codegen.json');
    fs.writeFileSync(temporaryConfig, JSON.stringify({ ...config, generates }));
    execFileSync(process.execPath, [codegenCli, '--config', temporaryConfig, '--silent'], {
      cwd: repositoryRoot,
      stdio: 'pipe',
    });
    fs.rmSync(temporaryConfig);
    // The example clients and the portal, each one of the config's targets.
    expect(clients.map((client) => client.generated)).toEqual(Object.keys(config.generates));
    expect(clients.map((client) => client.generated)).toContain('portal/src/generated/');
    for (const target of Object.keys(config.generates)) {
      const fresh = filesUnder(path.join(temp, target));
      expect(Object.keys(fresh).length).toBeGreaterThan(0);
      expect({ [target]: filesUnder(path.join(repositoryRoot, target)) }).toEqual({ [target]: fresh });
    }
  });

  it('type-checks, client and generated sources together', () => {
    const result = typeCheck(path.join(example, 'tsconfig.json'));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('type-checks the portal against its generated documents', () => {
    const result = typeCheck(path.join(repositoryRoot, 'portal', 'tsconfig.json'));
    expect(result.output).toBe('');
    expect(result.ok).toBe(true);
  });

  it('gives the portal one document per operation, each printing to the text the trusted-documents manifest registers', () => {
    const registered = new Set(
      Object.values(JSON.parse(fs.readFileSync(trustedDocumentsManifestPath, 'utf8')) as Record<string, string>),
    );
    // The portal is an ES module jest cannot load: its generated documents are read as the JSON they are written as.
    const generated = fs.readFileSync(path.join(repositoryRoot, 'portal', 'src', 'generated', 'graphql.ts'), 'utf8');
    const documents = [
      ...generated.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as DocumentNode</gm),
    ].map((match) => [match[1] ?? '', JSON.parse(match[2] ?? '{}') as DocumentNode] as const);
    const operations = fs.readdirSync(path.join(repositoryRoot, 'portal', 'src', 'operations'));
    expect(documents.map(([name]) => `${name}.graphql`).sort()).toEqual(operations.sort());
    for (const [, document] of documents) {
      expect(document.definitions.map((definition) => definition.kind)).toEqual([Kind.OPERATION_DEFINITION]);
      // What graph.ts sends: graphql-js's print of the generated document.
      expect(registered).toContain(print(document));
    }
  });

  it('refuses at compile time a variable the operation does not take, or a field it did not select', () => {
    const project = path.join(temp, 'misuse');
    fs.mkdirSync(project, { recursive: true });
    const client = path.join(example, 'client').replace(/\\/g, '/');
    const generated = path.join(example, 'generated', 'portal', 'graphql').replace(/\\/g, '/');
    fs.writeFileSync(
      path.join(project, 'misuse.ts'),
      [
        `import { createGraphClient } from '${client}';`,
        `import { PartnershipWhatIsDueDocument, ViewerDocument } from '${generated}';`,
        `const client = createGraphClient({ url: 'http://localhost:4000/graphql' });`,
        `export async function misuse(): Promise<void> {`,
        `  await client(PartnershipWhatIsDueDocument, { id: 1 });`,
        `  const { viewer } = await client(ViewerDocument);`,
        `  viewer?.email;`,
        `}`,
        '',
      ].join('\n'),
    );
    fs.writeFileSync(
      path.join(project, 'tsconfig.json'),
      JSON.stringify({
        extends: path.join(repositoryRoot, 'tsconfig.base.json'),
        compilerOptions: {
          composite: false,
          noEmit: true,
          types: ['node'],
          typeRoots: [path.join(repositoryRoot, 'node_modules', '@types')],
        },
        include: ['misuse.ts'],
      }),
    );
    const result = typeCheck(path.join(project, 'tsconfig.json'));
    expect(result.ok).toBe(false);
    expect(result.output).toMatch(/misuse\.ts\(5,.*TS2322: Type 'number' is not assignable to type 'string'/);
    expect(result.output).toMatch(/misuse\.ts\(7,.*TS2339: Property 'email' does not exist/);
  });
});

describe('the typed client against the running graph', () => {
  let graph: TestGraph;
  let trusted: RunningHttpService;
  beforeAll(async () => {
    graph = await startGraph();
    // As production would run with the manifest of the same operations: the client's hashes must be its keys.
    trusted = await startGateway({
      supergraphSdl: readSupergraph(),
      subgraphUrls: Object.fromEntries(subgraphNames.map((name) => [name, graph.subgraphs[name].url])),
      host: '127.0.0.1',
      port: 0,
      logger: createLogger('test', 'silent'),
      production: true,
      authenticator: createAuthenticator({
        secret: graph.secrets.jwt,
        issuer: 'test-issuer',
        audience: 'test-audience',
      }),
      internalTokenSecret: graph.secrets.internal,
      trustedDocuments: TrustedDocuments.fromFile(trustedDocumentsManifestPath),
    });
  });
  // Duties reach the index through events the domains relay after start; compare once all are in.
  beforeEach(async () => {
    const domains = subgraphNames.filter((name) => name !== 'notifications');
    for (const end = Date.now() + 30_000; ;) {
      const written = (
        await Promise.all(
          domains.map((name) =>
            graph.subgraphs[name].db.getRepository(OutboxEvent).find({ select: { eventId: true } }),
          ),
        )
      ).flat();
      const taken = new Set(
        (await graph.subgraphs.notifications.db.getRepository(ReceivedEvent).find({ select: { eventId: true } })).map(
          (event) => event.eventId,
        ),
      );
      if (written.every((event) => taken.has(event.eventId))) return;
      if (Date.now() > end) throw new Error('the outboxes were not taken');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  afterAll(async () => {
    await trusted?.stop();
    await graph?.stop();
  });

  it("gives a business manager their partnerships and every duty owed, the same as the graph's own answer", async () => {
    const token = await graph.tokenFor('west-sussex-business-manager');
    const seen = await whatIsDueForMe(createGraphClient({ url: graph.gatewayUrl, token }));
    expect(seen.subject).toBe('demo:west-sussex-business-manager');
    expect(seen.partnerships.length).toBeGreaterThan(0);
    for (const partnership of seen.partnerships) {
      const direct = await graph.query<{ partnership: { whatIsDue: { totalCount: number } } }>(
        'query ($id: ID!) { partnership(id: $id) { whatIsDue(first: 1) { totalCount } } }',
        { id: partnership.id },
        { as: 'west-sussex-business-manager' },
      );
      expect(direct.errors).toBeUndefined();
      expect(partnership.obligations).toHaveLength(direct.data!.partnership.whatIsDue.totalCount);
      expect(new Set(partnership.obligations.map((obligation) => obligation.id)).size).toBe(
        partnership.obligations.length,
      );
    }
    // More than one page, so the client's paging is what found them all.
    expect(seen.partnerships.some((partnership) => partnership.obligations.length > 25)).toBe(true);
  });

  it('runs the same by hash alone on a gateway that trusts only the example operations', async () => {
    const token = await graph.tokenFor('west-sussex-business-manager');
    const byText = await whatIsDueForMe(createGraphClient({ url: graph.gatewayUrl, token }));
    const byHash = await whatIsDueForMe(createGraphClient({ url: trusted.url, token, byHash: true }));
    expect(byHash).toEqual(byText);
    const found = await createGraphClient({ url: trusted.url, byHash: true })(PartnershipForDocument, {
      localAuthorityGssCode: 'E10000032',
    });
    expect(found.partnershipFor?.localAuthorities.map((authority) => authority.gssCode)).toContain('E10000032');
  });

  it("surfaces the graph's error codes, and an anonymous caller's missing viewer", async () => {
    const client = createGraphClient({ url: graph.gatewayUrl });
    await expect(
      client(PartnershipForDocument, { localAuthorityGssCode: 'E10000032', localAuthorityDfeCode: '938' }),
    ).rejects.toMatchObject({
      codes: ['BAD_USER_INPUT'],
    });
    await expect(whatIsDueForMe(client)).rejects.toBeInstanceOf(GraphError);
  });
});
