/**
 * `check-disclosure <file>` as a user runs it (the built CLI, no database): exit 1 with every
 * inconsistency of the seed printed, exit 0 on the correct Shanghai sample, exit 2 on a missing
 * file, a file named .pdf that is not one, and a document in no known layout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanEnv, runCli } from '../support/cli';

const env = cleanEnv({});

test('the seed: prints each inconsistency with its figures and exits 1', async () => {
  const r = await runCli(['check-disclosure', 'data/seed/fenyang-2024/source.txt'], env);
  expect(r.code).toBe(1);
  expect(r.stdout).toContain('layout shanxi-13, 汾阳市行政审批服务管理局, 2024; 13 tables');
  expect(r.stdout).toContain('findings: 5 inconsistencies, 28 rounding differences');
  for (const rule of [
    'narrative.agencyOperating.amount',
    'narrative.agencyOperating.percent',
    'narrative.performance.published-split',
    'narrative.performance.specific-target-twice',
    'overview.internal-divisions',
  ]) {
    expect(r.stdout).toMatch(new RegExp(`INCONSISTENCY ${rule.replace(/\./g, '\\.')}: published `));
  }
  expect(r.stdout).toContain(
    'rounding      t02.hierarchy: published 1194.16, computed 1194.17, difference -0.01',
  );
});

test('the Shanghai sample: no inconsistency, exit 0; --json gives the findings', async () => {
  const r = await runCli(
    ['check-disclosure', 'data/samples/shanghai-finance-bureau-2025-unit-budget.txt'],
    env,
  );
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('layout shanghai-9, 上海市财政局, 2025; 9 tables');
  const j = await runCli(
    ['check-disclosure', '--json', 'data/samples/shanghai-finance-bureau-2025-unit-budget.txt'],
    env,
  );
  expect(JSON.parse(j.stdout)).toMatchObject({
    layout: 'shanghai-9',
    inconsistencies: 0,
    issues: [],
  });
});

test('a missing file is an error (exit 2)', async () => {
  const r = await runCli(['check-disclosure', 'no/such/file.txt'], env);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/ENOENT/);
});

test('a file named .pdf that is not a PDF, and a document in no known layout, are refused, never passed (exit 2)', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'check-not-pdf-'));
  try {
    fs.writeFileSync(path.join(dir, 'budget.pdf'), 'hello\n');
    fs.writeFileSync(path.join(dir, 'budget.txt'), 'hello\n');
    const fake = await runCli(['check-disclosure', path.join(dir, 'budget.pdf')], env);
    expect(fake.code).toBe(2);
    expect(fake.stderr).toMatch(/budget\.pdf is not a PDF \(no %PDF- header\)/);
    const text = await runCli(['check-disclosure', path.join(dir, 'budget.txt')], env);
    expect(text.code).toBe(2);
    expect(text.stdout).toMatch(/no disclosure layout recognised .*: nothing was checked/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
