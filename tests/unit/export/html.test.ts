import { TABLE_IDS } from '../../../src/domain/disclosure';
import {
  CHART_IDS,
  chartSpecs,
  indicatorsHtml,
  renderHtml,
  tableHtml,
} from '../../../src/export/html';
import { fenyangDisclosure, fenyangFacts } from '../disclosure/fenyang-fixture';

const disclosure = fenyangDisclosure();
const html = renderHtml(disclosure, { units: fenyangFacts().units, asOfNote: '数据来源：测试。' });

describe('HTML export of the seed', () => {
  it('is one document with the four parts in order', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('<meta charset="utf-8">');
    const parts = [
      '第一部分\u3000概况',
      '第二部分\u30002024年单位预算报表',
      '第三部分\u30002024年度单位预算情况说明',
      '第四部分\u3000绩效目标表',
    ].map((p) => html.indexOf(`>${p}</h2>`));
    expect(parts.every((i) => i > 0)).toBe(true);
    expect([...parts].sort((a, b) => a - b)).toEqual(parts);
  });

  it('references nothing outside itself (no URLs but the SVG namespace, no scripts, links, images or fonts)', () => {
    const withoutSvgNs = html.replaceAll('xmlns="http://www.w3.org/2000/svg"', '');
    expect(withoutSvgNs).not.toMatch(/https?:\/\//i);
    expect(withoutSvgNs).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
    expect(html).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    expect(html).not.toMatch(/@import|@font-face|url\(/i);
    expect(html).not.toMatch(/\s(src|srcset)=/i);
  });

  it('has print CSS: A4 pages and a page break before each table', () => {
    expect(html).toContain('@page { size: A4;');
    expect(html).toMatch(
      /section\.disclosure-table \{ break-before: page; page-break-before: always; \}/,
    );
  });

  it('has the 13 tables, each with its title, header merges and figures', () => {
    for (const id of TABLE_IDS) {
      expect(html).toContain(
        `<section class="disclosure-table${disclosure.tables[id].columns.length > 6 ? ' wide' : ''}" id="${id}">`,
      );
      expect(html).toContain(disclosure.tables[id].title);
    }
    expect(html.match(/<table class="data"/g)).toHaveLength(13);
    const t02 = tableHtml(disclosure.tables.t02);
    expect(t02).toContain('<th colspan="6" scope="col">本年收入</th>');
    expect(t02).toContain('<th rowspan="2" scope="col">上年结转</th>');
    const t03 = tableHtml(disclosure.tables.t03);
    expect(t03).toContain(
      '<tr class="role-total" data-key="total"><td></td><td class="name">合计</td><td class="num">1256.36</td><td class="num">229.24</td><td class="num">1027.12</td></tr>',
    );
    expect(tableHtml(disclosure.tables.t13)).toContain(
      '<td class="note" colspan="5">本表无数据</td>',
    );
  });

  it('has the explanation sections 一 to 十一 with the generated text', () => {
    for (const n of ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一'])
      expect(html).toContain(`<h3>${n}、`);
    expect(html).toContain(disclosure.explanation.expenditure.text);
    expect(html).toContain(disclosure.explanation.threePublicExpenses.text);
  });

  it('has both charts as inline SVG with titles, from tables 5 and 10', () => {
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain(`id="${CHART_IDS.structure}"`);
    expect(html).toContain(`id="${CHART_IDS.sanGong}"`);
    expect(html).toContain(
      '<title id="chart-general-budget-structure-title">2024年一般公共预算支出结构</title>',
    );
    expect(html).toContain('<title id="chart-sangong-title">2024年“三公”经费预算构成</title>');
    const specs = chartSpecs(disclosure);
    expect(specs.structure.data).toEqual([
      { label: '基本支出', value: '229.24' },
      { label: '项目支出', value: '1027.12' },
    ]);
    expect(specs.sanGong.data.map((d) => d.value)).toEqual(['0', '0', '0', '5.00']);
  });

  it('has part one (units) and part four (the whole-unit form and every project form with its indicator tree)', () => {
    expect(html).toContain('<td>019002</td><td>数字政府服务中心</td><td>事业单位</td>');
    expect(html).toContain('单位整体绩效目标表');
    expect(html.match(/class="performance-form project-form"/g)).toHaveLength(
      disclosure.performanceForms.projects.length,
    );
    for (const f of disclosure.performanceForms.projects)
      expect(html).toContain(`<td>${f.projectName.replace(/&/g, '&amp;')}</td>`);
    expect(html).toContain('<tr><th>年度资金总额（元）</th><td>165,000.00</td></tr>');
  });

  it('merges 一级 and 二级 indicators over consecutive rows', () => {
    const t = indicatorsHtml([
      { level1: '产出指标', level2: '数量指标', level3: 'a', value: '1', annual: null },
      { level1: '产出指标', level2: '数量指标', level3: 'b', value: '2', annual: null },
      { level1: '产出指标', level2: '质量指标', level3: 'c', value: '3', annual: null },
      { level1: '效益指标', level2: null, level3: null, value: null, annual: null },
    ]);
    expect(t).toContain(
      '<tr><td rowspan="3">产出指标</td><td rowspan="2">数量指标</td><td>a</td><td>1</td></tr><tr><td>b</td><td>2</td></tr><tr><td>质量指标</td><td>c</td><td>3</td></tr>',
    );
    expect(t).not.toContain('年度指标值');
  });

  it('escapes text', () => {
    const d = fenyangDisclosure();
    d.department = { code: '019', name: '<b>&</b>' };
    expect(renderHtml(d, { units: [] })).toContain('&lt;b&gt;&amp;&lt;/b&gt;');
  });
});
