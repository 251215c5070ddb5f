import { createHash } from 'node:crypto';
import { stringify as stableStringify } from 'safe-stable-stringify';
import { assertFiniteJson, canonicalJson, toNfc } from '../events/canonical';

/**
 * SHA-256 of the command's canonical JSON (sorted keys, NFC): the identity of "the same command",
 * stored with its events, so it must never change for a given command.
 *
 * Defined as stableStringify(canonicalJson(command)). Commands are plain JSON, and almost always
 * already in NFC; then canonicalJson changes nothing and the sorted text alone is the same string,
 * at a fraction of the cost on a 1,000-line allocation (no copy of the command, one normalisation
 * of the whole text). The copy is still made when the text is not NFC (keys might sort differently
 * once normalised); a `null` in the text is checked for a NaN that JSON would have hidden.
 */
export function hashCommand(command: unknown): string {
  let text = stableStringify(command) ?? '';
  if (toNfc(text) !== text) text = stableStringify(canonicalJson(command)) ?? '';
  else if (text.includes('null')) assertFiniteJson(command);
  return createHash('sha256').update(text).digest('hex');
}
