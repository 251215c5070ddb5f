/**
 * Cuts the document into printed tables: a title line recognised by its keywords, the unit and
 * 单位名称 lines under it, then the grid rows (header rows first). A grid runs until the next
 * title or prose line; pdfplumber page text (shadow lines) and page breaks do not end it, so a
 * table continued on the next page (its header repeated) stays one table.
 */
import { formKindOf, tableKindOf, titleKey, type TableKind } from './catalogue';
import type { DocLine } from './lines';
import type { Issue } from './types';

export interface RawTable {
  kind: TableKind;
  title: string;
  titleLine: number;
  unit: '元' | '万元' | null;
  unitName: string | null;
  grid: DocLine[];
  note: string | null;
}

export interface RawForm {
  kind: 'unit' | 'project';
  titleLine: number;
  grid: DocLine[];
}

const UNIT = /(?:^|\s)单位[:：]\s*(万元|元)/;
const UNIT_NAME = /(?:单位名称|编制单位|编制部门)[:：]\s*([^\s]+)/;
const NOTE = /^注[:：]\s*(.+)$/;

type Open = { table: RawTable } | { form: RawForm } | null;

/** A repeated header on a continuation page: the same cells as one of the first grid rows. */
function isRepeatedHeader(table: RawTable, line: DocLine): boolean {
  const same = (a: string[], b: string[]): boolean =>
    a.length === b.length && a.every((x, i) => x === b[i]);
  return table.grid
    .slice(0, 5)
    .some((g) => g.cells !== null && line.cells !== null && same(g.cells, line.cells));
}

export function segment(lines: DocLine[]): {
  tables: RawTable[];
  forms: RawForm[];
  issues: Issue[];
} {
  const tables: RawTable[] = [];
  const forms: RawForm[] = [];
  const issues: Issue[] = [];
  let open: Open = null;
  let pending: RawTable | null = null;
  // Inside a table of contents printed as a grid (first cell 目录): its entries name tables but
  // are none; the titles read from its page text were entries too.
  let contents = false;

  for (const line of lines) {
    const trimmed = line.text.trim();
    if (line.cells === null) {
      const kind = tableKindOf(trimmed);
      const form = kind ? null : formKindOf(trimmed);
      if (kind) {
        contents = false;
        // A title: the previous table ends; a title without a grid (a table of contents entry) is
        // replaced.
        pending = {
          kind,
          title: trimmed,
          titleLine: line.no,
          unit: null,
          unitName: null,
          grid: [],
          note: null,
        };
        open = null;
        continue;
      }
      if (form) {
        const f: RawForm = { kind: form, titleLine: line.no, grid: [] };
        forms.push(f);
        open = { form: f };
        pending = null;
        continue;
      }
      const target = pending ?? (open && 'table' in open ? open.table : null);
      const unit = UNIT.exec(trimmed);
      const unitName = UNIT_NAME.exec(trimmed);
      if (target && (unit || unitName)) {
        if (unit) target.unit = unit[1] as '元' | '万元';
        if (unitName) target.unitName = unitName[1]!;
        continue;
      }
      const note = NOTE.exec(trimmed);
      // pdfplumber's page text puts a table's note before the table's block: it is the note of
      // the table whose title came last (pending), or of the open one.
      const noted = pending ?? (open && 'table' in open ? open.table : null);
      if (note && noted && noted.note === null) {
        noted.note = note[1]!.trim();
        if (!pending) open = null;
        continue;
      }
      if (trimmed === '' || line.shadow) continue;
      // Prose ends a grid once it has started (a form's "(2024年度)" line comes before its grid).
      const started =
        open !== null && ('table' in open ? open.table.grid.length > 0 : open.form.grid.length > 0);
      if (started) open = null;
      continue;
    }
    // A row of cells.
    if (titleKey(line.cells.find((c) => c !== '') ?? '') === '目录') contents = true;
    if (contents) {
      pending = null;
      open = null;
      continue;
    }
    if (pending) {
      tables.push(pending);
      open = { table: pending };
      pending = null;
    }
    if (open && 'table' in open) {
      if (open.table.grid.length > 0 && isRepeatedHeader(open.table, line)) continue;
      open.table.grid.push(line);
    } else if (open && 'form' in open) {
      open.form.grid.push(line);
    } else if (line.cells.some((c) => c !== '')) {
      issues.push({
        line: line.no,
        severity: 'warning',
        message: `table row outside any recognised table: ${line.cells
          .filter((c) => c !== '')
          .join(' | ')
          .slice(0, 80)}`,
      });
    }
  }
  return { tables, forms, issues };
}
