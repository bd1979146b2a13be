import { buildSchema, GraphQLError, parse } from 'graphql';
import { completeResult, explains, propagateNulls } from '@safeguarding/gateway';
import type { Logger } from '@safeguarding/shared';

// A hand-made schema with each shape the rule meets: non-null fields and list items, lists of
// lists, a union and an interface, and a non-null root field.
const schema = buildSchema(`
  type Query {
    viewer: Viewer
    required: Viewer!
    matrix: [[Int!]]
    strictMatrix: [[Int!]!]
    results: [SearchResult!]
    nodes: [Node!]
  }
  type Viewer {
    name: String
    partnerships: [Partnership!]
    pinned: [Partnership!]!
    organisation: Organisation!
  }
  type Partnership implements Node { id: ID! name: String! lead: Organisation }
  type Organisation implements Node { id: ID! name: String }
  interface Node { id: ID! }
  union SearchResult = Partnership | Organisation
`);

const run = (query: string, data: unknown, variables?: Record<string, unknown>) =>
  propagateNulls(schema, parse(query), undefined, variables, data as Record<string, unknown>);

describe('null propagation over a finished result (GraphQL spec, Handling Field Errors)', () => {
  it('nulls a nullable list whose non-null item is null, and says where the null was', () => {
    const result = run('{ viewer { name partnerships { id } } }', {
      viewer: { name: 'A', partnerships: [{ id: '1' }, null, null] },
    });
    expect(result.data).toEqual({ viewer: { name: 'A', partnerships: null } });
    expect(result.nulls).toEqual([{ path: ['viewer', 'partnerships', 1], position: 'Viewer.partnerships[]' }]);
  });

  it('carries a null in a non-null list up to the nearest nullable parent, and to data past a non-null root field', () => {
    expect(run('{ viewer { name pinned { id } } }', { viewer: { name: 'A', pinned: [null] } }).data).toEqual({
      viewer: null,
    });
    expect(run('{ viewer { name organisation { id } } }', { viewer: { name: 'A', organisation: null } }).data).toEqual({
      viewer: null,
    });
    const toData = run('{ viewer { name } required { organisation { name } } }', {
      viewer: { name: 'A' },
      required: { organisation: null },
    });
    expect(toData.data).toBeNull();
    expect(toData.nulls).toEqual([{ path: ['required', 'organisation'], position: 'Viewer.organisation' }]);
  });

  it('follows aliases, and walks a field asked twice under two aliases separately', () => {
    const result = run('{ me: viewer { ours: partnerships { key: id } all: partnerships { id name } } }', {
      me: { ours: [{ key: '1' }], all: [{ id: '1', name: null }] },
    });
    expect(result.data).toEqual({ me: { ours: [{ key: '1' }], all: null } });
    expect(result.nulls[0]?.path).toEqual(['me', 'all', 0, 'name']);
  });

  it('completes lists of lists: an inner null item nulls its inner list, which nulls the outer one when non-null', () => {
    expect(run('{ matrix }', { matrix: [[1, 2], [3, null], null] }).data).toEqual({ matrix: [[1, 2], null, null] });
    expect(
      run('{ strictMatrix }', {
        strictMatrix: [
          [1, 2],
          [3, null],
        ],
      }).data,
    ).toEqual({ strictMatrix: null });
    expect(run('{ strictMatrix }', { strictMatrix: [[1], null] }).nulls).toEqual([
      { path: ['strictMatrix', 1], position: 'Query.strictMatrix[]' },
    ]);
  });

  it('applies fragments and inline fragments on a union by __typename, however aliased', () => {
    const query = `{ results { kind: __typename ...P ... on Organisation { name } } }
      fragment P on Partnership { name }`;
    // Organisation.name is nullable: its null stays; Partnership.name is not: the list goes.
    expect(run(query, { results: [{ kind: 'Organisation', name: null }] }).data).toEqual({
      results: [{ kind: 'Organisation', name: null }],
    });
    expect(
      run(query, {
        results: [
          { kind: 'Organisation', name: null },
          { kind: 'Partnership', name: null },
        ],
      }).data,
    ).toEqual({ results: null });
  });

  it('on an interface without __typename, looks at the keys the answer has', () => {
    const query = '{ nodes { id ... on Partnership { lead { id } } ... on Organisation { name } } }';
    expect(
      run(query, {
        nodes: [
          { id: '1', name: null },
          { id: '2', lead: null },
        ],
      }).data,
    ).toEqual({
      nodes: [
        { id: '1', name: null },
        { id: '2', lead: null },
      ],
    });
    expect(run(query, { nodes: [{ id: '1', lead: { id: null } }] }).data).toEqual({ nodes: [{ id: '1', lead: null }] });
    expect(run(query, { nodes: [{ id: null }] }).data).toEqual({ nodes: null });
  });

  it('takes a field asked of a known type and missing from the answer for a null', () => {
    expect(
      run('{ viewer { name partnerships { id ... on Partnership { name } } } }', {
        viewer: { name: 'A', partnerships: [{ id: '1' }] },
      }),
    ).toEqual({
      data: { viewer: { name: 'A', partnerships: null } },
      nulls: [{ path: ['viewer', 'partnerships', 0, 'name'], position: 'Partnership.name' }],
    });
    expect(run('{ viewer { name } }', { viewer: {} }).data).toEqual({ viewer: { name: null } });
  });

  it('walks only what @skip and @include kept', () => {
    const query = 'query ($all: Boolean!) { viewer { name partnerships @include(if: $all) { id } } }';
    const data = { viewer: { name: 'A' } };
    expect(run(query, data, { all: false }).data).toBe(data);
    expect(run(query, { viewer: { name: 'A', partnerships: [null] } }, { all: true }).data).toEqual({
      viewer: { name: 'A', partnerships: null },
    });
  });

  it('returns the very same data when nothing is out of place, and leaves nullable nulls alone', () => {
    const data = { viewer: { name: null, partnerships: [{ id: '1', name: 'P', lead: null }] }, matrix: [null] };
    const result = run('{ viewer { name partnerships { id name lead { id } } } matrix }', data);
    expect(result.data).toBe(data);
    expect(result.nulls).toEqual([]);
  });

  it('picks the operation named, and leaves a result it cannot place (no data, unknown operation) as it is', () => {
    const document = parse('query A { viewer { pinned { id } } } query B { viewer { partnerships { id } } }');
    const data = { viewer: { partnerships: [null] } };
    expect(propagateNulls(schema, document, 'B', {}, data).data).toEqual({ viewer: { partnerships: null } });
    expect(propagateNulls(schema, document, 'C', {}, data).data).toBe(data);
    expect(propagateNulls(schema, document, 'B', {}, null).data).toBeNull();
  });
});

describe('whether an error speaks for a null', () => {
  it('does when its path is the null, inside it or around it, not when beside it or without a path', () => {
    const at = ['viewer', 'partnerships', 1];
    expect(explains(['viewer', 'partnerships', 1], at)).toBe(true);
    expect(explains(['viewer', 'partnerships', 1, 'name'], at)).toBe(true);
    expect(explains(['viewer', 'partnerships'], at)).toBe(true);
    expect(explains(['viewer', 'partnerships', 0], at)).toBe(false);
    expect(explains(['viewer', 'organisation'], at)).toBe(false);
    expect(explains(undefined, at)).toBe(false);
  });
});

describe('a result completed at the gateway', () => {
  const logged: unknown[] = [];
  const logger = { error: (fields: unknown) => logged.push(fields) } as unknown as Logger;
  const document = parse('{ viewer { partnerships { id } organisation { id } } }');
  const refused = new GraphQLError('refused', {
    path: ['viewer', 'partnerships', 1],
    extensions: { code: 'FORBIDDEN' },
  });

  it('is left alone without errors, and keeps the errors as raised when it moves a null', () => {
    const data = { viewer: { partnerships: [{ id: '1' }, null], organisation: { id: 'o' } } };
    expect(completeResult({ schema, document }, { data }, logger)).toBeUndefined();
    expect(completeResult({ schema, document }, { data, errors: [refused] }, logger)).toEqual({
      data: { viewer: { partnerships: null, organisation: { id: 'o' } } },
      errors: [refused],
    });
    expect(logged).toEqual([]);
  });

  it('adds a masked INTERNAL_SERVER_ERROR at a null no error speaks for, and logs its schema position', () => {
    const data = { viewer: { partnerships: [{ id: '1' }, null], organisation: null } };
    const completed = completeResult({ schema, document }, { data, errors: [refused] }, logger);
    expect(completed?.data).toEqual({ viewer: null });
    expect(completed?.errors?.map((error) => [error.message, error.path, error.extensions['code']])).toEqual([
      ['refused', ['viewer', 'partnerships', 1], 'FORBIDDEN'],
      ['Internal server error', ['viewer', 'organisation'], 'INTERNAL_SERVER_ERROR'],
    ]);
    expect(logged).toEqual([{ path: 'viewer.organisation', position: 'Viewer.organisation' }]);
  });
});
