import fs from 'node:fs';
import path from 'node:path';
import { printLedgerSchema } from '../../../src/graphql/schema';
import { PROJECT_ROOT } from '../../../src/paths';

// The committed schema.graphql is the API's contract with integrators: a change to the code that
// changes the schema must come with the reviewed file (`npm run schema`).
test('schema.graphql is what the code generates', async () => {
  const committed = fs.readFileSync(path.join(PROJECT_ROOT, 'schema.graphql'), 'utf8');
  expect(await printLedgerSchema()).toBe(committed);
});
