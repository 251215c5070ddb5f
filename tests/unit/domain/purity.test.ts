/**
 * The domain holds no module state: whatever decide needs is passed in by its owner (reference
 * lists by LedgerReferences, src/app/reference-codes.ts). The lint rule that says so
 * (no-restricted-syntax on src/domain, eslint.config.mjs) is run here on src/domain, which must be
 * clean, and on samples of what it must refuse and what it must let through, so that a weakened
 * rule fails this test.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const eslint = path.join(root, 'node_modules/.bin/eslint');

interface Message {
  ruleId: string | null;
  line: number;
}

/** The rule's findings, by line, in `files` or (with `text`) in `text` linted as `files[0]`. */
function findings(files: string[], text?: string): { filePath: string; lines: number[] }[] {
  const args = ['--format', 'json', '--no-warn-ignored'];
  const run =
    text === undefined
      ? spawnSync(eslint, [...args, ...files], { cwd: root, encoding: 'utf8' })
      : spawnSync(eslint, [...args, '--stdin', '--stdin-filename', files[0]!], {
          cwd: root,
          encoding: 'utf8',
          input: text,
        });
  if (run.status === 2 || !run.stdout) throw new Error(`eslint failed: ${run.stderr}`);
  const results = JSON.parse(run.stdout) as { filePath: string; messages: Message[] }[];
  return results
    .map((r) => ({
      filePath: path.relative(root, r.filePath),
      lines: r.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line),
    }))
    .filter((r) => r.lines.length > 0);
}

const SAMPLE = [
  /* 1 */ 'const cache = new Map<number, string>();',
  /* 2 */ 'let counter = 0;',
  /* 3 */ 'export const registry: string[] = [];',
  /* 4 */ 'const byName: Record<string, number> = {};',
  /* 5 */ 'export var legacy = 1;',
  /* 6 */ 'export class Holder {',
  /* 7 */ '  static instances = 0;',
  /* 8 */ '  static readonly LIMIT = 3;',
  /* 9 */ '}',
  /* 10 */ "const KNOWN: ReadonlySet<string> = new Set(['a']);",
  /* 11 */ 'const TABLE = { a: 1 };',
  /* 12 */ 'export function f(): number {',
  /* 13 */ '  let n = 0;',
  /* 14 */ '  const local = new Map<string, number>([["a", 1]]);',
  /* 15 */ '  n += local.size + TABLE.a + (KNOWN.has("a") ? 1 : 0) + counter + cache.size;',
  /* 16 */ '  return n + registry.length + Object.keys(byName).length + legacy + Holder.instances;',
  /* 17 */ '}',
].join('\n');

test('src/domain has no module-level mutable state', () => {
  expect(findings(['src/domain'])).toEqual([]);
});

test('the rule refuses module-level let/var, registries and mutable statics in src/domain, and lets constants and function locals through', () => {
  expect(findings(['src/domain/budget/sample.ts'], SAMPLE)).toEqual([
    { filePath: 'src/domain/budget/sample.ts', lines: [1, 2, 3, 4, 5, 7] },
  ]);
});

test('outside src/domain the rule does not apply', () => {
  expect(findings(['src/app/sample.ts'], SAMPLE)).toEqual([]);
});
