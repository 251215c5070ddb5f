import { lazy, Suspense, type ReactNode } from 'react';
import { actorName, ROLE_NAMES } from './format';
import { PublicDisclosure } from './pages/public-disclosure';
import { PublicHome } from './pages/public-home';
import { HOME_OF, SignIn } from './pages/sign-in';
import { Link, navigate, useLocation } from './router';
import { setSession, useSession, type Role } from './session';

// The signed-in pages load on their own chunks: a citizen reading a disclosure never downloads
// them.
const Officer = lazy(() => import('./pages/officer').then((m) => ({ default: m.OfficerHome })));
const OfficerUnitYear = lazy(() =>
  import('./pages/officer').then((m) => ({ default: m.OfficerUnitYear })),
);
const Audit = lazy(() => import('./pages/audit').then((m) => ({ default: m.AuditHome })));
const AuditTimeline = lazy(() =>
  import('./pages/audit').then((m) => ({ default: m.AuditTimeline })),
);
const Admin = lazy(() => import('./pages/admin').then((m) => ({ default: m.AdminOverview })));
const Review = lazy(() => import('./pages/review').then((m) => ({ default: m.ReviewQueue })));

interface Route {
  pattern: RegExp;
  roles: Role[] | null;
  render: (m: string[]) => ReactNode;
}

const ROUTES: Route[] = [
  { pattern: /^\/$/, roles: null, render: () => <PublicHome /> },
  {
    pattern: /^\/public\/([^/]+)\/(\d{4})$/,
    roles: null,
    render: ([, d, y]) => <PublicDisclosure dept={d!} year={Number(y)} />,
  },
  { pattern: /^\/login$/, roles: null, render: () => <SignIn /> },
  { pattern: /^\/officer$/, roles: ['BUDGET_OFFICER', 'ADMIN'], render: () => <Officer /> },
  {
    pattern: /^\/officer\/([^/]+)\/(\d{4})$/,
    roles: ['BUDGET_OFFICER', 'ADMIN'],
    render: ([, u, y]) => <OfficerUnitYear unit={u!} year={Number(y)} />,
  },
  { pattern: /^\/audit$/, roles: ['AUDITOR', 'ADMIN'], render: () => <Audit /> },
  {
    pattern: /^\/audit\/([^/]+)\/(\d{4})$/,
    roles: ['AUDITOR', 'ADMIN'],
    render: ([, d, y]) => <AuditTimeline dept={d!} year={Number(y)} />,
  },
  { pattern: /^\/admin$/, roles: ['ADMIN'], render: () => <Admin /> },
  { pattern: /^\/review$/, roles: ['FINANCE_REVIEWER', 'ADMIN'], render: () => <Review /> },
];

const NAV: { href: string; label: string; roles: Role[] }[] = [
  { href: '/officer', label: '预算编制', roles: ['BUDGET_OFFICER', 'ADMIN'] },
  { href: '/review', label: '审核队列', roles: ['FINANCE_REVIEWER', 'ADMIN'] },
  { href: '/audit', label: '审计', roles: ['AUDITOR', 'ADMIN'] },
  { href: '/admin', label: '单位与年度', roles: ['ADMIN'] },
];

export function App() {
  const { path } = useLocation();
  const session = useSession();
  const route = ROUTES.find((r) => r.pattern.test(path));
  const match = route ? route.pattern.exec(path)! : null;
  let content: ReactNode;
  if (!route)
    content = (
      <main>
        <h1>页面不存在</h1>
        <Link href="/">返回首页</Link>
      </main>
    );
  else if (route.roles && !session) content = <SignIn />;
  else if (route.roles && !route.roles.includes(session!.role))
    content = (
      <main>
        <h1>无权访问</h1>
        <p>当前身份（{ROLE_NAMES[session!.role]}）不能使用此页面。</p>
        <Link href={HOME_OF[session!.role]}>前往我的工作台</Link>
      </main>
    );
  else content = route.render([...match!]);
  return (
    <>
      <a className="skip" href="#content">
        跳到正文
      </a>
      <header className="top">
        <Link href="/" className="brand">
          预算公开工作台
        </Link>
        <nav aria-label="主导航">
          <Link href="/">公开预算</Link>
          {session &&
            NAV.filter((n) => n.roles.includes(session.role)).map((n) => (
              <Link
                key={n.href}
                href={n.href}
                aria-current={path.startsWith(n.href) ? 'page' : undefined}
              >
                {n.label}
              </Link>
            ))}
        </nav>
        <div className="who">
          {session ? (
            <>
              <span>
                {ROLE_NAMES[session.role]} · {actorName(session.actor)}
              </span>
              <button
                type="button"
                className="link"
                onClick={() => {
                  setSession(null);
                  navigate('/');
                }}
              >
                退出
              </button>
            </>
          ) : (
            <Link href="/login">登录</Link>
          )}
        </div>
      </header>
      <div id="content">
        <Suspense fallback={<p className="loading">加载中……</p>}>{content}</Suspense>
      </div>
    </>
  );
}
