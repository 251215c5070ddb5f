import fs from 'node:fs';
import path from 'node:path';
import { parse, validate } from 'graphql';
import { buildLedgerSchema } from '../../../src/graphql/schema';
import { PROJECT_ROOT } from '../../../src/paths';

// The README's examples are the first thing an integrator copies: every one must be valid.
test('every GraphQL example in README.md validates against the schema', async () => {
  const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
  const blocks = [...readme.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);
  expect(blocks.length).toBeGreaterThanOrEqual(3);
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
