import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { LedgerError } from '../domain/errors';
import { databaseStatus, isDatabaseUnavailable } from '../events/database';
import type { DisclosurePlanner } from '../import/disclosure/plan-job';
import { ImportWorkers } from '../import/workers';
import { viewerFromHeader, type Viewer } from './auth';
import { disclosureFiles } from './disclosure-files';
import type { GraphQLContext, Services } from './context';
import { formatError, UNAVAILABLE_MESSAGE, statusOfCodes } from './errors';
import { jsonClientErrors, jsonErrors, notFound } from './http-errors';
import { subscriptionsOverWebSocket } from './http-subscriptions';
import { inputTextCheck } from './input-text';
import { mountIde } from './ide';
import { cacheHeadersPlugin, graphqlGet, PublicReads } from './public-reads';
import { MESSAGE_LIMIT_BYTES, operationLimits, operationOverWebSocket } from './query-limits';
import { buildLedgerSchema } from './schema';
import { mountWebApp } from './web-app';

export interface HttpServerOptions extends Services {
  port: number;
  host: string;
  /** Allow schema introspection (default true; GRAPHQL_INTROSPECTION=false turns it off). */
  introspection?: boolean;
  log?: (msg: string) => void;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const log = opts.log ?? (() => undefined);
  const logInternal = (e: unknown) =>
    log(`internal error: ${e instanceof Error ? e.stack : String(e)}`);
  const services: Services = {
    pool: opts.pool,
    store: opts.store,
    service: opts.service,
    hub: opts.hub,
  };
  // One thread, started on the first import and stopped when idle: a disclosure's plan is seconds
  // of CPU that must not hold up /healthz and every other request (issue 15, point 6).
  const workers = new ImportWorkers(1, 0);
  const planDisclosure: DisclosurePlanner = (job) => workers.planDisclosure(job);
  const schema = await buildLedgerSchema();
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  jsonClientErrors(httpServer);

  // One set of limits for both transports (src/graphql/query-limits.ts).
  const limits = operationLimits(opts.introspection ?? true);
  // A message over the limit closes the connection (1009, message too big) before it is read.
  const wsServer = new WebSocketServer({
    server: httpServer,
    path: '/graphql',
    maxPayload: MESSAGE_LIMIT_BYTES,
  });
  const wsCleanup = useServer<{ authorization?: string }>(
    {
      schema,
      // Parsed, validated and text-checked as over HTTP: the same token, depth, cost, alias and
      // directive limits, and NUL and lone surrogates refused.
      onSubscribe: (_ctx, _id, payload) => operationOverWebSocket(schema, limits, payload),
      context: async (ctx) => ({
        ...services,
        planDisclosure,
        viewer: await viewerOrError(services, ctx.connectionParams?.authorization),
      }),
      // The same closed error vocabulary over WebSocket as over HTTP: errors before execution
      // (validation, auth at subscribe time) and errors in results go through formatError too.
      onError: (_ctx, _id, _payload, errors) =>
        errors.map((e) => formatError(e.toJSON(), e, logInternal)),
      onNext: (_ctx, _id, _payload, _args, result) =>
        result.errors
          ? { ...result, errors: result.errors.map((e) => formatError(e.toJSON(), e, logInternal)) }
          : undefined,
    },
    wsServer,
  );

  const apollo = new ApolloServer<GraphQLContext>({
    schema,
    introspection: limits.introspection,
    csrfPrevention: true,
    parseOptions: limits.parseOptions,
    // Automatic persisted queries are on by default (a bounded in-memory cache).
    formatError: (formatted, error) => formatError(formatted, error, logInternal),
    validationRules: limits.validationRules,
    plugins: [
      ...(limits.plugins as ApolloServerPlugin<GraphQLContext>[]),
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
      inputTextCheck,
      subscriptionsOverWebSocket,
      statusOfCodes,
      cacheHeadersPlugin(),
      {
        async serverWillStart() {
          return {
            drainServer: async () => {
              await wsCleanup.dispose();
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const db = await databaseStatus(opts.pool);
    // The LISTEN connection is reported, not judged: while it reconnects the poll still delivers.
    res.status(db.up ? 200 : 503).json({
      status: db.up ? 'ok' : 'degraded',
      database: db,
      notifications: opts.hub.listener,
    });
  });
  mountIde(app);
  const reads = new PublicReads(opts.pool);
  await reads.watch(opts.hub, opts.store, log);
  app.use(disclosureFiles(opts.pool, reads, log, () => opts.service.references.current));
  const context = async (req: express.Request): Promise<GraphQLContext> => ({
    ...services,
    planDisclosure,
    viewer: await viewerOrError(services, req.headers.authorization),
    idempotencyKey: req.get('idempotency-key'),
  });
  app.use(
    '/graphql',
    express.json({ limit: MESSAGE_LIMIT_BYTES }),
    graphqlGet(apollo, context, reads),
    expressMiddleware(apollo, { context: ({ req }) => context(req) }),
  );
  // Last: the workbench's page answers only what no route above did.
  mountWebApp(app);
  // Whatever no route answered (a POST to a download, an unknown path): a JSON 404 with its
  // code, not express's HTML page.
  app.use(notFound);

  app.use(jsonErrors(logInternal));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: async () => {
      reads.close();
      await apollo.stop();
      await workers.close();
    },
  };
}

/** A bad token is a 401 with code UNAUTHENTICATED, before any resolver runs. */
async function viewerOrError(services: Services, authorization: unknown): Promise<Viewer> {
  try {
    return await viewerFromHeader(
      services.pool,
      typeof authorization === 'string' ? authorization : undefined,
    );
  } catch (err) {
    if (err instanceof LedgerError) {
      throw new GraphQLError(err.message, {
        extensions: { code: err.code, http: { status: 401 } },
      });
    }
    if (isDatabaseUnavailable(err)) {
      throw new GraphQLError(UNAVAILABLE_MESSAGE, {
        extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503 } },
      });
    }
    throw err;
  }
}
