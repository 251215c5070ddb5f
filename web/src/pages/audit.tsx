import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, allPages, gql } from '../api';
import { cellKey, type CellTarget } from '../components/disclosure-table';
import { DisclosureView } from '../components/disclosure-view';
import { Status } from '../components/status';
import {
  actorName,
  beijingTime,
  errorText,
  eventTypeName,
  groupBy,
  joinPresent,
  positionProblem,
  sep,
  tableNo,
} from '../format';
import { useLive, useQuery } from '../hooks';
import { DISCLOSURE_FIELDS, type DisclosureData } from '../queries';
import { Link } from '../router';

interface UnitRow {
  code: string;
  name: string;
  departmentCode: string;
  parentUnitCode: string | null;
  fiscalYears: { fiscalYear: number }[];
}
const UNITS = `{ units { code name departmentCode parentUnitCode fiscalYears { fiscalYear } } }`;

/** The auditor's entry: every department-year of the ledger. */
export function AuditHome() {
  const result = useQuery<{ units: UnitRow[] }>(UNITS);
  return (
    <main>
      <h1>审计</h1>
      <VerifyPanel />
      <h2>部门年度</h2>
      <Status result={result}>
        {({ units }) => (
          <ul className="published">
            {groupBy(units, (u) => u.departmentCode).map(([dept, members]) => (
              <li key={dept}>
                <h3>
                  {(members.find((m) => m.parentUnitCode === null) ?? members[0]!).name}
                  <small>（部门 {dept}）</small>
                </h3>
                <ul className="years">
                  {[...new Set(members.flatMap((m) => m.fiscalYears.map((y) => y.fiscalYear)))]
                    .sort()
                    .map((y) => (
                      <li key={y}>
                        <Link href={`/audit/${dept}/${y}`}>{y}年度 时间线</Link>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </Status>
    </main>
  );
}

/** verifyLedger, and re-checking a digest kept outside the system. */
function VerifyPanel() {
  const [verify, setVerify] = useState<string | null>(null);
  const [digest, setDigest] = useState('');
  const [at, setAt] = useState('');
  const [check, setCheck] = useState<string | null>(null);
  const run = async () => {
    setVerify('正在重新计算每条哈希链和读模型……');
    try {
      const { verifyLedger: v } = await gql<{
        verifyLedger: {
          ok: boolean;
          eventsChecked: string;
          streamsChecked: string;
          firstBroken: { globalPosition: string; streamId: string; problem: string } | null;
          readModelRowsChecked: string;
          firstReadModelDifference: {
            table: string;
            globalPosition: string;
            key: string;
            problem: string;
          } | null;
        };
      }>(
        `{ verifyLedger { ok eventsChecked streamsChecked firstBroken { globalPosition streamId problem }
           readModelRowsChecked firstReadModelDifference { table globalPosition key problem } } }`,
      );
      const b = v.firstBroken;
      const d = v.firstReadModelDifference;
      setVerify(
        v.ok
          ? `账本完整：已核验 ${v.streamsChecked} 条流、${v.eventsChecked} 个事件，没有被改写；${v.readModelRowsChecked} 行读模型与事件一致。`
          : b
            ? `发现改写：位置 ${b.globalPosition}（${b.streamId}）：${b.problem}`
            : `读模型与事件不符：位置 ${d?.globalPosition} 的 ${d?.table} 行 ${d?.key}：${d?.problem}`,
      );
    } catch (e) {
      setVerify(errorText((e as ApiError).code, (e as ApiError).message));
    }
  };
  const recheck = async () => {
    // The server would refuse "abc" with a bare 400; say what a position is before asking it.
    const problem = positionProblem(at);
    if (problem) {
      setCheck(problem);
      return;
    }
    try {
      const { ledgerDigest } = await gql<{ ledgerDigest: { matches: boolean } }>(
        'query D($at: Position, $d: String) { ledgerDigest(at: $at, expect: $d) { matches } }',
        { at: at.trim(), d: digest.trim() },
      );
      setCheck(
        ledgerDigest.matches
          ? `一致：账本位置 ${at} 之前的内容未被改写。`
          : `不一致：账本位置 ${at} 之前的内容与保存的摘要不符。`,
      );
    } catch (e) {
      setCheck(errorText((e as ApiError).code, (e as ApiError).message));
    }
  };
  return (
    <section className="card" aria-label="账本核验">
      <h2>账本核验</h2>
      <button type="button" onClick={run}>
        核验整本账（verifyLedger）
      </button>
      {verify && (
        <p role="status" data-testid="verify-result">
          {verify}
        </p>
      )}
      <div className="row">
        <div>
          <label htmlFor="kept-at">账本位置</label>
          <input id="kept-at" value={at} onChange={(e) => setAt(e.target.value)} />
        </div>
        <div>
          <label htmlFor="kept-digest">保存的摘要</label>
          <input id="kept-digest" value={digest} onChange={(e) => setDigest(e.target.value)} />
        </div>
        <div>
          <button type="button" onClick={recheck} disabled={!at.trim() || !digest.trim()}>
            复核摘要
          </button>
        </div>
      </div>
      {check && (
        <p role="status" data-testid="digest-result">
          {check}
        </p>
      )}
    </section>
  );
}

interface LogEvent {
  position: string;
  type: string;
  recordedAt: string;
  effectiveDate: string | null;
  streamId: string;
  metadata: { actor: string | null; documentRef: string | null };
}
const EVENTS = `query E($stream: String!, $after: String) {
  events(first: 50, after: $after, filter: { streamId: $stream }) {
    pageInfo { hasNextPage endCursor }
    edges { node { position type recordedAt effectiveDate streamId metadata { actor documentRef } } } } }`;

type Mode = 'position' | 'recordedAt' | 'effectiveOn';
type Point = { position: string } | { recordedAt: string } | { effectiveOn: string };
const describe = (p: Point): string =>
  'position' in p
    ? `账本位置 ${p.position}`
    : 'recordedAt' in p
      ? `记录时间 ${beijingTime(p.recordedAt)}`
      : `生效日期 ${p.effectiveOn}`;

const AT = `query At($d: String!, $y: Int!, $at: AsOfInput) {
  disclosure(departmentCode: $d, fiscalYear: $y, asOf: $at) { ${DISCLOSURE_FIELDS} } }`;
const DIFF = `query Diff($d: String!, $y: Int!, $from: AsOfInput!, $to: AsOfInput) {
  diff(departmentCode: $d, fiscalYear: $y, from: $from, to: $to) {
    cells { table rowKey code name column from to } } }`;
const PROVENANCE = `query Why($d: String!, $y: Int!, $t: String!, $r: String!, $c: String!, $at: AsOfInput) {
  provenance(departmentCode: $d, fiscalYear: $y, table: $t, row: $r, column: $c, asOf: $at) {
    cell sum sumWanYuan matchesCell
    postings { position eventType actor documentNumber effectiveDate recordedAt delta } } }`;

interface DiffCell {
  table: string;
  rowKey: string | null;
  code: string | null;
  name: string | null;
  column: string;
  from: string | null;
  to: string | null;
}
interface Provenance {
  cell: string | null;
  sum: string;
  sumWanYuan: string | null;
  matchesCell: boolean;
  postings: {
    position: string;
    eventType: string;
    actor: string | null;
    documentNumber: string | null;
    effectiveDate: string | null;
    delta: string;
  }[];
}

/**
 * 时间线: the department-year's events; the whole disclosure as it stood at any of them (by
 * position, recorded time or effective date); two points compared with changed cells marked;
 * any cell explained by the postings behind it.
 */
export function AuditTimeline({ dept, year }: { dept: string; year: number }) {
  const [events, setEvents] = useState<LogEvent[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [mode, setMode] = useState<Mode>('position');
  const [index, setIndex] = useState(0);
  const [recordedAt, setRecordedAt] = useState('');
  const [effectiveOn, setEffectiveOn] = useState(`${year}-12-31`);
  const [typeFilter, setTypeFilter] = useState('');
  const [from, setFrom] = useState<Point | null>(null);
  const [why, setWhy] = useState<{ target: CellTarget; result: Provenance | string } | null>(null);
  // An event that changes the disclosure extends the timeline as it happens.
  const [liveTick, setLiveTick] = useState(0);
  const count = useRef(0);
  useLive(
    'subscription L($d: String!, $y: Int!) { disclosureChanged(departmentCode: $d, fiscalYear: $y) { position } }',
    { d: dept, y: year },
    () => setLiveTick((t) => t + 1),
  );

  useEffect(() => {
    const abort = new AbortController();
    gql<{ units: UnitRow[] }>(UNITS, {}, { signal: abort.signal })
      .then(({ units }) =>
        Promise.all(
          units
            .filter((u) => u.departmentCode === dept)
            .map((u) =>
              allPages<LogEvent>(EVENTS, { stream: `budget-${u.code}-${year}` }, 'events', {
                signal: abort.signal,
              }),
            ),
        ),
      )
      .then((lists) => {
        const all = lists.flat().sort((a, b) => Number(BigInt(a.position) - BigInt(b.position)));
        // Follow the newest event when the latest one was shown (or on the first load).
        const shownBefore = count.current;
        setIndex((i) => (i >= shownBefore - 1 ? all.length - 1 : i));
        count.current = all.length;
        setEvents(all);
      })
      .catch((e: ApiError) => {
        if (!abort.signal.aborted) setError(errorText(e.code, e.message));
      });
    return () => abort.abort();
  }, [dept, year, liveTick]);

  const point: Point | null =
    mode === 'position'
      ? events && events[index]
        ? { position: events[index]!.position }
        : null
      : mode === 'recordedAt'
        ? recordedAt
          ? { recordedAt: new Date(recordedAt).toISOString() }
          : null
        : { effectiveOn };
  const disclosure = useQuery<{ disclosure: DisclosureData }>(point ? AT : null, {
    d: dept,
    y: year,
    at: point,
  });
  const diff = useQuery<{ diff: { cells: DiffCell[] } }>(from && point ? DIFF : null, {
    d: dept,
    y: year,
    from,
    to: point,
  });
  const changed = useMemo(
    () =>
      new Set(
        diff.state === 'ok' && from
          ? diff.data.diff.cells.map((c) =>
              cellKey(c.table, { key: c.rowKey, code: c.code }, c.column),
            )
          : [],
      ),
    [diff, from],
  );

  const explain = async (target: CellTarget) => {
    setWhy({ target, result: '正在查找这个数字背后的事件……' });
    try {
      const { provenance } = await gql<{ provenance: Provenance }>(PROVENANCE, {
        d: dept,
        y: year,
        t: target.table,
        r: target.row.key ?? target.row.code ?? '',
        c: target.column,
        at: point,
      });
      setWhy({ target, result: provenance });
    } catch (e) {
      setWhy({ target, result: errorText((e as ApiError).code, (e as ApiError).message) });
    }
  };

  const types = events ? [...new Set(events.map((e) => e.type))].sort() : [];
  const current = events?.[index];
  return (
    <main>
      <p className="crumbs">
        <Link href="/audit">审计</Link> › {dept} › {year}
      </p>
      <h1>
        时间线
        <small>
          部门 {dept} · {year}年度
        </small>
      </h1>
      {error && <p className="error">{error}</p>}
      {events === null && !error && <p className="loading">加载事件……</p>}
      {events && (
        <section className="card" aria-label="时点">
          <fieldset className="row">
            <legend>按什么时点查看</legend>
            {(
              [
                ['position', '账本位置（事件）'],
                ['recordedAt', '记录时间'],
                ['effectiveOn', '生效日期'],
              ] as const
            ).map(([m, label]) => (
              <label key={m} className="inline">
                <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} />{' '}
                {label}
              </label>
            ))}
          </fieldset>
          {mode === 'position' && (
            <>
              <label htmlFor="scrub">
                第 {index + 1} / {events.length} 个事件
              </label>
              <input
                id="scrub"
                type="range"
                min={0}
                max={Math.max(0, events.length - 1)}
                value={index}
                onChange={(e) => setIndex(Number(e.target.value))}
                aria-valuetext={
                  current ? `账本位置 ${current.position} ${eventTypeName(current.type)}` : ''
                }
              />
              {current && (
                <p data-testid="current-event">
                  账本位置 <strong>{current.position}</strong> ·{' '}
                  {joinPresent([
                    eventTypeName(current.type),
                    current.metadata.documentRef,
                    actorName(current.metadata.actor),
                    `记录于 ${beijingTime(current.recordedAt)}`,
                  ])}
                </p>
              )}
            </>
          )}
          {mode === 'recordedAt' && (
            <>
              <label htmlFor="recorded-at">记录时间（账本当时知道的）</label>
              <input
                id="recorded-at"
                type="datetime-local"
                value={recordedAt}
                onChange={(e) => setRecordedAt(e.target.value)}
              />
            </>
          )}
          {mode === 'effectiveOn' && (
            <>
              <label htmlFor="effective-on">生效日期（当日有效的预算）</label>
              <input
                id="effective-on"
                type="date"
                value={effectiveOn}
                onChange={(e) => setEffectiveOn(e.target.value)}
              />
            </>
          )}
          <div className="actions">
            <button type="button" onClick={() => setFrom(point)} disabled={!point}>
              把当前时点设为比较起点
            </button>
            {from && (
              <button type="button" className="secondary" onClick={() => setFrom(null)}>
                取消比较
              </button>
            )}
          </div>
          {from && point && (
            <div data-testid="compare">
              <p>
                比较：{describe(from)} → {describe(point)}
              </p>
              <Status result={diff}>
                {({ diff: d }) =>
                  d.cells.length === 0 ? (
                    <p>两个时点的公开报表相同。</p>
                  ) : (
                    <p>
                      共 {d.cells.length} 个单元格不同（报表中以黄色标出）：
                      {groupBy(d.cells, (c) => c.table)
                        .map(([t, cs]) => `${tableNo(t)} ${cs.length} 处`)
                        .join('，')}
                    </p>
                  )
                }
              </Status>
            </div>
          )}
        </section>
      )}
      {events && (
        <details className="card">
          <summary>事件日志（{events.length}）</summary>
          <label htmlFor="type-filter">按类型筛选</label>
          <select
            id="type-filter"
            value={typeFilter}
            onChange={(e) => setTypeFilter(e.target.value)}
          >
            <option value="">全部</option>
            {types.map((t) => (
              <option key={t} value={t}>
                {eventTypeName(t)}
              </option>
            ))}
          </select>
          <div className="scroll">
            <table data-testid="event-log">
              <thead>
                <tr>
                  <th scope="col">位置</th>
                  <th scope="col">类型</th>
                  <th scope="col">流</th>
                  <th scope="col">文号</th>
                  <th scope="col">操作人</th>
                  <th scope="col">记录时间</th>
                  <th scope="col">生效</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {events.map((e, i) =>
                  typeFilter && e.type !== typeFilter ? null : (
                    <tr key={e.position}>
                      <td>{e.position}</td>
                      <td>{eventTypeName(e.type)}</td>
                      <td>{e.streamId}</td>
                      <td>{e.metadata.documentRef}</td>
                      <td>{actorName(e.metadata.actor)}</td>
                      <td>{beijingTime(e.recordedAt)}</td>
                      <td>{e.effectiveDate}</td>
                      <td>
                        <button
                          type="button"
                          className="link"
                          onClick={() => {
                            setMode('position');
                            setIndex(i);
                          }}
                        >
                          查看此时
                        </button>
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {why && (
        <aside className="card why" aria-label="数字来源" data-testid="provenance">
          <h2>
            {tableNo(why.target.table)} · {why.target.row.code ?? ''}{' '}
            {why.target.row.cells.find((c) => c.value && !/^[\d.,-]+$/.test(c.value))?.value ?? ''}{' '}
            · {why.target.columnTitle}：{sep(why.target.value) || '空'}
          </h2>
          {typeof why.result === 'string' ? (
            <p>{why.result}</p>
          ) : (
            <>
              <p>
                {why.result.postings.length} 笔记账合计 {sep(why.result.sum)} 元（
                {why.result.sumWanYuan ?? '0'} 万元），
                {why.result.matchesCell ? '与表中数字一致。' : '与表中数字不一致！'}
              </p>
              <div className="scroll">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">位置</th>
                      <th scope="col">事件</th>
                      <th scope="col">文号</th>
                      <th scope="col">操作人</th>
                      <th scope="col">生效</th>
                      <th scope="col">金额（元）</th>
                    </tr>
                  </thead>
                  <tbody>
                    {why.result.postings.map((p, i) => (
                      <tr key={i}>
                        <td>{p.position}</td>
                        <td>{eventTypeName(p.eventType)}</td>
                        <td>{p.documentNumber}</td>
                        <td>{actorName(p.actor)}</td>
                        <td>{p.effectiveDate}</td>
                        <td className="num">{sep(p.delta)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
          <button type="button" className="secondary" onClick={() => setWhy(null)}>
            关闭
          </button>
        </aside>
      )}
      {point && (
        <Status result={disclosure}>
          {({ disclosure: d }) => (
            <>
              <p className="help">
                下方是 {describe(point)} 时的完整公开文件。点击任一数字查看它由哪些事件构成。
              </p>
              <DisclosureView d={d} highlight={changed} onCell={explain} />
            </>
          )}
        </Status>
      )}
    </main>
  );
}
