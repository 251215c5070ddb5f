import fc from 'fast-check';
import { plainCells } from '../../../src/import/csv';
import { importRow, importRowsOfText } from '../../../src/import/sheet';
import { LINE_COLUMNS, type Column } from '../../../src/import/template';

/**
 * importRowsOfText slices each cell straight into its row: the rows must be importRow's over
 * plainCells.
 */
describe('rows of a text without quotes', () => {
  const cell = fc.stringMatching(/^[ a-z0-9.]{0,5}$/);
  const lineText = fc.array(cell, { minLength: 1, maxLength: 12 }).map((cells) => cells.join(','));
  // Any header: some template columns at any cell index, in any order.
  const positions = fc
    .uniqueArray(fc.tuple(fc.nat(11), fc.constantFrom(...(LINE_COLUMNS as readonly Column[]))), {
      selector: ([i]) => i,
      minLength: 1,
      maxLength: 8,
    })
    .map((ps) => ps.filter(([, c], k) => ps.findIndex(([, d]) => d === c) === k));

  test("are the rows importRow makes of each line's cells split at its commas", () => {
    fc.assert(
      fc.property(fc.array(lineText, { minLength: 1, maxLength: 20 }), positions, (texts, ps) => {
        const lines = texts.map((_, i) => 2 + i * 3);
        const expected = texts.map((t, i) => importRow(lines[i]!, plainCells(t), ps));
        expect(importRowsOfText(texts.join('\n'), lines, ps)).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });
});
