import { DisclosureView } from '../components/disclosure-view';
import { Status } from '../components/status';
import { useLive, useQuery } from '../hooks';
import {
  PUBLISHED,
  PUBLISHED_DISCLOSURE,
  type DisclosureData,
  type PublishedItem,
} from '../queries';
import { Link } from '../router';

const CSV_TABLES = Array.from({ length: 13 }, (_, i) => `t${String(i + 1).padStart(2, '0')}`);

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
  const base = `/disclosures/${dept}/${year}`;
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
              <p className="downloads">
                下载：
                <a href={`${base}/disclosure.xlsx`} download>
                  Excel（XLSX）
                </a>
                <a href={`${base}/datapackage.json`} download>
                  开放财政数据包（datapackage.json）
                </a>
                <a href={`${base}/budget-lines.csv`} download>
                  预算明细（CSV）
                </a>
                <a href={`${base}/disclosure.pdf`} download>
                  PDF（可打印）
                </a>
              </p>
              <details>
                <summary>各表 CSV</summary>
                {CSV_TABLES.map((t) => (
                  <a key={t} href={`${base}/${t}.csv`} download>
                    {t}.csv
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
