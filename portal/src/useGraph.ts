import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { useEffect, useRef, useState } from 'react';
import { graphql, operationName, type GraphAnswer } from './graph';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  /** `refreshing` while the next answer (another page, say) is on its way: the last stays shown. */
  | { readonly state: 'ready'; readonly answer: GraphAnswer<T>; readonly refreshing: boolean };

/**
 * A request, run when its inputs change; what the caller may not see simply does not come back.
 * The last answer stays on screen while the next loads, so a pager's button keeps the focus.
 */
export function useRequest<T>(key: string, run: () => Promise<GraphAnswer<T>>): Loaded<T> {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  // The latest `run` for the current key: the effect depends on the key, compared by value.
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    let current = true;
    setLoaded((previous) => (previous.state === 'ready' ? { ...previous, refreshing: true } : { state: 'loading' }));
    latest.current().then(
      (answer) => {
        if (current) setLoaded({ state: 'ready', answer, refreshing: false });
      },
      (error: unknown) => {
        if (current) setLoaded({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      current = false;
    };
  }, [key]);
  return loaded;
}

/** One typed operation against the gateway. */
export function useGraph<TResult, TVariables>(
  gatewayUrl: string,
  token: string,
  document: TypedDocumentNode<TResult, TVariables>,
  variables: TVariables,
): Loaded<TResult> {
  return useRequest(JSON.stringify([gatewayUrl, token, operationName(document), variables]), () =>
    graphql(gatewayUrl, token, document, variables),
  );
}
