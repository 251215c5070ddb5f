import { GraphQLError } from 'graphql';
import { PageInfo } from './page-info.type';
import { PageArgs } from './page.args';

/** Relay cursor connections (https://relay.dev/graphql/connections.htm), bounded. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

/** A page request normalised: direction, size, and the decoded cursor key (opaque to clients). */
export interface PageRequest {
  forward: boolean;
  limit: number;
  cursor: string | null;
}

export function pageRequest(args: PageArgs): PageRequest {
  if (args.first != null && args.last != null)
    throw badInput('pass either first or last, not both');
  const size = args.last ?? args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE)
    throw badInput(`page size must be between 0 and ${MAX_PAGE_SIZE}`);
  const forward = args.last == null;
  const raw = forward ? args.after : args.before;
  return { forward, limit: size, cursor: raw == null ? null : decodeCursor(raw) };
}

export function encodeCursor(key: string): string {
  return Buffer.from(`c:${key}`, 'utf8').toString('base64url');
}

function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('c:')) throw badInput('invalid cursor');
  return text.slice(2);
}

/**
 * Builds edges and page info from rows fetched with limit + 1 (the extra row tells if there is
 * more).
 */
export function toConnection<T>(
  rows: T[],
  req: PageRequest,
  keyOf: (row: T) => string,
  hadCursor: boolean,
) {
  const more = rows.length > req.limit;
  const page = rows.slice(0, req.limit);
  if (!req.forward) page.reverse();
  const edges = page.map((node) => ({ node, cursor: encodeCursor(keyOf(node)) }));
  const pageInfo: PageInfo = {
    hasNextPage: req.forward ? more : hadCursor,
    hasPreviousPage: req.forward ? hadCursor : more,
    startCursor: edges[0]?.cursor ?? null,
    endCursor: edges[edges.length - 1]?.cursor ?? null,
  };
  return { edges, pageInfo };
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
