import { Status } from '../components/status';
import { groupBy } from '../format';
import { useQuery } from '../hooks';
import { PUBLISHED, type PublishedItem } from '../queries';
import { Link } from '../router';

/** Everyone's entry: the departments and years whose disclosures are published. */
export function PublicHome() {
  const result = useQuery<{ publishedDisclosures: PublishedItem[] }>(PUBLISHED);
  return (
    <main>
      <h1>部门预算公开</h1>
      <p className="lead">
        以下部门的预算已经公开。每份公开文件都可以在线查看、下载，并附有它在账本中的位置和摘要，可用于核对内容未被改写。
      </p>
      <Status result={result}>
        {({ publishedDisclosures }) =>
          publishedDisclosures.length === 0 ? (
            <p>还没有公开的预算。</p>
          ) : (
            <ul className="published">
              {groupBy(publishedDisclosures, (p) => p.departmentCode).map(([code, items]) => (
                <li key={code}>
                  <h2>
                    {items[0]!.departmentName} <small>（部门 {code}）</small>
                  </h2>
                  <p className="units">
                    {items[0]!.units.map((u) => `${u.name}（${u.code}）`).join('、')}
                  </p>
                  <ul className="years">
                    {items.map((p) => (
                      <li key={p.fiscalYear}>
                        <Link href={`/public/${p.departmentCode}/${p.fiscalYear}`}>
                          {p.fiscalYear}年度部门预算
                        </Link>
                        {p.publishedAt && <span> · 公开于 {p.publishedAt}</span>}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </Status>
    </main>
  );
}
