/**
 * The disclosure commands on a PDF as a user runs them (the built CLI): the file is recognised by
 * its %PDF- header and read in the process; check-disclosure finds on the PDF exactly what it
 * finds on the same document's pdfplumber text, its problems placed by page (and table row) in
 * the PDF; final accounts are refused by both commands with one message; a file that is not a
 * readable PDF is an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanEnv, runCli } from '../support/cli';
import { freshDatabase } from '../support/db';

const env = cleanEnv({});
const doc = 'putuo-justice-bureau-2026-dept-budget';
/** The report without the file name and line numbers (the two inputs number lines differently). */
const findings = (out: string) =>
  out
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/page \d+ (line|table \d+ row) \d+|line \d+/g, 'line'));

test('check-disclosure reads the PDF and reports what it reports on its pdfplumber text', async () => {
  const pdf = await runCli(['check-disclosure', `data/corpus/pdf/${doc}.pdf`], env);
  const text = await runCli(['check-disclosure', `data/corpus/text/${doc}.txt`], env);
  expect(pdf.stderr).toBe('');
  expect(pdf.stdout).toContain('layout shanghai-9, 上海市普陀区司法局, 2026; 9 tables');
  expect(pdf.code).toBe(text.code);
  expect(findings(pdf.stdout)).toEqual(findings(text.stdout));
  // Findings are placed in the PDF: table 5's row of 类 210 is the fourth row of page 16's table.
  expect(pdf.stdout).toContain('t05[210].name (page 16 table 1 row 4)');
  const json = JSON.parse(
    (await runCli(['check-disclosure', '--json', `data/corpus/pdf/${doc}.pdf`], env)).stdout,
  );
  expect(json).toMatchObject({ layout: 'shanghai-9', fiscalYear: 2026 });
}, 60_000);

test('a damaged PDF is an error (exit 2), not an empty document', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-'));
  const file = path.join(dir, 'broken.txt');
  fs.writeFileSync(file, '%PDF-1.7\nnot a PDF body\n');
  const r = await runCli(['check-disclosure', file], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/PDF not readable/);
});

const finalAccounts = 'data/corpus/pdf/putuo-social-work-dept-2024-dept-final-accounts.pdf';

test('final accounts (决算) are refused by check-disclosure with one message', async () => {
  const r = await runCli(['check-disclosure', finalAccounts], env);
  expect(r.code).toBe(2);
  expect(r.stdout).toBe(
    `${finalAccounts}: the document is a 部门决算 (final accounts, page 1 line 3), not a budget: ` +
      'this ledger holds budgets (预算); nothing read\n',
  );
}, 60_000);

test('final accounts (决算) are refused by import-disclosure, nothing applied', async () => {
  const db = await freshDatabase();
  try {
    const r = await runCli(
      ['import-disclosure', finalAccounts, '--unit', '321', '--year', '2024'],
      cleanEnv({ DATABASE_URL: db.url }),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/: 1 problem; nothing applied \(sha256 [0-9a-f]{64}\)\n/);
    expect(r.stdout).toContain('page 1 line 3: the document is a 部门决算 (final accounts');
  } finally {
    await db.drop();
  }
}, 60_000);
