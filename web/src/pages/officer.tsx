import { useEffect, useState } from 'react';
import { allPages, gql } from '../api';
import { AdjustmentForm } from '../components/adjustment-form';
import { AdjustmentLines } from '../components/adjustment-lines';
import { TargetsForm } from '../components/targets-form';
import { Status } from '../components/status';
import {
  beijingTime,
  errorText,
  KIND_NAMES,
  matchesLine,
  sep,
  STATUS_NAMES,
  stepBy,
  withNames,
  type CodeLists,
  type LineView,
} from '../format';
import { useLive, usePaged, useQuery } from '../hooks';
import type { AdjustmentHistoryEntry } from '../queries';
import { Link } from '../router';
import { useSession } from '../session';

interface UnitYears {
  code: string;
  name: string;
  departmentCode: string;
  fiscalYears: {
    fiscalYear: number;
    published: boolean;
    publishedAt: string | null;
    closed: boolean;
  }[];
}

const UNITS = `{ units { code name departmentCode
  fiscalYears { fiscalYear published publishedAt closed } } }`;

/** A budget officer's units and their years (ADMIN sees every unit). */
export function OfficerHome() {
  const session = useSession()!;
  const result = useQuery<{ units: UnitYears[] }>(UNITS);
  return (
    <main>
      <h1>预算编制</h1>
      <Status result={result}>
        {({ units }) => {
          const mine = units.filter(
            (u) => session.role === 'ADMIN' || session.unitCodes.includes(u.code),
          );
          if (mine.length === 0) return <p>您的令牌没有负责的预算单位。</p>;
          return (
            <ul className="published">
              {mine.map((u) => (
                <li key={u.code}>
                  <h2>
                    {u.name} <small>（{u.code}）</small>
                  </h2>
                  {u.fiscalYears.length === 0 && <p>尚未开启任何年度。</p>}
                  <ul className="years">
                    {u.fiscalYears.map((y) => (
                      <li key={y.fiscalYear}>
                        <Link href={`/officer/${u.code}/${y.fiscalYear}`}>{y.fiscalYear}年度</Link>
                        {' · '}
                        {y.closed
                          ? '已年终结转'
                          : y.published
                            ? `已公开（${beijingTime(y.publishedAt)}）`
                            : '编制中'}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          );
        }}
      </Status>
    </main>
  );
}

// Codes only: the API's cost limit would refuse a page of 100 lines with their names, which
// the year's code lists (loaded once) give anyway.
const LINE_FIELDS = `functionalCode deptEconCode govEconCode fundSource kind projectCode amount origin`;

export const CODES = `query Codes($y: Int!, $u: String!) {
  functional: classifications(kind: FUNCTIONAL, year: $y) { code name depth }
  deptEcon: classifications(kind: DEPT_ECONOMIC, year: $y) { code name depth }
  govEcon: classifications(kind: GOV_ECONOMIC, year: $y) { code name depth }
  sources: classifications(kind: FUND_SOURCE, year: $y) { code name depth }
  projects(fiscalYear: $y, unitCode: $u) { code name } }`;

const LINES = `query Lines($unit: String!, $year: Int!, $after: String) {
  budgetLines(filter: { fiscalYear: $year, unitCodes: [$unit] }, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor } edges { node { ${LINE_FIELDS} } } } }`;

export type Line = LineView & { amount: string; origin: string };

/** Every line of a unit-year (paged by the API, 100 at a time), named; and the code lists. */
export async function loadLines(
  unit: string,
  year: number,
): Promise<{ lines: Line[]; codes: CodeLists }> {
  // Together: a refused lines query must not leave the code lists' refusal unhandled.
  const [codes, lines] = await Promise.all([
    gql<CodeLists>(CODES, { y: year, u: unit }),
    allPages<Line>(LINES, { unit, year }, 'budgetLines'),
  ]);
  return { lines: withNames(lines, codes), codes };
}

const TABS = [
  { id: 'lines', label: '预算行' },
  { id: 'adjust', label: '申请调整' },
  { id: 'mine', label: '我的申请' },
  { id: 'targets', label: '绩效目标' },
  { id: 'publish', label: '公开' },
] as const;
type Tab = (typeof TABS)[number]['id'];

/** One unit-year: its lines, a new adjustment (with its preview), submissions, publishing. */
export function OfficerUnitYear({ unit, year }: { unit: string; year: number }) {
  const [tab, setTab] = useState<Tab>('lines');
  const [loaded, setLoaded] = useState<{ lines: Line[]; codes: CodeLists } | null>(null);
  const lines = loaded?.lines ?? null;
  const [linesError, setLinesError] = useState<string | null>(null);
  // A unit outside the token's reach: one message, no name and no tabs to try.
  const [outOfReach, setOutOfReach] = useState(false);
  const [reached, setReached] = useState(false);
  const [linesTick, setLinesTick] = useState(0);
  const unitInfo = useQuery<{
    unit: { name: string; departmentCode: string; parentUnitCode: string | null } | null;
  }>('query U($c: String!) { unit(code: $c) { name departmentCode parentUnitCode } }', { c: unit });
  useEffect(() => {
    let live = true;
    loadLines(unit, year).then(
      (l) => {
        if (!live) return;
        setLoaded(l);
        setReached(true);
      },
      (e: { code: string; message: string }) => {
        if (!live) return;
        if (e.code === 'FORBIDDEN') setOutOfReach(true);
        else setLinesError(errorText(e.code, e.message));
      },
    );
    return () => {
      live = false;
    };
  }, [unit, year, linesTick]);
  const reloadLines = () => {
    setLinesTick(linesTick + 1);
    setLoaded(null);
    setLinesError(null);
  };
  if (outOfReach)
    return (
      <main>
        <p className="crumbs">
          <Link href="/officer">预算编制</Link> › {unit} › {year}
        </p>
        <h1>无权查看该单位</h1>
        <p className="error" data-testid="out-of-reach">
          无权查看该单位：当前身份不能查看或调整单位 {unit} 的预算。
        </p>
        <Link href="/officer">返回我的单位</Link>
      </main>
    );
  return (
    <main>
      <p className="crumbs">
        <Link href="/officer">预算编制</Link> › {unit} › {year}
      </p>
      <h1>
        {reached && unitInfo.state === 'ok' ? unitInfo.data.unit?.name : unit}
        <small>{year}年度预算</small>
      </h1>
      {reached && (
        <div className="tabs" role="tablist">
          {TABS.map((t) => (
            <button
              key={t.id}
              type="button"
              role="tab"
              aria-selected={tab === t.id}
              onClick={() => setTab(t.id)}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
      {linesError && <p className="error">{linesError}</p>}
      {lines === null && !linesError && <p className="loading">加载预算行……</p>}
      {lines && tab === 'lines' && <LinesTable lines={lines} />}
      {loaded && tab === 'adjust' && (
        <AdjustmentForm
          unit={unit}
          year={year}
          codes={loaded.codes}
          lines={loaded.lines.filter((l) => l.origin === 'current')}
          onSubmitted={() => {
            reloadLines();
            setTab('mine');
          }}
        />
      )}
      {tab === 'mine' && loaded && <Submissions unit={unit} year={year} codes={loaded.codes} />}
      {tab === 'targets' && loaded && unitInfo.state === 'ok' && unitInfo.data.unit && (
        <TargetsForm
          unit={unit}
          year={year}
          dept={unitInfo.data.unit.departmentCode}
          home={unitInfo.data.unit.parentUnitCode === null}
          codes={loaded.codes}
        />
      )}
      {tab === 'publish' && unitInfo.state === 'ok' && unitInfo.data.unit && (
        <Publish unit={unit} year={year} dept={unitInfo.data.unit.departmentCode} />
      )}
    </main>
  );
}

function LinesTable({ lines }: { lines: Line[] }) {
  const [q, setQ] = useState('');
  const shown = lines.filter((l) => matchesLine(l, q));
  return (
    <section>
      <label htmlFor="line-search">按代码或名称查找</label>
      <input
        id="line-search"
        type="search"
        value={q}
        onChange={(e) => setQ(e.target.value)}
        placeholder="如 2010301、办公费、一般公共预算"
      />
      <p className="help">
        共 {lines.length} 行，显示 {shown.length} 行
      </p>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">功能分类</th>
              <th scope="col">部门经济分类</th>
              <th scope="col">政府经济分类</th>
              <th scope="col">资金来源</th>
              <th scope="col">类别 / 项目</th>
              <th scope="col">金额（元）</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((l, i) => (
              <tr key={i}>
                <td>
                  {l.functionalCode} {l.functionalName}
                </td>
                <td>
                  {l.deptEconCode} {l.deptEconName}
                </td>
                <td>
                  {l.govEconCode} {l.govEconName}
                </td>
                <td>
                  {l.fundSourceName ?? l.fundSource}
                  {l.origin === 'carry-over' ? '（上年结转）' : ''}
                </td>
                <td>
                  {l.projectCode ? `${l.projectCode} ${l.projectName ?? ''}` : KIND_NAMES[l.kind]}
                </td>
                <td className="num">{sep(l.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

interface AdjustmentNode {
  adjustmentId: string;
  adjustmentType: string;
  status: string;
  reason: string;
  documentNumber: string;
  effectiveDate: string;
  history: AdjustmentHistoryEntry[];
  lines: (Omit<LineView, `${string}Name`> & { delta: string })[];
}

/** A page of adjustments (20: the cost limit counts a page's size). */
export const ADJUSTMENT_PAGE = `pageInfo { hasNextPage endCursor } edges { node {
  adjustmentId adjustmentType status reason documentNumber effectiveDate unitCode fiscalYear
  history { action at by actor reason }
  lines { delta functionalCode deptEconCode govEconCode fundSource kind projectCode } } }`;

function Submissions({ unit, year, codes }: { unit: string; year: number; codes: CodeLists }) {
  const result = usePaged<AdjustmentNode>(
    `query A($u: String!, $y: Int!, $after: String) {
      adjustments(unitCode: $u, fiscalYear: $y, first: 20, after: $after) { ${ADJUSTMENT_PAGE} } }`,
    { u: unit, y: year },
    'adjustments',
  );
  // A reviewer's decision shows up here as it is made.
  useLive(
    'subscription S($u: String!) { adjustmentChanged(unitCode: $u) { position } }',
    { u: unit },
    result.reload,
  );
  return (
    <Status result={result}>
      {(adjustments) =>
        adjustments.length === 0 ? (
          <p>还没有预算调整申请。</p>
        ) : (
          <ul className="queue" data-testid="submissions">
            {[...adjustments].reverse().map((a) => (
              <li key={a.adjustmentId}>
                <p>
                  <strong>{STATUS_NAMES[a.status]}</strong> · {a.documentNumber} · {a.reason} · 生效{' '}
                  {a.effectiveDate}
                </p>
                <AdjustmentLines lines={a.lines} codes={codes} />
                {a.history
                  .filter((h) => h.action !== 'SUBMITTED')
                  .map((h, i) => (
                    <p key={i} className="help">
                      {STATUS_NAMES[h.action]}（{h.at}，{stepBy(h)}）
                      {h.reason ? `：${h.reason}` : ''}
                    </p>
                  ))}
              </li>
            ))}
          </ul>
        )
      }
    </Status>
  );
}

interface GateFinding {
  ruleId: string;
  level: 'FATAL' | 'WARNING' | 'SUGGEST';
  title: string;
  message: string;
  fix: string;
}

const PUBLICATION_CHECK = `query C($u: String!, $y: Int!) { publicationCheck(unitCode: $u, fiscalYear: $y) {
  findings { ruleId level title message fix } } }`;
const LEVEL_NAMES: Record<GateFinding['level'], string> = {
  FATAL: '须改正',
  WARNING: '警告',
  SUGGEST: '建议',
};

/**
 * Publishing, after the publication gate's dry run: FATAL findings keep the button disabled, each
 * WARNING is acknowledged by a checkbox (sent as `acknowledge`), suggestions are listed only.
 */
function Publish({ unit, year, dept }: { unit: string; year: number; dept: string }) {
  const [state, setState] = useState<{ busy: boolean; message: string | null; ok: boolean }>({
    busy: false,
    message: null,
    ok: false,
  });
  const check = useQuery<{ publicationCheck: { findings: GateFinding[] } }>(PUBLICATION_CHECK, {
    u: unit,
    y: year,
  });
  const [acknowledged, setAcknowledged] = useState<string[]>([]);
  const findings = check.state === 'ok' ? check.data.publicationCheck.findings : [];
  const warnings = [...new Set(findings.filter((f) => f.level === 'WARNING').map((f) => f.ruleId))];
  const blocked =
    findings.some((f) => f.level === 'FATAL') || warnings.some((w) => !acknowledged.includes(w));
  const publish = async () => {
    if (!window.confirm(`确认以当前账本公开 ${unit} ${year} 年度预算？`)) return;
    setState({ busy: true, message: null, ok: false });
    try {
      const r = await gql<{ publishDisclosure: { events: { globalPosition: string }[] } }>(
        `mutation P($u: String!, $y: Int!, $a: [String!]) {
          publishDisclosure(input: { unitCode: $u, fiscalYear: $y, acknowledge: $a }) {
          events { globalPosition } } }`,
        { u: unit, y: year, a: acknowledged.filter((a) => warnings.includes(a)) },
      );
      setState({
        busy: false,
        ok: true,
        message: `已公开（账本位置 ${r.publishDisclosure.events[0]?.globalPosition ?? ''}）。`,
      });
    } catch (e) {
      const err = e as { code: string; message: string };
      setState({ busy: false, ok: false, message: errorText(err.code, err.message) });
      check.reload();
    }
  };
  const toggle = (ruleId: string, on: boolean) =>
    setAcknowledged((a) => (on ? [...a, ruleId] : a.filter((x) => x !== ruleId)));
  return (
    <section>
      <p>公开会把本单位当前已批准的预算记为公开版本，公众即可查看和下载。</p>
      <h3>公开前检查</h3>
      {check.state === 'loading' && <p className="help">检查中…</p>}
      {check.state === 'error' && (
        <p className="error">{errorText(check.error.code, check.error.message)}</p>
      )}
      {check.state === 'ok' && findings.length === 0 && <p className="ok">检查通过，可以公开。</p>}
      {findings.length > 0 && (
        <ul data-testid="publication-findings">
          {findings.map((f, i) => (
            <li key={i}>
              <strong>
                {LEVEL_NAMES[f.level]}：{f.title}
              </strong>{' '}
              {f.message}
              <p className="help">{f.fix}</p>
            </li>
          ))}
        </ul>
      )}
      {warnings.map((w) => (
        <label key={w}>
          <input
            type="checkbox"
            checked={acknowledged.includes(w)}
            onChange={(e) => toggle(w, e.target.checked)}
          />{' '}
          已知悉“{findings.find((f) => f.ruleId === w)?.title}”，仍要公开
        </label>
      ))}
      <button type="button" onClick={publish} disabled={state.busy || blocked}>
        公开 {year} 年度预算
      </button>
      {state.message && (
        <p className={state.ok ? 'ok' : 'error'} role="status">
          {state.message} {state.ok && <Link href={`/public/${dept}/${year}`}>查看公开页面</Link>}
        </p>
      )}
    </section>
  );
}
