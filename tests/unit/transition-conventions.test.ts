import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const sourceDirs = [
  path.join(root, 'shared/src'),
  ...fs.readdirSync(path.join(root, 'subgraphs')).map((name) => path.join(root, 'subgraphs', name, 'src')),
];

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'migrations' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
const files = sourceDirs.filter((dir) => fs.existsSync(dir)).flatMap(sourceFiles);

describe('one state-machine convention', () => {
  it('keeps lifecycles in <thing>.transitions.ts, not -state, .lifecycle or .status files', () => {
    const misnamed = files
      .map((file) => path.relative(root, file))
      .filter((file) => /(-state|\.lifecycle|\.status)\.ts$/.test(file));
    expect(misnamed).toEqual([]);
  });

  it('refuses a state change only with TransitionRefusedError (extensions.state and extensions.allowed), never a ConflictError naming a state itself', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'ConflictError') {
          const extensions = node.arguments?.[1];
          const names =
            extensions && ts.isObjectLiteralExpression(extensions)
              ? extensions.properties.map((property) =>
                  property.name && ts.isIdentifier(property.name) ? property.name.text : '',
                )
              : [];
          if (names.some((name) => ['state', 'status', 'stage', 'allowed'].includes(name))) {
            const { line } = source.getLineAndCharacterOfPosition(node.getStart());
            offenders.push(`${path.relative(root, file)}:${line + 1}`);
          }
        }
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(offenders).toEqual([]);
  });
});
