import fs from 'node:fs';
import path from 'node:path';
import type pg from 'pg';
import { renderExport, type RenderOptions } from '../app/export';
import type { ReferenceLists } from '../domain';

export interface ExportOptions extends RenderOptions {
  out: string;
}

/**
 * Writes into `out`: csv → t01.csv … t13.csv; json → disclosure.json; xlsx → disclosure.xlsx (one
 * sheet per table); html → disclosure.html (the printable document); pdf → disclosure.pdf (the
 * same document, A4, the CJK font embedded); fdp → datapackage.json and
 * budget-lines.csv (exact yuan, whatever the money unit). Returns the files written.
 */
export async function exportDisclosure(
  pool: pg.Pool,
  opts: ExportOptions,
  references: ReferenceLists,
): Promise<string[]> {
  const files = await renderExport(pool, opts, references);
  fs.mkdirSync(opts.out, { recursive: true });
  return Object.entries(files).map(([name, content]) => {
    const file = path.join(opts.out, name);
    if (typeof content === 'string') fs.writeFileSync(file, content, 'utf8');
    else fs.writeFileSync(file, content);
    return file;
  });
}
