import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const roots = [
  'shared/src',
  'gateway/src',
  'scripts/src',
  'tests',
  ...fs.readdirSync(path.join(root, 'subgraphs')).map((name) => `subgraphs/${name}/src`),
];
// The one place a transaction is begun: it knows how each database takes turns.
const allowed = new Set(['shared/src/database.ts']);

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('transactions are begun by inTransaction only', () => {
  it('no code calls `.transaction(` on a data source or manager itself, so no write skips its turn', () => {
    const offenders: string[] = [];
    let seen = 0;
    for (const file of roots.flatMap((dir) => sourceFiles(path.join(root, dir)))) {
      const relative = path.relative(root, file);
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (
          ts.isCallExpression(node) &&
          ts.isPropertyAccessExpression(node.expression) &&
          node.expression.name.text === 'transaction'
        ) {
          seen += 1;
          if (!allowed.has(relative))
            offenders.push(`${relative}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`);
        }
        if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'inTransaction')
          seen += 1;
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    // The walk must have found the code's transactions at all, or an empty list proves nothing.
    expect(seen).toBeGreaterThan(50);
    expect(offenders).toEqual([]);
  });
});
