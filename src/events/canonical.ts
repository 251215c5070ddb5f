import type { JsonValue } from './types';

/**
 * The TypeScript half of the canonical form: Unicode NFC for every string, keys included.
 *
 * The bytes that get hashed are defined once, in SQL (ledger_event_bytes, migrations/0001 and
 * 0005), over jsonb, whose text form already fixes key order and whitespace. What jsonb cannot
 * fix is that "é" may arrive as one code point or as "e" + a combining accent, which look
 * identical to a reader and would hash differently; so every string is put in NFC before it is
 * stored. Stored data is therefore NFC, and a retry typed on another keyboard is recognised as
 * the same event. Numbers are passed through unchanged: money is never a JSON number in this
 * ledger.
 */
export function canonicalJson<T>(value: T): T {
  return normalise(value as JsonValue) as T;
}

/**
 * JSON text of `value` with every string (keys included) in NFC: the same text as
 * `JSON.stringify(canonicalJson(value))`, made the cheap way, for the append's hot path.
 *
 * Why normalising the whole text is the same as normalising each string: NFC only composes or
 * reorders a base character with the combining marks that follow it, and in JSON text every
 * string is enclosed in `"`, which neither composes with anything nor is a combining mark, so no
 * change can reach across a string's quotes. (Two keys that become equal under NFC end up as a
 * duplicate key, of which jsonb keeps the last — as canonicalJson's object does.) JSON.stringify
 * turns NaN and ±Infinity into `null` silently; when the text holds a `null`, the value is walked
 * to refuse those as canonicalJson does.
 */
export function canonicalJsonText(value: JsonValue | object): string {
  const text = JSON.stringify(value) ?? 'null';
  if (text.includes('null')) assertFiniteJson(value);
  return toNfc(text);
}

/**
 * Characters that NFC may change or compose with what precedes them all lie at or above U+0300
 * (the combining marks start there; every character below it is NFC-stable, "quick check Yes",
 * with canonical combining class 0). Text without any is its own NFC.
 */
const MAY_CHANGE_UNDER_NFC = /[\u0300-\uffff]/;

/**
 * `text.normalize('NFC')`, without the copy through ICU when nothing can change: the usual case for
 * event data (codes, amounts, ids), and for a string V8 holds as one byte per character the test
 * is answered without reading it. Property-tested against normalize.
 */
export function toNfc(text: string): string {
  return MAY_CHANGE_UNDER_NFC.test(text) ? text.normalize('NFC') : text;
}

function normalise(value: JsonValue | undefined): JsonValue {
  if (typeof value === 'string') return value.normalize('NFC');
  if (Array.isArray(value)) return value.map(normalise);
  if (value !== null && typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined) continue; // JSON has no undefined; drop it as JSON.stringify would
      const key = k.normalize('NFC');
      // "__proto__" is an ordinary key in JSON; assigned with `=` it would set the
      // prototype instead.
      if (key === '__proto__')
        Object.defineProperty(out, key, {
          value: normalise(v),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      else out[key] = normalise(v);
    }
    return out;
  }
  assertFinite(value);
  if (value === undefined) return null;
  return value;
}

/**
 * Refuses NaN and ±Infinity anywhere in a JSON value, as canonicalJson does (JSON.stringify would
 * write null).
 */
export function assertFiniteJson(value: unknown): void {
  // Loops rather than forEach over Object.values: this walks every line of a 1,000-line event.
  if (typeof value === 'number') assertFinite(value);
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) assertFiniteJson(value[i]);
  else if (value !== null && typeof value === 'object')
    for (const key in value) assertFiniteJson((value as Record<string, unknown>)[key]);
}

function assertFinite(value: JsonValue | undefined): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new TypeError('event data may not contain NaN or Infinity');
  }
}
