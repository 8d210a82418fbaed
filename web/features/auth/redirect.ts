import { useLocation, useSearchParams } from 'react-router';

/** Where to go after signing in: the page the person came from, else home. Same-site paths only. */
export function useReturnTo(): string {
  const location = useLocation();
  const [params] = useSearchParams();
  const fromState = (location.state as { from?: unknown } | null)?.from;
  const candidate = typeof fromState === 'string' ? fromState : (params.get('next') ?? '/');
  const isSafe = candidate.startsWith('/') && !candidate.startsWith('//') && !candidate.startsWith('/login');
  return isSafe ? candidate : '/';
}
