/**
 * Rules that need a figure the parser did not read are skipped, with the reason, instead of
 * computing a finding against it: a rule comparing a column the table was not read with (its
 * header not recognised, so its cells never reached the rule) would see an empty cell as 0 and
 * report "published 4,736,957.00, computed 0". What was not read is said where it was printed.
 */
import type { Finding } from '../domain/disclosure';
import type { ParsedDisclosure } from './types';

/** A rule not applied, and why. */
export interface SkippedRule {
  ruleId: string;
  reason: string;
  /** Where the figure it needed was printed (the table's title line). */
  line: number;
}

/** References that are not table cells (the explanation, the forms) or a table's note. */
const NOT_CELLS = new Set(['narrative', 'form', 'procurement']);

/** Why a finding's figures were not all read, or null when they were. */
export function unreadFigure(d: ParsedDisclosure, f: Finding): SkippedRule | null {
  for (const ref of f.cells) {
    if (NOT_CELLS.has(ref.table) || ref.column === 'note') continue;
    const t = d.tables.find((x) => x.id === ref.table);
    if (!t) continue;
    if (!t.keys.includes(ref.column)) {
      const unread = t.keys
        .map((k, i) =>
          k === ''
            ? t.columns
                .map((row) => row[i])
                .filter((c) => c)
                .join('/')
            : '',
        )
        .filter((p) => p !== '');
      return {
        ruleId: f.ruleId,
        line: t.titleLine,
        reason:
          `${t.id} has no column read as ${ref.column}` +
          (unread.length > 0 ? ` (not understood: ${unread.map((p) => `"${p}"`).join(', ')})` : ''),
      };
    }
  }
  return null;
}

/** A note saying the table is empty, in the words documents use (本表无数据, 故本表为空表, 无该项目). */
export const notesEmpty = (note: string | null): boolean =>
  note !== null && /本表无数据|空表|无该项目|无此项/.test(note);
