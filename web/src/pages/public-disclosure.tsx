import { useState } from 'react';
import { DisclosureView } from '../components/disclosure-view';
import { Status } from '../components/status';
import { DEFAULT_FORM, downloadLinks, formChoices, type DownloadForm } from '../downloads';
import { useLive, useQuery } from '../hooks';
import {
  PUBLISHED,
  PUBLISHED_DISCLOSURE,
  type DisclosureData,
  type PublishedItem,
} from '../queries';
import { Link } from '../router';

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
  const result = useQuery<{ disclosure: DisclosureData }>(PUBLISHED_DISCLOSURE, {
    d: dept,
    y: year,
  });
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
                  <a key={l.file} href={l.href} download>
                    {l.label}
                  </a>
                ))}
              </details>
            </section>
            <DisclosureView d={d} />
          </>
        )}
      </Status>
    </main>
  );
}
