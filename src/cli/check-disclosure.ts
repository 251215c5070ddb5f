/**
 * `check-disclosure <file>`: reads a published disclosure (its PDF, or the text extracted from
 * it), parses it, runs the consistency rules on the document as published, and prints every
 * finding. Exit status 0 when no finding is an inconsistency, 1 otherwise (rounding differences
 * do not fail the check); final accounts (决算) and a document in no known layout are refused with
 * status 2; a file that cannot be read, or is named .pdf and is not one, is an error (status 2,
 * from main). A PDF's line references are places in the PDF.
 */
import {
  checkPublished,
  finalAccountsMessage,
  finalAccountsOf,
  parseDisclosure,
  reportText,
} from '../interchange';
import { readDisclosureFile } from './disclosure-file';

export interface CheckDisclosureOptions {
  json?: boolean;
}

export async function checkDisclosureFile(
  file: string,
  opts: CheckDisclosureOptions = {},
): Promise<{ output: string; exitCode: 0 | 1 | 2 }> {
  const source = await readDisclosureFile(file);
  // Final accounts are refused whole: no budget rule means anything on them.
  const final = finalAccountsOf(source.text);
  if (final) {
    const refused = { file, refused: source.places(finalAccountsMessage(final)) };
    return {
      output: opts.json ? `${JSON.stringify(refused, null, 2)}\n` : `${file}: ${refused.refused}\n`,
      exitCode: 2,
    };
  }
  const parsed = parseDisclosure(source.text);
  // Nothing recognised is nothing checked: never a pass.
  if (parsed.layout === 'unknown' || parsed.tables.length === 0) {
    const refused = {
      file,
      refused:
        'no disclosure layout recognised (no table of the Shanxi 13-table, Shanghai 9-table or Jiangsu 12-table layouts): nothing was checked',
    };
    return {
      output: opts.json ? `${JSON.stringify(refused, null, 2)}\n` : `${file}: ${refused.refused}\n`,
      exitCode: 2,
    };
  }
  const report = checkPublished(parsed, source.text);
  const exitCode = report.inconsistencies > 0 ? 1 : 0;
  if (opts.json) {
    const issues = parsed.issues.map((i) => (source.pdf ? { ...i, at: source.place(i.line) } : i));
    return {
      output: `${JSON.stringify({ file, layout: parsed.layout, unitName: parsed.unitName, fiscalYear: parsed.fiscalYear, issues, ...report }, null, 2)}\n`,
      exitCode,
    };
  }
  return { output: source.places(reportText(file, parsed, report)), exitCode };
}
