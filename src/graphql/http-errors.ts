import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Server } from 'node:http';
import type { ErrorCode } from '../domain/errors';

/**
 * Errors of the HTTP layer, before GraphQL runs: a body that is not JSON, too large, in an
 * unknown charset or content-encoding, a malformed request line. They leave as GraphQL-shaped
 * JSON with a code from the closed set, like every other error, never as an HTML page or a
 * stack trace.
 */
export function errorBody(code: ErrorCode, message: string, reason?: string): object {
  return {
    errors: [{ message, extensions: { code, ...(reason ? { details: { reason } } : {}) } }],
  };
}

/** body-parser's error types, as the client should read them. */
const BODY_ERRORS: Record<string, { status: number; message: string }> = {
  'entity.parse.failed': { status: 400, message: 'the request body is not valid JSON' },
  'entity.too.large': { status: 413, message: 'the request body is larger than 1 MB' },
  'entity.verify.failed': { status: 400, message: 'the request body could not be verified' },
  'request.aborted': { status: 400, message: 'the request was aborted' },
  'request.size.invalid': { status: 400, message: 'the request body is not its declared size' },
  'charset.unsupported': { status: 415, message: 'the body charset is not supported: use utf-8' },
  'encoding.unsupported': {
    status: 415,
    message: 'the content-encoding is not supported: use identity, gzip or deflate',
  },
  'stream.encoding.set': { status: 500, message: 'internal server error' },
};

/** The last error handler of the app: every error becomes JSON; the stack stays in the log. */
export function jsonErrors(log: (e: unknown) => void): ErrorRequestHandler {
  return (err: unknown, _req, res, next) => {
    if (res.headersSent) return next(err);
    const e = (err ?? {}) as { type?: string; status?: number; statusCode?: number };
    const known = e.type ? BODY_ERRORS[e.type] : undefined;
    const status = known?.status ?? e.status ?? e.statusCode ?? 500;
    if (status >= 500) {
      log(err);
      res.status(500).json(errorBody('INTERNAL_SERVER_ERROR', 'internal server error'));
      return;
    }
    res
      .status(status)
      .json(
        errorBody(
          'BAD_USER_INPUT',
          known?.message ?? 'the request body could not be read',
          e.type ?? 'BAD_REQUEST',
        ),
      );
  };
}

/** Any path the service does not serve: a JSON 404 rather than express's HTML page. */
export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json(errorBody('NOT_FOUND', 'no such resource'));
};

/**
 * A request Node's HTTP parser cannot read (bad header bytes, a malformed request line) gets a
 * JSON 400 instead of the bare default, and the socket is closed.
 */
export function jsonClientErrors(server: Server): void {
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (!socket.writable || (err.code === 'ECONNRESET' && socket.destroyed)) {
      socket.destroy();
      return;
    }
    const body = JSON.stringify(errorBody('BAD_USER_INPUT', 'malformed HTTP request', err.code));
    socket.end(
      'HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
