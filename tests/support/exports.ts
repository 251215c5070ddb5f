import type pg from 'pg';
import { EXPORT_FORMATS, renderExport, type RenderOptions } from '../../src/app/export';
import { ReferenceLists } from '../../src/domain';
import type { LayoutId } from '../../src/domain/disclosure/layouts/shanghai-9';

/** The layouts a disclosure is exported in (renderExport's --layout). */
export const LAYOUTS: readonly LayoutId[] = ['shanxi-13', 'shanghai-9', 'jiangsu-12'];

export type ExportPoint = Pick<RenderOptions, 'asOf' | 'effectiveOn' | 'published'>;

/**
 * Every file of every export format in every layout of a department's disclosure at a point, as
 * bytes, by `<layout>/<format>/<file>`. The other layouts' data package is the same as the
 * 13-table one (renderExport); it is rendered again all the same.
 */
export async function everyExport(
  pool: pg.Pool,
  unit: string,
  year: number,
  point: ExportPoint,
  references: ReferenceLists = ReferenceLists.shipped(),
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const layout of LAYOUTS)
    for (const format of EXPORT_FORMATS) {
      const files = await renderExport(pool, { unit, year, format, layout, ...point }, references);
      for (const [name, body] of Object.entries(files))
        out.set(`${layout}/${format}/${name}`, Buffer.isBuffer(body) ? body : Buffer.from(body));
    }
  return out;
}

/** The names of the files whose bytes differ (or that only one side has). */
export function differingFiles(a: Map<string, Buffer>, b: Map<string, Buffer>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => !a.get(n)?.equals(b.get(n) ?? Buffer.alloc(0))).sort();
}
