import { useCallback, useEffect, useRef, useState } from 'react';
import { allPages, ApiError, gql, subscribe } from './api';
import { currentToken } from './session';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

/** A query's result, loaded again when its variables (or `reload()`) change. */
export function useQuery<T>(
  query: string | null,
  variables: Record<string, unknown> = {},
): Loaded<T> & { reload: () => void } {
  return useLoad<T>(query, variables, (q, v, signal) => gql<T>(q, v, { signal }));
}

/** Every node of a connection (api.ts allPages), loaded again like useQuery. */
export function usePaged<N>(
  query: string,
  variables: Record<string, unknown>,
  field: string,
): Loaded<N[]> & { reload: () => void } {
  return useLoad<N[]>(query, variables, (q, v, signal) => allPages<N>(q, v, field, { signal }));
}

function useLoad<T>(
  query: string | null,
  variables: Record<string, unknown>,
  load: (query: string, variables: Record<string, unknown>, signal: AbortSignal) => Promise<T>,
): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (query === null) return;
    const abort = new AbortController();
    load(query, JSON.parse(key) as Record<string, unknown>, abort.signal).then(
      (data) => setResult({ state: 'ok', data }),
      (error: unknown) => {
        if (!abort.signal.aborted)
          setResult({
            state: 'error',
            error: error instanceof ApiError ? error : new ApiError({ message: String(error) }),
          });
      },
    );
    return () => abort.abort();
    // `load` is a new closure each render; query and variables are what it depends on.
  }, [query, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...result, reload };
}

/**
 * Runs `onEvent` for every event of a subscription (graphql-ws, the signed-in token) while the
 * page is shown. Subscriptions need a token: without one, nothing happens.
 */
export function useLive(
  query: string,
  variables: Record<string, unknown>,
  onEvent: () => void,
): void {
  const latest = useRef(onEvent);
  latest.current = onEvent;
  const key = JSON.stringify(variables);
  const token = currentToken();
  useEffect(() => {
    if (!token) return;
    return subscribe(query, JSON.parse(key) as Record<string, unknown>, () => latest.current());
  }, [query, key, token]);
}
