/**
 * The disclosure commands on a PDF as a user runs them (the built CLI): the file is recognised by
 * its %PDF- header and read in the process; check-disclosure finds on the PDF exactly what it
 * finds on the same document's pdfplumber text; a file that is not a readable PDF is an error.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanEnv, runCli } from '../support/cli';

const env = cleanEnv({});
const doc = 'putuo-justice-bureau-2026-dept-budget';
/** The report without the file name and line numbers (the two inputs number lines differently). */
const findings = (out: string) =>
  out
    .split('\n')
    .slice(1)
    .map((l) => l.replace(/\(line \d+\)|line \d+/g, 'line'));

test('check-disclosure reads the PDF and reports what it reports on its pdfplumber text', async () => {
  const pdf = await runCli(['check-disclosure', `data/corpus/pdf/${doc}.pdf`], env);
  const text = await runCli(['check-disclosure', `data/corpus/text/${doc}.txt`], env);
  expect(pdf.stderr).toBe('');
  expect(pdf.stdout).toContain('layout shanghai-9, unit not printed, 2026; 9 tables');
  expect(pdf.code).toBe(text.code);
  expect(findings(pdf.stdout)).toEqual(findings(text.stdout));
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
