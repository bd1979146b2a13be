import fs from 'node:fs';
import { composeSupergraph, supergraphPath } from '@safeguarding/gateway';
import { subgraphNames } from '@safeguarding/shared';

describe('static composition', () => {
  let composed: string;
  beforeAll(async () => {
    composed = await composeSupergraph();
  });

  it('composes the five subgraphs without running any of them', () => {
    for (const name of subgraphNames) {
      expect(composed).toContain(`@join__graph(name: "${name}", url: "http://localhost:`);
    }
  });

  it('matches the committed supergraph.graphql (run `npm run compose` when this fails)', () => {
    expect(fs.readFileSync(supergraphPath, 'utf8')).toBe(composed);
  });

  it('joins the shared entities across the subgraphs that contribute to them', () => {
    const partnership = composed.slice(composed.indexOf('type Partnership'), composed.indexOf('}', composed.indexOf('type Partnership')));
    for (const name of subgraphNames) expect(partnership).toContain(`@join__type(graph: ${name.toUpperCase()}, key: "id")`);
  });
});
