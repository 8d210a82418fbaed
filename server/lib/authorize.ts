import type { Actor } from '../features/auth/actor.ts';
import { forbidden, notFound, unauthorized } from './errors.ts';

/**
 * The one gate of every action: 401 when nobody is signed in, 404 when the caller may not even
 * see the object (so its existence does not leak), 403 when they may see it but not act.
 */
export function authorize(
  actor: Actor | null,
  check: { canSee?: boolean; canAct: boolean; what?: string },
): asserts actor is Actor {
  if (!actor) throw unauthorized();
  if (check.canSee === false) throw notFound(check.what);
  if (!check.canAct) throw forbidden();
}
