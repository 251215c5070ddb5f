/**
 * The two charts of the disclosure (as the printed document has them): 一般公共预算 spending by
 * 基本/项目 (table 5's total row) and the 三公 split (table 10). ECharts, loaded on its own chunk
 * after the tables so the page is readable first; SVG output, nothing fetched.
 */
import { useEffect, useRef } from 'react';
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsCoreOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { Table } from '../queries';

use([PieChart, BarChart, GridComponent, TooltipComponent, SVGRenderer]);

const cell = (t: Table | undefined, pick: (r: Table['rows'][number]) => boolean, col: string) => {
  const i = t?.columns.findIndex((c) => c.key === col) ?? -1;
  const row = t?.rows.find(pick);
  // Money stays a string up to here; the chart needs a length, not an amount to keep.
  return Number(row?.cells[i]?.value ?? 0);
};

function Chart({ option, label }: { option: EChartsCoreOption; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const chart = init(el.current!, undefined, { renderer: 'svg' });
    chart.setOption(option);
    const resize = () => chart.resize();
    window.addEventListener('resize', resize);
    return () => {
      window.removeEventListener('resize', resize);
      chart.dispose();
    };
  }, [option]);
  return <div ref={el} className="chart" role="img" aria-label={label} />;
}

export default function DisclosureCharts({ tables, year }: { tables: Table[]; year: number }) {
  const t05 = tables.find((t) => t.id === 't05');
  const t10 = tables.find((t) => t.id === 't10');
  const unit = t05?.moneyUnit ?? '万元';
  const isTotal = (r: Table['rows'][number]) => r.role === 'total';
  const structure = [
    { name: '基本支出', value: cell(t05, isTotal, 'basic') },
    { name: '项目支出', value: cell(t05, isTotal, 'project') },
  ];
  const sanGong: [string, string][] = [
    ['因公出国（境）费', 'sanGong.overseasTravel'],
    ['公务接待费', 'sanGong.officialReception'],
    ['公务用车购置费', 'sanGong.vehiclePurchase'],
    ['公务用车运行维护费', 'sanGong.vehicleOperation'],
  ];
  const sg = sanGong.map(([name, key]) => ({
    name,
    value: cell(t10, (r) => r.key === key, 'total'),
  }));
  return (
    <div className="charts">
      <figure>
        <Chart
          label={`${year}年一般公共预算支出结构`}
          option={{
            tooltip: { trigger: 'item', formatter: `{b}：{c}${unit}（{d}%）` },
            series: [
              {
                type: 'pie',
                radius: ['40%', '70%'],
                data: structure,
                label: { formatter: '{b}\n{d}%' },
              },
            ],
          }}
        />
        <figcaption>
          图1 一般公共预算当年支出：基本支出与项目支出（单位：{unit}，见表五）
        </figcaption>
      </figure>
      <figure>
        <Chart
          label={`${year}年“三公”经费预算构成`}
          option={{
            tooltip: { trigger: 'axis' },
            grid: { left: 8, right: 8, bottom: 8, top: 16, containLabel: true },
            xAxis: {
              type: 'category',
              data: sg.map((s) => s.name),
              axisLabel: { interval: 0, width: 70, overflow: 'break' },
            },
            yAxis: { type: 'value' },
            series: [
              { type: 'bar', data: sg.map((s) => s.value), label: { show: true, position: 'top' } },
            ],
          }}
        />
        <figcaption>图2 财政拨款安排的“三公”经费（单位：{unit}，见表十）</figcaption>
      </figure>
    </div>
  );
}
