import { useCallback, useEffect, useState } from 'react';
import { ApiError, gql } from './api';

export type Loaded<T> =
  { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

/** A query's result, loaded again when its variables (or `reload()`) change. */
export function useQuery<T>(
  query: string | null,
  variables: Record<string, unknown> = {},
): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (query === null) return;
    const abort = new AbortController();
    gql<T>(query, JSON.parse(key) as Record<string, unknown>, { signal: abort.signal }).then(
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
  }, [query, key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...result, reload };
}
