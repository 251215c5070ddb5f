import { createAccessToken } from '../../src/events/access-tokens';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
});
afterAll(() => s.close());

describe('GraphQL over HTTP: auth, errors, protection', () => {
  test('PUBLIC may read the ledger status; audit queries need a role', async () => {
    expect(
      (await s.gql('{ ledgerStatus { settledPosition } }')).data?.ledgerStatus.settledPosition,
    ).toMatch(/^\d+$/);
    const denied = await s.gql('{ verifyLedger { ok } }');
    expect(denied.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    // No token where one is needed: the same 401 as a bad token.
    expect(denied.status).toBe(401);
    const ok = await s.gql('{ verifyLedger { ok eventsChecked } }', {}, s.tokens.AUDITOR);
    expect(ok.data?.verifyLedger.ok).toBe(true);
  });

  test('a token of the wrong role is FORBIDDEN; an unknown token is UNAUTHENTICATED (401)', async () => {
    expect(
      (await s.gql('{ verifyLedger { ok } }', {}, s.tokens.BUDGET_OFFICER)).errors?.[0].extensions
        .code,
    ).toBe('FORBIDDEN');
    const bad = await s.gql('{ ledgerStatus { settledPosition } }', {}, 'blt_not-a-token');
    expect(bad.status).toBe(401);
    expect(bad.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  test('a token past its expiry is refused like a revoked one (401); before it, it works', async () => {
    const soon = new Date(Date.now() + 1_500);
    const auditor = { role: 'AUDITOR', person: 'expiring' } as const;
    const { token } = await createAccessToken(s.db.ownerPool, {
      ...auditor,
      label: 'expiring',
      expiresAt: soon,
    });
    const later = await createAccessToken(s.db.ownerPool, {
      ...auditor,
      label: 'later',
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    const ask = (t: string) => s.gql('{ verifyLedger { ok } }', {}, t);
    expect((await ask(token)).data?.verifyLedger.ok).toBe(true);
    await new Promise((r) => setTimeout(r, Math.max(0, soon.getTime() - Date.now()) + 200));
    const expired = await ask(token);
    expect(expired.status).toBe(401);
    expect(expired.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await ask(later.token)).data?.verifyLedger.ok).toBe(true);
  });

  test('a kept digest re-checks through the API', async () => {
    const d = await s.gql('{ ledgerDigest { position digest } }', {}, s.tokens.AUDITOR);
    const { position, digest } = d.data!.ledgerDigest;
    const again = await s.gql(
      'query($at: Position, $d: String) { ledgerDigest(at: $at, expect: $d) { matches } }',
      { at: position, d: digest },
      s.tokens.AUDITOR,
    );
    expect(again.errors).toBeUndefined();
    expect(again.data?.ledgerDigest.matches).toBe(true);
  });

  test('malformed queries are BAD_USER_INPUT; internals are not leaked', async () => {
    const r = await s.gql('{ ledgerStatus { nope } }');
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(r.errors)).not.toMatch(/stack|node_modules/);
  });

  test('a query deeper than the limit is refused', async () => {
    const deep = `{ __schema { types { fields { type { ${'ofType { '.repeat(14)}name${' }'.repeat(14)} } } } } }`;
    const r = await s.gql(deep);
    expect(r.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toMatch(/depth/i);
  });

  test('a browser opening /graphql gets the IDE, served without any external resource', async () => {
    const res = await fetch(`${s.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(/ruru|graphiql/i);
    expect(html).not.toMatch(/https?:\/\/(?!localhost|127\.0\.0\.1)[a-z0-9.-]+\.[a-z]{2,}\//i);
    // Its assets are served by the service too: checked on a real server process in
    // tests/e2e/ide-chromium.test.ts (Ruru loads them in a way jest's module sandbox cannot).
    expect(html).toMatch(/\/graphql-ide\/ruru\.js/);
  });

  test('CSRF prevention: a simple cross-site GET without a preflight header is refused', async () => {
    const res = await fetch(
      `${s.url}/graphql?query=${encodeURIComponent('{ ledgerStatus { settledPosition } }')}`,
    );
    expect(res.status).toBe(400);
  });
});
