import type { Express } from 'express';
import { ruruHTML } from 'ruru/server';
import { serveStatic } from 'ruru/static';

const STATIC_PATH = '/graphql-ide/';

/**
 * The GraphQL IDE (Ruru, a GraphiQL distribution) served entirely by this service: government
 * networks are often offline, so nothing may come from a CDN. A browser opening /graphql gets the
 * IDE; API clients (which do not ask for text/html) get GraphQL.
 */
export function mountIde(app: Express): void {
  const html = ruruHTML({ staticPath: STATIC_PATH, endpoint: '/graphql', subscriptionEndpoint: '/graphql' });
  app.use(STATIC_PATH, serveStatic(STATIC_PATH));
  app.get('/graphql', (req, res, next) => {
    if (!req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) || req.accepts(['text/html', 'application/json']) !== 'text/html' || req.query.query) return next();
    res.type('html').send(html);
  });
}
