import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/connection.ts';
import { newSecret } from '../lib/tokens.ts';

/**
 * The per-recipient links of campaign mail, signed (HMAC-SHA256, 128 bits kept) rather than
 * stored: 20,000 recipients need no 20,000 token rows, and a link works as long as the key does.
 * `u` (unsubscribe) carries the contact and the campaign; `p` (preferences) the contact only.
 * The key is MAIL_LINK_SECRET, or one made once and kept in the database (every process shares it).
 */

type Purpose = 'u' | 'p';
const purposeByte: Record<Purpose, number> = { u: 0x75, p: 0x70 };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const keys = new WeakMap<Db, Promise<Buffer>>();

export function linkKey(ctx: Pick<AppContext, 'db' | 'config' | 'now'>): Promise<Buffer> {
  const configured = ctx.config.campaigns.linkSecret;
  if (configured) return Promise.resolve(Buffer.from(configured));
  let key = keys.get(ctx.db);
  if (!key) {
    key = (async () => {
      await ctx.db
        .insertInto('signing_keys')
        .values({ name: 'mail-links', secret: newSecret(), created_at: ctx.now().toISOString() })
        .onConflict((conflict) => conflict.column('name').doNothing())
        .execute();
      const row = await ctx.db
        .selectFrom('signing_keys')
        .select('secret')
        .where('name', '=', 'mail-links')
        .executeTakeFirstOrThrow();
      return Buffer.from(row.secret);
    })();
    key.catch(() => keys.delete(ctx.db));
    keys.set(ctx.db, key);
  }
  return key;
}

const uuidBytes = (id: string) => Buffer.from(id.replace(/-/g, ''), 'hex');
const uuidText = (bytes: Buffer) => {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
const mac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest().subarray(0, 16);

export function signLink(key: Buffer, purpose: Purpose, contactId: string, campaignId?: string): string {
  if (!uuidPattern.test(contactId) || (campaignId !== undefined && !uuidPattern.test(campaignId)))
    throw new Error('Links are made for UUID ids');
  const data = Buffer.concat([
    Buffer.from([purposeByte[purpose]]),
    uuidBytes(contactId),
    ...(campaignId ? [uuidBytes(campaignId)] : []),
  ]);
  return Buffer.concat([data, mac(key, data)]).toString('base64url');
}

export type LinkFacts = { purpose: Purpose; contactId: string; campaignId: string | null };

/** The facts of a link, or null when it was not made with this key. */
export function readLink(key: Buffer, token: string): LinkFacts | null {
  if (!/^[A-Za-z0-9_-]{40,80}$/.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== 33 && bytes.length !== 49) return null;
  const data = bytes.subarray(0, bytes.length - 16);
  const signature = bytes.subarray(bytes.length - 16);
  if (!timingSafeEqual(signature, mac(key, data))) return null;
  const purpose = data[0] === purposeByte.u ? 'u' : data[0] === purposeByte.p ? 'p' : null;
  if (!purpose) return null;
  return {
    purpose,
    contactId: uuidText(data.subarray(1, 17)),
    campaignId: data.length === 33 ? uuidText(data.subarray(17, 33)) : null,
  };
}

/** The two links of one recipient's mail. */
export function recipientLinks(
  key: Buffer,
  publicUrl: string,
  contactId: string,
  campaignId: string,
): { unsubscribeUrl: string; preferencesUrl: string } {
  return {
    unsubscribeUrl: `${publicUrl}/u/${signLink(key, 'u', contactId, campaignId)}`,
    preferencesUrl: `${publicUrl}/preferences/${signLink(key, 'p', contactId)}`,
  };
}
