import { useState, type FormEvent } from 'react';
import { ApiError, gql } from '../api';
import { errorText, ROLE_NAMES } from '../format';
import { navigate } from '../router';
import { setSession, type Role } from '../session';

/** Where each role starts. */
export const HOME_OF: Record<Role, string> = {
  ADMIN: '/admin',
  BUDGET_OFFICER: '/officer',
  FINANCE_REVIEWER: '/review',
  AUDITOR: '/audit',
  PUBLIC: '/',
};

/**
 * Sign in with an API token (issued by `budget-ledger token create`); the server says who it is.
 */
export function SignIn() {
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const t = token.trim();
      const { viewer } = await gql<{
        viewer: { role: Role; unitCodes: string[]; person: string | null; actor: string };
      }>('{ viewer { role unitCodes person actor } }', {}, { token: t });
      setSession({ token: t, ...viewer });
      navigate(HOME_OF[viewer.role]);
    } catch (err) {
      const e = err as ApiError;
      setError(errorText(e.code, e.message));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="narrow">
      <h1>登录工作台</h1>
      <form onSubmit={submit} className="card">
        <label htmlFor="token">访问令牌</label>
        <input
          id="token"
          type="password"
          autoComplete="off"
          value={token}
          onChange={(e) => setToken(e.target.value)}
          placeholder="blt_…"
          required
          aria-describedby="token-help"
          aria-invalid={error !== null}
        />
        <p id="token-help" className="help">
          令牌由财政局管理员发放，决定您的身份：
          {Object.entries(ROLE_NAMES)
            .filter(([r]) => r !== 'PUBLIC')
            .map(([, n]) => n)
            .join('、')}
          。
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || token.trim() === ''}>
          {busy ? '正在登录……' : '登录'}
        </button>
      </form>
    </main>
  );
}
