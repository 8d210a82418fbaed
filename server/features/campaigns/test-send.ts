import type { AppContext } from '../../context.ts';
import type { Campaign } from '../../db/schema.ts';
import { HttpError } from '../../lib/errors.ts';
import { compileTemplate, escapeHtml, fillTemplate } from '../../mail/campaign-template.ts';
import { holdCampaignTransport, messageDomainOf } from '../../mail/campaign-transport.ts';
import { suppressedAddresses } from '../audiences/queries.ts';
import type { Actor } from '../auth/actor.ts';
import { recordEvent } from '../history/record.ts';
import { renderForSending } from './actions.ts';
import { campaignHooks } from './hooks.ts';

/** Sample values for a preview or a test: the reader's own name, links that lead to a "test" page. */
function sampleValues(ctx: AppContext, actor: Actor, email: string) {
  const { publicUrl } = ctx.config;
  return {
    firstName: actor.person.first_name,
    lastName: actor.person.last_name,
    email,
    unsubscribeUrl: `${publicUrl}/u/test-message`,
    preferencesUrl: `${publicUrl}/preferences/test-message`,
  };
}

/**
 * The mail as a subscriber receives it (rendered as for sending, the reader's name as sample
 * values): what the composer's preview shows at desktop and phone widths.
 */
export async function previewCampaign(
  ctx: AppContext,
  actor: Actor,
  campaign: Campaign,
): Promise<{ subject: string; html: string; text: string }> {
  // Nothing embargoed through this generic view: a newsletter issue has its own preview, which
  // shows each story only to those who may read it now.
  const refusal = await campaignHooks[campaign.kind]?.refuseSendingAt?.(ctx, campaign, ctx.now());
  if (refusal && refusal.code === 'embargo') throw new HttpError(409, refusal.code, refusal.message);
  const rendered = await renderForSending(ctx, {
    ...campaign,
    list_ids: campaign.list_ids.length ? campaign.list_ids : ['-'],
  });
  const values = sampleValues(ctx, actor, actor.person.email);
  return {
    subject: campaign.subject,
    html: fillTemplate(compileTemplate(rendered.html), values, escapeHtml),
    text: fillTemplate(compileTemplate(rendered.text), values, (value) => value),
  };
}

export type TestSendResult = { email: string; state: 'sent' | 'suppressed' | 'failed'; error: string | null };

/**
 * A test send to chosen addresses, now, with sample values: not in the ledger, marked [Test], its
 * links lead to a page saying so. Suppressed addresses are skipped here too.
 */
export async function testSendCampaign(
  ctx: AppContext,
  actor: Actor,
  campaign: Campaign,
  emails: string[],
): Promise<TestSendResult[]> {
  // A test goes out now: nothing may be in it that is not public yet (an embargoed story).
  const refusal = await campaignHooks[campaign.kind]?.refuseSendingAt?.(ctx, campaign, ctx.now());
  if (refusal && refusal.code === 'embargo') throw new HttpError(409, refusal.code, refusal.message);
  const rendered = await renderForSending(ctx, {
    ...campaign,
    list_ids: campaign.list_ids.length ? campaign.list_ids : ['-'],
  });
  const html = compileTemplate(rendered.html);
  const text = compileTemplate(rendered.text);
  const suppressed = await suppressedAddresses(ctx.db, emails, campaign.stream);
  const { mailFrom } = ctx.config;
  const transport = holdCampaignTransport(ctx);
  const results: TestSendResult[] = [];
  try {
    for (const email of emails) {
      if (suppressed.has(email)) {
        results.push({ email, state: 'suppressed', error: 'On the suppression list' });
        continue;
      }
      const values = sampleValues(ctx, actor, email);
      try {
        await transport.send({
          to: email,
          subject: `[Test] ${campaign.subject}`,
          html: fillTemplate(html, values, escapeHtml),
          text: fillTemplate(text, values, (value) => value),
          stream: campaign.stream,
          headers: {
            'List-Unsubscribe': `<${values.unsubscribeUrl}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
            'List-Id': `${campaign.stream} <${campaign.stream}.${messageDomainOf(mailFrom)}>`,
            'X-Relais-Test': 'yes',
          },
        });
        results.push({ email, state: 'sent', error: null });
      } catch (error) {
        results.push({
          email,
          state: 'failed',
          error: (error instanceof Error ? error.message : String(error)).slice(0, 300),
        });
      }
    }
  } finally {
    transport.release();
  }
  const at = ctx.now().toISOString();
  await recordEvent(ctx.db, {
    actorId: actor.id,
    subjectType: 'campaign',
    subjectId: campaign.id,
    action: 'test_sent',
    data: { results: results.map(({ email, state }) => ({ email, state })) },
    at,
  });
  return results;
}
