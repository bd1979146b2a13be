// The few parts of autocannon (which ships no types) the benchmarks use.
declare module 'autocannon' {
  interface Client {
    setHeaders(headers: Record<string, string>): void;
  }
  interface RequestParams {
    method?: string;
    path?: string;
    headers: Record<string, string>;
    body?: string;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    /** Requests in all; overrides duration. */
    amount?: number;
    /** Milliseconds between samples; a run given `amount` ends on the first sample after it. */
    sampleInt?: number;
    /** Seconds before a request counts as timed out. */
    timeout?: number;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
    /** Called once per connection, e.g. to give each its own headers. */
    setupClient?: (client: Client) => void;
    requests?: Array<{
      method?: string;
      body?: string;
      headers?: Record<string, string>;
      setupRequest?: (request: RequestParams) => RequestParams;
    }>;
  }
  interface Result {
    requests: { average: number; total: number };
    non2xx: number;
    errors: number;
    timeouts: number;
    duration: number;
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
