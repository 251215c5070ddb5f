/**
 * Public reads made cacheable. A published disclosure is immutable at its position; what can
 * change is which publication is the latest (a new DisclosurePublished) and the classifications
 * (ReferenceCodesAdopted). So:
 *
 * - every /graphql response says whether a shared cache may keep it (cacheHeadersPlugin): only a
 *   tokenless query of published data (disclosure, classifications) is `public`; anything else —
 *   a token's answer, a mutation, an error, the ledger head — is `private, no-store`, and all vary
 *   on Authorization, so no cache ever serves one unit's draft to another caller;
 * - GraphQL over GET (graphqlGet) answers tokenless public queries from an in-process cache of
 *   the serialized responses, with an ETag and 304; the public disclosure query is a persisted
 *   query clients can send by its hash alone (PERSISTED_QUERIES), so the URL is short and the
 *   same for every reader;
 * - the latest publication of a unit-year is remembered, and the GraphQL entries and that memory
 *   are dropped when the log shows a publication or adopted codes (watch, via the events hub).
 */
import { createHash } from 'node:crypto';
import type { ApolloServer, ApolloServerPlugin, HTTPGraphQLRequest } from '@apollo/server';
import { HeaderMap } from '@apollo/server';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import {
  Kind,
  type DocumentNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type pg from 'pg';
import { departmentUnits, publishedPosition } from '../projections/fact-versions';
import type { EventStore } from '../events/event-store';
import { Role } from './auth';
import type { GraphQLContext } from './context';
import type { LedgerEventsHub } from './events-hub';
import { cachedResponse, PRIVATE, PUBLIC_SHORT, ResponseCache, sendCached } from './http-cache';

/** Root fields whose tokenless answer is published data only, the same for every reader. */
const SHAREABLE_ROOTS = new Set(['disclosure', 'classifications', '__typename']);
/** Events after which a cached public answer may be stale. */
const STALE_AFTER = new Set(['DisclosurePublished', 'ReferenceCodesAdopted']);

/** The published disclosure as a reader's page shows it: every table, row and cell. */
export const PUBLIC_DISCLOSURE_QUERY = `query PublishedDisclosure($departmentCode: String!,
    $fiscalYear: Int!) {
  disclosure(departmentCode: $departmentCode, fiscalYear: $fiscalYear) {
    fiscalYear published asOf { position }
    department { code name }
    tables {
      id label title unitName moneyUnit note headerRows
      rows { role key code name level cells { column value } }
    }
  }
}`;

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/** Persisted queries a client may send by hash without registering them first. */
export const PERSISTED_QUERIES: ReadonlyMap<string, string> = new Map(
  [PUBLIC_DISCLOSURE_QUERY].map((q) => [sha256(q), q]),
);

export interface PublicReadsOptions {
  /** Byte budget of the serialized GraphQL responses kept. */
  graphqlBytes?: number;
  /** Byte budget of the rendered documents kept (PDF, XLSX, HTML, JSON). */
  fileBytes?: number;
}

export class PublicReads {
  /** Serialized tokenless GraphQL GET responses, by query string; dropped on publication. */
  readonly graphql: ResponseCache;
  /** Rendered documents by publication position: immutable, only evicted for room. */
  readonly files: ResponseCache;
  private readonly latest = new Map<string, Promise<bigint | null>>();
  private readonly stop = new AbortController();

  constructor(
    private readonly pool: pg.Pool,
    opts: PublicReadsOptions = {},
  ) {
    this.graphql = new ResponseCache(opts.graphqlBytes ?? 32 * 1024 * 1024);
    this.files = new ResponseCache(opts.fileBytes ?? 64 * 1024 * 1024);
  }

  /** The position of the latest publication of a department's unit-year (null: never). */
  latestPublication(departmentCode: string, fiscalYear: number): Promise<bigint | null> {
    const key = `${departmentCode}|${fiscalYear}`;
    let p = this.latest.get(key);
    if (!p) {
      p = departmentUnits(this.pool, departmentCode).then((units) =>
        publishedPosition(
          this.pool,
          units.map((u) => u.unitCode),
          fiscalYear,
        ),
      );
      p.catch(() => this.latest.delete(key));
      this.latest.set(key, p);
    }
    return p;
  }

  /** What may be stale after a publication goes; documents pinned to a position stay. */
  invalidate(): void {
    this.graphql.clear();
    this.latest.clear();
  }

  /** Follows the log (from its settled head) and invalidates on the events that matter. */
  async watch(hub: LedgerEventsHub, store: EventStore, log: (msg: string) => void): Promise<void> {
    const after = await store.settledPosition();
    void (async () => {
      for await (const e of hub.events(after, this.stop.signal))
        if (STALE_AFTER.has(e.type)) this.invalidate();
    })().catch((err) => log(`public cache watcher stopped: ${String(err)}`));
  }

  close(): void {
    this.stop.abort();
  }
}

/** The names of an operation's root fields, through fragments. */
function rootFields(doc: DocumentNode, op: OperationDefinitionNode): string[] {
  const fragments = new Map(
    doc.definitions.flatMap((d) =>
      d.kind === Kind.FRAGMENT_DEFINITION ? [[d.name.value, d]] : [],
    ),
  );
  const walk = (set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) =>
      s.kind === Kind.FIELD
        ? [s.name.value]
        : s.kind === Kind.INLINE_FRAGMENT
          ? walk(s.selectionSet)
          : walk(
              fragments.get(s.name.value)?.selectionSet ?? {
                kind: Kind.SELECTION_SET,
                selections: [],
              },
            ),
    );
  return walk(op.selectionSet);
}

/** Cache-Control and Vary on every GraphQL response, decided once the operation is known. */
export function cacheHeadersPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse(rc) {
          const body = rc.response.body;
          const failed =
            (rc.errors?.length ?? 0) > 0 ||
            (body.kind === 'single' && (body.singleResult.errors?.length ?? 0) > 0);
          const shareable =
            !failed &&
            rc.contextValue.viewer?.role === Role.PUBLIC &&
            rc.operation?.operation === 'query' &&
            rc.document !== undefined &&
            rootFields(rc.document, rc.operation).every((f) => SHAREABLE_ROOTS.has(f));
          rc.response.http.headers.set('cache-control', shareable ? PUBLIC_SHORT : PRIVATE);
          rc.response.http.headers.set('vary', 'Authorization');
        },
      };
    },
  };
}

/** The query string with a known persisted query's text added when only its hash was sent. */
function withPersistedQuery(search: string): string {
  const params = new URLSearchParams(search);
  if (params.has('query') || !params.has('extensions')) return search;
  try {
    const ext = JSON.parse(params.get('extensions')!) as {
      persistedQuery?: { sha256Hash?: string };
    };
    const query = PERSISTED_QUERIES.get(ext.persistedQuery?.sha256Hash ?? '');
    if (!query) return search;
    params.set('query', query);
    return `?${params.toString()}`;
  } catch {
    return search;
  }
}

/** Apollo's CSRF rule: a GET must carry a header a simple cross-site request cannot. */
const preflighted = (req: Request): boolean =>
  req.get('apollo-require-preflight') !== undefined ||
  req.get('x-apollo-operation-name') !== undefined;

/**
 * GraphQL over GET: persisted public queries expanded, tokenless shareable answers kept in (and
 * served from) the in-process cache with an ETag; everything else passes through Apollo as is.
 */
export function graphqlGet(
  apollo: ApolloServer<GraphQLContext>,
  context: (req: Request, res: Response) => Promise<GraphQLContext>,
  reads: PublicReads,
): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET') return next();
    const raw = req.originalUrl.includes('?')
      ? req.originalUrl.slice(req.originalUrl.indexOf('?'))
      : '';
    const search = withPersistedQuery(raw);
    const tokenless = req.get('authorization') === undefined;
    const key = search;
    (async () => {
      const hit = tokenless && preflighted(req) ? reads.graphql.peek(key) : undefined;
      if (hit) return sendCached(req, res, await hit, PUBLIC_SHORT, true);
      const headers = new HeaderMap();
      for (const [k, v] of Object.entries(req.headers))
        if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
      const request: HTTPGraphQLRequest = { method: 'GET', headers, search, body: undefined };
      const out = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: request,
        context: () => context(req, res),
      });
      const status = out.status ?? 200;
      if (
        out.body.kind === 'complete' &&
        status === 200 &&
        tokenless &&
        out.headers.get('cache-control') === PUBLIC_SHORT
      ) {
        const entry = cachedResponse(
          out.body.string,
          out.headers.get('content-type') ?? 'application/json; charset=utf-8',
        );
        reads.graphql.put(key, entry);
        return sendCached(req, res, entry, PUBLIC_SHORT, true);
      }
      for (const [k, v] of out.headers) res.setHeader(k, v);
      res.status(status);
      if (out.body.kind === 'complete') {
        res.send(out.body.string);
        return;
      }
      for await (const chunk of out.body.asyncIterator) res.write(chunk);
      res.end();
    })().catch(next);
  };
}
