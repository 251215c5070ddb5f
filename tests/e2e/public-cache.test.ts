/**
 * Cacheable public reads over HTTP: published documents (GET /disclosures/…) and the public
 * GraphQL query over GET (a persisted query, by hash) carry Cache-Control that lets a shared cache
 * keep them (immutable when the URL pins a publication's position), an ETag and 304 on
 * If-None-Match; any response a token may have shaped is private and never shareable — a unit's
 * draft never lands in a cache another caller reads from. A new publication is seen.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLIC_DISCLOSURE_QUERY } from '../../src/graphql/public-reads';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(() => s.close());

const HASH = createHash('sha256').update(PUBLIC_DISCLOSURE_QUERY).digest('hex');
const PREFLIGHT = { 'apollo-require-preflight': 'true', accept: 'application/json' };

const persistedUrl = (variables: Record<string, unknown>): string =>
  `/graphql?${new URLSearchParams({
    variables: JSON.stringify(variables),
    extensions: JSON.stringify({ persistedQuery: { version: 1, sha256Hash: HASH } }),
  })}`;

const get = (path: string, headers: Record<string, string> = {}) =>
  fetch(`${s.url}${path}`, { headers });

/** A shared cache may keep it: public, no private/no-store. */
const shareable = (cc: string | null): boolean =>
  cc !== null && /\bpublic\b/.test(cc) && !/private|no-store/.test(cc);

describe('published documents', () => {
  test('the latest publication: public, revalidated, an ETag, the pinned URL named', async () => {
    const res = await get('/disclosures/019/2024/disclosure.pdf');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    // The same for every caller: nothing to vary on (GraphQL answers vary on Authorization).
    expect(res.headers.get('vary')).toBeNull();
    const withToken = await get('/disclosures/019/2024/disclosure.pdf', {
      authorization: `Bearer ${s.tokens.BUDGET_OFFICER}`,
    });
    expect(withToken.headers.get('etag')).toBe(res.headers.get('etag'));
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    expect(res.headers.get('content-location')).toMatch(
      /^\/disclosures\/019\/2024@\d+\/disclosure\.pdf$/,
    );
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(res.headers.get('content-length'))).toBe(body.length);
  }, 60_000);

  test('the pinned URL: immutable, the same bytes, 304 on If-None-Match', async () => {
    const latest = await get('/disclosures/019/2024/disclosure.pdf');
    const pinned = latest.headers.get('content-location')!;
    const etag = latest.headers.get('etag')!;
    const res = await get(pinned);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBe(etag);
    expect(Buffer.from(await res.arrayBuffer())).toEqual(Buffer.from(await latest.arrayBuffer()));
    const again = await get(pinned, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect((await get(pinned, { 'if-none-match': '"other"' })).status).toBe(200);
  });

  test('every file, the Shanghai layout; a position no publication recorded is 404', async () => {
    const json = await get('/disclosures/019/2024/disclosure.json');
    expect(json.headers.get('content-type')).toMatch(/^application\/json/);
    expect(shareable(json.headers.get('cache-control'))).toBe(true);
    const doc = (await json.json()) as { tables: { id: string }[] };
    expect(doc.tables).toHaveLength(13);
    const sh = await get('/disclosures/019/2024/disclosure.html?layout=shanghai-9');
    expect(sh.status).toBe(200);
    expect(await sh.text()).toContain('上海市2024年市级单位预算');
    expect(sh.headers.get('content-location')).toMatch(
      /@\d+\/disclosure\.html\?layout=shanghai-9$/,
    );
    for (const [file, type] of [
      ['t12.csv', /^text\/csv/],
      ['datapackage.json', /^application\/json/],
      ['budget-lines.csv', /^text\/csv/],
      ['disclosure.xlsx', /spreadsheetml/],
    ] as const) {
      const res = await get(`/disclosures/019/2024/${file}`);
      expect([file, res.status]).toEqual([file, 200]);
      expect(res.headers.get('content-type')).toMatch(type);
      expect(shareable(res.headers.get('cache-control'))).toBe(true);
      expect(res.headers.get('etag')).toMatch(/^"[\w-]{32}"$/);
    }
    const fdp = (await (await get('/disclosures/019/2024/datapackage.json')).json()) as {
      model: { measures: { amount: { phase: string } } };
    };
    expect(fdp.model.measures.amount.phase).toBe('approved');
    expect((await get('/disclosures/019/2024@1/disclosure.pdf')).status).toBe(404);
    expect((await get('/disclosures/019/2023/disclosure.pdf')).status).toBe(404);
    expect((await get('/disclosures/019/2024/t01.csv?layout=shanghai-9')).status).toBe(404);
    // The Jiangsu layout: its twelve tables as CSV, and its own document.
    const js = await get('/disclosures/019/2024/js09.csv?layout=jiangsu-12');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-disposition')).toMatch(/-js12-js09\.csv"$/);
    expect(await js.text()).toMatch(/^合计,“三公”经费\/小计,/);
    expect((await get('/disclosures/019/2024/sh01.csv?layout=jiangsu-12')).status).toBe(404);
    expect((await get('/disclosures/019/2024/disclosure.exe')).status).toBe(404);
  });

  test('the Jiangsu layout’s document, PDF and HTML: its own file names, cache entries and pinned URLs', async () => {
    const html = await get('/disclosures/019/2024/disclosure.html?layout=jiangsu-12');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(html.headers.get('content-disposition')).toMatch(
      /^inline; filename="019-2024-\d+-js12-disclosure\.html"$/,
    );
    expect(html.headers.get('content-location')).toMatch(
      /^\/disclosures\/019\/2024@\d+\/disclosure\.html\?layout=jiangsu-12$/,
    );
    expect(shareable(html.headers.get('cache-control'))).toBe(true);
    const page = await html.text();
    expect(page).toMatch(/<h1>[^<]+2024年部门预算<\/h1>/);
    expect(page.match(/<table class="data"/g)).toHaveLength(12);
    expect(page).toContain('2024年“三公”经费、会议费、培训费支出预算表');
    expect(page).toContain('已公开版本');

    const pdf = await get('/disclosures/019/2024/disclosure.pdf?layout=jiangsu-12');
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(
      /^inline; filename="019-2024-\d+-js12-disclosure\.pdf"$/,
    );
    const body = Buffer.from(await pdf.arrayBuffer());
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    // Not the 13-table document of the same publication: a cache entry of its own.
    const shanxi = await get('/disclosures/019/2024/disclosure.pdf');
    expect(pdf.headers.get('etag')).not.toBe(shanxi.headers.get('etag'));
    const pinned = await get(pdf.headers.get('content-location')!);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(pinned.headers.get('etag')).toBe(pdf.headers.get('etag'));
    expect(Buffer.from(await pinned.arrayBuffer())).toEqual(body);
  }, 60_000);
});

describe('GraphQL', () => {
  test('the public query over GET by its persisted hash: public, an ETag, 304', async () => {
    const url = persistedUrl({ departmentCode: '019', fiscalYear: 2024 });
    const first = await get(url, PREFLIGHT);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { data: { disclosure: { published: boolean } } };
    expect(body.data.disclosure.published).toBe(true);
    expect(first.headers.get('cache-control')).toBe('public, max-age=60, must-revalidate');
    expect(first.headers.get('vary')).toBe('Authorization');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]{32}"$/);
    const second = await get(url, PREFLIGHT);
    expect(second.headers.get('etag')).toBe(etag);
    expect(await second.json()).toEqual(body);
    const revalidated = await get(url, { ...PREFLIGHT, 'if-none-match': etag });
    expect(revalidated.status).toBe(304);
    // docs/api-read.md gives the hash to clients.
    const doc = readFileSync(join(__dirname, '../../docs/api-read.md'), 'utf8');
    expect(doc).toContain(encodeURIComponent(`"sha256Hash":"${HASH}"`));
    // Apollo's CSRF rule still holds for a GET without a preflight header, cached or not.
    expect((await get(url)).status).toBe(400);
  });

  test('a token-dependent response is never marked shareable', async () => {
    const asOfNow = `query { disclosure(departmentCode: "019", fiscalYear: 2024, asOf: {}) {
      published tables { id rows { cells { value } } } } }`;
    const url = `/graphql?query=${encodeURIComponent(asOfNow)}`;
    // The unit's officer reads its draft (now) over GET: private, never stored.
    const draft = await get(url, {
      ...PREFLIGHT,
      authorization: `Bearer ${s.tokens.BUDGET_OFFICER}`,
    });
    expect(draft.status).toBe(200);
    expect(
      ((await draft.json()) as { data: { disclosure: { published: boolean } } }).data.disclosure
        .published,
    ).toBe(false);
    expect(draft.headers.get('cache-control')).toBe('private, no-store');
    expect(draft.headers.get('vary')).toBe('Authorization');
    expect(shareable(draft.headers.get('cache-control'))).toBe(false);
    // The same URL without the token: refused, not the officer's draft from a cache.
    const anon = await get(url, PREFLIGHT);
    const anonBody = (await anon.json()) as {
      data: unknown;
      errors: { extensions: { code: string } }[];
    };
    expect(anonBody.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(shareable(anon.headers.get('cache-control'))).toBe(false);
    // Even the public query is private when asked with a token (the token could see more).
    const withToken = await get(persistedUrl({ departmentCode: '019', fiscalYear: 2024 }), {
      ...PREFLIGHT,
      authorization: `Bearer ${s.tokens.AUDITOR}`,
    });
    expect(withToken.headers.get('cache-control')).toBe('private, no-store');
    // POSTs with a token, and tokenless reads of what changes with every event, are private too.
    for (const [query, token] of [
      ['{ disclosure(departmentCode: "019", fiscalYear: 2024) { published } }', s.tokens.AUDITOR],
      ['{ ledgerStatus { settledPosition } }', null],
    ] as const) {
      const res = await fetch(`${s.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('vary')).toBe('Authorization');
    }
  });

  test('a new publication replaces the cached latest one', async () => {
    const url = persistedUrl({ departmentCode: '019', fiscalYear: 2024 });
    type Pos = { data: { disclosure: { asOf: { position: string } } } };
    const before = ((await (await get(url, PREFLIGHT)).json()) as Pos).data.disclosure.asOf
      .position;
    const doc = await get('/disclosures/019/2024/disclosure.pdf');
    const r = await s.gql(
      `mutation { publishDisclosure(input: { unitCode: "019001", fiscalYear: 2024,
         title: "2024年单位预算公开（更新）" }) { ledgerPosition } }`,
      {},
      s.tokens.ADMIN,
    );
    expect(r.errors).toBeUndefined();
    const published = (r.data as { publishDisclosure: { ledgerPosition: string } })
      .publishDisclosure.ledgerPosition;
    expect(published).not.toBe(before);
    // The cache follows the log through the events hub: within a moment.
    let after = before;
    for (let i = 0; i < 50 && after !== published; i++) {
      await new Promise((res) => setTimeout(res, 100));
      after = ((await (await get(url, PREFLIGHT)).json()) as Pos).data.disclosure.asOf.position;
    }
    expect(after).toBe(published);
    const latest = await get('/disclosures/019/2024/disclosure.pdf');
    expect(latest.headers.get('content-location')).toBe(
      `/disclosures/019/2024@${published}/disclosure.pdf`,
    );
    // The earlier publication stays where its URL pinned it.
    const old = await get(doc.headers.get('content-location')!);
    expect(old.status).toBe(200);
    expect(old.headers.get('etag')).toBe(doc.headers.get('etag'));
  }, 60_000);
});
