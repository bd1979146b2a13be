import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { defaultHardening, defaultSubgraphPorts, subgraphNames } from '@safeguarding/shared';

/**
 * The Router path's files agree with the graph: every subgraph is routed and listed for rover, the
 * caller's token is checked against the provider's key set and propagated (what SUBGRAPH_AUTH=jwks
 * expects; tests/security-router-mode.test.ts proves the subgraphs' side), and the limits are the
 * gateway's own. A Router binary is not needed to read them.
 */
const root = path.join(__dirname, '..');
const read = (file: string) => parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, any>;

describe('router.yaml', () => {
  const router = read('router.yaml');

  it('routes every subgraph of the supergraph, and no other', () => {
    expect(Object.keys(router['override_subgraph_url']).sort()).toEqual([...subgraphNames].sort());
    const supergraph = fs.readFileSync(path.join(root, 'supergraph.graphql'), 'utf8');
    const joined = [...supergraph.matchAll(/@join__graph\(name: "(\w+)"/g)].map((match) => match[1]);
    expect(joined.sort()).toEqual([...subgraphNames].sort());
  });

  it('verifies the caller against the JWKS, with asymmetric keys only, and propagates the Authorization header', () => {
    const jwt = router['authentication']['router']['jwt'];
    expect(jwt['jwks'][0]['url']).toBe('${env.AUTH_JWKS_URL}');
    expect(jwt['jwks'][0]['issuers']).toEqual(['${env.AUTH_ISSUER}']);
    expect(jwt['jwks'][0]['algorithms'].some((alg: string) => alg.startsWith('HS'))).toBe(false);
    expect(router['headers']['all']['request']).toContainEqual({ propagate: { named: 'authorization' } });
    expect(router['telemetry']['exporters']['tracing']['propagation']['trace_context']).toBe(true);
  });

  it("keeps the gateway's limits, a subgraph timeout, no introspection, and exact CORS origins", () => {
    expect(router['limits']).toMatchObject({
      max_depth: defaultHardening.MAX_QUERY_DEPTH,
      max_aliases: defaultHardening.MAX_ALIASES,
      parser_max_tokens: defaultHardening.MAX_TOKENS,
      http_max_request_bytes: defaultHardening.BODY_LIMIT_BYTES,
    });
    expect(router['traffic_shaping']['all']['timeout']).toBe('10s');
    expect(router['supergraph']['introspection']).toBe(false);
    expect(router['cors']['allow_any_origin']).toBe(false);
    expect(router['cors']['policies'][0]['allow_credentials']).toBe(false);
  });
});

describe('supergraph.yaml (rover)', () => {
  it('lists every subgraph at its default port', () => {
    const config = read('supergraph.yaml');
    expect(Object.keys(config['subgraphs']).sort()).toEqual([...subgraphNames].sort());
    for (const name of subgraphNames) {
      expect(config['subgraphs'][name]['routing_url']).toBe(`http://localhost:${defaultSubgraphPorts[name]}/graphql`);
    }
  });
});
