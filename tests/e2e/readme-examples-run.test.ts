/**
 * The README's GraphQL examples, run in order, exactly as printed, against a freshly started
 * service on a new ledger (the seed): each with the token its comment names (no token, an
 * officer of 019001, a finance reviewer; otherwise an auditor), and each must answer without an
 * error. An integrator's first copy-and-paste works.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestServer, type TestServer } from '../support/server';

let s: TestServer;
beforeAll(async () => {
  s = await startTestServer();
}, 120_000);
afterAll(() => s.close());

interface Example {
  comment: string;
  operation: string;
}

function readmeExamples(): Example[] {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const out: Example[] = [];
  for (const [, block] of readme.matchAll(/```graphql\n([\s\S]*?)```/g)) {
    // A comment paragraph (split apart below, a chunk a line) names the token of what follows it.
    let comment = '';
    let inComment = false;
    for (const chunk of block!.split(/\n(?=\{|query|mutation|subscription|#)/)) {
      const lines = chunk.split('\n');
      const code = lines
        .filter((l) => !l.startsWith('#'))
        .join('\n')
        .trim();
      const notes = lines.filter((l) => l.startsWith('#')).join('\n');
      if (notes) comment = inComment ? `${comment}\n${notes}` : notes;
      inComment = !code;
      if (code) out.push({ comment, operation: code });
    }
  }
  return out;
}

function tokenFor(comment: string): string | null {
  if (/^# No token/m.test(comment)) return null;
  if (/^# Officer/m.test(comment)) return s.tokens.BUDGET_OFFICER;
  if (/^# Reviewer/m.test(comment)) return s.tokens.FINANCE_REVIEWER;
  return s.tokens.AUDITOR;
}

test('every README example answers without an error, in order, on a fresh ledger', async () => {
  const examples = readmeExamples();
  expect(examples.length).toBeGreaterThanOrEqual(12);
  const failures: { operation: string; errors: unknown }[] = [];
  for (const { comment, operation } of examples) {
    const r = await s.gql(operation, {}, tokenFor(comment));
    if (r.errors?.length || r.status !== 200)
      failures.push({ operation: operation.slice(0, 80), errors: r.errors ?? r.status });
  }
  expect(failures).toEqual([]);
});
