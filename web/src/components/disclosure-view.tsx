import { lazy, Suspense, useEffect, useMemo, useState, type ReactNode } from 'react';
import { sep, tableNo } from '../format';
import type { DisclosureData, Form } from '../queries';
import { DisclosureTableView, type CellTarget } from './disclosure-table';

const Charts = lazy(() => import('./charts'));

/** Tables rendered at first paint; the rest follow a few per frame, so the page is usable early. */
const FIRST_TABLES = 2;

function useProgressive(total: number): number {
  const [shown, setShown] = useState(Math.min(FIRST_TABLES, total));
  useEffect(() => {
    if (shown >= total) return;
    const id = requestAnimationFrame(() => setShown((n) => Math.min(n + 2, total)));
    return () => cancelAnimationFrame(id);
  }, [shown, total]);
  return shown;
}

function Indicators({ form }: { form: Form }) {
  return (
    <div className="scroll">
      <table>
        <thead>
          <tr>
            <th>一级指标</th>
            <th>二级指标</th>
            <th>三级指标</th>
            <th>指标值</th>
          </tr>
        </thead>
        <tbody>
          {form.indicators.map((i, k) => (
            <tr key={k}>
              <td>{i.level1}</td>
              <td>{i.level2}</td>
              <td>{i.level3}</td>
              <td>{i.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A disclosure as the published document lays it out: the 13 tables, the explanation (第三部分)
 * with its two charts, the performance-target forms. Used by the public page and the auditor's
 * timeline (which passes changed cells to highlight and a handler for a clicked cell).
 */
export function DisclosureView({
  d: given,
  highlight,
  onCell,
  aside,
}: {
  d: DisclosureData;
  highlight?: ReadonlySet<string>;
  onCell?: (target: CellTarget) => void;
  aside?: ReactNode;
}) {
  // Table ids as the rest of the API writes them (t01; the enum is T01): cells, provenance, diff.
  const d = useMemo(
    () => ({ ...given, tables: given.tables.map((t) => ({ ...t, id: t.id.toLowerCase() })) }),
    [given],
  );
  const shown = useProgressive(d.tables.length);
  const e = d.explanation;
  const sections: [string, ReactNode][] = [
    ['单位预算收支数据变动情况及原因', <p>{e.changes.text}</p>],
    ['收入预算情况说明', <p>{e.revenue.text}</p>],
    ['支出预算情况说明', <p>{e.expenditure.text}</p>],
    ['财政拨款收支预算总体情况说明', <p>{e.fiscalAppropriation.text}</p>],
    [
      '一般公共预算支出情况说明',
      <>
        <p>{e.generalPublicBudget.scaleText}</p>
        <p>{e.generalPublicBudget.structureText}</p>
      </>,
    ],
    ['一般公共预算基本支出情况说明', <p>{e.basicExpenditure.text}</p>],
    ['“三公”经费增减变动原因说明', <p>{e.threePublicExpenses.text}</p>],
    ['机关运行经费增减变动原因说明', <p>{e.agencyOperatingExpenses.text}</p>],
    [
      '政府采购情况',
      <p>
        {e.governmentProcurement?.text ??
          `${d.fiscalYear}年${d.department.name}未安排政府采购预算。`}
      </p>,
    ],
    [
      '绩效管理情况',
      <>
        <p>{e.performanceManagement.text}</p>
        {e.performanceManagement.overallTarget && (
          <p>{e.performanceManagement.overallTarget.text}</p>
        )}
      </>,
    ],
    [
      '国有资产占有使用情况',
      e.assets ? (
        <>
          <p>{e.assets.vehiclesText}</p>
          <p>{e.assets.officeSpaceText}</p>
          <p>{e.assets.equipmentText}</p>
        </>
      ) : (
        <p>无。</p>
      ),
    ],
  ];
  const forms = d.performanceForms;
  return (
    <article className="disclosure">
      <nav className="toc" aria-label="目录">
        {d.tables.map((t) => (
          <a key={t.id} href={`#${t.id}`}>
            {tableNo(t.id)}
          </a>
        ))}
        <a href="#explanation">情况说明</a>
        <a href="#forms">绩效目标</a>
      </nav>
      {aside}
      <h2>第二部分 {d.fiscalYear}年单位预算报表</h2>
      {d.tables.slice(0, shown).map((t) => (
        <DisclosureTableView key={t.id} table={t} highlight={highlight} onCell={onCell} />
      ))}
      {shown < d.tables.length && <p className="loading">正在显示其余报表……</p>}
      <h2 id="explanation">第三部分 {d.fiscalYear}年度单位预算情况说明</h2>
      {shown >= d.tables.length && (
        <Suspense fallback={<p className="loading">图表加载中……</p>}>
          <Charts tables={d.tables} year={d.fiscalYear} />
        </Suspense>
      )}
      {sections.map(([title, body], i) => (
        <section key={i} className="explanation">
          <h3>
            {i + 1}. {title}
          </h3>
          {body}
        </section>
      ))}
      <h2 id="forms">第四部分 绩效目标表</h2>
      {forms.unit && (
        <section className="form">
          <h3>{forms.unit.unitName} 部门（单位）整体绩效目标表</h3>
          <p>
            年度预算：{sep(forms.unit.budget.total)} {d.tables[0]?.moneyUnit ?? '万元'}（基本支出{' '}
            {sep(forms.unit.budget.basic)}，项目支出 {sep(forms.unit.budget.project)}）
          </p>
          {forms.unit.form.goal && <p>{forms.unit.form.goal}</p>}
          <Indicators form={forms.unit.form} />
        </section>
      )}
      {forms.projects.map((p) => (
        <section key={p.projectCode} className="form">
          <h3>
            {p.projectName}（{p.projectCode}）项目绩效目标表
          </h3>
          <p>
            {p.unitName}，年度资金总额 {sep(p.fundsYuan)} 元
          </p>
          {p.form.goal && <p>{p.form.goal}</p>}
          <Indicators form={p.form} />
        </section>
      ))}
      {!forms.unit && forms.projects.length === 0 && <p>本年度没有公开绩效目标表。</p>}
    </article>
  );
}
