import { memo } from 'react';
import { headerCells } from '../../../src/export/header';
import { sep, tableNo } from '../format';
import type { Row, Table } from '../queries';

/** A cell's identity across points in time (table, row key or code, column). */
export const cellKey = (table: string, row: Pick<Row, 'key' | 'code'>, column: string): string =>
  `${table}|${row.key ?? ''}|${row.code ?? ''}|${column}`;

export interface CellTarget {
  table: string;
  row: Row;
  column: string;
  /** The column as its header names it (合计, 一般公共预算 · 小计 …), or the key without one. */
  columnTitle: string;
  value: string | null;
}

/** A column's title as the header prints it: the texts over it, top to bottom. */
export function columnTitle(table: Pick<Table, 'headerRows' | 'columns'>, key: string): string {
  const j = table.columns.findIndex((c) => c.key === key);
  if (j < 0) return key;
  const texts = headerCells(table.headerRows)
    .filter((c) => c.col <= j && j < c.col + c.colSpan && c.text !== '')
    .sort((a, b) => a.row - b.row)
    .map((c) => c.text);
  return texts.length ? texts.join(' · ') : key;
}

/** One table as published: header merges (as the export prints them), rows, the note. */
export const DisclosureTableView = memo(function DisclosureTableView({
  table,
  highlight,
  onCell,
}: {
  table: Table;
  highlight?: ReadonlySet<string>;
  onCell?: (target: CellTarget) => void;
}) {
  const head = headerCells(table.headerRows);
  return (
    <section className="dtable" id={table.id} aria-labelledby={`${table.id}-title`}>
      {table.label && <p className="table-label">{table.label}</p>}
      <h3 id={`${table.id}-title`}>
        <span className="table-no">{tableNo(table.id)}</span> {table.title}
      </h3>
      <div className="table-meta">
        <span>编制单位：{table.unitName}</span>
        <span>单位：{table.moneyUnit}</span>
      </div>
      <div className="scroll">
        <table data-table={table.id}>
          <thead>
            {table.headerRows.map((_, r) => (
              <tr key={r}>
                {head
                  .filter((c) => c.row === r)
                  .map((c) => (
                    <th key={c.col} colSpan={c.colSpan} rowSpan={c.rowSpan} scope="col">
                      {c.text}
                    </th>
                  ))}
              </tr>
            ))}
          </thead>
          <tbody>
            {table.rows.map((row, i) => (
              <tr key={i} className={`role-${row.role}${row.level ? ` level-${row.level}` : ''}`}>
                {table.columns.map((col, j) => {
                  const value = row.cells[j]?.value ?? null;
                  if (col.kind !== 'amount') return <td key={col.key}>{value}</td>;
                  const key = cellKey(table.id, row, col.key);
                  const cls = `num${highlight?.has(key) ? ' changed' : ''}`;
                  return (
                    <td key={col.key} className={cls} data-cell={key}>
                      {onCell ? (
                        <button
                          type="button"
                          className="cell"
                          onClick={() =>
                            onCell({
                              table: table.id,
                              row,
                              column: col.key,
                              columnTitle: columnTitle(table, col.key),
                              value,
                            })
                          }
                        >
                          {sep(value) || '\u00a0'}
                        </button>
                      ) : (
                        sep(value)
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
            {table.note && (
              <tr>
                <td colSpan={table.columns.length} className="note">
                  {table.note}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </section>
  );
});
