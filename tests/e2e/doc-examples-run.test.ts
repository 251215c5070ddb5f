/**
 * The documentation's GraphQL examples, run in order, exactly as printed, against a freshly
 * started service on a new ledger (the seed), one ledger per document: README.md, docs/api-read.md,
 * docs/api-audit.md and docs/api-write.md. Each runs with the token its comment names (no token,
 * an officer of 019001 and 019002, a finance reviewer, an admin; otherwise an auditor), with the
 * variables of the ```json block printed right after its ```graphql block, and each must answer
 * without an error, except one whose own comment says `# refused: CODE`: it must be refused with
 * that code. An integrator's first copy-and-paste works. Subscriptions cannot be sent as one HTTP
 * request: they are left to tests/e2e/graphql-subscriptions.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/paths';
import { startTestServer, type TestServer } from '../support/server';

interface Example {
  comment: string;
  operation: string;
  variables: Record<string, unknown>;
  /** The error code (and rule) the example's own comment says it is refused with. */
  refused?: { code: string; ruleId?: string };
}

/**
 * The operations of a document's ```graphql blocks, each with the comment that names its token:
 * the comment paragraph before it (a chunk a line, split apart below) and its own `#` comments.
 * A ```json block right after a ```graphql block holds the variables of its last operation.
 */
function examplesOf(file: string): Example[] {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const out: Example[] = [];
  for (const [, block, json] of text.matchAll(
    /```graphql\n([\s\S]*?)```(?:\n```json\n([\s\S]*?)```)?/g,
  )) {
    let comment = '';
    let inComment = false;
    // The comment paragraph right before an operation, not one left over from an earlier one.
    let own = '';
    const first = out.length;
    for (const chunk of block!.split(/\n(?=\{|query|mutation|subscription|#)/)) {
      const lines = chunk.split('\n');
      const code = lines
        .filter((l) => !l.startsWith('#'))
        .join('\n')
        .trim();
      const notes = lines.filter((l) => l.startsWith('#')).join('\n');
      if (notes) comment = inComment ? `${comment}\n${notes}` : notes;
      if (notes) own = inComment ? `${own}\n${notes}` : notes;
      inComment = !code;
      if (code) {
        const inline = code.match(/#.*$/gm)?.join('\n') ?? '';
        out.push({
          comment: `${comment}\n${inline}`,
          operation: code,
          variables: {},
          refused: refusalIn(`${own}\n${inline}`),
        });
        own = '';
      }
    }
    if (json && out.length > first) out[out.length - 1]!.variables = JSON.parse(json);
  }
  return out;
}

/** `refused: CODE`, optionally followed by `(rule.id`, as in `refused: POLICY_VIOLATION (policy.x: …)`. */
function refusalIn(comment: string): Example['refused'] {
  const m = /refused:\s*([A-Z_]+)(?:\s*\(([\w.-]+))?/.exec(comment);
  return m ? { code: m[1]!, ruleId: m[2] } : undefined;
}

function tokenFor(s: TestServer, comment: string): string | null {
  if (/#\s*no token/i.test(comment)) return null;
  if (/^# Officer/m.test(comment)) return s.tokens.BUDGET_OFFICER;
  if (/^# Reviewer/m.test(comment)) return s.tokens.FINANCE_REVIEWER;
  if (/^# Admin/m.test(comment)) return s.tokens.ADMIN;
  return s.tokens.AUDITOR;
}

const DOCUMENTS: { file: string; atLeast: number }[] = [
  { file: 'README.md', atLeast: 12 },
  { file: 'docs/api-read.md', atLeast: 9 },
  { file: 'docs/api-audit.md', atLeast: 8 },
  { file: 'docs/api-write.md', atLeast: 16 },
];

describe.each(DOCUMENTS)('$file', ({ file, atLeast }) => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  }, 120_000);
  afterAll(() => s.close());

  test('every example answers as its comment says, in order, on a fresh ledger', async () => {
    const examples = examplesOf(file).filter((e) => !/^subscription\b/.test(e.operation));
    expect(examples.length).toBeGreaterThanOrEqual(atLeast);
    const failures: { operation: string; errors: unknown }[] = [];
    for (const { comment, operation, variables, refused } of examples) {
      const r = await s.gql(operation, variables, tokenFor(s, comment));
      const [first, ...more] = r.errors ?? [];
      const answered = refused
        ? more.length === 0 &&
          first?.extensions.code === refused.code &&
          (!refused.ruleId || first.extensions.details?.ruleId === refused.ruleId)
        : !first && r.status === 200;
      if (!answered)
        failures.push({ operation: operation.slice(0, 80), errors: r.errors ?? r.status });
    }
    expect(failures).toEqual([]);
  });
});
