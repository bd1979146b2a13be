import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';

/**
 * GraphiQL, served by the gateway from the packages installed with it: no CDN, no web font (its
 * stylesheet carries its fonts inline), so it works on a machine with no internet and a browser
 * asks nothing of any other host. The page's Content-Security-Policy holds it to this origin.
 * The example operations open as tabs, each kind of integrator's first.
 */
export interface GraphiqlOptions {
  /** `<user>/<Operation>.graphql`; a missing folder opens GraphiQL with one empty tab. */
  readonly examplesDir?: string;
}

interface Asset {
  readonly type: string;
  readonly file: string;
}

function packageFile(name: string, file: string): string {
  return path.join(path.dirname(require.resolve(`${name}/package.json`, { paths: [__dirname] })), file);
}

// Resolved when the IDE is mounted, so a gateway without it needs none of these packages.
function bundledAssets(): Map<string, Asset> {
  return new Map<string, Asset>(
    Object.entries({
      'react.js': { type: 'text/javascript', file: packageFile('react', 'umd/react.production.min.js') },
      'react-dom.js': { type: 'text/javascript', file: packageFile('react-dom', 'umd/react-dom.production.min.js') },
      'graphiql.js': { type: 'text/javascript', file: packageFile('graphiql', 'graphiql.min.js') },
      'graphiql.css': { type: 'text/css', file: packageFile('graphiql', 'graphiql.min.css') },
    }),
  );
}

// A script of its own (not inline) so that the policy can refuse every inline script.
const start = `'use strict';
(function () {
  var config = JSON.parse(document.getElementById('graphiql-config').textContent);
  var fetcher = GraphiQL.createFetcher({ url: new URL(config.endpoint, window.location.href).href });
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, { fetcher: fetcher, defaultTabs: config.tabs, defaultEditorToolsVisibility: true, shouldPersistHeaders: false })
  );
})();
`;

// GraphiQL's editors set styles inline; nothing else is allowed beyond this origin.
const policy = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self' data:",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function exampleTabs(dir: string | undefined): { query: string }[] {
  if (!dir || !fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.graphql'))
    .sort()
    .map((file) => ({ query: `# ${file.replace(/\\/g, '/')}\n${fs.readFileSync(path.join(dir, file), 'utf8')}` }));
}

/** JSON inside a <script type="application/json">: only `<` could close the element early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function page(endpoint: string, tabs: { query: string }[]): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>GraphiQL: safeguarding graph</title>
<link rel="stylesheet" href="/graphiql/graphiql.css">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script id="graphiql-config" type="application/json">${scriptJson({ endpoint, tabs: tabs.length > 0 ? tabs : undefined })}</script>
<script src="/graphiql/react.js"></script>
<script src="/graphiql/react-dom.js"></script>
<script src="/graphiql/graphiql.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>
`;
}

/** A browser's GET for /graphql (HTML preferred, no operation in the URL) gets the IDE. */
function wantsIde(req: express.Request): boolean {
  if (req.method !== 'GET' || 'query' in req.query || 'extensions' in req.query || 'documentId' in req.query)
    return false;
  return req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

export function mountGraphiql(app: express.Express, options: GraphiqlOptions = {}): void {
  // Read at start: the examples are part of the release, and a changed file needs no live reload.
  const assets = bundledAssets();
  const html = page('/graphql', exampleTabs(options.examplesDir));
  const headers = {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  };
  app.get('/graphql', (req, res, next) => {
    if (!wantsIde(req)) {
      next();
      return;
    }
    res
      .set({ ...headers, 'cache-control': 'no-store' })
      .type('text/html')
      .send(html);
  });
  app.get('/graphiql/start.js', (_req, res) => {
    res.set(headers).type('text/javascript').send(start);
  });
  app.get('/graphiql/:asset', (req, res, next) => {
    const asset = assets.get(req.params['asset']);
    if (!asset) {
      next();
      return;
    }
    res
      .set({ ...headers, 'cache-control': 'public, max-age=3600' })
      .type(asset.type)
      .sendFile(asset.file);
  });
}
