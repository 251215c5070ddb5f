/**
 * `check-disclosure <file>`: reads a published disclosure (its PDF, or the text extracted from
 * it), parses it, runs the consistency rules on the document as published, and prints every
 * finding. Exit status 0 when no finding is an inconsistency, 1 otherwise (rounding differences
 * do not fail the check); a file that cannot be read is an error (status 2, from main).
 */
import { checkPublished, parseDisclosure, reportText } from '../interchange';
import { readDisclosureFile } from './disclosure-file';

export interface CheckDisclosureOptions {
  json?: boolean;
}

export async function checkDisclosureFile(
  file: string,
  opts: CheckDisclosureOptions = {},
): Promise<{ output: string; exitCode: 0 | 1 }> {
  const parsed = parseDisclosure((await readDisclosureFile(file)).text);
  const report = checkPublished(parsed);
  const exitCode = report.inconsistencies > 0 ? 1 : 0;
  if (opts.json)
    return {
      output: `${JSON.stringify({ file, layout: parsed.layout, unitName: parsed.unitName, fiscalYear: parsed.fiscalYear, issues: parsed.issues, ...report }, null, 2)}\n`,
      exitCode,
    };
  return { output: reportText(file, parsed, report), exitCode };
}
