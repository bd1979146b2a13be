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

/**
 * Still served by `@apollo/gateway` until the edge moves to Hive Gateway (issue 20, item 1): its own
 * tree is the one place a restricted licence is tolerated, and only the packages it brings.
 * Delete this once the gateway no longer depends on it.
 */
const beingReplaced = '@apollo/gateway';

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

  /** Every package reached from the root, `name@version` → licence, without descending into `skip`. */
  function collect(skip: string | null): Map<string, string | undefined> {
    const found = new Map<string, string | undefined>();
    const walk = (node: Installed): void => {
      for (const [name, entry] of Object.entries(node.dependencies ?? {})) {
        // No version: an optional peer that is not installed, so nothing of it ships.
        if (name === skip || entry.version === undefined) continue;
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

  it('has no Elastic or other source-available licence outside the tree being replaced', () => {
    const offending = [...collect(beingReplaced)].filter(
      ([, licence]) => licence !== undefined && restricted.test(licence),
    );
    expect(offending).toEqual([]);
  });

  it('names a licence for every third-party package it ships', () => {
    const unnamed = [...collect(beingReplaced)]
      .filter(([key, licence]) => licence === undefined && !key.startsWith('@safeguarding/'))
      .map(([key]) => key);
    expect(unnamed).toEqual([]);
  });

  it("composes with the open-licence composer: of Apollo's federation packages only the runtime is left", () => {
    const gateway = tree.dependencies?.['@safeguarding/gateway']?.dependencies ?? {};
    expect(Object.keys(gateway)).toContain('@theguild/federation-composition');
    const direct = Object.entries(gateway)
      .filter(([, entry]) => restricted.test(licenceOf(entry) ?? ''))
      .map(([name]) => name);
    expect(direct).toEqual([beingReplaced]);
  });
});
