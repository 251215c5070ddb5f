/**
 * A raw printed table → ParsedTable: header rows split off and mapped to column keys, body rows
 * read by the table's family, the unit taken from the table's own header line ("单位：万元").
 */
import { SANGONG_ROWS } from '../domain/disclosure';
import { normaliseName } from './amounts';
import type { CodeBook } from './codes';
import { resolveColumns, splitHeader } from './header';
import { readRows } from './rows';
import type { RawTable } from './segment';
import type { Issue, ParsedTable } from './types';

const isSanGongLabel = (cells: string[]): boolean =>
  SANGONG_ROWS.some((r) => normaliseName(r.item) === normaliseName(cells[0] ?? ''));

export function readTable(
  raw: RawTable,
  codes: CodeBook,
  unitNames: Set<string>,
  issues: Issue[],
): ParsedTable {
  const { header, body } = splitHeader(
    raw.grid,
    raw.kind.family === 'sangong' ? isSanGongLabel : undefined,
  );
  const width = Math.max(0, ...raw.grid.map((l) => l.cells!.length));
  const columns = resolveColumns(raw.kind, header, width);
  columns.keys.forEach((key, i) => {
    const used = raw.grid.some((l) => (l.cells![i] ?? '') !== '');
    if (key === '' && used)
      issues.push({
        line: header[0]?.no ?? raw.titleLine,
        severity: 'warning',
        message: `${raw.kind.id}: column ${i + 1} ("${columns.paths[i]}") not recognised`,
      });
  });
  if (raw.unit === null)
    issues.push({
      line: raw.titleLine,
      severity: 'warning',
      message: `${raw.kind.id}: no unit (元/万元) printed with the table; assuming 万元`,
    });
  const names = new Set(unitNames);
  if (raw.unitName) names.add(normaliseName(raw.unitName));
  const rows = readRows(raw.kind.family, body, { columns, codes, unitNames: names, issues });
  return {
    id: raw.kind.id,
    title: raw.title,
    moneyUnit: raw.unit ?? '万元',
    columns: header.map((l) => [
      ...l.cells!,
      ...Array<string>(Math.max(0, width - l.cells!.length)).fill(''),
    ]),
    keys: columns.keys,
    kinds: columns.kinds,
    rows: rows.map(({ role, code, key, cells }) => ({ role, code, key, cells })),
    note: raw.note,
    titleLine: raw.titleLine,
    unitName: raw.unitName,
    rowLines: rows.map((r) => r.line),
  };
}
