import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { PressRelease, Story } from '../../db/schema.ts';
import { linkKey } from '../../mail/campaign-links.ts';
import { type PressMailInput, pressBodyHtml, pressSubject } from '../../mail/press-template.ts';
import { isEmbargoed } from '../stories/policy.ts';
import { embargoNotice } from './embargo.ts';

/** The institute's name as mail and PDF show it: MAIL_FROM's display name. */
export function instituteName(mailFrom: string): string {
  return /^\s*"?([^"<]+?)"?\s*</.exec(mailFrom)?.[1]?.trim() || 'Relais';
}

/** The notice while the story is under embargo (at `now`), else null. */
export const noticeOf = (story: Pick<Story, 'embargo_until' | 'embargo_time_zone'>, now: Date) =>
  story.embargo_until && isEmbargoed(story, now)
    ? embargoNotice(story.embargo_until, story.embargo_time_zone)
    : null;

/** The PDF's public link (for journalists, no account): signed, not stored. */
export async function pdfToken(ctx: Pick<AppContext, 'db' | 'config' | 'now'>, releaseId: string) {
  const key = await linkKey(ctx);
  return createHmac('sha256', key).update(`press-pdf:${releaseId}`).digest('base64url').slice(0, 24);
}
export async function isPdfToken(
  ctx: Pick<AppContext, 'db' | 'config' | 'now'>,
  releaseId: string,
  token: string,
) {
  const expected = Buffer.from(await pdfToken(ctx, releaseId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
export async function pdfUrlOf(ctx: Pick<AppContext, 'db' | 'config' | 'now'>, releaseId: string) {
  return `${ctx.config.publicUrl}/communiques/${releaseId}/${await pdfToken(ctx, releaseId)}/communique.pdf`;
}

export async function findStoryOf(db: Db, release: PressRelease): Promise<Story> {
  return db.selectFrom('stories').selectAll().where('id', '=', release.story_id).executeTakeFirstOrThrow();
}

export async function pressMailInput(
  ctx: AppContext,
  release: PressRelease,
  story: Story,
): Promise<PressMailInput> {
  return pressMailInputWith(ctx, release, story, await pdfUrlOf(ctx, release.id));
}

function pressMailInputWith(
  ctx: AppContext,
  release: PressRelease,
  story: Story,
  pdfUrl: string,
): PressMailInput {
  return {
    institute: instituteName(ctx.config.mailFrom),
    title: release.title,
    summary: release.summary,
    bodyHtml: release.body_html,
    contacts: release.contacts,
    embargoNotice: noticeOf(story, ctx.now()),
    pdfUrl,
  };
}

/**
 * Keeps the release's campaign (not sent yet) in step: subject with the embargo notice, body.
 * `pdfUrl` is made before the caller's transaction (the link key may be read from the database).
 */
export async function syncPressCampaign(
  ctx: AppContext,
  trx: Db,
  release: PressRelease,
  story: Story,
  at: string,
  pdfUrl: string,
) {
  const input = pressMailInputWith(ctx, release, story, pdfUrl);
  await trx
    .updateTable('campaigns')
    .set({
      subject: pressSubject(release.title, input.embargoNotice).slice(0, 300),
      name: `Communiqué — ${release.title}`,
      body_html: pressBodyHtml(input),
      updated_at: at,
    })
    .where('id', '=', release.campaign_id)
    .where('state', 'in', ['draft', 'scheduled'])
    .execute();
}
