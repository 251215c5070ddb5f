import { createHash } from 'node:crypto';
import fc from 'fast-check';
import stableStringify from 'safe-stable-stringify';
import { hashCommand } from '../../../src/app/ledger-service';
import { canonicalJson } from '../../../src/events/canonical';

/**
 * The definition the stored command hashes were made with; hashCommand must never drift from it.
 */
const definition = (command: unknown) =>
  createHash('sha256')
    .update(stableStringify(canonicalJson(command)) ?? '')
    .digest('hex');

describe('hashCommand: the identity of "the same command"', () => {
  test('equals SHA-256 of the sorted NFC JSON for any JSON command, NFD spellings and nulls included', () => {
    const nfd = (v: unknown) =>
      JSON.parse(
        JSON.stringify(v, (_k, x: unknown) => (typeof x === 'string' ? x.normalize('NFD') : x)),
      );
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' }),
        fc.boolean(),
        (v, decompose) => {
          const command = decompose ? nfd(v) : v;
          expect(hashCommand(command)).toBe(definition(command));
        },
      ),
      { numRuns: 1000 },
    );
  });

  test('an allocation typed in NFD hashes as its NFC twin; a NaN amount is refused', () => {
    const command = {
      type: 'AllocateInitialBudget',
      data: { lines: [{ name: '汾阳 café', projectCode: null, amount: '1.00' }] },
    };
    const decomposed = JSON.parse(JSON.stringify(command).normalize('NFD'));
    expect(hashCommand(decomposed)).toBe(hashCommand(command));
    expect(hashCommand(command)).toBe(definition(command));
    expect(() => hashCommand({ data: { amount: Number.NaN, note: null } })).toThrow(
      /NaN or Infinity/,
    );
  });
});
