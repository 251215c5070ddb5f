/**
 * The workbench's only way to the ledger: the public GraphQL API, over fetch (queries, mutations)
 * and graphql-ws (subscriptions), with the signed-in token if any. Errors keep the API's closed
 * vocabulary (extensions.code, details) so pages can act on them.
 */
import { createClient, type Client } from 'graphql-ws';
import { currentToken } from './session';

export interface ApiErrorShape {
  message: string;
  extensions?: { code?: string; details?: Record<string, unknown> };
}

export class ApiError extends Error {
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(e: ApiErrorShape) {
    super(e.message);
    this.code = e.extensions?.code ?? 'INTERNAL_SERVER_ERROR';
    this.details = e.extensions?.details ?? {};
  }
}

export async function gql<T>(
  query: string,
  variables: Record<string, unknown> = {},
  opts: { token?: string | null; signal?: AbortSignal } = {},
): Promise<T> {
  const token = opts.token === undefined ? currentToken() : opts.token;
  let res: Response;
  try {
    res = await fetch('/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
      signal: opts.signal,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError({ message: '无法连接服务', extensions: { code: 'NETWORK' } });
  }
  const body = (await res.json().catch(() => ({}))) as { data?: T; errors?: ApiErrorShape[] };
  if (body.errors?.length) throw new ApiError(body.errors[0]!);
  if (!body.data) throw new ApiError({ message: `HTTP ${res.status}` });
  return body.data;
}

let wsClient: { token: string | null; client: Client } | null = null;

/** One graphql-ws client per token; `onData` runs for every event, until the returned stop. */
export function subscribe<T>(
  query: string,
  variables: Record<string, unknown>,
  onData: (data: T) => void,
): () => void {
  const token = currentToken();
  if (!wsClient || wsClient.token !== token) {
    void wsClient?.client.dispose();
    const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
    wsClient = {
      token,
      client: createClient({
        url,
        connectionParams: token ? { authorization: `Bearer ${token}` } : {},
        retryAttempts: Infinity,
      }),
    };
  }
  return wsClient.client.subscribe<T>(
    { query, variables },
    {
      next: (r) => r.data && onData(r.data as T),
      error: () => undefined,
      complete: () => undefined,
    },
  );
}

interface Connection<N> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: N }[];
}

/**
 * Every node of a connection, page after page: `query` takes `$after` and selects
 * `<field> { pageInfo { hasNextPage endCursor } edges { node { … } } }`. Pages stay small enough
 * for the API's cost limit, which counts a page's size.
 */
export async function allPages<N>(
  query: string,
  variables: Record<string, unknown>,
  field: string,
  opts: { signal?: AbortSignal } = {},
): Promise<N[]> {
  const out: N[] = [];
  let after: string | null = null;
  for (;;) {
    const data: Record<string, Connection<N>> = await gql(query, { ...variables, after }, opts);
    const page = data[field]!;
    out.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage) return out;
    after = page.pageInfo.endCursor;
  }
}
