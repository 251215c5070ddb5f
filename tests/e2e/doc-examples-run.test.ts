/**
 * The documentation's GraphQL examples, run in order, exactly as printed, against a freshly
 * started service on a new ledger (the seed), one ledger per document: README.md, docs/api-read.md
 * and docs/api-audit.md. Each runs with the token its comment names (no token, an officer of
 * 019001, a finance reviewer; otherwise an auditor), and each must answer without an error. An
 * integrator's first copy-and-paste works. Subscriptions cannot be sent as one HTTP request: they
 * are left to tests/e2e/graphql-subscriptions.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestServer, type TestServer } from '../support/server';

interface Example {
  comment: string;
  operation: string;
}

/**
 * The operations of a document's ```graphql blocks, each with the comment that names its token:
 * the comment paragraph before it (a chunk a line, split apart below) and its own `#` comments.
 */
function examplesOf(file: string): Example[] {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const out: Example[] = [];
  for (const [, block] of text.matchAll(/```graphql\n([\s\S]*?)```/g)) {
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
      if (code)
        out.push({
          comment: `${comment}\n${code.match(/#.*$/gm)?.join('\n') ?? ''}`,
          operation: code,
        });
    }
  }
  return out;
}

function tokenFor(s: TestServer, comment: string): string | null {
  if (/#\s*no token/i.test(comment)) return null;
  if (/^# Officer/m.test(comment)) return s.tokens.BUDGET_OFFICER;
  if (/^# Reviewer/m.test(comment)) return s.tokens.FINANCE_REVIEWER;
  return s.tokens.AUDITOR;
}

const DOCUMENTS: { file: string; atLeast: number }[] = [
  { file: 'README.md', atLeast: 12 },
  { file: 'docs/api-read.md', atLeast: 9 },
  { file: 'docs/api-audit.md', atLeast: 8 },
];

describe.each(DOCUMENTS)('$file', ({ file, atLeast }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  }, 120_000);
  afterAll(() => s.close());

  test('every example answers without an error, in order, on a fresh ledger', async () => {
    const examples = examplesOf(file).filter((e) => !/^subscription\b/.test(e.operation));
    expect(examples.length).toBeGreaterThanOrEqual(atLeast);
    const failures: { operation: string; errors: unknown }[] = [];
    for (const { comment, operation } of examples) {
      const r = await s.gql(operation, {}, tokenFor(s, comment));
      if (r.errors?.length || r.status !== 200)
        failures.push({ operation: operation.slice(0, 80), errors: r.errors ?? r.status });
    }
    expect(failures).toEqual([]);
  });
});
