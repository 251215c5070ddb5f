import { useState, type FormEvent } from 'react';
import { ApiError, gql } from '../api';
import { errorText, type CodeLists } from '../format';
import { useQuery } from '../hooks';
import { Status } from './status';

interface Indicator {
  level1: string;
  level2: string | null;
  level3: string | null;
  value: string | null;
}
interface ExistingForm {
  formId: string;
  revision: number;
  form: { goal: string | null; indicators: Indicator[] };
}
interface Forms {
  disclosure: {
    performanceForms: {
      unit: (ExistingForm & { unitName: string }) | null;
      projects: (ExistingForm & { projectCode: string })[];
    };
  };
}
const FORMS = `query F($d: String!, $y: Int!) {
  disclosure(departmentCode: $d, fiscalYear: $y, asOf: {}) { performanceForms {
    unit { formId revision unitName form { goal indicators { level1 level2 level3 value } } }
    projects { projectCode formId revision form { goal indicators { level1 level2 level3 value } } } } } }`;
const SET = `mutation S($input: SetPerformanceTargetsInput!) { setPerformanceTargets(input: $input) { formId } }`;
const REVISE = `mutation R($input: RevisePerformanceTargetsInput!) {
  revisePerformanceTargets(input: $input) { nextExpectedVersion } }`;
const LEVEL1 = ['产出指标', '效益指标', '满意度指标'];
const blank = (): Indicator => ({ level1: LEVEL1[0]!, level2: '', level3: '', value: '' });

/**
 * 绩效目标: set a project's (or the unit's) target form, or revise one already set — a revision
 * needs its reason. The forms shown are the ledger's now (a token reads any point).
 */
export function TargetsForm({
  unit,
  year,
  dept,
  home,
  codes,
}: {
  unit: string;
  year: number;
  dept: string;
  /** Whether the unit is its department's 本级 (the unit-wide form is the department's). */
  home: boolean;
  codes: CodeLists;
}) {
  const forms = useQuery<Forms>(FORMS, { d: dept, y: year });
  return (
    <Status result={forms}>
      {({ disclosure }) => (
        <Editor
          key={forms.state}
          unit={unit}
          year={year}
          choices={[
            ...(home
              ? [{ id: '', label: '单位整体绩效目标', existing: disclosure.performanceForms.unit }]
              : []),
            ...codes.projects.map((p) => ({
              id: p.code,
              label: `${p.code} ${p.name}`,
              existing:
                disclosure.performanceForms.projects.find((f) => f.projectCode === p.code) ?? null,
            })),
          ]}
          onDone={forms.reload}
        />
      )}
    </Status>
  );
}

function Editor({
  unit,
  year,
  choices,
  onDone,
}: {
  unit: string;
  year: number;
  choices: { id: string; label: string; existing: ExistingForm | null }[];
  onDone: () => void;
}) {
  const [choice, setChoice] = useState(0);
  const picked = choices[choice];
  const [goal, setGoal] = useState(picked?.existing?.form.goal ?? '');
  const [rows, setRows] = useState<Indicator[]>(picked?.existing?.form.indicators ?? [blank()]);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  if (!picked) return <p>本单位本年度没有项目，也不是部门本级。</p>;
  const pick = (i: number) => {
    setChoice(i);
    setGoal(choices[i]!.existing?.form.goal ?? '');
    setRows(choices[i]!.existing?.form.indicators ?? [blank()]);
    setMessage(null);
  };
  const revising = picked.existing !== null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (revising && !reason.trim()) {
      setMessage({ text: '修订须填写原因', error: true });
      return;
    }
    const form = {
      goal: goal.trim() || null,
      indicators: rows.map((r) => ({
        level1: r.level1,
        level2: r.level2 || null,
        level3: r.level3 || null,
        value: r.value || null,
      })),
    };
    try {
      if (revising)
        await gql(REVISE, {
          input: {
            unitCode: unit,
            fiscalYear: year,
            formId: picked.existing!.formId,
            form,
            reason: reason.trim(),
          },
        });
      else
        await gql(SET, {
          input: {
            unitCode: unit,
            fiscalYear: year,
            form,
            ...(picked.id ? { projectCode: picked.id } : {}),
          },
        });
      setMessage({ text: revising ? '已修订。' : '已设定。', error: false });
      onDone();
    } catch (err) {
      setMessage({
        text: errorText((err as ApiError).code, (err as ApiError).message),
        error: true,
      });
    }
  };
  const setRow = (i: number, patch: Partial<Indicator>) =>
    setRows(rows.map((r, k) => (k === i ? { ...r, ...patch } : r)));
  return (
    <form className="card" onSubmit={submit}>
      <h2>绩效目标</h2>
      <label htmlFor="target-of">目标表</label>
      <select id="target-of" value={choice} onChange={(e) => pick(Number(e.target.value))}>
        {choices.map((c, i) => (
          <option key={c.id || 'unit'} value={i}>
            {c.label}
            {c.existing ? `（已设定，第 ${c.existing.revision} 次修订）` : '（未设定）'}
          </option>
        ))}
      </select>
      <label htmlFor="target-goal">总体目标</label>
      <textarea id="target-goal" rows={3} value={goal} onChange={(e) => setGoal(e.target.value)} />
      <h3>指标</h3>
      {rows.map((r, i) => (
        <div className="row" key={i} data-testid={`indicator-${i}`}>
          <div>
            <label htmlFor={`l1-${i}`}>一级指标</label>
            <select
              id={`l1-${i}`}
              value={r.level1}
              onChange={(e) => setRow(i, { level1: e.target.value })}
            >
              {[...new Set([...LEVEL1, r.level1])].map((l) => (
                <option key={l}>{l}</option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`l2-${i}`}>二级指标</label>
            <input
              id={`l2-${i}`}
              value={r.level2 ?? ''}
              onChange={(e) => setRow(i, { level2: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor={`l3-${i}`}>三级指标</label>
            <input
              id={`l3-${i}`}
              value={r.level3 ?? ''}
              onChange={(e) => setRow(i, { level3: e.target.value })}
            />
          </div>
          <div>
            <label htmlFor={`v-${i}`}>指标值</label>
            <input
              id={`v-${i}`}
              value={r.value ?? ''}
              onChange={(e) => setRow(i, { value: e.target.value })}
            />
          </div>
        </div>
      ))}
      <div className="actions">
        <button type="button" className="secondary" onClick={() => setRows([...rows, blank()])}>
          添加指标
        </button>
      </div>
      {revising && (
        <>
          <label htmlFor="target-reason">修订原因</label>
          <input id="target-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
        </>
      )}
      <div className="actions">
        <button type="submit">{revising ? '修订绩效目标' : '设定绩效目标'}</button>
      </div>
      {message && (
        <p className={message.error ? 'error' : 'ok'} role="status">
          {message.text}
        </p>
      )}
    </form>
  );
}
