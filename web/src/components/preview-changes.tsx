import { groupBy, sep, tableNo } from '../format';

export interface PreviewCell {
  table: string;
  tableTitle: string;
  code: string | null;
  name: string | null;
  column: string;
  columnTitle: string;
  before: string | null;
  after: string | null;
}

/** The cells an adjustment changes, table by table: the figure now and once approved (万元). */
export function PreviewChanges({ cells }: { cells: PreviewCell[] }) {
  if (cells.length === 0) return <p>公开报表中的数字不变（变动小于万元表的最小单位）。</p>;
  return (
    <div className="preview" data-testid="preview-changes">
      {groupBy(cells, (c) => c.table).map(([table, rows]) => (
        <section key={table}>
          <h4>
            {tableNo(table)} {rows[0]!.tableTitle}
          </h4>
          <div className="scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col">栏目</th>
                  <th scope="col">调整前（万元）</th>
                  <th scope="col">调整后（万元）</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c, i) => (
                  <tr key={i}>
                    <td>
                      {c.code ? `${c.code} ` : ''}
                      {c.name}
                    </td>
                    <td>{c.columnTitle}</td>
                    <td className="num before">{sep(c.before) || '—'}</td>
                    <td className="num after">{sep(c.after) || '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ))}
    </div>
  );
}

export const PREVIEW_FIELDS = `ok basedOnVersion
  problems { ruleId code title field entry }
  cells { table tableTitle code name column columnTitle before after }
  lines { entry before after delta }`;

export interface PreviewResult {
  ok: boolean;
  basedOnVersion: string;
  problems: {
    ruleId: string;
    code: string;
    title: string;
    field: string | null;
    entry: number | null;
  }[];
  cells: PreviewCell[];
  lines: { entry: number | null; before: string; after: string; delta: string }[];
}
