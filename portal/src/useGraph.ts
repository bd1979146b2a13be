import { useEffect, useState } from 'react';
import { graphql, type GraphAnswer } from './graph';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'ready'; readonly answer: GraphAnswer<T> };

/** A query, run when its inputs change; what the caller may not see simply does not come back. */
export function useGraph<T>(
  gatewayUrl: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const key = JSON.stringify(variables);
  useEffect(() => {
    let current = true;
    setLoaded({ state: 'loading' });
    graphql<T>(gatewayUrl, token, query, variables).then(
      (answer) => current && setLoaded({ state: 'ready', answer }),
      (error: unknown) =>
        current && setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
    // The variables are compared by value, through `key`.
  }, [gatewayUrl, token, query, key]);
  return loaded;
}
