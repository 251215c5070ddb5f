/**
 * Bad requests at the HTTP and GraphQL layers, sent over HTTP to a running server as a careless
 * or hostile client would: each answer is JSON with a code from the closed set, the right HTTP
 * status, and no stack trace, file path or SQL; nothing reaches the database.
 */
import fc from 'fast-check';
import { gzipSync } from 'node:zlib';
import { ERROR_CODES } from '../../src/domain/errors';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(() => s.close());

interface Raw {
  status: number;
  contentType: string;
  text: string;
}

async function post(body: string | Buffer, headers: Record<string, string> = {}): Promise<Raw> {
  const res = await fetch(`${s.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  return {
    status: res.status,
    contentType: res.headers.get('content-type') ?? '',
    text: await res.text(),
  };
}

/** The invariant of every refused request. */
function expectCleanError(r: Raw, status: number, code: string): Record<string, unknown> {
  expect(r.contentType).toMatch(/^application\/(graphql-response\+)?json/);
  expect(r.text).not.toMatch(/node_modules|\bat .+\.js:\d+|<html|SELECT |INSERT /i);
  const body = JSON.parse(r.text) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0]!.extensions.code).toBe(code);
  expect(ERROR_CODES).toContain(body.errors[0]!.extensions.code);
  expect(r.status).toBe(status);
  return body.errors[0] as unknown as Record<string, unknown>;
}

const STATUS = '{ ledgerStatus { settledPosition } }';

/** String#isWellFormed (ES2024, in Node 20): false when a surrogate has no pair. */
const wellFormed = (x: string): boolean =>
  (x as unknown as { isWellFormed(): boolean }).isWellFormed();

describe('the HTTP layer answers in JSON', () => {
  test('a body that is not JSON is 400 BAD_USER_INPUT', async () => {
    const e = expectCleanError(await post('{"query": '), 400, 'BAD_USER_INPUT');
    expect(e.message).toBe('the request body is not valid JSON');
  });

  test('a body over 1 MB is 413', async () => {
    const big = JSON.stringify({ query: `# ${'x'.repeat(1_100_000)}\n${STATUS}` });
    expectCleanError(await post(big), 413, 'BAD_USER_INPUT');
  });

  test('an unknown charset is 415; an unreadable content-encoding is a 4xx', async () => {
    const body = JSON.stringify({ query: STATUS });
    expectCleanError(
      await post(body, { 'content-type': 'application/json; charset=latin9' }),
      415,
      'BAD_USER_INPUT',
    );
    const r = await post(body, { 'content-encoding': 'x-unknown' });
    expect(r.status).toBeGreaterThanOrEqual(400);
    expect(r.status).toBeLessThan(500);
    expectCleanError(r, r.status, 'BAD_USER_INPUT');
  });

  test('a gzip body is read (the encodings it says it accepts work)', async () => {
    const r = await post(gzipSync(JSON.stringify({ query: STATUS })), {
      'content-encoding': 'gzip',
    });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).data.ledgerStatus.settledPosition).toMatch(/^\d+$/);
  });

  test('a syntax error and a query over the token limit are 400, not 500', async () => {
    expectCleanError(
      await post(JSON.stringify({ query: '{ ledgerStatus { ' })),
      400,
      'BAD_USER_INPUT',
    );
    const many = `{ ledgerStatus { ${'settledPosition '.repeat(2100)} } }`;
    expectCleanError(await post(JSON.stringify({ query: many })), 400, 'BAD_USER_INPUT');
  });

  test('persisted-query errors keep their protocol codes (clients retry on NOT_FOUND)', async () => {
    const extensions = { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } };
    const r = await post(JSON.stringify({ extensions }));
    expectCleanError(r, r.status, 'PERSISTED_QUERY_NOT_FOUND');
    const get = await fetch(
      `${s.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`,
      { headers: { 'apollo-require-preflight': 'true' } },
    );
    expectCleanError(
      {
        status: get.status,
        contentType: get.headers.get('content-type') ?? '',
        text: await get.text(),
      },
      get.status,
      'PERSISTED_QUERY_NOT_FOUND',
    );
  });
});

describe('text the database cannot store is refused with the field named', () => {
  const DISCLOSURE = `query($d: String!) { disclosure(departmentCode: $d, fiscalYear: 2024) {
    asOf { position } } }`;

  test('NUL and lone surrogates in a variable, at any depth', async () => {
    for (const d of ['0\u00009', '01\ud800', '\udc00019']) {
      const r = await s.gql(DISCLOSURE, { d });
      expect(r.status).toBe(400);
      expect(r.errors![0]!.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        details: { field: 'variables.d' },
      });
    }
    const r = await s.gql(
      `query($f: BudgetLineFilter!) { budgetLines(filter: $f, first: 1) { totalCount } }`,
      { f: { fiscalYear: 2024, unitCodes: ['019001', 'x\u0000'] } },
      s.tokens.AUDITOR,
    );
    expect(r.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'variables.f.unitCodes[1]' },
    });
  });

  test('a paired surrogate (an emoji) is text like any other', async () => {
    const r = await s.gql(DISCLOSURE, { d: '😀' });
    expect(r.errors?.[0]?.extensions.code).not.toBe('INTERNAL_SERVER_ERROR');
    expect(r.errors?.[0]?.extensions.code).not.toBe('BAD_USER_INPUT');
  });

  test('in a literal of the query, named by its argument', async () => {
    const r = await s.gql(
      '{ disclosure(departmentCode: "0\\u00009", fiscalYear: 2024) { asOf { position } } }',
    );
    expect(r.status).toBe(400);
    expect(r.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'departmentCode' },
    });
  });

  test('an Idempotency-Key header that is not printable ASCII', async () => {
    const r = await s.gql(STATUS, {}, null, { 'idempotency-key': 'a b' });
    expect(r.status).toBe(400);
    expect(r.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      details: { field: 'Idempotency-Key' },
    });
  });

  test('property: any string with a NUL or a lone surrogate, anywhere in the variables', async () => {
    const bad = fc
      .tuple(
        fc.string({ maxLength: 8 }),
        fc.constantFrom('\u0000', '\ud800', '\udbff', '\udc00', '\udfff'),
        fc.string({ maxLength: 8 }),
      )
      .map(([a, b, c]) => a + b + c)
      // A lone surrogate may pair with a neighbour the generator put beside it.
      .filter((x) => x.includes('\u0000') || !wellFormed(x));
    await fc.assert(
      fc.asyncProperty(bad, async (d) => {
        const r = await s.gql(DISCLOSURE, { d });
        expect(r.status).toBe(400);
        expect(r.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
      }),
      { numRuns: 60 },
    );
  });
});

test('a subscription sent over HTTP is 400 BAD_USER_INPUT pointing to WebSocket', async () => {
  const r = await post(
    JSON.stringify({
      query:
        'subscription { disclosureChanged(departmentCode: "019", fiscalYear: 2024) { position } }',
    }),
  );
  const e = expectCleanError(r, 400, 'BAD_USER_INPUT');
  expect(e.message).toMatch(/WebSocket/);
});

test('a persisted query of an unknown version, or whose hash is not its query, is 400 BAD_USER_INPUT', async () => {
  for (const version of [2, 'x']) {
    const extensions = { persistedQuery: { version, sha256Hash: 'zz' } };
    expectCleanError(await post(JSON.stringify({ extensions })), 400, 'BAD_USER_INPUT');
    const get = await fetch(
      `${s.url}/graphql?extensions=${encodeURIComponent(JSON.stringify(extensions))}`,
      { headers: { 'apollo-require-preflight': 'true', accept: 'application/json' } },
    );
    expectCleanError(
      {
        status: get.status,
        contentType: get.headers.get('content-type') ?? '',
        text: await get.text(),
      },
      400,
      'BAD_USER_INPUT',
    );
  }
  const extensions = { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } };
  expectCleanError(
    await post(JSON.stringify({ query: STATUS, extensions })),
    400,
    'BAD_USER_INPUT',
  );
});

test('a position beyond 2^63−1 is BAD_USER_INPUT in every argument that takes one', async () => {
  for (const q of [
    '{ ledgerDigest(at: "9223372036854775808") { digest } }',
    '{ verifyLedger(upTo: "9999999999999999999") { ok } }',
    '{ disclosure(departmentCode: "019", fiscalYear: 2024, asOf: { position: "9223372036854775808" }) { fiscalYear } }',
    '{ aggregate(fiscalYear: 2024, asOf: { position: "9999999999999999999" }) { cellCount } }',
  ]) {
    const r = await s.gql(q, {}, s.tokens.AUDITOR);
    expect(r.status).toBe(400);
    expect(r.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
  }
  // The largest position is a position (that no event has yet).
  const max = await s.gql(
    '{ ledgerDigest(at: "9223372036854775807") { position } }',
    {},
    s.tokens.AUDITOR,
  );
  expect(max.errors![0]!.message).toBe('no event at position 9223372036854775807');
});

test('diff with a bad `to` is refused without leaving the `from` load running unobserved', async () => {
  // An unpublished `from` fails on its own; a `to` that is no point fails at once. Before, the
  // second failure was thrown while the first load ran, whose rejection then went unhandled.
  const unhandled: unknown[] = [];
  const seen = (e: unknown) => void unhandled.push(e);
  process.on('unhandledRejection', seen);
  try {
    const r = await s.gql(
      `{ diff(departmentCode: "999", fiscalYear: 1899, from: { published: true },
          to: { published: true, position: "1" }) { fromPosition } }`,
      {},
      s.tokens.AUDITOR,
    );
    expect(r.errors![0]!.extensions.code).toBe('BAD_USER_INPUT');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(unhandled).toEqual([]);
  } finally {
    process.off('unhandledRejection', seen);
  }
});
