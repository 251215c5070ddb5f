/**
 * Schema versions of the budget stream's events, and the one place that turns a stored event's
 * data into the domain's shape (`upcast`) and back (`storedData`).
 *
 * Version 1: every entry of a line-changing event's `lines` is `{ lineId, line, delta }`.
 * Version 2: it is `{ lineId, delta }`. The line key is left out because the lineId already
 * encodes all of it (lineId and parseLineId are inverses; tests/unit/domain/schema.test.ts): the
 * key was two thirds of an allocation's bytes, which every import serialised, hashed, sent, parsed
 * and stored twice over (measured in BENCHMARKS.md, "line-item import").
 * Version 3 (what decide writes; events.ts types them so): it is the pair `[lineId, delta]`. The
 * same two values without their two keys in every line: a sixth fewer bytes, and a jsonb array
 * is cheaper for the server to parse, print (for the hash) and store than an object with keys —
 * measured on the import's 1,000-line events, about a quarter of the server's time to append one
 * (BENCHMARKS.md).
 *
 * In memory an event always carries the key, whatever version it was stored at; events are
 * never rewritten, so version 1 and 2 events stay as they are in the log and are read through the
 * same upcast. The postings read model reads all three (migrations 0006, 0007: ledger_lines_of).
 *
 * DisclosurePublished has its own version 2: it adds `acknowledgedWarnings` (the publication
 * gate's WARNING findings the publisher acknowledged); stored data is the same at both versions.
 */
import { parseLineId, type LineDelta } from './line';

/** The events whose data has `lines` of LineDelta. */
const LINE_EVENTS: ReadonlySet<string> = new Set([
  'InitialBudgetAllocated',
  'CarryOverRecorded',
  'AdjustmentSubmitted',
  'AdjustmentApproved',
]);

/** A stored line at version 2. */
type StoredLineV2 = { lineId: string; delta: string };
/** A stored line at version 3: [lineId, delta]. */
type StoredLineV3 = [string, string];

/** A line-changing event's lines as read from storage, with their keys. */
export function upcastLines(
  schemaVersion: number,
  lines: readonly (StoredLineV3 | StoredLineV2 | LineDelta)[],
): LineDelta[] {
  if (schemaVersion < 2) return lines as LineDelta[];
  if (schemaVersion === 2)
    return (lines as StoredLineV2[]).map(({ lineId, delta }) => ({
      lineId,
      line: parseLineId(lineId),
      delta,
    }));
  return (lines as StoredLineV3[]).map(([lineId, delta]) => ({
    lineId,
    line: parseLineId(lineId),
    delta,
  }));
}

/** Stored data → the domain's data, for any schema version. */
export function upcast(type: string, schemaVersion: number, data: unknown): unknown {
  // DisclosurePublished at 2 adds the acknowledged warnings of the publication gate; a version 1
  // publication had no gate, which is null (not "nothing acknowledged").
  if (type === 'DisclosurePublished' && schemaVersion < 2)
    return { ...(data as object), acknowledgedWarnings: null };
  if (schemaVersion < 2 || !LINE_EVENTS.has(type)) return data;
  const d = data as { lines: StoredLineV2[] | StoredLineV3[] };
  return { ...d, lines: upcastLines(schemaVersion, d.lines) };
}

/** The domain's data → what is stored at the event's schema version. */
export function storedData(type: string, schemaVersion: number, data: unknown): unknown {
  if (schemaVersion < 2 || !LINE_EVENTS.has(type)) return data;
  const d = data as { lines: LineDelta[] };
  if (schemaVersion === 2)
    return { ...d, lines: d.lines.map(({ lineId, delta }): StoredLineV2 => ({ lineId, delta })) };
  return { ...d, lines: d.lines.map(({ lineId, delta }): StoredLineV3 => [lineId, delta]) };
}
