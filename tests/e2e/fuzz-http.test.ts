/**
 * Fuzz over HTTP: generated bad inputs, as a hostile or careless client sends them, to a running
 * server on the seed ledger. Every mutation and every query of the schema (introspected, so a
 * field added later is covered without a line changed here), each with at least one value that
 * must be refused (tests/support/schema-fuzz.ts), by callers of every role; and the HTTP layer
 * around them (bodies, content types and encodings, headers, GET parameters, persisted queries,
 * bytes Node's parser cannot read), and downloads asked in a form no layout prints.
 *
 * Given the seed ledger and its digest, when any of these is sent, then the answer is JSON with
 * codes from the closed set, never INTERNAL_SERVER_ERROR, with no stack trace or SQL in it; every
 * mutation is refused; and afterwards the log has not moved: same head, same digest.
 *
 * The seed is fixed so that CI is repeatable; FUZZ_SEED=<n> explores another (and replays it).
 */
import fc from 'fast-check';
import http from 'node:http';
import net from 'node:net';
import { deflateSync, gzipSync } from 'node:zlib';
import {
  buildClientSchema,
  getIntrospectionQuery,
  type GraphQLField,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import { ERROR_CODES } from '../../src/domain/errors';
import { InputFuzzer, literal, selectionOf } from '../support/schema-fuzz';
import { startTestServer, type TestServer } from '../support/server';

const SEED = Number(process.env.FUZZ_SEED ?? 20_241_501);
const RUNS = { mutations: 500, queries: 400, http: 250 };

let s: TestServer;
let schema: GraphQLSchema;
let sent = 0;
const codesSeen = new Map<string, number>();

interface Req {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
}
interface Raw {
  status: number;
  contentType: string;
  text: string;
}

function send(req: Req): Promise<Raw> {
  sent++;
  const url = new URL(req.path, s.url);
  return new Promise((resolve, reject) => {
    const r = http.request(
      url,
      { method: req.method, headers: req.headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            contentType: String(res.headers['content-type'] ?? ''),
            text: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.setTimeout(20_000, () =>
      r.destroy(new Error(`no answer in 20 s to ${req.method} ${req.path}`)),
    );
    r.end(req.body);
  });
}

/** Bytes no HTTP client library would send, on a socket of their own. */
function sendRaw(bytes: Buffer): Promise<Raw> {
  sent++;
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(new URL(s.url).port), '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        contentType: /content-type: *([^\r\n]*)/i.exec(head)?.[1] ?? '',
        text: rest.join('\r\n\r\n'),
      });
    });
    socket.end(bytes);
    setTimeout(() => socket.destroy(), 5_000).unref();
  });
}

/** What no response may show: a stack frame, a module path, an HTML page, SQL or its errors. */
const LEAKS =
  /node_modules|\bat \S+ \(\S+:\d+:\d+\)|\.[jt]s:\d+:\d+|<html|<!doctype|\bSELECT\b[^"]{0,200}\bFROM\b|\bINSERT INTO\b|\bDELETE FROM\b|\bUPDATE \w+ SET\b|syntax error at or near|violates \S+ constraint|out of range for type|invalid input syntax for|\bpg_\w+\(|stacktrace/i;

/** The invariant of every answer; returns the parsed body. Throws with the request described. */
function checkAnswer(what: string, r: Raw): { data?: unknown; errors?: unknown[] } | null {
  const fail = (why: string) => {
    throw new Error(`${why}\n  request: ${what.slice(0, 600)}\n  answer ${r.status}: ${r.text}`);
  };
  if (r.status >= 500) fail('a 5xx answer');
  if (LEAKS.test(r.text)) fail('a stack trace or SQL text in the answer');
  if (r.text === '' && r.status < 300) return null;
  if (!/^application\/(graphql-response\+)?json/.test(r.contentType)) fail('not JSON');
  let body: { data?: unknown; errors?: { extensions?: { code?: unknown } }[] };
  try {
    body = JSON.parse(r.text);
  } catch {
    return fail('a body that does not parse as JSON');
  }
  if (r.status >= 400 && !body.errors?.length) fail('an error status without errors');
  for (const e of body.errors ?? []) {
    const code = e.extensions?.code;
    if (typeof code !== 'string' || !(ERROR_CODES as readonly string[]).includes(code))
      fail(`code ${String(code)} is not in the closed set`);
    if (code === 'INTERNAL_SERVER_ERROR') fail('INTERNAL_SERVER_ERROR');
    codesSeen.set(code as string, (codesSeen.get(code as string) ?? 0) + 1);
  }
  return body;
}

/** An operation on one root field, its arguments as variables or inline literals. */
function operation(
  kind: 'query' | 'mutation' | 'subscription',
  field: GraphQLField<unknown, unknown>,
  args: Record<string, unknown>,
  inline: boolean,
): { query: string; variables: Record<string, unknown> } {
  const defs: string[] = [];
  const uses: string[] = [];
  const variables: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) {
    const arg = field.args.find((a) => a.name === name);
    if (inline || !arg) {
      uses.push(`${name}: ${literal(value)}`);
    } else {
      defs.push(`$${name}: ${String(arg.type)}`);
      uses.push(`${name}: $${name}`);
      variables[name] = value;
    }
  }
  const head = defs.length ? `${kind} Fuzz(${defs.join(', ')})` : kind;
  const call = uses.length ? `${field.name}(${uses.join(', ')})` : field.name;
  return { query: `${head} { ${call} ${selectionOf(field.type)} }`, variables };
}

function post(body: unknown, token: string | null, headers: Record<string, string> = {}): Req {
  return {
    method: 'POST',
    path: '/graphql',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify(body),
  };
}

async function ledgerMark(): Promise<{ digest: string; head: string; events: string }> {
  const r = JSON.parse(
    (
      await send(
        post(
          { query: '{ ledgerDigest { digest position } ledgerStatus { settledPosition } }' },
          s.tokens.AUDITOR,
        ),
      )
    ).text,
  );
  const count = await s.db.ownerPool.query<{ n: string }>('SELECT count(*) AS n FROM events');
  expect(r.data.ledgerDigest.position).toBe(r.data.ledgerStatus.settledPosition);
  return {
    digest: r.data.ledgerDigest.digest,
    head: r.data.ledgerStatus.settledPosition,
    events: count.rows[0]!.n,
  };
}

let before: Awaited<ReturnType<typeof ledgerMark>>;
const tokens = (): (string | null)[] => [...Object.values(s.tokens), null, 'not-a-token'];
const readers = (): string[] => [
  ...Array<string>(4).fill(s.tokens.AUDITOR),
  ...Array<string>(3).fill(s.tokens.ADMIN),
];
const writers = (): string[] => [
  ...Array<string>(4).fill(s.tokens.ADMIN),
  s.tokens.BUDGET_OFFICER,
  s.tokens.BUDGET_OFFICER,
  s.tokens.FINANCE_REVIEWER,
];

beforeAll(async () => {
  s = await startTestServer();
  const r = await send(post({ query: getIntrospectionQuery() }, null));
  schema = buildClientSchema((JSON.parse(r.text) as { data: IntrospectionQuery }).data);
  before = await ledgerMark();
  console.log(`fuzz seed ${SEED} (FUZZ_SEED=<n> explores another and replays it)`);
}, 120_000);

afterAll(async () => {
  console.log(
    `fuzz: ${sent} requests; codes ${JSON.stringify(Object.fromEntries([...codesSeen]))}`,
  );
  await s?.close();
});

const HOST = 'Host: 127.0.0.1\r\nConnection: close\r\n';
const RAW_REQUESTS: [string, string][] = [
  ['a NUL in a header value', `POST /graphql HTTP/1.1\r\n${HOST}X-A: a\u0000b\r\n\r\n`],
  [
    'a NUL in the Idempotency-Key',
    `POST /graphql HTTP/1.1\r\n${HOST}Idempotency-Key: \u0000\r\n\r\n`,
  ],
  ['a bad request line', `POST /graphql HTTP/9.9 junk\r\n${HOST}\r\n`],
  ['a header without a colon', `GET /graphql HTTP/1.1\r\n${HOST}NoColon\r\n\r\n`],
  [
    'two Content-Lengths',
    `POST /graphql HTTP/1.1\r\n${HOST}Content-Length: 1\r\nContent-Length: 2\r\n\r\n{}`,
  ],
  [
    'a bad chunk size',
    `POST /graphql HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n`,
  ],
  [
    'a body shorter than its Content-Length',
    `POST /graphql HTTP/1.1\r\n${HOST}Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":"{ ledgerStatus { settledPosition } }"}`,
  ],
  [
    'a header of 20 KB',
    `GET /graphql?query=%7B__typename%7D HTTP/1.1\r\n${HOST}X-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
  ],
];

describe('fuzz over HTTP: nothing a client sends breaks the service or moves the ledger', () => {
  test('every mutation, with a poisoned input, by every role, is refused cleanly', async () => {
    const mutations = Object.values(schema.getMutationType()!.getFields());
    expect(mutations.length).toBeGreaterThanOrEqual(16);
    const names = new Set<string>();
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const field = g(fc.constantFrom, ...mutations);
        names.add(field.name);
        const args = new InputFuzzer(g).args(field, true);
        const op = operation('mutation', field, args, g(fc.integer, { min: 0, max: 3 }) === 0);
        const headers: Record<string, string> =
          g(fc.integer, { min: 0, max: 4 }) === 0
            ? { 'idempotency-key': g(fc.constantFrom, 'k-1', 'k-2', 'k-'.repeat(150), ' ', 'é') }
            : {};
        // Mostly roles that may write, so that most inputs reach the checks behind authorisation.
        const token = g(fc.constantFrom, ...writers(), ...tokens());
        const what = `${op.query} ${JSON.stringify(op.variables)} ${JSON.stringify(headers)}`;
        const body = checkAnswer(what, await send(post(op, token, headers)));
        const data = body?.data as Record<string, unknown> | null | undefined;
        if (!body?.errors?.length || (data && data[field.name] != null))
          throw new Error(`a poisoned mutation was accepted: ${what.slice(0, 600)}`);
      }),
      { seed: SEED, numRuns: RUNS.mutations, endOnFailure: true },
    );
    expect([...names].sort()).toEqual(mutations.map((m) => m.name).sort());
  }, 180_000);

  test('every query and the audit queries, with bad or edge arguments, answer cleanly', async () => {
    const roots = [
      ...Object.values(schema.getQueryType()!.getFields()).map((f) => ['query', f] as const),
      ...Object.values(schema.getSubscriptionType()!.getFields()).map(
        (f) => ['subscription', f] as const,
      ),
    ];
    for (const audit of ['provenance', 'diff', 'events', 'replay', 'verifyLedger', 'ledgerDigest'])
      expect(roots.map(([, f]) => f.name)).toContain(audit);
    await fc.assert(
      fc.asyncProperty(fc.gen(), async (g) => {
        const [kind, field] = g(fc.constantFrom, ...roots);
        const args = new InputFuzzer(g).args(field, g(fc.boolean));
        const op = operation(kind, field, args, g(fc.boolean));
        // Mostly roles that may read everything, so that most inputs reach the resolvers.
        const token = g(fc.constantFrom, ...readers(), ...tokens());
        checkAnswer(`${op.query} ${JSON.stringify(op.variables)}`, await send(post(op, token)));
      }),
      { seed: SEED, numRuns: RUNS.queries, endOnFailure: true },
    );
  }, 180_000);

  test('the HTTP layer: bodies, content types, encodings, headers, GET, persisted queries', async () => {
    await fc.assert(
      fc.asyncProperty(httpRequest(), async (req) => {
        const what = `${req.method} ${req.path} ${JSON.stringify(req.headers)} ${String(
          req.body ?? '',
        ).slice(0, 300)}`;
        const r = await send(req);
        // A HEAD answer has no body, by definition.
        if (req.method === 'HEAD') expect(r.status).toBeLessThan(500);
        else checkAnswer(what, r);
      }),
      { seed: SEED, numRuns: RUNS.http, endOnFailure: true },
    );
  }, 180_000);

  test.each(RAW_REQUESTS)('bytes Node cannot parse: %s', async (_name, bytes) => {
    const r = await sendRaw(Buffer.from(bytes, 'latin1'));
    checkAnswer(JSON.stringify(bytes), r);
    expect(r.status).toBeGreaterThanOrEqual(400);
  });

  test('afterwards: the same head, the same digest, no event appended', async () => {
    expect(sent).toBeGreaterThanOrEqual(1_000);
    expect(await ledgerMark()).toEqual(before);
  });
});

const GOOD_QUERY = '{ ledgerStatus { settledPosition } }';
const MUTATION =
  'mutation { openFiscalYear(input: { unitCode: "019001", fiscalYear: 2024 }) { streamId } }';
const PQ = (hash: string, version: unknown = 1) => ({
  persistedQuery: { version, sha256Hash: hash },
});

/** Requests around GraphQL: most malformed, some well-formed with odd parts. */
function httpRequest(): fc.Arbitrary<Req> {
  const jsonBodies = fc.constantFrom<unknown>(
    {},
    [],
    [{ query: GOOD_QUERY }],
    null,
    'query',
    42,
    { query: 5 },
    { query: null },
    { query: GOOD_QUERY, variables: 'x' },
    { query: GOOD_QUERY, variables: [1] },
    { query: GOOD_QUERY, operationName: {} },
    { query: GOOD_QUERY, operationName: 'Nope' },
    { query: `query A ${GOOD_QUERY} query B ${GOOD_QUERY}` },
    { query: GOOD_QUERY, extensions: 'x' },
    { query: GOOD_QUERY, extensions: PQ('a'.repeat(64)) },
    { query: GOOD_QUERY, extensions: PQ('zz') },
    { query: GOOD_QUERY, extensions: PQ('a'.repeat(64), 2) },
    { extensions: PQ('a'.repeat(64)) },
    { extensions: PQ('nothex') },
    { extensions: PQ('a'.repeat(64), 'one') },
    { extensions: { persistedQuery: null } },
    { extensions: { persistedQuery: 'x' } },
    { query: '{ __schema { types { name } } }', extensions: { persistedQuery: {} } },
    { query: '{ ledgerStatus { ' },
    { query: `{ ${'a: ledgerStatus { settledPosition } '.repeat(40)} }` },
    { query: `{ ${'ledgerStatus { settledPosition } '.repeat(900)} }` },
    { query: `query { ${'__typename @skip(if: false) '.repeat(50)} }` },
    { query: `{ ${'units { fiscalYears { unitCode } } '.repeat(1)}${'{'.repeat(200)} }` },
    { query: 'subscription { ledgerEvents { position } }' },
    { query: MUTATION, variables: { '\u0000': 1 } },
    { query: GOOD_QUERY, variables: { ['\ud800']: 1 } },
    { query: `{ ledgerDigest(at: "${'9'.repeat(19)}") { digest } }` },
    { query: `{ verifyLedger(upTo: "99999999999999999999") { ok } }` },
  );
  const contentTypes = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'application/json; charset=utf-16',
    'application/json; charset=latin9',
    'application/json; charset=',
    'application/graphql',
    'application/graphql-response+json',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/xml',
    '*/*',
    '',
    'application/json; boundary',
  );
  const bodyOf = fc.oneof(
    jsonBodies.map((b) => JSON.stringify(b) as string | Buffer),
    fc.string({ maxLength: 200, unit: 'binary' }),
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    fc.constantFrom(
      '{"query": ',
      '{"query": "{ ledgerStatus { settledPosition } }"',
      '\ufeff{"query": "{ ledgerStatus { settledPosition } }"}',
      '{"query": "\\u0000"}',
      '{"query": "\\ud800"}',
      '{"query":"' + 'x'.repeat(1_100_000) + '"}',
      '[' + '['.repeat(5_000) + ']'.repeat(5_000) + ']',
      '{"a":' + '{"a":'.repeat(3_000) + '1' + '}'.repeat(3_001),
      'query=%7B%7D',
    ),
  );
  const encodings = fc.constantFrom<[string | undefined, (b: Buffer) => Buffer]>(
    [undefined, (b) => b],
    ['gzip', (b) => gzipSync(b)],
    ['gzip', (b) => b],
    ['deflate', (b) => deflateSync(b)],
    ['deflate', (b) => b],
    ['br', (b) => b],
    ['x-unknown', (b) => b],
    ['gzip, gzip', (b) => gzipSync(gzipSync(b))],
    ['identity', (b) => b],
    ['gzip', (b) => gzipSync(b).subarray(0, 10)],
  );
  const authorizations = fc.constantFrom(
    undefined,
    `Bearer ${s.tokens.AUDITOR}`,
    `Bearer ${s.tokens.ADMIN}`,
    'Bearer',
    'Bearer ',
    'Bearer x',
    'Basic dXNlcjpwYXNz',
    'bearer ' + 'a'.repeat(8_000),
    'Bearer \u00e9\u00ff',
    'Bearer a b c',
  );
  const idempotencyKeys = fc.constantFrom(
    undefined,
    '',
    ' ',
    'a'.repeat(201),
    'ok-key',
    'caf\u00e9',
    'a,b',
    '\t',
  );
  const post = fc
    .record({
      body: bodyOf,
      contentType: contentTypes,
      encoding: encodings,
      authorization: authorizations,
      key: idempotencyKeys,
      preflight: fc.boolean(),
      method: fc.constantFrom('POST', 'POST', 'POST', 'PUT', 'PATCH', 'DELETE'),
    })
    .map(({ body, contentType, encoding, authorization, key, preflight, method }): Req => {
      const bytes = encoding[1](Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'));
      const headers: Record<string, string> = {};
      if (contentType) headers['content-type'] = contentType;
      if (encoding[0]) headers['content-encoding'] = encoding[0];
      if (authorization !== undefined) headers.authorization = authorization;
      if (key !== undefined) headers['idempotency-key'] = key;
      if (preflight) headers['apollo-require-preflight'] = 'true';
      return { method, path: '/graphql', headers, body: bytes };
    });
  const params = fc.constantFrom(
    `query=${encodeURIComponent(GOOD_QUERY)}`,
    `query=${encodeURIComponent(MUTATION)}`,
    'query=%7B',
    'query=%00',
    'query=%ED%A0%80',
    'query=%FF%FE',
    `query=${encodeURIComponent(GOOD_QUERY)}&variables=x`,
    `query=${encodeURIComponent(GOOD_QUERY)}&variables=%7B%22a%22%3A%22%5Cu0000%22%7D`,
    `query=${encodeURIComponent(GOOD_QUERY)}&extensions=%7B`,
    `extensions=${encodeURIComponent(JSON.stringify(PQ('b'.repeat(64))))}`,
    `extensions=${encodeURIComponent(JSON.stringify(PQ('zz', 'x')))}`,
    `extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: [] }))}`,
    `query=${encodeURIComponent(GOOD_QUERY)}&query=${encodeURIComponent(GOOD_QUERY)}`,
    `query[a]=1`,
    `operationName=%00&query=${encodeURIComponent(GOOD_QUERY)}`,
    `query=${'x'.repeat(20_000)}`,
    '%',
    '',
  );
  const get = fc
    .record({ params, preflight: fc.boolean(), method: fc.constantFrom('GET', 'GET', 'DELETE') })
    .map(({ params, preflight, method }): Req => ({
      method,
      path: `/graphql?${params}`,
      // As a GraphQL client asks (a browser asking for HTML gets the IDE's page instead).
      headers: {
        accept: 'application/json',
        ...(preflight ? { 'apollo-require-preflight': 'true' } : {}),
      },
    }));
  return fc.oneof(
    { arbitrary: post, weight: 3 },
    { arbitrary: get, weight: 1 },
    { arbitrary: badDownload(), weight: 1 },
  );
}

/**
 * Downloads of the seed's publication in a form no layout prints (the Shanghai layout's variant
 * and decimals, src/graphql/disclosure-files.ts): each names no document, whatever the layout.
 */
function badDownload(): fc.Arbitrary<Req> {
  const not = (good: string[]) => fc.string({ maxLength: 12 }).filter((v) => !good.includes(v));
  const style = fc.oneof(
    fc.constantFrom(
      'variant=%E9%83%A8%E9%97%A8',
      'variant=UNIT',
      'variant=unit&variant=department',
      'decimals=2&decimals=2',
      'decimals=%00',
      'decimals=2.0',
      'variant=department&decimals=3',
    ),
    not(['unit', 'department']).map((v) => `variant=${encodeURIComponent(v)}`),
    not(['0', '2']).map((v) => `layout=shanghai-9&decimals=${encodeURIComponent(v)}`),
  );
  return fc
    .record({
      at: fc.constantFrom('2024', '2024@1', '2024@9223372036854775807'),
      file: fc.constantFrom(
        'sh01.csv',
        't01.csv',
        'js01.csv',
        'disclosure.pdf',
        'datapackage.json',
      ),
      layout: fc.constantFrom('', 'layout=shanghai-9&', 'layout=jiangsu-12&', 'layout=shanxi-13&'),
      style,
      method: fc.constantFrom('GET', 'GET', 'POST'),
    })
    .map(({ at, file, layout, style, method }) => ({
      method,
      path: `/disclosures/019/${at}/${file}?${layout}${style}`,
      headers: {},
    }));
}
