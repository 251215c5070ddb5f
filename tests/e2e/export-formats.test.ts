/**
 * export --format xlsx | fdp of the published seed through the CLI (the HTML one:
 * html-chromium.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { Money } from '../../src/domain';
import { freshDatabase, type TestDatabase } from '../support/db';
import { cleanEnv, runCli } from '../support/cli';

let db: TestDatabase;
let env: NodeJS.ProcessEnv;
let dir: string;
beforeAll(async () => {
  db = await freshDatabase();
  env = cleanEnv({ DATABASE_URL: db.url });
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-formats-'));
  expect((await runCli(['seed'], env)).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await db.drop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const exportTo = (format: string, out: string, ...extra: string[]) =>
  runCli(
    [
      'export',
      '--unit',
      '019',
      '--year',
      '2024',
      '--as-of',
      'published',
      '--format',
      format,
      '--out',
      out,
      ...extra,
    ],
    env,
  );

test('xlsx: disclosure.xlsx with the 13 tables as published', async () => {
  const out = path.join(dir, 'xlsx');
  const r = await exportTo('xlsx', out);
  expect(r.code).toBe(0);
  expect(r.stdout.trim()).toBe(path.join(out, 'disclosure.xlsx'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path.join(out, 'disclosure.xlsx'));
  expect(wb.worksheets).toHaveLength(13);
  const t03 = wb.getWorksheet('表3')!;
  expect(t03.getCell('C5').value).toBe(1256.36);
  expect(t03.getCell('C5').numFmt).toBe('0.00');
});

test('fdp: datapackage.json (approved) and budget-lines.csv summing to the exact total', async () => {
  const out = path.join(dir, 'fdp');
  const r = await exportTo('fdp', out, '--yuan');
  expect(r.code).toBe(0);
  expect(fs.readdirSync(out).sort()).toEqual(['budget-lines.csv', 'datapackage.json']);
  const dp = JSON.parse(fs.readFileSync(path.join(out, 'datapackage.json'), 'utf8'));
  expect(dp.profile).toBe('fiscal-data-package');
  expect(dp.model.measures.amount).toMatchObject({ currency: 'CNY', factor: 1, phase: 'approved' });
  expect(dp.description).toMatch(/已公开版本（账本位置 \d+）/);
  const rows: { amount: string }[] = parse(
    fs.readFileSync(path.join(out, 'budget-lines.csv'), 'utf8'),
    { columns: true },
  );
  expect(Money.toWanYuan(Money.sum(rows.map((x) => x.amount)))).toBe('1256.36');
  // the CSV is in exact yuan whatever the money unit of the tables
  const again = path.join(dir, 'fdp-wan');
  expect((await exportTo('fdp', again)).code).toBe(0);
  expect(fs.readFileSync(path.join(again, 'budget-lines.csv'), 'utf8')).toBe(
    fs.readFileSync(path.join(out, 'budget-lines.csv'), 'utf8'),
  );
});

test('an unknown format is refused', async () => {
  const r = await exportTo('docx', path.join(dir, 'docx'));
  expect(r.code).not.toBe(0);
  expect(r.stderr).toMatch(/csv, json, xlsx, html, pdf, fdp/);
});
