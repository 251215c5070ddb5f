/**
 * Printed amounts: "1,256.36" → "1256.36", "171,915,169" → "171915169". Cells keep the printed
 * scale (no rounding, no padding) so the checker compares figures exactly as published.
 */

const AMOUNT = /^-?\d{1,3}(,\d{3})+(\.\d+)?$|^-?\d+(\.\d+)?$/;

/** True when the cell is a printed amount (with or without thousands separators). */
export const isAmount = (cell: string): boolean => AMOUNT.test(cell.trim());

/** The amount without separators, or null when the cell is not an amount. */
export function normaliseAmount(cell: string): string | null {
  const text = cell.trim();
  return AMOUNT.test(text) ? text.replace(/,/g, '') : null;
}

/**
 * Names as compared across tables and forms: full-width ASCII (（）［］：) folded to half-width,
 * whitespace and quotes dropped. The seed prints 镇（街道） in table 12 and 镇(街道) on the form.
 */
export function normaliseName(text: string): string {
  return text
    .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s“”"‘’']/g, '');
}
