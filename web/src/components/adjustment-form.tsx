import { useMemo, useState } from 'react';
import { ApiError, gql } from '../api';
import {
  ADJUSTMENT_TYPES,
  amountProblem,
  directionsOf,
  errorText,
  KIND_NAMES,
  lineKeyOf,
  lineLabel,
  matchesLine,
  sep,
  signedDelta,
  withBalance,
  type AdjustmentTypeValue,
  type CodeLists,
} from '../format';
import type { Line } from '../pages/officer';
import { PREVIEW_FIELDS, PreviewChanges, type PreviewResult } from './preview-changes';

interface NewLine {
  fundSource: string;
  functionalCode: string;
  kind: string;
  deptEconCode: string;
  govEconCode: string;
  projectCode: string;
}
interface Entry {
  key: number;
  mode: 'existing' | 'new';
  search: string;
  line: number | null;
  fresh: NewLine;
  direction: 'up' | 'down';
  amount: string;
}

const EMPTY_NEW: NewLine = {
  fundSource: 'general-public',
  functionalCode: '',
  kind: 'public',
  deptEconCode: '',
  govEconCode: '',
  projectCode: '',
};

/** A row as added: no line picked or composed, no amount. */
const untouched = (e: Entry): boolean =>
  e.line === null &&
  e.amount.trim() === '' &&
  e.search.trim() === '' &&
  (e.mode === 'existing' || e.fresh === EMPTY_NEW);

let nextKey = 1;
const newEntry = (direction: 'up' | 'down'): Entry => ({
  key: nextKey++,
  mode: 'existing',
  search: '',
  line: null,
  fresh: EMPTY_NEW,
  direction,
  amount: '',
});

const PREVIEW = `query Preview($input: SubmitAdjustmentInput!) {
  previewAdjustment(input: $input) { ${PREVIEW_FIELDS} } }`;
const SUBMIT = `mutation Submit($input: SubmitAdjustmentInput!) {
  submitAdjustment(input: $input) { adjustmentId } }`;

const today = () => new Date().toISOString().slice(0, 10);
const FIELD_LABELS: Record<string, string> = {
  reason: '调整原因',
  documentNumber: '文号',
  effectiveDate: '生效日期',
};

/**
 * 申请预算调整: lines are picked by their classifications (searched by code or name) or composed
 * from the year's code lists, never typed as ids. Amounts are checked as typed; the rules are the
 * server's: "预览" runs the adjustment through the domain (previewAdjustment) and shows what it
 * changes in the tables, and only a previewed adjustment is submitted, conditional on the version
 * it was previewed at. If the ledger moved since, the preview is made again for the user to check.
 */
export function AdjustmentForm({
  unit,
  year,
  codes,
  lines,
  onSubmitted,
}: {
  unit: string;
  year: number;
  codes: CodeLists;
  lines: Line[];
  onSubmitted: (adjustmentId: string) => void;
}) {
  const [type, setType] = useState<AdjustmentTypeValue>('TRANSFER');
  const [reason, setReason] = useState('');
  const [documentNumber, setDocumentNumber] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(today());
  const [entries, setEntries] = useState<Entry[]>(() => [newEntry('down'), newEntry('up')]);
  const [touched, setTouched] = useState(false);
  const [preview, setPreview] = useState<{
    input: string;
    key: string;
    result: PreviewResult;
  } | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const update = (key: number, patch: Partial<Entry>) =>
    setEntries((es) => es.map((e) => (e.key === key ? { ...e, ...patch } : e)));
  const changeType = (t: AdjustmentTypeValue) => {
    setType(t);
    const allowed = directionsOf(t);
    // A row nobody filled in (调剂's second row, say) would only block the preview of a 追减.
    setEntries((es) => {
      const filled = es.filter((e) => !untouched(e));
      return (filled.length ? filled : es.slice(0, 1)).map((e) =>
        allowed.includes(e.direction) ? e : { ...e, direction: allowed[0]! },
      );
    });
  };

  const amountErrors = entries.map((e) => amountProblem(e.amount));
  const lineMissing = entries.map((e) =>
    e.mode === 'existing'
      ? e.line === null
      : !e.fresh.functionalCode ||
        !e.fresh.deptEconCode ||
        !e.fresh.govEconCode ||
        (e.fresh.kind === 'project' && !e.fresh.projectCode),
  );
  const formComplete =
    amountErrors.every((a) => a === null) && lineMissing.every((m) => !m) && entries.length > 0;

  const input = useMemo(
    () => ({
      unitCode: unit,
      fiscalYear: year,
      adjustmentType: type,
      reason: reason.trim(),
      documentNumber: documentNumber.trim(),
      effectiveDate,
      lines: entries.map((e) => ({
        line:
          e.mode === 'existing' && e.line !== null
            ? lineKeyOf(lines[e.line]!)
            : {
                ...e.fresh,
                projectCode: e.fresh.kind === 'project' ? e.fresh.projectCode : null,
              },
        delta: signedDelta(e.direction, e.amount),
      })),
    }),
    [unit, year, type, reason, documentNumber, effectiveDate, entries, lines],
  );
  const inputKey = JSON.stringify(input);
  const current = preview && preview.input === inputKey ? preview.result : null;

  const runPreview = async (): Promise<void> => {
    setTouched(true);
    setError(null);
    if (!formComplete) return;
    setBusy(true);
    try {
      const { previewAdjustment } = await gql<{ previewAdjustment: PreviewResult }>(PREVIEW, {
        input,
      });
      setPreview({ input: inputKey, key: crypto.randomUUID(), result: previewAdjustment });
    } catch (e) {
      const err = e as ApiError;
      setError(errorText(err.code, err.message));
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    if (!current?.ok || !preview) return;
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const { submitAdjustment } = await gql<{ submitAdjustment: { adjustmentId: string } }>(
        SUBMIT,
        {
          input: { ...input, expectedVersion: current.basedOnVersion, idempotencyKey: preview.key },
        },
      );
      onSubmitted(submitAdjustment.adjustmentId);
    } catch (e) {
      const err = e as ApiError;
      if (err.code === 'CONCURRENCY_CONFLICT') {
        setBusy(false);
        setNotice('在您预览之后，本单位的预算已有新的变动。已按最新数据重新预览，请核对后再提交。');
        await runPreview();
        return;
      }
      setError(withBalance(errorText(err.code, err.message), err.details.balance));
    } finally {
      setBusy(false);
    }
  };

  const problems = current?.problems ?? [];
  const fieldProblem = (field: string) => problems.find((p) => p.field === field)?.title;
  // A negative balance says what the line has: the balance of the line picked, as loaded.
  const entryProblem = (i: number) =>
    problems
      .filter((p) => p.entry === i)
      .map((p) => {
        const e = entries[i];
        const picked = e?.mode === 'existing' && e.line !== null ? lines[e.line] : undefined;
        return p.ruleId === 'line.non-negative' ? withBalance(p.title, picked?.amount) : p.title;
      });
  const general = problems.filter(
    (p) => p.entry === null && (p.field === null || !(p.field in FIELD_LABELS)),
  );
  const directions = directionsOf(type);

  return (
    <form
      className="card adjustment"
      onSubmit={(e) => {
        e.preventDefault();
        void runPreview();
      }}
      noValidate
    >
      <h2>申请预算调整</h2>
      <div className="row">
        <div>
          <label htmlFor="adj-type">调整类型</label>
          <select
            id="adj-type"
            value={type}
            onChange={(e) => changeType(e.target.value as AdjustmentTypeValue)}
          >
            {ADJUSTMENT_TYPES.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="adj-doc">文号</label>
          <input
            id="adj-doc"
            value={documentNumber}
            onChange={(e) => setDocumentNumber(e.target.value)}
            placeholder="如 汾财预调（2024）9号"
            aria-invalid={
              Boolean(fieldProblem('documentNumber')) || (touched && !documentNumber.trim())
            }
          />
          {touched && !documentNumber.trim() && <p className="field-error">请填写文号</p>}
          {fieldProblem('documentNumber') && (
            <p className="field-error">{fieldProblem('documentNumber')}</p>
          )}
        </div>
        <div>
          <label htmlFor="adj-date">生效日期</label>
          <input
            id="adj-date"
            type="date"
            value={effectiveDate}
            onChange={(e) => setEffectiveDate(e.target.value)}
          />
          {fieldProblem('effectiveDate') && (
            <p className="field-error">{fieldProblem('effectiveDate')}</p>
          )}
        </div>
      </div>
      <label htmlFor="adj-reason">调整原因</label>
      <textarea
        id="adj-reason"
        rows={2}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={touched && !reason.trim()}
      />
      {touched && !reason.trim() && <p className="field-error">请填写调整原因</p>}
      {fieldProblem('reason') && <p className="field-error">{fieldProblem('reason')}</p>}

      <h3>调整的预算行</h3>
      <ol className="entries">
        {entries.map((e, i) => {
          const matches = lines
            .map((l, index) => ({ l, index }))
            .filter(({ l }) => matchesLine(l, e.search))
            .slice(0, 50);
          const problemsHere = entryProblem(i);
          const previewLine = current?.lines.find((l) => l.entry === i);
          const amountError = amountErrors[i];
          return (
            <li
              key={e.key}
              className={`entry${problemsHere.length ? ' bad' : ''}`}
              data-testid={`entry-${i}`}
            >
              <div className="row">
                <div>
                  <label htmlFor={`mode-${e.key}`}>第 {i + 1} 行</label>
                  <select
                    id={`mode-${e.key}`}
                    value={e.mode}
                    onChange={(ev) => update(e.key, { mode: ev.target.value as Entry['mode'] })}
                  >
                    <option value="existing">选择现有预算行</option>
                    <option value="new">新增预算行（按科目组合）</option>
                  </select>
                </div>
                <div>
                  <label htmlFor={`dir-${e.key}`}>方向</label>
                  <select
                    id={`dir-${e.key}`}
                    value={e.direction}
                    disabled={directions.length === 1}
                    onChange={(ev) =>
                      update(e.key, { direction: ev.target.value as 'up' | 'down' })
                    }
                  >
                    {directions.map((d) => (
                      <option key={d} value={d}>
                        {d === 'up' ? '调增' : '调减'}
                      </option>
                    ))}
                  </select>
                </div>
                <div>
                  <label htmlFor={`amount-${e.key}`}>金额（元）</label>
                  <input
                    id={`amount-${e.key}`}
                    inputMode="decimal"
                    value={e.amount}
                    onChange={(ev) => update(e.key, { amount: ev.target.value })}
                    aria-invalid={(touched || e.amount !== '') && amountError !== null}
                    aria-describedby={`amount-err-${e.key}`}
                  />
                  <p className="field-error" id={`amount-err-${e.key}`} aria-live="polite">
                    {(touched || e.amount !== '') && amountError}
                  </p>
                </div>
              </div>
              {e.mode === 'existing' ? (
                <div>
                  <label htmlFor={`search-${e.key}`}>查找预算行（代码或名称）</label>
                  <input
                    id={`search-${e.key}`}
                    type="search"
                    value={e.search}
                    onChange={(ev) => update(e.key, { search: ev.target.value })}
                    placeholder="如 办公费、30201、2010301"
                  />
                  <label htmlFor={`line-${e.key}`} className="sr">
                    预算行
                  </label>
                  <select
                    id={`line-${e.key}`}
                    size={Math.min(6, Math.max(2, matches.length))}
                    value={e.line ?? ''}
                    onChange={(ev) => update(e.key, { line: Number(ev.target.value) })}
                    aria-invalid={touched && e.line === null}
                  >
                    {matches.map(({ l, index }) => (
                      <option key={index} value={index}>
                        {lineLabel(l)}（余额 {sep(l.amount)} 元）
                      </option>
                    ))}
                  </select>
                  {e.line !== null && <p className="help">已选：{lineLabel(lines[e.line]!)}</p>}
                  {touched && e.line === null && <p className="field-error">请选择一个预算行</p>}
                </div>
              ) : (
                <NewLineFields
                  entry={e}
                  codes={codes}
                  touched={touched}
                  onChange={(fresh) => update(e.key, { fresh })}
                />
              )}
              {problemsHere.map((t, k) => (
                <p key={k} className="field-error" role="alert">
                  {t}
                </p>
              ))}
              {previewLine && (
                <p className="help">
                  余额 {sep(previewLine.before)} 元 → <strong>{sep(previewLine.after)} 元</strong>
                </p>
              )}
              {entries.length > 1 && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => setEntries((es) => es.filter((x) => x.key !== e.key))}
                >
                  删除此行
                </button>
              )}
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <button
          type="button"
          className="secondary"
          onClick={() => setEntries((es) => [...es, newEntry(directions[directions.length - 1]!)])}
        >
          添加一行
        </button>
        <button type="submit" disabled={busy}>
          预览变动
        </button>
        <button type="button" disabled={busy || !current?.ok} onClick={submit}>
          提交审核
        </button>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {general.map((p, i) => (
        <p key={i} className="error" role="alert">
          {p.title}
        </p>
      ))}
      {preview && !current && <p className="help">表单已修改，请重新预览。</p>}
      {current?.ok && (
        <section aria-live="polite">
          <h3>预览：批准后公开报表的变化</h3>
          <PreviewChanges cells={current.cells} />
        </section>
      )}
    </form>
  );
}

function NewLineFields({
  entry,
  codes,
  touched,
  onChange,
}: {
  entry: Entry;
  codes: CodeLists;
  touched: boolean;
  onChange: (fresh: NewLine) => void;
}) {
  const f = entry.fresh;
  const set = (patch: Partial<NewLine>) => onChange({ ...f, ...patch });
  const select = (
    id: string,
    label: string,
    value: string,
    options: { code: string; name: string }[],
    onPick: (v: string) => void,
  ) => (
    <div>
      <label htmlFor={`${id}-${entry.key}`}>{label}</label>
      <select
        id={`${id}-${entry.key}`}
        value={value}
        onChange={(e) => onPick(e.target.value)}
        aria-invalid={touched && value === ''}
      >
        <option value="">请选择</option>
        {options.map((o) => (
          <option key={o.code} value={o.code}>
            {o.code} {o.name}
          </option>
        ))}
      </select>
    </div>
  );
  return (
    <div className="grid">
      {select('src', '资金来源', f.fundSource, codes.sources, (v) => set({ fundSource: v }))}
      {select(
        'fn',
        '功能分类（项）',
        f.functionalCode,
        codes.functional.filter((c) => c.depth === 3),
        (v) => set({ functionalCode: v }),
      )}
      {select(
        'kind',
        '支出类别',
        f.kind,
        Object.entries(KIND_NAMES).map(([code, name]) => ({ code, name })),
        (v) => set({ kind: v }),
      )}
      {select(
        'de',
        '部门经济分类（款）',
        f.deptEconCode,
        codes.deptEcon.filter((c) => c.depth === 2),
        (v) => set({ deptEconCode: v }),
      )}
      {select(
        'ge',
        '政府经济分类（款）',
        f.govEconCode,
        codes.govEcon.filter((c) => c.depth === 2),
        (v) => set({ govEconCode: v }),
      )}
      {f.kind === 'project' &&
        select('prj', '项目', f.projectCode, codes.projects, (v) => set({ projectCode: v }))}
    </div>
  );
}
