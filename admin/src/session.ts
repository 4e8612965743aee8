import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Role, SessionUser } from './api/types.js';

export const SessionContext = createContext<SessionUser | null>(null);

/** The signed-in user; only rendered inside the signed-in shell. */
export function useUser(): SessionUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useUser outside the signed-in app');
  return user;
}

const RANK: Record<Role, number> = { contributor: 1, writer: 2, editor: 3, editor_in_chief: 4 };

/** True when `role` is `other` or more trusted (the server decides; this only shapes the UI). */
export const atLeast = (role: Role, other: Role) => RANK[role] >= RANK[other];

export const roleLabel = (role: Role) => role.replace(/_/g, ' ');
