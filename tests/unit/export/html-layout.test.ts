import { renderShanghai9 } from '../../../src/domain/disclosure/layouts/shanghai-9';
import { layoutChartSpecs, renderShanghaiHtml } from '../../../src/export/html-layout';
import { base, factsOf, ref } from '../../support/shanghai-doc';

/**
 * The printable document of the Shanghai layout, rendered from the sample's plan (no browser:
 * html-chromium.test.ts opens it).
 */
const layout = renderShanghai9(factsOf(base), ref);
const html = renderShanghaiHtml(layout, { asOfNote: '数据来源：测试。' });

test("one self-contained document: the layout's cover, contents, nine tables, two charts, nothing by URL", () => {
  expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
  expect(html).toContain(
    '<h1>上海市2025年市级单位预算</h1><p class="subtitle">预算单位：上海市财政局</p>',
  );
  expect(html.match(/<table class="data"/g)).toHaveLength(9);
  expect(html.match(/<li><a href="#sh0\d">/g)).toHaveLength(9);
  expect(html.match(/<svg /g)).toHaveLength(2);
  expect(html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(
    /https?:\/\/|<(script|link|img)\b|url\(/i,
  );
});

test('amounts print with thousands separators, merged headers as published, the empty tables with their note', () => {
  expect(html).toContain('<td>收入总计</td><td class="num">171,915,169</td>');
  expect(html).toContain('<th colspan="5" scope="col">收入预算</th>');
  expect(html.match(/本表无数据/g)).toHaveLength(2);
});

test("the charts take table 5's 基本/项目 and table 9's 三公 items", () => {
  const { structure, sanGong } = layoutChartSpecs(layout);
  expect(structure.data.map((d) => d.value)).toEqual([
    layout.tables.sh05.rows.at(-1)!.cells[5],
    layout.tables.sh05.rows.at(-1)!.cells[6],
  ]);
  expect(structure.unit).toBe('元');
  expect(sanGong.data.map((d) => d.value)).toEqual(['288.70', '25.40', '0', '32.20']);
  expect(sanGong.unit).toBe('万元');
});
