import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ReferenceIndex, withAdoptedCodes, type AdoptedCode } from '../../src/domain';
import { renderShanghai9 } from '../../src/domain/disclosure/layouts/shanghai-9';
import { cleanEnv, runCli } from '../support/cli';
import { startTestServer, type TestServer } from '../support/server';
import { base, factsOf, line, ref } from '../support/shanghai-doc';
import { shanghaiText } from '../support/shanghai-text';

/**
 * Codes adopted by another process reach a running server: `import-disclosure` (a child process)
 * imports a document with a 项 the 2025 lists lack; the server, started before, lists it among
 * the year's classifications with its provenance, from the event feed, without a restart.
 */
let s: TestServer;
beforeAll(async () => {
  s = await startTestServer({ seed: false });
});
afterAll(() => s.close());

const NEW: AdoptedCode = {
  classification: 'functional',
  code: '2010699',
  name: '其他财政事务支出',
  level: '项',
  source: 'test',
};
const CLASSIFICATIONS =
  '{ classifications(year: 2025, kind: FUNCTIONAL, codePrefix: "20106") { code name level parentCode source } }';

test('the server lists a code adopted by the CLI, with the document and line it came from', async () => {
  const before = await s.gql(CLASSIFICATIONS);
  expect(before.data!.classifications.map((c: { code: string }) => c.code)).not.toContain(NEW.code);

  const text = shanghaiText(
    renderShanghai9(
      factsOf(base, [line('general-public', NEW.code, 'public', '30201', '50000.00')]),
      new ReferenceIndex(withAdoptedCodes(ref.data, [NEW])),
    ),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adopt-'));
  const file = path.join(dir, 'sh-2010699.txt');
  fs.writeFileSync(file, text);
  const r = await runCli(
    ['import-disclosure', file, '--unit', '312', '--year', '2025'],
    cleanEnv({ DATABASE_URL: s.db.url }),
  );
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('AdoptReferenceCodes 2025');

  let listed:
    { code: string; name: string; level: string; parentCode: string; source: string } | undefined;
  for (let i = 0; i < 50 && !listed; i++) {
    const now = await s.gql(CLASSIFICATIONS);
    listed = now.data!.classifications.find((c: { code: string }) => c.code === NEW.code);
    if (!listed) await new Promise((done) => setTimeout(done, 100));
  }
  expect(listed).toMatchObject({
    code: NEW.code,
    name: NEW.name,
    level: '项',
    parentCode: '20106',
  });
  expect(listed!.source).toMatch(
    /^ADOPTED from sh-2010699\.txt sha256:[0-9a-f]{12} line \d+ \(2025年预算单位收入预算总表\)$/,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}, 120_000);
