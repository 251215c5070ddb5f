import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import { ArgumentValidationError, AuthenticationError, AuthorizationError } from 'type-graphql';
import { ERROR_CODES, LedgerError, type ErrorCode } from '../domain/errors';
import { isDatabaseUnavailable } from '../events/database';

/**
 * The one place errors become GraphQL errors. Every error leaves with an `extensions.code` from
 * the closed vocabulary of src/domain/errors.ts; a LedgerError keeps its message and details
 * (rule id, offending line, actual version …); anything else is an internal error whose message
 * and stack never leave the server.
 */
export function formatError(
  formatted: GraphQLFormattedError,
  error: unknown,
  log: (e: unknown) => void,
): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof LedgerError)
    return withCode(formatted, original.code, original.message, jsonSafe(original.details));
  if (original instanceof AuthenticationError)
    return withCode(formatted, 'UNAUTHENTICATED', 'a valid API token is required');
  if (original instanceof AuthorizationError)
    return withCode(formatted, 'FORBIDDEN', 'your role may not do this');
  if (original instanceof ArgumentValidationError)
    return withCode(formatted, 'BAD_USER_INPUT', formatted.message);
  if (isDatabaseUnavailable(original))
    return withCode(formatted, 'SERVICE_UNAVAILABLE', UNAVAILABLE_MESSAGE);
  const code = formatted.extensions?.code;
  // Parse and validation failures, bad variables, unknown operations: the caller's mistake.
  if (
    code === ApolloServerErrorCode.GRAPHQL_PARSE_FAILED ||
    code === ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED ||
    code === ApolloServerErrorCode.BAD_USER_INPUT ||
    code === ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE ||
    code === ApolloServerErrorCode.BAD_REQUEST
  ) {
    return withCode(formatted, 'BAD_USER_INPUT', formatted.message, {
      reason: String(code),
      ...detailsOf(formatted),
    });
  }
  if (
    typeof code === 'string' &&
    (ERROR_CODES as readonly string[]).includes(code) &&
    code !== 'INTERNAL_SERVER_ERROR'
  ) {
    return withCode(formatted, code as ErrorCode, formatted.message, detailsOf(formatted));
  }
  // Apollo's own refusals without a code (a persisted query of an unknown version, a hash that
  // does not match its query) carry the 4xx status they are answered with: the caller's mistake.
  if (clientStatus(original))
    return withCode(formatted, 'BAD_USER_INPUT', formatted.message, { reason: 'BAD_REQUEST' });
  log(original);
  return withCode(formatted, 'INTERNAL_SERVER_ERROR', 'internal server error');
}

function clientStatus(error: unknown): boolean {
  if (!(error instanceof GraphQLError) || error.extensions.code !== undefined) return false;
  const status = (error.extensions.http as { status?: unknown } | undefined)?.status;
  return typeof status === 'number' && status >= 400 && status < 500;
}

/** Details a GraphQLError raised outside the domain carries (the field a check refused). */
function detailsOf(formatted: GraphQLFormattedError): Record<string, unknown> | undefined {
  const details = formatted.extensions?.details;
  return details && typeof details === 'object' ? (details as Record<string, unknown>) : undefined;
}

export const UNAVAILABLE_MESSAGE = 'the database is unavailable; retry in a moment';

/**
 * The HTTP status some codes mean, whatever else the response holds: a database that is down is
 * 503; a request that needs a token and has none is 401, the same as a bad, revoked or expired
 * token (so a client learns the same thing either way).
 */
export const statusOfCodes: ApolloServerPlugin = {
  async requestDidStart() {
    return {
      async willSendResponse({ response }) {
        if (response.body.kind !== 'single') return;
        const codes = new Set(
          (response.body.singleResult.errors ?? []).map((e) => e.extensions?.code),
        );
        if (codes.has('SERVICE_UNAVAILABLE')) response.http.status = 503;
        else if (codes.has('UNAUTHENTICATED')) response.http.status = 401;
      },
    };
  },
};

function withCode(
  formatted: GraphQLFormattedError,
  code: ErrorCode,
  message: string,
  details?: Record<string, unknown>,
): GraphQLFormattedError {
  return {
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { code, ...(details && Object.keys(details).length ? { details } : {}) },
  };
}

/** Details may hold bigints (versions, positions): they travel as decimal strings. */
function jsonSafe(details: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(details, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)));
}
