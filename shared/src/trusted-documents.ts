import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';
import { parse, print } from 'graphql';
import { repositoryRoot } from './paths';

/**
 * Trusted documents: in production a partnership may accept only the operations it has registered
 * (a manifest of `{ "<sha256 of the document>": "<document>" }`, the format of GraphQL Codegen's
 * persisted-documents.json and Apollo's safelists). A client sends the hash (APQ's
 * `extensions.persistedQuery.sha256Hash`, or `documentId`) or the registered text itself; anything
 * else is refused before GraphQL reads it. Automatic persisted queries are off alongside, since
 * they would let any client register any document.
 */
export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static fromManifest(manifest: unknown): TrustedDocuments {
    if (manifest === null || typeof manifest !== 'object' || Array.isArray(manifest)) {
      throw new TrustedDocumentsError('the manifest must be a JSON object of sha256 hash to document');
    }
    const byHash = new Map<string, string>();
    for (const [hash, document] of Object.entries(manifest as Record<string, unknown>)) {
      if (typeof document !== 'string')
        throw new TrustedDocumentsError(`entry ${hash.slice(0, 16)}: the document must be a string`);
      const actual = documentHash(document);
      if (actual !== hash.toLowerCase())
        throw new TrustedDocumentsError(`entry ${hash.slice(0, 16)}: the hash is not the document's sha256`);
      byHash.set(actual, document);
    }
    return new TrustedDocuments(byHash);
  }

  static fromFile(file: string): TrustedDocuments {
    let parsed: unknown;
    try {
      parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new TrustedDocumentsError(
        `${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : 'not JSON'}`,
      );
    }
    return TrustedDocuments.fromManifest(parsed);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The document for a hash, or for registered text; null when neither is registered. */
  resolve(request: { query?: unknown; hash?: unknown }): string | null {
    if (typeof request.hash === 'string') return this.byHash.get(request.hash.toLowerCase()) ?? null;
    if (typeof request.query === 'string') return this.byHash.has(documentHash(request.query)) ? request.query : null;
    return null;
  }
}

export class TrustedDocumentsError extends Error {
  override name = 'TrustedDocumentsError';
}

export function documentHash(document: string): string {
  return createHash('sha256').update(document).digest('hex');
}

/** The example operations every kind of integrator starts from (`<user>/<Operation>.graphql`). */
export const exampleOperationsDir = path.join(repositoryRoot, 'examples', 'operations');
/** The reference portal's own operations (`portal/`), which it sends to the gateway as printed here. */
export const portalOperationsDir = path.join(repositoryRoot, 'portal', 'src', 'operations');
/** What `npm run trusted-documents` registers: the examples and the portal, so both run on a trusting gateway. */
export const trustedOperationsDirs: readonly string[] = [exampleOperationsDir, portalOperationsDir];
export const trustedDocumentsManifestPath = path.join(repositoryRoot, 'examples', 'trusted-documents.json');

/**
 * The manifest of the operations under `dirs`: each document as graphql-js prints it (comments
 * and layout gone), keyed by the sha256 of that text. A client that prints its parsed document
 * the same way (as a generated typed client does) sends a hash the gateway knows. Directories are
 * read in the order given and files in path order, so the same operations always make the same manifest.
 */
export function trustedDocumentsManifest(
  dirs: string | readonly string[] = trustedOperationsDirs,
): Record<string, string> {
  const manifest: Record<string, string> = {};
  for (const dir of typeof dirs === 'string' ? [dirs] : dirs) {
    const files = fs
      .readdirSync(dir, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.graphql'))
      .sort();
    for (const file of files) {
      let document: string;
      try {
        document = print(parse(fs.readFileSync(path.join(dir, file), 'utf8')));
      } catch (error) {
        throw new TrustedDocumentsError(
          `${path.relative(repositoryRoot, path.join(dir, file))}: ${(error as Error).message}`,
        );
      }
      manifest[documentHash(document)] = document;
    }
  }
  return manifest;
}

/** The manifest as `npm run trusted-documents` writes it. */
export function formatTrustedDocumentsManifest(manifest: Record<string, string>): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export const untrustedDocumentCode = 'DOCUMENT_NOT_TRUSTED';

function hashOf(body: Record<string, unknown>): unknown {
  if (typeof body['documentId'] === 'string') return body['documentId'].replace(/^sha256:/, '');
  let extensions = body['extensions'];
  if (typeof extensions === 'string') {
    try {
      extensions = JSON.parse(extensions);
    } catch {
      return undefined;
    }
  }
  return (extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery?.sha256Hash;
}

/**
 * Runs after the body is read and before GraphQL: a registered request continues with its document
 * in `query` (the hash dropped, so GraphQL sees an ordinary request); any other is refused, 400.
 */
export function trustedDocumentsMiddleware(documents: TrustedDocuments): express.RequestHandler {
  return (req, res, next) => {
    if (req.method !== 'POST' && req.method !== 'GET') {
      next();
      return;
    }
    const source = (req.method === 'GET' ? req.query : req.body) as Record<string, unknown> | undefined;
    // A batch (an array) is refused by the server anyway; nothing here to trust.
    if (!source || typeof source !== 'object' || Array.isArray(source)) {
      next();
      return;
    }
    const hash = hashOf(source);
    const document = documents.resolve({ query: source['query'], hash });
    if (document === null) {
      res
        .status(400)
        .type('application/json')
        .send(
          JSON.stringify({
            errors: [
              {
                message:
                  hash !== undefined
                    ? 'This graph accepts registered operations only, and that hash is not registered'
                    : 'This graph accepts registered operations only: send a registered document or its sha256 hash',
                extensions: { code: untrustedDocumentCode },
              },
            ],
          }),
        );
      return;
    }
    const { extensions, documentId: _id, ...rest } = source;
    const kept =
      typeof extensions === 'object' && extensions !== null
        ? (({ persistedQuery: _pq, ...others }) => others)(extensions as Record<string, unknown>)
        : undefined;
    const rewritten = {
      ...rest,
      query: document,
      ...(kept && Object.keys(kept).length > 0 ? { extensions: kept } : {}),
    };
    if (req.method === 'GET') {
      // Express 5's req.query is a getter; the GraphQL integration reads the search string again.
      const url = new URL(req.originalUrl, 'http://localhost');
      url.searchParams.delete('extensions');
      url.searchParams.delete('documentId');
      url.searchParams.set('query', document);
      req.url = `${req.path}${url.search}`;
    } else {
      req.body = rewritten;
    }
    next();
  };
}
