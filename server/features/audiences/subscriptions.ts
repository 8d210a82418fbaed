import type { AppContext } from '../../context.ts';
import { hashSecret, newSecret } from '../../lib/tokens.ts';
import { recordEvent } from '../history/record.ts';
import { ensureContacts, suppressAddress } from './actions.ts';

/**
 * What people outside Relais do with their own address: subscribe (double opt-in), confirm,
 * unsubscribe in one click, choose their lists. Each is recorded in the history (actor: nobody).
 */

const confirmDays = 7;
/** One confirmation mail per address per this long, whatever is posted: the form cannot be used to flood someone. */
const confirmThrottleMs = 5 * 60_000;

export async function publicLists(ctx: AppContext) {
  return ctx.db
    .selectFrom('mailing_lists')
    .select(['id', 'name', 'description'])
    .where('is_public', '=', true)
    .where('deleted_at', 'is', null)
    .orderBy('name')
    .execute();
}

/** Subscribe form: memberships wait for the confirmation mail's link; nothing says whether the address was known. */
export async function requestSubscription(
  ctx: AppContext,
  input: { email: string; firstName: string; lastName: string; listIds: string[] },
): Promise<'mailed' | 'nothing_to_do' | 'throttled'> {
  const now = ctx.now();
  const at = now.toISOString();
  const lists = (await publicLists(ctx)).filter((list) => input.listIds.includes(list.id));
  if (lists.length === 0) return 'nothing_to_do';
  const secret = newSecret();
  const outcome = await ctx.db.transaction().execute(async (trx) => {
    const contactId = (await ensureContacts(trx, [input], at)).get(input.email)!;
    const members = await trx
      .selectFrom('list_members')
      .selectAll()
      .where('contact_id', '=', contactId)
      .execute();
    const recent = members.some(
      (member) =>
        member.confirm_token_hash !== null &&
        now.getTime() - Date.parse(member.updated_at) < confirmThrottleMs,
    );
    if (recent) return 'throttled' as const;
    const wanted = lists.filter(
      (list) => members.find((member) => member.list_id === list.id)?.state !== 'active',
    );
    if (wanted.length === 0) return 'nothing_to_do' as const;
    const pending = {
      state: 'pending' as const,
      confirm_token_hash: hashSecret(secret),
      confirm_expires_at: new Date(now.getTime() + confirmDays * 86_400_000).toISOString(),
      updated_at: at,
    };
    for (const list of wanted) {
      await trx
        .insertInto('list_members')
        .values({
          list_id: list.id,
          contact_id: contactId,
          source: 'subscribe',
          subscribed_at: null,
          unsubscribed_at: null,
          created_at: at,
          ...pending,
        })
        .onConflict((c) => c.columns(['list_id', 'contact_id']).doUpdateSet(pending))
        .execute();
    }
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'contact',
      subjectId: contactId,
      action: 'subscription_requested',
      data: { listIds: wanted.map((list) => list.id) },
      at,
    });
    return 'mailed' as const;
  });
  if (outcome !== 'mailed') return outcome;
  const link = `${ctx.config.publicUrl}/subscribe/confirm/${secret}`;
  const names = lists.map((list) => `« ${list.name} »`).join(', ');
  await ctx.mailer.send({
    to: input.email,
    stream: 'transactional',
    subject: 'Confirmez votre inscription / Confirm your subscription',
    text: `Bonjour,

Pour recevoir ${names}, confirmez votre adresse en ouvrant ce lien (valable ${confirmDays} jours) :
${link}

Si vous n'avez rien demandé, ignorez ce message : vous ne recevrez rien.

To receive ${names}, confirm your address with the link above (valid ${confirmDays} days). If you did not ask, ignore this message.
`,
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  return 'mailed';
}

/** The confirmation link: the pending memberships it names become active. Returns the list names, or null. */
export async function confirmSubscription(ctx: AppContext, secret: string): Promise<string[] | null> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const members = await trx
      .selectFrom('list_members')
      .innerJoin('mailing_lists', 'mailing_lists.id', 'list_members.list_id')
      .innerJoin('contacts', 'contacts.id', 'list_members.contact_id')
      .select(['list_members.list_id', 'list_members.contact_id', 'mailing_lists.name', 'contacts.email'])
      .where('list_members.confirm_token_hash', '=', hashSecret(secret))
      .where('list_members.state', '=', 'pending')
      .where('list_members.confirm_expires_at', '>', at)
      .execute();
    if (members.length === 0) return null;
    const contactId = members[0]!.contact_id;
    await trx
      .updateTable('list_members')
      .set({
        state: 'active',
        confirm_token_hash: null,
        confirm_expires_at: null,
        subscribed_at: at,
        unsubscribed_at: null,
        updated_at: at,
      })
      .where('confirm_token_hash', '=', hashSecret(secret))
      .where('state', '=', 'pending')
      .execute();
    // A new, confirmed consent lifts the person's own earlier unsubscribes (never a bounce or a complaint).
    await trx
      .deleteFrom('suppressions')
      .where('email', '=', members[0]!.email)
      .where('reason', '=', 'unsubscribe')
      .execute();
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'contact',
      subjectId: contactId,
      action: 'subscription_confirmed',
      data: { listIds: members.map((member) => member.list_id) },
      at,
    });
    return members.map((member) => member.name);
  });
}

/**
 * One-click unsubscribe (RFC 8058), idempotent: the contact leaves the campaign's lists and its
 * stream is suppressed for the address (scope '*' without a campaign).
 */
export async function unsubscribeContact(
  ctx: AppContext,
  contactId: string,
  campaignId: string | null,
): Promise<{ email: string } | null> {
  const at = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const contact = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', contactId)
      .executeTakeFirst();
    if (!contact) return null;
    const campaign = campaignId
      ? await trx
          .selectFrom('campaigns')
          .select(['id', 'stream', 'list_ids'])
          .where('id', '=', campaignId)
          .executeTakeFirst()
      : undefined;
    let query = trx
      .updateTable('list_members')
      .set({ state: 'unsubscribed', unsubscribed_at: at, confirm_token_hash: null, updated_at: at })
      .where('contact_id', '=', contact.id)
      .where('state', '!=', 'unsubscribed');
    if (campaign) query = query.where('list_id', 'in', campaign.list_ids.length ? campaign.list_ids : ['']);
    const left = Number((await query.executeTakeFirst()).numUpdatedRows);
    const isNew = await suppressAddress(trx, {
      email: contact.email,
      scope: campaign?.stream ?? '*',
      reason: 'unsubscribe',
      detail: campaign ? 'One-click unsubscribe' : 'Unsubscribe link',
      campaignId: campaign?.id ?? null,
      actorId: null,
      at,
    });
    if (left > 0 || isNew) {
      await recordEvent(trx, {
        actorId: null,
        subjectType: 'contact',
        subjectId: contact.id,
        action: 'unsubscribed',
        data: { campaignId: campaign?.id ?? null, lists: left },
        at,
      });
    }
    return { email: contact.email };
  });
}

/** The preference page's lists: the public ones and those the contact is on. */
export async function preferencesOf(ctx: AppContext, contactId: string) {
  const contact = await ctx.db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!contact) return null;
  const members = await ctx.db
    .selectFrom('list_members')
    .innerJoin('mailing_lists', 'mailing_lists.id', 'list_members.list_id')
    .select(['mailing_lists.id', 'mailing_lists.name', 'mailing_lists.description', 'list_members.state'])
    .where('list_members.contact_id', '=', contactId)
    .where('mailing_lists.deleted_at', 'is', null)
    .execute();
  const lists = new Map(members.map((row) => [row.id, { ...row, isSubscribed: row.state === 'active' }]));
  for (const list of await publicLists(ctx))
    if (!lists.has(list.id)) lists.set(list.id, { ...list, state: 'unsubscribed', isSubscribed: false });
  const suppressed = await ctx.db
    .selectFrom('suppressions')
    .select(['scope', 'reason'])
    .where('email', '=', contact.email)
    .execute();
  return {
    contact,
    lists: [...lists.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    isBlocked: suppressed.some((row) => row.reason !== 'unsubscribe'),
  };
}

/** The person's choice on the preference page: these lists, and no other (or nothing at all). */
export async function savePreferences(
  ctx: AppContext,
  contactId: string,
  choice: { listIds: string[]; stopAll: boolean },
): Promise<boolean> {
  const current = await preferencesOf(ctx, contactId);
  if (!current) return false;
  const at = ctx.now().toISOString();
  const wanted = new Set(choice.stopAll ? [] : choice.listIds);
  await ctx.db.transaction().execute(async (trx) => {
    const changes: Record<string, string> = {};
    for (const list of current.lists) {
      if (wanted.has(list.id) && !list.isSubscribed) {
        const active = {
          state: 'active' as const,
          subscribed_at: at,
          unsubscribed_at: null,
          confirm_token_hash: null,
          confirm_expires_at: null,
          updated_at: at,
        };
        await trx
          .insertInto('list_members')
          .values({ list_id: list.id, contact_id: contactId, source: 'subscribe', created_at: at, ...active })
          .onConflict((c) => c.columns(['list_id', 'contact_id']).doUpdateSet(active))
          .execute();
        changes[list.id] = 'subscribed';
      } else if (!wanted.has(list.id) && list.state !== 'unsubscribed') {
        await trx
          .updateTable('list_members')
          .set({ state: 'unsubscribed', unsubscribed_at: at, confirm_token_hash: null, updated_at: at })
          .where('list_id', '=', list.id)
          .where('contact_id', '=', contactId)
          .execute();
        changes[list.id] = 'unsubscribed';
      }
    }
    if (choice.stopAll) {
      await suppressAddress(trx, {
        email: current.contact.email,
        scope: '*',
        reason: 'unsubscribe',
        detail: 'Preference page: nothing at all',
        actorId: null,
        at,
      });
    } else if (wanted.size > 0) {
      // Choosing lists again, from the person's own signed link, lifts their earlier unsubscribes.
      await trx
        .deleteFrom('suppressions')
        .where('email', '=', current.contact.email)
        .where('reason', '=', 'unsubscribe')
        .execute();
    }
    await recordEvent(trx, {
      actorId: null,
      subjectType: 'contact',
      subjectId: contactId,
      action: 'preferences_saved',
      data: { changes, stopAll: choice.stopAll },
      at,
    });
  });
  return true;
}
