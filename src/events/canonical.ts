import type { JsonValue } from './types';

/**
 * The TypeScript half of the canonical form: Unicode NFC for every string, keys included.
 *
 * The bytes that get hashed are defined once, in SQL (migrations/0001, ledger_event_bytes), over
 * jsonb, whose text form already fixes key order and whitespace. What jsonb cannot fix is that
 * "é" may arrive as one code point or as "e" + a combining accent, which look identical to a
 * reader and would hash differently; so every string is put in NFC before it is stored. Stored
 * data is therefore NFC, and a retry typed on another keyboard is recognised as the same event.
 * Numbers are passed through unchanged: money is never a JSON number in this ledger.
 */
export function canonicalJson<T>(value: T): T {
  return normalise(value as JsonValue) as T;
}

function normalise(value: JsonValue | undefined): JsonValue {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue; // JSON has no undefined; drop it as JSON.stringify would
      out[k.normalize('NFC')] = normalise(v);
    }
    return out;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('event data may not contain NaN or Infinity');
  }
  if (value === undefined) return null;
  return value;
}
