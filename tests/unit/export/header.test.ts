import { headerCells } from '../../../src/export/header';
import { SHANXI_LAYOUT } from '../../../src/domain/disclosure';

const spans = (rows: string[][]): string[] =>
  headerCells(rows).map((c) => `${c.text || '∅'}@${c.row},${c.col} ${c.rowSpan}x${c.colSpan}`);

describe('headerCells: merges recovered from the published header rows', () => {
  it('spans a title right over the empty cells after it, and down where the cells under it are empty', () => {
    expect(spans(SHANXI_LAYOUT.t02.headerRows)).toEqual([
      '项目@0,0 1x2',
      '本年收入@0,2 1x6',
      '上年结转@0,8 2x1',
      '科目编码@1,0 1x1',
      '科目名称@1,1 1x1',
      '合计@1,2 1x1',
      '一般公共预算@1,3 1x1',
      '政府性基金@1,4 1x1',
      '国有资本经营预算@1,5 1x1',
      '财政专户管理资金@1,6 1x1',
      '单位资金@1,7 1x1',
    ]);
  });

  it('handles three header rows (table 4: 项目/金额 down, 金额 across the four expenditure columns)', () => {
    expect(spans(SHANXI_LAYOUT.t04.headerRows)).toEqual([
      '收入@0,0 1x2',
      '支出@0,2 1x5',
      '项目@1,0 2x1',
      '金额@1,1 2x1',
      '项目@1,2 2x1',
      '金额@1,3 1x4',
      '小计@2,3 1x1',
      '一般公共预算@2,4 1x1',
      '政府性基金预算@2,5 1x1',
      '国有资本经营预算@2,6 1x1',
    ]);
  });

  it('covers every grid cell exactly once for every layout table', () => {
    for (const layout of Object.values(SHANXI_LAYOUT)) {
      const rows = layout.headerRows;
      const covered = rows.map((r) => r.map(() => 0));
      for (const c of headerCells(rows))
        for (let r = c.row; r < c.row + c.rowSpan; r++)
          for (let k = c.col; k < c.col + c.colSpan; k++) covered[r]![k]!++;
      expect(covered.flat().every((n) => n === 1)).toBe(true);
    }
  });

  it('leaves an empty cell nobody covers as a single empty cell', () => {
    expect(
      spans([
        ['', 'a'],
        ['b', 'c'],
      ]),
    ).toEqual(['∅@0,0 1x1', 'a@0,1 1x1', 'b@1,0 1x1', 'c@1,1 1x1']);
  });
});
