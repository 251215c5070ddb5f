import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { buildLedgerSchema } from '../../../src/graphql/schema';
import { PROJECT_ROOT } from '../../../src/paths';

// The documents' examples are the first thing an integrator copies: every one must be valid,
// subscriptions included (tests/e2e/doc-examples-run.test.ts runs the others in order).
test.each([
  { file: 'README.md', atLeast: 3 },
  { file: 'docs/api-read.md', atLeast: 9 },
  { file: 'docs/api-audit.md', atLeast: 10 },
  { file: 'docs/api-write.md', atLeast: 5 },
])('every GraphQL example in $file validates against the schema', async ({ file, atLeast }) => {
  const text = fs.readFileSync(path.join(PROJECT_ROOT, file), 'utf8');
  const blocks = [...text.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length).toBeGreaterThanOrEqual(atLeast);
  const schema = await buildLedgerSchema();
  const operations = blocks.flatMap((b) =>
    b
      .split(/\n(?=\{|query|mutation|subscription|#)/)
      .map((s) => s.replace(/^#.*$/gm, '').trim())
      .filter(Boolean),
  );
  const invalid = operations
    .map((op) => ({ op, errors: validate(schema, parse(op)).map((e) => e.message) }))
    .filter((r) => r.errors.length > 0);
  expect(invalid).toEqual([]);
});
