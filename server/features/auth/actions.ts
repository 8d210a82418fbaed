import type { AppContext } from '../../context.ts';
import { HttpError } from '../../lib/errors.ts';
import { getDummyHash, hashPassword, verifyPassword } from '../../lib/passwords.ts';
import { hashSecret, newId, newSecret } from '../../lib/tokens.ts';
import { recordEvent } from '../history/record.ts';
import { countRecentFailures, findAccountToken, findActivePersonByEmail } from './queries.ts';

export const loginLimits = { windowMs: 15 * 60 * 1000, perAccount: 5, perIp: 30 } as const;
const tokenLifetimeMs = { invitation: 14 * 24 * 3600 * 1000, password_reset: 2 * 3600 * 1000 } as const;

const invalidCredentials = () =>
  new HttpError(401, 'invalid_credentials', 'Wrong email or password', {
    fields: { password: 'Wrong email or password' },
  });

async function assertNotRateLimited(ctx: AppContext, email: string, ip: string): Promise<void> {
  const now = ctx.now().getTime();
  const since = new Date(now - loginLimits.windowMs).toISOString();
  const checks = [
    { ...(await countRecentFailures(ctx.db, 'email', email, since)), limit: loginLimits.perAccount },
    { ...(await countRecentFailures(ctx.db, 'ip', ip, since)), limit: loginLimits.perIp },
  ];
  for (const check of checks) {
    if (check.count >= check.limit && check.oldest) {
      const retryAfter = Math.max(
        1,
        Math.ceil((Date.parse(check.oldest) + loginLimits.windowMs - now) / 1000),
      );
      throw new HttpError(
        429,
        'rate_limited',
        `Too many attempts. Try again in ${Math.ceil(retryAfter / 60)} min.`,
        {
          headers: { 'retry-after': String(retryAfter) },
        },
      );
    }
  }
}

/** Checks the password and opens a session. Returns the secret for the cookie. */
export async function signIn(
  ctx: AppContext,
  input: { email: string; password: string; ip: string; userAgent: string },
): Promise<{ secret: string; personId: string; expiresAt: Date }> {
  const email = input.email.trim().toLowerCase();
  await assertNotRateLimited(ctx, email, input.ip);
  const person = await findActivePersonByEmail(ctx.db, email);
  const isActive = person?.account_status === 'active' && person.password_hash;
  const isValid = await verifyPassword(
    input.password,
    isActive ? person.password_hash! : await getDummyHash(),
  );
  const at = ctx.now().toISOString();
  await ctx.db
    .insertInto('login_attempts')
    .values({ email, ip: input.ip, is_success: Boolean(isActive && isValid), created_at: at })
    .execute();
  if (!person || !isActive || !isValid) throw invalidCredentials();
  const session = await openSession(ctx, person.id, input.userAgent);
  await ctx.db.updateTable('people').set({ last_login_at: at }).where('id', '=', person.id).execute();
  return { ...session, personId: person.id };
}

export async function openSession(ctx: AppContext, personId: string, userAgent: string) {
  const secret = newSecret();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionDays * 24 * 3600 * 1000);
  await ctx.db
    .insertInto('sessions')
    .values({
      id: hashSecret(secret),
      person_id: personId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: now.toISOString(),
      user_agent: userAgent.slice(0, 300),
    })
    .execute();
  return { secret, expiresAt };
}

export async function signOut(ctx: AppContext, sessionId: string): Promise<void> {
  await ctx.db.deleteFrom('sessions').where('id', '=', sessionId).execute();
}

export async function changePassword(
  ctx: AppContext,
  input: { personId: string; sessionId: string | null; currentPassword: string; newPassword: string },
): Promise<void> {
  const person = await ctx.db
    .selectFrom('people')
    .select(['password_hash'])
    .where('id', '=', input.personId)
    .executeTakeFirstOrThrow();
  if (!person.password_hash || !(await verifyPassword(input.currentPassword, person.password_hash))) {
    throw new HttpError(400, 'invalid', 'The current password is wrong', {
      fields: { currentPassword: 'is wrong' },
    });
  }
  const hash = await hashPassword(input.newPassword);
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.now().toISOString();
    await trx
      .updateTable('people')
      .set({ password_hash: hash, updated_at: at })
      .where('id', '=', input.personId)
      .execute();
    // Other devices are signed out; this one stays.
    let others = trx.deleteFrom('sessions').where('person_id', '=', input.personId);
    if (input.sessionId) others = others.where('id', '!=', input.sessionId);
    await others.execute();
    await recordEvent(trx, {
      actorId: input.personId,
      subjectType: 'person',
      subjectId: input.personId,
      action: 'password_changed',
      at,
    });
  });
}

/** Creates a one-time link secret (invitation or reset); earlier unused ones are revoked. */
export async function createAccountToken(
  ctx: AppContext,
  db: AppContext['db'],
  input: { personId: string; purpose: 'invitation' | 'password_reset'; createdBy: string | null },
): Promise<string> {
  const secret = newSecret();
  const now = ctx.now();
  await db
    .updateTable('account_tokens')
    .set({ used_at: now.toISOString() })
    .where('person_id', '=', input.personId)
    .where('purpose', '=', input.purpose)
    .where('used_at', 'is', null)
    .execute();
  await db
    .insertInto('account_tokens')
    .values({
      id: newId(),
      person_id: input.personId,
      purpose: input.purpose,
      token_hash: hashSecret(secret),
      created_by: input.createdBy,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + tokenLifetimeMs[input.purpose]).toISOString(),
      used_at: null,
    })
    .execute();
  return secret;
}

/** Finds a usable invitation or reset link, or explains why it is not usable. */
export async function loadAccountToken(
  ctx: AppContext,
  secret: string,
  purpose: 'invitation' | 'password_reset',
) {
  const token = await findAccountToken(ctx.db, secret, purpose);
  if (!token) throw new HttpError(404, 'link_invalid', 'This link is not valid. Ask for a new one.');
  if (token.used_at)
    throw new HttpError(410, 'link_used', 'This link has already been used. Ask for a new one.');
  if (Date.parse(token.expires_at) <= ctx.now().getTime()) {
    throw new HttpError(410, 'link_expired', 'This link has expired. Ask for a new one.');
  }
  if (token.account_status === 'disabled')
    throw new HttpError(410, 'account_disabled', 'This account is disabled.');
  return token;
}

/** Sets the password from an invitation or reset link, activates the account, signs in. */
export async function setPasswordFromLink(
  ctx: AppContext,
  input: { secret: string; purpose: 'invitation' | 'password_reset'; password: string; userAgent: string },
) {
  const token = await loadAccountToken(ctx, input.secret, input.purpose);
  const hash = await hashPassword(input.password);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('account_tokens')
      .set({ used_at: at })
      .where('id', '=', token.id)
      .where('used_at', 'is', null)
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw new HttpError(410, 'link_used', 'This link has already been used. Ask for a new one.');
    }
    await trx
      .updateTable('people')
      .set({ password_hash: hash, account_status: 'active', updated_at: at })
      .where('id', '=', token.person_id)
      .execute();
    await trx.deleteFrom('sessions').where('person_id', '=', token.person_id).execute();
    await recordEvent(trx, {
      actorId: token.person_id,
      subjectType: 'person',
      subjectId: token.person_id,
      action: input.purpose === 'invitation' ? 'invitation_accepted' : 'password_reset',
      at,
    });
  });
  const session = await openSession(ctx, token.person_id, input.userAgent);
  return { ...session, personId: token.person_id };
}
