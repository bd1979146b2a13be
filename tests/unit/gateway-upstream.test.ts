import http from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  Circuit,
  createUpstreamFetcher,
  defaultUpstreamOptions,
  gatewayEnvironment,
  SubgraphUnavailableError,
} from '@safeguarding/gateway';
import { parseEnvironment } from '@safeguarding/shared';

describe('the subgraph timeout setting', () => {
  const base = { INTERNAL_TOKEN_SECRET: 'y'.repeat(40) };

  it('is 10 s unless set, and refuses a value that is not a whole number of milliseconds in range, naming it', () => {
    expect(parseEnvironment(gatewayEnvironment, base).SUBGRAPH_TIMEOUT_MS).toBe(10_000);
    expect(parseEnvironment(gatewayEnvironment, { ...base, SUBGRAPH_TIMEOUT_MS: '2500' }).SUBGRAPH_TIMEOUT_MS).toBe(
      2500,
    );
    expect(() => parseEnvironment(gatewayEnvironment, { ...base, SUBGRAPH_TIMEOUT_MS: 'soon' })).toThrow(
      /^SUBGRAPH_TIMEOUT_MS:/,
    );
    expect(() => parseEnvironment(gatewayEnvironment, { ...base, SUBGRAPH_TIMEOUT_MS: '5' })).toThrow(
      /^SUBGRAPH_TIMEOUT_MS:/,
    );
  });
});

describe('the circuit towards one subgraph', () => {
  it('opens after the set number of consecutive failures, lets one probe through once open long enough, and closes on its success', () => {
    let now = 0;
    const circuit = new Circuit({ failuresToOpen: 2, openMs: 1000 }, () => now);
    circuit.failed();
    expect(circuit.allow()).toBe(true);
    circuit.failed();
    expect(circuit.allow()).toBe(false);
    now = 999;
    expect(circuit.allow()).toBe(false);
    now = 1000;
    expect(circuit.allow()).toBe(true);
    // Only one probe at a time while it is still unproven.
    expect(circuit.allow()).toBe(false);
    circuit.succeeded();
    expect(circuit.allow()).toBe(true);
  });

  it('opens again for a full period when the probe fails', () => {
    let now = 0;
    const circuit = new Circuit({ failuresToOpen: 1, openMs: 1000 }, () => now);
    circuit.failed();
    now = 1000;
    expect(circuit.allow()).toBe(true);
    circuit.failed();
    now = 1999;
    expect(circuit.allow()).toBe(false);
  });

  it('is not opened by failures that a success interrupted', () => {
    const circuit = new Circuit({ failuresToOpen: 2, openMs: 1000 }, () => 0);
    circuit.failed();
    circuit.succeeded();
    circuit.failed();
    expect(circuit.allow()).toBe(true);
  });
});

describe('a request whose connection drops before any answer', () => {
  let server: http.Server;
  let url: string;
  let received: string[];
  beforeEach(async () => {
    received = [];
    // The first request on each run has its socket cut, as a subgraph closing a kept-alive socket would.
    server = http.createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        received.push(body);
        if (received.length === 1) {
          request.socket.destroy();
          return;
        }
        response.setHeader('content-type', 'application/json');
        response.end('{"data":{"ok":true}}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterEach(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const post = (query: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables: {} }),
  });

  it('is sent once more when it is a read, which changes nothing', async () => {
    const fetcher = createUpstreamFetcher(defaultUpstreamOptions, new Circuit(defaultUpstreamOptions));
    const response = (await fetcher(url, post('{ partnership(id: "1") { name } }'))) as Response;
    expect(await response.json()).toEqual({ data: { ok: true } });
    expect(received).toHaveLength(2);
    await fetcher.close();
  });

  it('is never sent again when it is a mutation: the first may have been carried out', async () => {
    const fetcher = createUpstreamFetcher(defaultUpstreamOptions, new Circuit(defaultUpstreamOptions));
    const attempt = fetcher(url, post('mutation { activatePartnership(id: "1", activeFrom: "2027-01-01") { id } }'));
    await expect(attempt).rejects.toBeInstanceOf(SubgraphUnavailableError);
    await expect(attempt).rejects.toMatchObject({ reason: 'unreachable' });
    expect(received).toHaveLength(1);
    await fetcher.close();
  });
});
