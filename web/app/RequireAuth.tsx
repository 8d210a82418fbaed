import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { PageSkeleton } from '../shared/States.tsx';
import { useMeQuery } from './auth.ts';

/** Pages for signed-in people: others are sent to sign in, then brought back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { data: me, isPending } = useMeQuery();
  const location = useLocation();
  if (isPending) return <PageSkeleton />;
  if (!me) return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  return children;
}
