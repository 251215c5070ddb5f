import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, visit, type DocumentNode } from 'graphql';

/**
 * Text PostgreSQL cannot store or that is not text at all: NUL (refused by PostgreSQL's UTF-8)
 * and UTF-16 surrogates without their pair (silently turned into U+FFFD on the way to the
 * database). Refused at the door with the field named, so they never reach a query or an event.
 */
// eslint-disable-next-line no-control-regex
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function badTextReason(s: string): string | undefined {
  const m = BAD_TEXT.exec(s);
  if (!m) return undefined;
  return m[0] === '\u0000' ? 'contains a NUL character' : 'contains an unpaired UTF-16 surrogate';
}

/** The first string in a JSON value that is not storable text, with its path. */
export function findBadText(value: unknown, path: string): { path: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = badTextReason(value);
    return reason ? { path, reason } : null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findBadText(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyReason = badTextReason(k);
      if (keyReason) return { path: `${path}.${JSON.stringify(k)}`, reason: keyReason };
      const found = findBadText(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}

/** String literals written in the query itself, named by their argument and input fields. */
function findBadLiteral(document: DocumentNode): { path: string; reason: string } | null {
  const names: string[] = [];
  let found: { path: string; reason: string } | null = null;
  visit(document, {
    Argument: { enter: (n) => void names.push(n.name.value), leave: () => void names.pop() },
    ObjectField: { enter: (n) => void names.push(n.name.value), leave: () => void names.pop() },
    StringValue(n) {
      const reason = badTextReason(n.value);
      if (reason && !found) found = { path: names.join('.') || '(query)', reason };
    },
  });
  return found;
}

function refusal(field: string, reason: string): GraphQLError {
  return new GraphQLError(`${field} ${reason}`, {
    extensions: { code: 'BAD_USER_INPUT', details: { field }, http: { status: 400 } },
  });
}

function refuse(field: string, reason: string): never {
  throw refusal(field, reason);
}

/** An Idempotency-Key is a client-chosen token: printable ASCII, at most 200 characters. */
export function checkIdempotencyKey(key: string | undefined): void {
  if (key === undefined) return;
  if (!/^[\x21-\x7e]{1,200}$/.test(key))
    refuse('Idempotency-Key', 'must be 1–200 printable ASCII characters');
}

/**
 * The one rule for every transport (HTTP and WebSocket): the first string of an operation's
 * variables or of its query's literals that is not storable text, as an error naming it.
 */
export function badOperationText(
  variables: Record<string, unknown> | null | undefined,
  document: DocumentNode,
): GraphQLError | null {
  const found = findBadText(variables ?? {}, 'variables') ?? findBadLiteral(document);
  return found ? refusal(found.path, found.reason) : null;
}

export const inputTextCheck: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async didResolveOperation({ request, document }) {
        checkIdempotencyKey(request.http?.headers.get('idempotency-key') ?? undefined);
        const bad = badOperationText(request.variables, document);
        if (bad) throw bad;
      },
    };
  },
};
