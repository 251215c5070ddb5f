import { useState } from 'react';
import { DisclosureView } from '../components/disclosure-view';
import { Status } from '../components/status';
import { DEFAULT_FORM, downloadLinks, formChoices, type DownloadForm } from '../downloads';
import { useLive, useQuery } from '../hooks';
import { DISCLOSURE_FIELDS, PUBLISHED, type DisclosureData, type PublishedItem } from '../queries';
import { Link } from '../router';
import { useSession, type Session } from '../session';

/**
 * As published, whoever reads: without `asOf` a token holder would get the ledger as it is now —
 * a draft dressed as the public page — and an unpublished year would show with dead downloads.
 */
const AS_PUBLISHED = `query Published($d: String!, $y: Int!) {
  disclosure(departmentCode: $d, fiscalYear: $y, asOf: { published: true }) { ${DISCLOSURE_FIELDS} } }`;
/** A signed-in reader's way to the draft: the department's units (any token may list them). */
const DEPARTMENT_UNITS = `query Units($d: String!) { units(departmentCode: $d) { code name } }`;

/** A labelled select over a closed list of choices (the option's value is its index). */
function Choice<T>(p: {
  id: string;
  label: string;
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <div>
      <label htmlFor={p.id}>{p.label}</label>
      <select
        id={p.id}
        value={p.choices.findIndex((c) => c.value === p.value)}
        onChange={(e) => p.onChange(p.choices[Number(e.target.value)]!.value)}
      >
        {p.choices.map((c, i) => (
          <option key={c.label} value={i}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A published disclosure as a web page: position and digest, downloads, the document. */
export function PublicDisclosure({ dept, year }: { dept: string; year: number }) {
  const result = useQuery<{ disclosure: DisclosureData }>(AS_PUBLISHED, { d: dept, y: year });
  const list = useQuery<{ publishedDisclosures: PublishedItem[] }>(PUBLISHED);
  // Signed in (subscriptions need a token), a new publication replaces the page as it happens.
  useLive(
    'subscription L($d: String!, $y: Int!) { disclosureChanged(departmentCode: $d, fiscalYear: $y) { position } }',
    { d: dept, y: year },
    () => {
      result.reload();
      list.reload();
    },
  );
  // The form the files download in: a Shanghai department's 部门预算 in its own layout, say.
  const [form, setForm] = useState<DownloadForm>(DEFAULT_FORM);
  const links = downloadLinks(dept, year, form);
  const pub =
    list.state === 'ok'
      ? list.data.publishedDisclosures.find(
          (p) => p.departmentCode === dept && p.fiscalYear === year,
        )
      : undefined;
  return (
    <main>
      <p className="crumbs">
        <Link href="/">部门预算公开</Link> › {dept} › {year}
      </p>
      {result.state === 'error' && result.error.code === 'NOT_FOUND' ? (
        <NotPublished dept={dept} year={year} />
      ) : (
        <Status result={result}>
          {({ disclosure: d }) => (
            <>
              <h1>
                {d.department.name}
                <small>{d.fiscalYear}年度部门预算公开</small>
              </h1>
              <section className="provenance-box" aria-label="公开信息">
                <p>
                  公开版本：账本位置 <strong data-testid="position">{d.asOf.position}</strong>
                  {pub?.publishedAt && <> · 公开于 {pub.publishedAt}</>}
                </p>
                {pub && (
                  <p className="digest">
                    账本摘要（SHA-256）：<code data-testid="digest">{pub.digest}</code>
                  </p>
                )}
                {pub && (
                  <>
                    <fieldset className="row download-form">
                      <legend className="sr">下载的表式</legend>
                      {formChoices(form).map((c) => (
                        <Choice
                          key={c.field}
                          id={`dl-${c.field}`}
                          label={c.label}
                          value={form[c.field]}
                          choices={c.choices}
                          onChange={(value) => setForm({ ...form, [c.field]: value })}
                        />
                      ))}
                    </fieldset>
                    <p className="downloads">
                      下载：
                      {links.documents.map((l) => (
                        <a key={l.file} href={l.href} download>
                          {l.label}
                        </a>
                      ))}
                    </p>
                    <details>
                      <summary>各表 CSV</summary>
                      {links.tables.map((l) => (
                        <a key={l.file} href={l.href} title={l.title} download>
                          {l.label}
                        </a>
                      ))}
                    </details>
                  </>
                )}
              </section>
              <DisclosureView d={d} />
            </>
          )}
        </Status>
      )}
    </main>
  );
}

/** Where a signed-in role sees a year's draft: its units' pages, the audit timeline, the queue. */
function draftLinks(
  session: Session,
  dept: string,
  year: number,
  units: { code: string; name: string }[],
): { href: string; label: string }[] {
  const unitPages = units
    .filter((u) => session.role === 'ADMIN' || session.unitCodes.includes(u.code))
    .map((u) => ({
      href: `/officer/${u.code}/${year}`,
      label: `${u.name}（${u.code}）的编制页面`,
    }));
  const audit = { href: `/audit/${dept}/${year}`, label: '审计页面（账本时间线）' };
  switch (session.role) {
    case 'BUDGET_OFFICER':
      return unitPages;
    case 'ADMIN':
      return [...unitPages, audit];
    case 'AUDITOR':
      return [audit];
    case 'FINANCE_REVIEWER':
      return [{ href: '/review', label: '审核队列' }];
    default:
      return [];
  }
}

/** A department-year with no publication: said so, never a draft, no downloads. */
function NotPublished({ dept, year }: { dept: string; year: number }) {
  const session = useSession();
  const units = useQuery<{ units: { code: string; name: string }[] }>(
    session ? DEPARTMENT_UNITS : null,
    { d: dept },
  );
  const links =
    session && units.state === 'ok' ? draftLinks(session, dept, year, units.data.units) : [];
  return (
    <>
      <h1>
        部门 {dept}
        <small>{year}年度部门预算</small>
      </h1>
      <p role="status" data-testid="not-published">
        该部门该年度预算尚未公开。
      </p>
      {links.length > 0 && (
        <section className="card" aria-label="未公开的草稿">
          <p>您已登录，可以在工作台查看尚未公开的编制数据：</p>
          <ul>
            {links.map((l) => (
              <li key={l.href}>
                <Link href={l.href}>{l.label}</Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      <p>
        <Link href="/">查看已公开的部门预算</Link>
      </p>
    </>
  );
}
