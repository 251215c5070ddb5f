import type { Express } from 'express';
import { ruruHTML, type RuruServerConfig } from 'ruru/server';
import { serveStatic } from 'ruru/static';

const STATIC_PATH = '/graphql-ide/';

/** What a first-time visitor sees: a query that works without a token. */
const DEFAULT_QUERY = `# budget-ledger: the published 2024 disclosure of department 019 (no token needed).
# With a token (Headers: {"Authorization": "Bearer blt_…"}) ask for any point:
#   disclosure(…, asOf: { effectiveOn: "2024-06-30" })  — see README.md for more.
{
  disclosure(departmentCode: "019", fiscalYear: 2024) {
    department { name }
    asOf { position }
    table(id: T01) { title rows { key cells { column value } } }
  }
}
`;

/**
 * The GraphQL IDE (Ruru, a GraphiQL distribution) served entirely by this service: government
 * networks are often offline, so nothing may come from a CDN. A browser opening /graphql gets the
 * IDE; API clients (which do not ask for text/html) get GraphQL.
 */
export function mountIde(app: Express): void {
  const html = ruruHTML({
    staticPath: STATIC_PATH,
    endpoint: '/graphql',
    subscriptionEndpoint: '/graphql',
    // Ruru's type lists every client option as required; the ones not given take their defaults.
    clientConfig: { defaultQuery: DEFAULT_QUERY } as RuruServerConfig['clientConfig'],
  });
  // Mounted at the root, not at STATIC_PATH: express would strip the prefix, and Ruru's handler
  // matches the full path itself (and passes other requests on).
  app.use(serveStatic(STATIC_PATH));
  app.get('/graphql', (req, res, next) => {
    if (
      !req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) ||
      req.accepts(['text/html', 'application/json']) !== 'text/html' ||
      req.query.query ||
      req.query.extensions
    )
      return next();
    res.type('html').send(html);
  });
}
