import { useState, type FormEvent, type ReactNode } from 'react';
import { ApiError, gql } from '../api';
import { Status } from '../components/status';
import { errorText, groupBy } from '../format';
import { useQuery } from '../hooks';

interface AdminUnit {
  code: string;
  name: string;
  kind: string;
  departmentCode: string;
  parentUnitCode: string | null;
  fiscalYears: {
    fiscalYear: number;
    published: boolean;
    publishedAt: string | null;
    closed: boolean;
  }[];
}
const UNITS = `{ units { code name kind departmentCode parentUnitCode
  fiscalYears { fiscalYear published publishedAt closed } } }`;
const KINDS: Record<string, string> = {
  administrative: '行政单位',
  'civil-service-managed': '参公事业单位',
  institution: '事业单位',
};

const yearState = (y: AdminUnit['fiscalYears'][number]) =>
  y.closed ? '已年终结转' : y.published ? `已公开 ${y.publishedAt ?? ''}` : '编制中';

/** 财政局管理员: departments and units as a tree with each unit-year's state; register, open. */
export function AdminOverview() {
  const result = useQuery<{ units: AdminUnit[] }>(UNITS);
  return (
    <main>
      <h1>单位与年度</h1>
      <Status result={result}>
        {({ units }) => (
          <>
            <ul className="tree" data-testid="tree">
              {groupBy(units, (u) => u.departmentCode).map(([dept, members]) => (
                <li key={dept}>
                  <strong>部门 {dept}</strong>
                  <UnitTree units={members} parent={null} />
                </li>
              ))}
            </ul>
            <RegisterUnit units={units} onDone={result.reload} />
            <OpenYear units={units} onDone={result.reload} />
          </>
        )}
      </Status>
    </main>
  );
}

function UnitTree({ units, parent }: { units: AdminUnit[]; parent: string | null }) {
  const level = units.filter((u) =>
    parent === null
      ? u.parentUnitCode === null || !units.some((p) => p.code === u.parentUnitCode)
      : u.parentUnitCode === parent,
  );
  if (level.length === 0) return null;
  return (
    <ul>
      {level.map((u) => (
        <li key={u.code} data-unit={u.code}>
          {u.name}（{u.code}，{KINDS[u.kind] ?? u.kind}）
          {u.fiscalYears.length === 0 ? (
            <span className="help"> · 未开启年度</span>
          ) : (
            u.fiscalYears.map((y) => (
              <span key={y.fiscalYear} className="year-state">
                {' '}
                · {y.fiscalYear}年：{yearState(y)}
              </span>
            ))
          )}
          <UnitTree units={units} parent={u.code} />
        </li>
      ))}
    </ul>
  );
}

function useMutation(onDone: () => void) {
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const run = async (query: string, input: Record<string, unknown>, ok: string) => {
    setMessage(null);
    try {
      await gql(query, { input });
      setMessage({ text: ok, error: false });
      onDone();
    } catch (e) {
      setMessage({ text: errorText((e as ApiError).code, (e as ApiError).message), error: true });
    }
  };
  const shown: ReactNode = message && (
    <p className={message.error ? 'error' : 'ok'} role="status">
      {message.text}
    </p>
  );
  return { run, shown };
}

function UnitOptions({ units }: { units: AdminUnit[] }) {
  return units.map((u) => (
    <option key={u.code} value={u.code}>
      {u.code} {u.name}
    </option>
  ));
}

function RegisterUnit({ units, onDone }: { units: AdminUnit[]; onDone: () => void }) {
  const [f, setF] = useState({
    unitCode: '',
    name: '',
    departmentCode: '',
    kind: 'institution',
    parentUnitCode: '',
  });
  const { run, shown } = useMutation(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      `mutation R($input: RegisterBudgetUnitInput!) { registerBudgetUnit(input: $input) { streamId } }`,
      { ...f, parentUnitCode: f.parentUnitCode || null },
      `已登记 ${f.name}（${f.unitCode}）。`,
    );
  };
  const field = (key: keyof typeof f, label: string) => (
    <div>
      <label htmlFor={`reg-${key}`}>{label}</label>
      <input
        id={`reg-${key}`}
        value={f[key]}
        onChange={(e) => setF({ ...f, [key]: e.target.value })}
        required
      />
    </div>
  );
  return (
    <form className="card" onSubmit={submit}>
      <h2>登记预算单位</h2>
      <div className="row">
        {field('unitCode', '单位代码')}
        {field('name', '单位名称')}
        {field('departmentCode', '部门代码')}
        <div>
          <label htmlFor="reg-kind">单位类型</label>
          <select
            id="reg-kind"
            value={f.kind}
            onChange={(e) => setF({ ...f, kind: e.target.value })}
          >
            {Object.entries(KINDS).map(([k, n]) => (
              <option key={k} value={k}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="reg-parent">上级单位</label>
          <select
            id="reg-parent"
            value={f.parentUnitCode}
            onChange={(e) => setF({ ...f, parentUnitCode: e.target.value })}
          >
            <option value="">（无：部门本级）</option>
            <UnitOptions units={units} />
          </select>
        </div>
      </div>
      <div className="actions">
        <button type="submit">登记</button>
      </div>
      {shown}
    </form>
  );
}

function OpenYear({ units, onDone }: { units: AdminUnit[]; onDone: () => void }) {
  const [unitCode, setUnitCode] = useState(units[0]?.code ?? '');
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const { run, shown } = useMutation(onDone);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(
      `mutation O($input: OpenFiscalYearInput!) { openFiscalYear(input: $input) { streamId } }`,
      { unitCode, fiscalYear: Number(year) },
      `已开启 ${unitCode} 的 ${year} 年度。`,
    );
  };
  return (
    <form className="card" onSubmit={submit}>
      <h2>开启预算年度</h2>
      <div className="row">
        <div>
          <label htmlFor="open-unit">单位</label>
          <select id="open-unit" value={unitCode} onChange={(e) => setUnitCode(e.target.value)}>
            <UnitOptions units={units} />
          </select>
        </div>
        <div>
          <label htmlFor="open-year">年度</label>
          <input
            id="open-year"
            inputMode="numeric"
            pattern="\d{4}"
            value={year}
            onChange={(e) => setYear(e.target.value)}
          />
        </div>
      </div>
      <div className="actions">
        <button type="submit">开启年度</button>
      </div>
      {shown}
    </form>
  );
}
