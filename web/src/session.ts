/** The signed-in token and what it may do (from the `viewer` query), kept for the tab only. */
import { useSyncExternalStore } from 'react';

export type Role = 'ADMIN' | 'BUDGET_OFFICER' | 'FINANCE_REVIEWER' | 'AUDITOR' | 'PUBLIC';

export interface Session {
  token: string;
  role: Role;
  unitCodes: string[];
  /** Who holds the token: what an adjustment's history names as who submitted or reviewed. */
  person: string | null;
  actor: string;
}

const KEY = 'budget-ledger.session';
const listeners = new Set<() => void>();
let cached: { raw: string | null; session: Session | null } = { raw: null, session: null };

function read(): Session | null {
  const raw = sessionStorage.getItem(KEY);
  if (raw !== cached.raw) cached = { raw, session: raw ? (JSON.parse(raw) as Session) : null };
  return cached.session;
}

export const currentToken = (): string | null => read()?.token ?? null;

export function setSession(s: Session | null): void {
  if (s) sessionStorage.setItem(KEY, JSON.stringify(s));
  else sessionStorage.removeItem(KEY);
  listeners.forEach((l) => l());
}

export function useSession(): Session | null {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, read);
}
