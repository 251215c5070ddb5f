import { barChart, donutChart, escapeXml, sectorPath, shares } from '../../../src/export/svg';

describe('SVG charts', () => {
  it('shares in percent with two decimals; nothing → 0.00', () => {
    expect(shares(['229.24', '1027.12'])).toEqual(['18.25', '81.75']);
    expect(shares(['0', ''])).toEqual(['0.00', '0.00']);
  });

  it('a sector path is a closed ring segment; a whole ring is two even-odd circles', () => {
    expect(sectorPath(0, 0, 10, 5, 0, Math.PI / 2)).toBe(
      'M 0 -10 A 10 10 0 0 1 10 0 L 5 0 A 5 5 0 0 0 0 -5 Z',
    );
    expect(sectorPath(0, 0, 10, 5, 0, Math.PI * 1.5)).toMatch(/A 10 10 0 1 1/);
    const ring = sectorPath(0, 0, 10, 5, 0, 2 * Math.PI);
    expect(ring.match(/ Z/g)).toHaveLength(2);
  });

  it('a donut draws one slice per non-zero value, a legend row per datum, the title twice (accessible and visible)', () => {
    const svg = donutChart({
      id: 'c1',
      title: '结构 <A&B>',
      unit: '万元',
      total: '1256.36',
      data: [
        { label: '基本支出', value: '229.24' },
        { label: '项目支出', value: '1027.12' },
        { label: '其他', value: '0' },
      ],
    });
    expect(svg.startsWith('<svg ')).toBe(true);
    expect(svg).toContain('<title id="c1-title">结构 &lt;A&amp;B&gt;</title>');
    expect(svg.match(/class="slice"/g)).toHaveLength(2);
    expect(svg.match(/class="legend"/g)).toHaveLength(3);
    expect(svg).toContain('基本支出\u3000229.24万元（18.25%）');
    expect(svg).toContain('>1256.36<');
  });

  it('a single non-zero value is a whole ring; all zeros draw an empty grey ring', () => {
    expect(
      donutChart({ id: 'c', title: 't', unit: '', data: [{ label: 'a', value: '5.00' }] }).match(
        / Z/g,
      ),
    ).toHaveLength(2);
    expect(
      donutChart({ id: 'c', title: 't', unit: '', data: [{ label: 'a', value: '0' }] }),
    ).toContain('stroke="#ccc"');
  });

  it('bars are proportional to the largest value, zero values print 0', () => {
    const svg = barChart({
      id: 'b',
      title: '三公',
      unit: '万元',
      data: [
        { label: '因公出国（境）费', value: '0' },
        { label: '公务用车运行维护费', value: '5.00' },
        { label: 'x', value: '2.50' },
      ],
    });
    const widths = [...svg.matchAll(/class="bar"[^>]* width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([0, 280, 140]);
    expect(svg).toContain('>0万元<');
    expect(svg).toContain('>5.00万元<');
  });

  it('escapes XML', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;',
    );
  });
});
