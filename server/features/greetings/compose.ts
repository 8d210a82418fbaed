import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { GreetingCard } from '../../db/schema.ts';
import { type GreetingMailInput, greetingBodyHtml } from '../../mail/greeting-template.ts';
import { instituteName } from '../press/compose.ts';

/** The card's image, public (it goes in the mail): the stored file's name changes with each upload. */
export const greetingImageUrl = (publicUrl: string, card: GreetingCard) =>
  card.image_path ? `${publicUrl}/voeux/${card.id}/${card.image_path.split('/').pop()}` : null;

export function greetingMailInput(ctx: Pick<AppContext, 'config'>, card: GreetingCard): GreetingMailInput {
  return {
    institute: instituteName(ctx.config.mailFrom),
    title: card.title,
    messageHtml: card.message_html,
    imageUrl: greetingImageUrl(ctx.config.publicUrl, card),
    imageAlt: card.image_alt,
  };
}

export async function syncGreetingCampaign(
  ctx: Pick<AppContext, 'config'>,
  trx: Db,
  card: GreetingCard,
  at: string,
) {
  await trx
    .updateTable('campaigns')
    .set({
      subject: card.title,
      name: `Carte de vœux ${card.year} — ${card.title}`,
      body_html: greetingBodyHtml(greetingMailInput(ctx, card)),
      updated_at: at,
    })
    .where('id', '=', card.campaign_id)
    .where('state', '=', 'draft')
    .execute();
}
