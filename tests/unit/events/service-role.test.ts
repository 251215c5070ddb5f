import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { servicePassword } from '../../../src/events/service-role';

/** The service role's generated password: one per installation, readable by its owner only. */
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'service-role-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('given no password file, one is created for the owner only, and every later call reads it', () => {
  const file = path.join(dir, 'nested', 'service-role.password');
  const first = servicePassword(file);
  expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(servicePassword(file)).toBe(first);
  // Nothing is left beside it.
  expect(fs.readdirSync(path.dirname(file))).toEqual(['service-role.password']);
});

test('given a password someone kept there, it is the one used', () => {
  const file = path.join(dir, 'service-role.password');
  fs.writeFileSync(file, 'kept-by-the-operator\n', { mode: 0o600 });
  expect(servicePassword(file)).toBe('kept-by-the-operator');
});
