import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

/**
 * Issue 12, "make it hard to reintroduce": a caller who may not see a row is told it is not there,
 * and that refusal is recorded only if the scoped repository's by-id lookup goes through
 * findInScope / findOneInScope (shared/src/audit/scoped-miss.ts). This inventory reads every
 * repository's syntax tree, finds the classes built with the caller's AccessScope and their public
 * by-id reads, and fails on any that does not reach one of those helpers, so a new repository (or a
 * new lookup) cannot forget it.
 */
const root = join(__dirname, '..');

/**
 * Lookups that need no scoped-miss record, each with why. Public registers are read by anyone
 * (NOTES-trust.md "Left"): there is no row a caller may not see, so no refusal to record; their
 * writes are guarded by ownership checks that answer FORBIDDEN, which the audit plugin records.
 */
const allowed: ReadonlyMap<string, string> = new Map([
  ['subgraphs/agencies/src/agency/agency.repository.ts#AgencyRepository.findByIds', 'the agencies register is public'],
  [
    'subgraphs/agencies/src/designation/designation.repository.ts#DesignationRepository.findById',
    'designations are published with the arrangements (public register)',
  ],
  [
    'subgraphs/schools/src/school/school.repository.ts#SchoolRepository.findByUrns',
    'the schools register is public GIAS data',
  ],
  ['subgraphs/schools/src/trust/trust.repository.ts#TrustRepository.findByUids', 'trusts are public GIAS data'],
  [
    'subgraphs/reviews/src/reviewer/reviewer.repository.ts#ReviewerRepository.findByIds',
    'the national reviewer pool is public',
  ],
]);

const helpers = new Set(['findInScope', 'findOneInScope']);

interface Lookup {
  readonly key: string;
  readonly line: number;
  readonly reachesHelper: boolean;
  readonly returnDeclared: boolean;
}

interface Inventory {
  readonly scopedClasses: string[];
  readonly lookups: Lookup[];
}

function repositoryFiles(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist') continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.repository.ts')) found.push(path);
    }
  };
  for (const subgraph of readdirSync(join(root, 'subgraphs'))) walk(join(root, 'subgraphs', subgraph, 'src'));
  // The shared engines' repositories are scoped repositories too (the self-assessment one).
  walk(join(root, 'shared', 'src'));
  return found.sort();
}

const isPrivate = (member: ts.ClassElement) =>
  (ts.getCombinedModifierFlags(member as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !==
    0 ||
  (member.name !== undefined && ts.isPrivateIdentifier(member.name));

const nameOf = (member: ts.ClassElement) =>
  member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)) ? member.name.text : '';

/** Built with the caller's scope: a constructor parameter whose declared type is AccessScope. */
function takesScope(declaration: ts.ClassDeclaration): boolean {
  const constructor = declaration.members.find(ts.isConstructorDeclaration);
  return (constructor?.parameters ?? []).some(
    (parameter) =>
      parameter.type !== undefined &&
      ts.isTypeReferenceNode(parameter.type) &&
      ts.isIdentifier(parameter.type.typeName) &&
      parameter.type.typeName.text === 'AccessScope',
  );
}

/** The keys rows are looked up by: ids, and the registers' own (a school's URN, a trust's UID). */
const keyNames = ['id', 'urn', 'uid'];
const namedForKey = new RegExp(
  `(^b|B)y(${keyNames.map((key) => key.charAt(0).toUpperCase() + key.slice(1)).join('|')})s?$`,
);

/**
 * A by-id read: named for it (byId, byIds, findById, partnerById, findByUrns…) or taking the
 * row's own `id`/`ids` first (a URN first is a school's children: leads, closures), and answering rows rather than a count or a write's outcome. A write that
 * takes an id (update, transition…) answers void or a boolean and is not a lookup; a lookup by
 * another value (an idempotency key within the caller's own organisation) is not a by-id read.
 */
function isByIdLookup(method: ts.MethodDeclaration): boolean {
  const first = method.parameters[0];
  const firstName = first && ts.isIdentifier(first.name) ? first.name.text : '';
  if (!namedForKey.test(nameOf(method)) && firstName !== 'id' && firstName !== 'ids') return false;
  return method.type === undefined || answersRows(method.type);
}

/** Promise<Row[]>, Promise<Row | null>, or the same without the Promise. */
function answersRows(type: ts.TypeNode): boolean {
  if (
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    type.typeName.text === 'Promise' &&
    type.typeArguments?.length === 1
  ) {
    return answersRows(type.typeArguments[0]!);
  }
  if (ts.isArrayTypeNode(type)) return true;
  if (
    ts.isTypeReferenceNode(type) &&
    ts.isIdentifier(type.typeName) &&
    ['Array', 'ReadonlyArray'].includes(type.typeName.text)
  )
    return true;
  if (ts.isUnionTypeNode(type))
    return type.types.some(
      (member) => ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword,
    );
  return false;
}

/** The helpers this member calls, and the other members of its class it calls through `this.`. */
function callsOf(member: ts.ClassElement): { helpers: boolean; siblings: Set<string> } {
  let reaches = false;
  const siblings = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node)) {
      const callee = node.expression;
      if (ts.isIdentifier(callee) && helpers.has(callee.text)) reaches = true;
      if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword)
        siblings.add(callee.name.text);
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(member, visit);
  return { helpers: reaches, siblings };
}

/** Reaches a helper itself or through members of its own class (e.g. partnerById through findByIds). */
function reachesHelper(declaration: ts.ClassDeclaration, start: string): boolean {
  const members = new Map(
    declaration.members.filter((member) => nameOf(member) !== '').map((member) => [nameOf(member), callsOf(member)]),
  );
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length > 0) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    const calls = members.get(name);
    if (!calls) continue;
    if (calls.helpers) return true;
    queue.push(...calls.siblings);
  }
  return false;
}

function inventory(files: ReadonlyArray<{ path: string; text: string }>): Inventory {
  const scopedClasses: string[] = [];
  const lookups: Lookup[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node) => {
      if (ts.isClassDeclaration(node) && node.name && takesScope(node)) {
        scopedClasses.push(`${file.path}#${node.name.text}`);
        for (const member of node.members) {
          if (!ts.isMethodDeclaration(member) || isPrivate(member) || !isByIdLookup(member)) continue;
          const name = nameOf(member);
          lookups.push({
            key: `${file.path}#${node.name.text}.${name}`,
            line: source.getLineAndCharacterOfPosition(member.getStart()).line + 1,
            reachesHelper: reachesHelper(node, name),
            returnDeclared: member.type !== undefined,
          });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { scopedClasses, lookups };
}

const tree = inventory(
  repositoryFiles().map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') })),
);

describe('scoped repositories record their not-there refusals', () => {
  it('finds the scoped repositories and their by-id lookups (the walk reads the real tree)', () => {
    expect(tree.scopedClasses).toEqual(
      expect.arrayContaining([
        'subgraphs/escalations/src/referral/referral.repository.ts#ReferralRepository',
        'subgraphs/schools/src/file-transfer/file-transfer.repository.ts#FileTransferRepository',
        'shared/src/self-assessment/self-assessment.repository.ts#SelfAssessmentReturnRepository',
        'subgraphs/notifications/src/webhook/webhook.repository.ts#WebhookRepository',
      ]),
    );
    expect(tree.lookups.map((lookup) => lookup.key)).toEqual(
      expect.arrayContaining([
        'subgraphs/escalations/src/referral/referral.repository.ts#ReferralRepository.findByIds',
        'subgraphs/partnerships/src/yearly-report/yearly-report.repository.ts#YearlyReportRepository.findById',
        'subgraphs/partnerships/src/partnership/partnership.repository.ts#PartnershipRepository.partnerById',
        'subgraphs/notifications/src/webhook/webhook.repository.ts#WebhookRepository.endpointById',
        'subgraphs/notifications/src/webhook/webhook.repository.ts#WebhookRepository.deliveryById',
      ]),
    );
  });

  it('every public by-id lookup of a scoped repository goes through findInScope or findOneInScope, or is an allowed public register', () => {
    const offenders = tree.lookups
      .filter((lookup) => !lookup.reachesHelper && !allowed.has(lookup.key))
      .map((lookup) => `${lookup.key} (line ${lookup.line})`);
    expect(offenders).toEqual([]);
  });

  it('declares what every by-id lookup answers, so a write is told from a read by its type', () => {
    expect(tree.lookups.filter((lookup) => !lookup.returnDeclared).map((lookup) => lookup.key)).toEqual([]);
  });

  it('keeps no allow-list entry for a lookup that no longer exists or now records its misses', () => {
    const current = new Map(tree.lookups.map((lookup) => [lookup.key, lookup]));
    const stale = [...allowed.keys()].filter((key) => !current.has(key) || current.get(key)!.reachesHelper);
    expect(stale).toEqual([]);
  });
});

describe('the inventory itself', () => {
  const check = (text: string) => inventory([{ path: 'probe.repository.ts', text }]);

  it('flags a scoped by-id lookup that skips the helpers, and one that forgets its return type', () => {
    const found = check(`
      export class ProbeRepository {
        constructor(private readonly manager: EntityManager, private readonly scope: AccessScope) {}
        findByIds(ids: readonly string[]): Promise<Probe[]> { return this.manager.find(Probe, { where: { id: In([...ids]) } }); }
        byId(id: string) { return this.manager.findOneBy(Probe, { id }); }
      }`);
    expect(found.lookups).toEqual([
      { key: 'probe.repository.ts#ProbeRepository.findByIds', line: 4, reachesHelper: false, returnDeclared: true },
      { key: 'probe.repository.ts#ProbeRepository.byId', line: 5, reachesHelper: false, returnDeclared: false },
    ]);
  });

  it('accepts a lookup that reaches a helper through a private member, and ignores writes, private members and unscoped classes', () => {
    const found = check(`
      export class ProbeRepository {
        constructor(private readonly manager: EntityManager, readonly scope: AccessScope) {}
        private find(ids: readonly string[]): Promise<Probe[]> { return findInScope(this.manager, this.scope, Probe, 'Probe', ids, () => this.manager.find(Probe)); }
        findByIds(ids: readonly string[]): Promise<Probe[]> { return this.find(ids); }
        async update(id: string, changes: Partial<Probe>): Promise<boolean> { return true; }
        ofParents(parentIds: readonly string[]): Promise<Probe[]> { return this.manager.find(Probe); }
      }
      export class ProjectionRepository {
        constructor(private readonly manager: EntityManager) {}
        findById(id: string): Promise<Probe | null> { return this.manager.findOneBy(Probe, { id }); }
      }`);
    expect(found.scopedClasses).toEqual(['probe.repository.ts#ProbeRepository']);
    expect(found.lookups).toEqual([
      { key: 'probe.repository.ts#ProbeRepository.findByIds', line: 5, reachesHelper: true, returnDeclared: true },
    ]);
  });
});
