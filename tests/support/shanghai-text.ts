import type { ShanghaiLayout } from '../../src/domain/disclosure/layouts/shanghai-9';
import { sep } from '../../src/export/html';

/**
 * A Shanghai 9-table document as pdfplumber extracts one (the shape of
 * data/samples/shanghai-finance-bureau-2025-unit-budget.txt): a page per table with its title and
 * 编制单位 / 单位 line, then the table as a `--- TABLE … ---` block of ` | `-joined cells. For tests
 * that need a document the sample does not provide (e.g. one with 单位资金 by kind).
 */
export function shanghaiText(layout: ShanghaiLayout): string {
  const out = [
    '===== PAGE 1 =====',
    `上海市${layout.fiscalYear}年市级单位预算`,
    `预算单位：${layout.unitName}`,
    '',
  ];
  Object.values(layout.tables).forEach((t, i) => {
    const page = i + 2;
    out.push(
      `===== PAGE ${page} =====`,
      t.title,
      `编制单位：${layout.unitName} 单位：${t.moneyUnit}`,
      '',
      `--- TABLE p${page}.1 (cells joined by ' | ') ---`,
    );
    for (const header of t.columns) out.push(header.join(' | '));
    for (const row of t.rows)
      out.push(
        row.cells
          .map((c, k) => (c === null ? '' : t.kinds[k] === 'amount' ? sep(c) : c))
          .join(' | '),
      );
    out.push('');
  });
  return out.join('\n');
}
