import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The Elastic License 2.0 forbids offering the software to others as a hosted service, which is what
 * a supplier running the graph as a shared service for several partnerships would be doing; an open
 * licence avoids needing a legal opinion for every deployment.
 */
const restricted = /elastic|sspl|busl|business source|commons clause|see license in/i;

interface Installed {
  readonly version?: string;
  readonly license?: string | { readonly type?: string };
  readonly dependencies?: Record<string, Installed>;
}

function licenceOf(entry: Installed): string | undefined {
  return typeof entry.license === 'string' ? entry.license : entry.license?.type;
}

describe('production dependency licences', () => {
  let tree: Installed;
  beforeAll(() => {
    const output = execFileSync('npm', ['ls', '--omit=dev', '--all', '--json', '--long'], {
      cwd: path.join(__dirname, '..'),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    tree = JSON.parse(output) as Installed;
  });

  /** Every package reached from the root, `name@version` → licence. */
  function collect(): Map<string, string | undefined> {
    const found = new Map<string, string | undefined>();
    const walk = (node: Installed): void => {
      for (const [name, entry] of Object.entries(node.dependencies ?? {})) {
        // No version: an optional peer that is not installed, so nothing of it ships.
        if (entry.version === undefined) continue;
        const key = `${name}@${entry.version}`;
        // npm lists a package in full once and as "deduped" elsewhere, without its licence.
        const licence = licenceOf(entry) ?? found.get(key);
        const seen = found.has(key);
        found.set(key, licence);
        if (!seen) walk(entry);
      }
    };
    walk(tree);
    return found;
  }

  it('has no Elastic or other source-available licence', () => {
    const offending = [...collect()].filter(([, licence]) => licence !== undefined && restricted.test(licence));
    expect(offending).toEqual([]);
  });

  it('names a licence for every third-party package it ships', () => {
    const unnamed = [...collect()]
      .filter(([key, licence]) => licence === undefined && !key.startsWith('@safeguarding/'))
      .map(([key]) => key);
    expect(unnamed).toEqual([]);
  });

  it("composes with the open-licence composer and serves with Hive Gateway: none of Apollo's federation packages ship", () => {
    const gateway = tree.dependencies?.['@safeguarding/gateway']?.dependencies ?? {};
    expect(Object.keys(gateway)).toEqual(
      expect.arrayContaining([
        '@theguild/federation-composition',
        '@graphql-hive/gateway-runtime',
        '@graphql-hive/router-runtime',
      ]),
    );
    const federation = [
      '@apollo/gateway',
      '@apollo/composition',
      '@apollo/query-planner',
      '@apollo/federation-internals',
    ];
    expect([...collect().keys()].filter((key) => federation.some((name) => key.startsWith(`${name}@`)))).toEqual([]);
  });
});
