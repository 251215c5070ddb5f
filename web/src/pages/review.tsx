import { useEffect, useState } from 'react';
import { ApiError, gql } from '../api';
import { AdjustmentLines } from '../components/adjustment-lines';
import { PREVIEW_FIELDS, PreviewChanges, type PreviewResult } from '../components/preview-changes';
import { Status } from '../components/status';
import { ADJUSTMENT_TYPES, errorText, STATUS_NAMES, stepBy, type CodeLists } from '../format';
import { useLive, usePaged, useQuery } from '../hooks';
import type { AdjustmentHistoryEntry } from '../queries';
import { useSession } from '../session';
import { ADJUSTMENT_PAGE, CODES } from './officer';

interface AdjustmentLine {
  delta: string;
  functionalCode: string;
  deptEconCode: string;
  govEconCode: string;
  fundSource: string;
  kind: string;
  projectCode: string | null;
}
interface Adjustment {
  adjustmentId: string;
  adjustmentType: string;
  status: string;
  reason: string;
  documentNumber: string;
  effectiveDate: string;
  unitCode: string;
  fiscalYear: number;
  history: AdjustmentHistoryEntry[];
  lines: AdjustmentLine[];
}

const QUEUE = `query Queue($status: AdjustmentStatus, $after: String) {
  adjustments(status: $status, first: 20, after: $after) { ${ADJUSTMENT_PAGE} } }`;
const PREVIEW = `query PreviewApproval($u: String!, $y: Int!, $id: String!) {
  previewApproval(unitCode: $u, fiscalYear: $y, adjustmentId: $id) { ${PREVIEW_FIELDS} } }`;
const APPROVE = `mutation Approve($input: ApproveAdjustmentInput!) {
  approveAdjustment(input: $input) { nextExpectedVersion } }`;
const REJECT = `mutation Reject($input: RejectAdjustmentInput!) {
  rejectAdjustment(input: $input) { nextExpectedVersion } }`;

const typeName = (t: string) => ADJUSTMENT_TYPES.find((x) => x.value === t)?.label ?? t;

/** 审核队列: pending adjustments of every unit, each with the tables it changes; decisions made. */
export function ReviewQueue() {
  const session = useSession()!;
  const pending = usePaged<Adjustment>(QUEUE, { status: 'SUBMITTED' }, 'adjustments');
  const all = usePaged<Adjustment>(QUEUE, {}, 'adjustments');
  // A decision changes the budget the other previews were made on: they are made again.
  const [round, setRound] = useState(0);
  const reload = () => {
    pending.reload();
    all.reload();
    setRound((r) => r + 1);
  };
  // Submissions and decisions of others, as they happen.
  useLive('subscription { adjustmentChanged { position } }', {}, reload);
  return (
    <main>
      <h1>审核队列</h1>
      <Status result={pending}>
        {(adjustments) =>
          adjustments.length === 0 ? (
            <p data-testid="queue-empty">没有待审核的预算调整。</p>
          ) : (
            <ul className="queue" data-testid="queue">
              {adjustments.map((node) => (
                <QueueItem
                  key={`${node.unitCode}|${node.adjustmentId}`}
                  a={node}
                  round={round}
                  onDone={reload}
                />
              ))}
            </ul>
          )
        }
      </Status>
      <h2>我的审核记录</h2>
      <Status result={all}>
        {(adjustments) => {
          const mine = adjustments.flatMap((a) =>
            a.history
              .filter((h) => h.action !== 'SUBMITTED' && h.by === session.person)
              .map((h) => ({ a, h })),
          );
          if (mine.length === 0) return <p>还没有审核记录。</p>;
          return (
            <div className="scroll">
              <table data-testid="decided">
                <thead>
                  <tr>
                    <th scope="col">单位</th>
                    <th scope="col">文号</th>
                    <th scope="col">类型</th>
                    <th scope="col">结果</th>
                    <th scope="col">日期</th>
                    <th scope="col">理由</th>
                  </tr>
                </thead>
                <tbody>
                  {mine.map(({ a, h }) => (
                    <tr key={`${a.unitCode}|${a.adjustmentId}`}>
                      <td>{a.unitCode}</td>
                      <td>{a.documentNumber}</td>
                      <td>{typeName(a.adjustmentType)}</td>
                      <td>{STATUS_NAMES[h.action]}</td>
                      <td>{h.at}</td>
                      <td>{h.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          );
        }}
      </Status>
    </main>
  );
}

function QueueItem({ a, round, onDone }: { a: Adjustment; round: number; onDone: () => void }) {
  const codes = useQuery<CodeLists>(CODES, { y: a.fiscalYear, u: a.unitCode });
  const preview = useQuery<{ previewApproval: PreviewResult }>(PREVIEW, {
    u: a.unitCode,
    y: a.fiscalYear,
    id: a.adjustmentId,
  });
  const reloadPreview = preview.reload;
  useEffect(() => {
    if (round > 0) reloadPreview();
  }, [round, reloadPreview]);
  const [rejecting, setRejecting] = useState(false);
  const [why, setWhy] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const submitted = a.history.find((h) => h.action === 'SUBMITTED');
  const decide = async (kind: 'approve' | 'reject') => {
    if (preview.state !== 'ok') return;
    if (kind === 'reject' && !why.trim()) {
      setMessage({ text: '退回须填写理由', error: true });
      return;
    }
    setBusy(true);
    setMessage(null);
    const input = {
      unitCode: a.unitCode,
      fiscalYear: a.fiscalYear,
      adjustmentId: a.adjustmentId,
      expectedVersion: preview.data.previewApproval.basedOnVersion,
      ...(kind === 'reject' ? { reason: why.trim() } : {}),
    };
    try {
      await gql(kind === 'approve' ? APPROVE : REJECT, { input });
      onDone();
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'CONCURRENCY_CONFLICT') {
        // The unit's budget moved since this preview: show the new one before anyone decides.
        preview.reload();
        setMessage({
          text: '该单位的预算在预览后已有变动，已重新预览，请核对后再决定。',
          error: false,
        });
      } else setMessage({ text: errorText(err.code, err.message), error: true });
    } finally {
      setBusy(false);
    }
  };
  return (
    <li data-testid={`adjustment-${a.adjustmentId}`}>
      <h3>
        {a.unitCode} · {a.fiscalYear}年 · {typeName(a.adjustmentType)} · {a.documentNumber}
      </h3>
      <p>
        原因：{a.reason} · 生效 {a.effectiveDate}
        {submitted && ` · ${stepBy(submitted)} 于 ${submitted.at} 提交`}
      </p>
      <Status result={codes}>{(lists) => <AdjustmentLines lines={a.lines} codes={lists} />}</Status>
      <Status result={preview}>
        {({ previewApproval: p }) =>
          p.ok ? (
            <details open>
              <summary>批准后报表的变化</summary>
              <PreviewChanges cells={p.cells} />
            </details>
          ) : (
            <p className="error">现在批准会违反：{p.problems.map((x) => x.title).join('；')}</p>
          )
        }
      </Status>
      <div className="actions">
        <button
          type="button"
          disabled={busy || preview.state !== 'ok' || !preview.data.previewApproval.ok}
          onClick={() => decide('approve')}
        >
          批准
        </button>
        <button type="button" className="danger" disabled={busy} onClick={() => setRejecting(true)}>
          退回
        </button>
      </div>
      {rejecting && (
        <div className="row">
          <div>
            <label htmlFor={`why-${a.adjustmentId}`}>退回理由</label>
            <input
              id={`why-${a.adjustmentId}`}
              value={why}
              onChange={(e) => setWhy(e.target.value)}
            />
          </div>
          <div>
            <button
              type="button"
              className="danger"
              disabled={busy}
              onClick={() => decide('reject')}
            >
              确认退回
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className={message.error ? 'error' : 'notice'} role="status">
          {message.text}
        </p>
      )}
    </li>
  );
}
