import { archivePath } from '../../../shared/newsletters.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/connection.ts';
import type { NewsletterIssue } from '../../db/schema.ts';
import { type NewsletterMailInput, newsletterBodyHtml } from '../../mail/newsletter-template.ts';
import { type IssueItemRow, issueItems, labsOfStories } from './queries.ts';

export const archiveUrlOf = (publicUrl: string, issue: Pick<NewsletterIssue, 'number'>) =>
  `${publicUrl}${archivePath(issue.number)}`;
export const storyAnchor = (seq: number) => `sujet-${seq}`;

/** The issue as the mail shows it: sections in order, each with its stories; empty sections dropped later. */
export function issueMailInput(
  publicUrl: string,
  issue: NewsletterIssue,
  items: IssueItemRow[],
  labs: Map<string, string[]>,
  isHidden: (item: IssueItemRow) => boolean = () => false,
): NewsletterMailInput {
  const archiveUrl = archiveUrlOf(publicUrl, issue);
  return {
    number: issue.number,
    title: issue.title,
    editoHtml: issue.edito_html,
    archiveUrl,
    sections: issue.sections.map((section) => ({
      title: section.title,
      items: items
        .filter((item) => item.section === section.key)
        .map((item) => ({
          title: item.title,
          summary: item.summary,
          labs: (labs.get(item.id) ?? []).join(', '),
          url: `${archiveUrl}#${storyAnchor(Number(item.seq))}`,
          isHidden: isHidden(item),
        })),
    })),
  };
}

export async function loadIssueMailInput(ctx: Pick<AppContext, 'config'>, db: Db, issue: NewsletterIssue) {
  const items = await issueItems(db, [issue.id]);
  const labs = await labsOfStories(
    db,
    items.map((item) => item.id),
  );
  return { items, labs, input: issueMailInput(ctx.config.publicUrl, issue, items, labs) };
}

/**
 * Keeps the issue's campaign in step with the issue (inside the caller's transaction): subject and
 * body (shown in campaign lists, and the source of the mail's text part). Only while a draft.
 */
export async function syncIssueCampaign(
  ctx: Pick<AppContext, 'config'>,
  trx: Db,
  issue: NewsletterIssue,
  at: string,
) {
  const { input } = await loadIssueMailInput(ctx, trx, issue);
  await trx
    .updateTable('campaigns')
    .set({
      subject: `${issue.title} — n° ${issue.number}`,
      name: `Lettre n° ${issue.number} — ${issue.title}`,
      body_html: newsletterBodyHtml(input),
      updated_at: at,
    })
    .where('id', '=', issue.campaign_id)
    .where('state', '=', 'draft')
    .execute();
}
