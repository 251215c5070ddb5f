import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import express from 'express';
import type pg from 'pg';
import { databaseStatus } from '../events/database';
import type { EventStore } from '../events/event-store';
import type { GraphQLContext } from './context';
import { buildLedgerSchema } from './schema';

export interface HttpServerOptions {
  pool: pg.Pool;
  store: EventStore;
  port: number;
  host: string;
}

export interface RunningHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function startHttpServer(opts: HttpServerOptions): Promise<RunningHttpServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer<GraphQLContext>({
    schema: await buildLedgerSchema(),
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer })],
  });
  await apollo.start();

  app.get('/healthz', async (_req, res) => {
    const db = await databaseStatus(opts.pool);
    res.status(db.up ? 200 : 503).json({ status: db.up ? 'ok' : 'degraded', database: db });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(apollo, { context: async () => ({ pool: opts.pool, store: opts.store }) }),
  );

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(opts.port, opts.host, () => resolve());
  });
  const port = (httpServer.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () => apollo.stop(),
  };
}
