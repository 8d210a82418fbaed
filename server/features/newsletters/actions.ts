import { defaultNewsletterSections } from '../../../shared/newsletters.ts';
import type { AppContext } from '../../context.ts';
import type { NewsletterIssue, NewsletterSection } from '../../db/schema.ts';
import { conflict, invalid } from '../../lib/errors.ts';
import { sanitizeRichText } from '../../lib/html.ts';
import { newId } from '../../lib/tokens.ts';
import { unknownPlaceholders } from '../../mail/campaign-template.ts';
import type { Actor } from '../auth/actor.ts';
import { checkContent, insertCampaign } from '../campaigns/actions.ts';
import { recordEvent } from '../history/record.ts';
import { syncIssueCampaign } from './compose.ts';
import { nextIssueNumber, pickableStoryIds } from './queries.ts';

export type SectionInput = { key?: string | undefined; title: string };
export type ItemInput = { storyId: string; section: string };
export type IssueInput = {
  title: string;
  number?: number | undefined;
  editoHtml?: string | undefined;
  sections?: SectionInput[] | undefined;
  listIds?: string[] | undefined;
};

function checkEdito(editoHtml: string): string {
  const unknown = unknownPlaceholders(editoHtml);
  if (unknown.length) throw invalid({ editoHtml: `unknown placeholder {{${unknown[0]}}}` });
  return sanitizeRichText(editoHtml);
}

/** Sections with stable keys (kept when given, made from the title otherwise), unique. */
function normaliseSections(sections: SectionInput[]): NewsletterSection[] {
  const used = new Set<string>();
  return sections.map((section, index) => {
    let key =
      section.key?.trim() ||
      section.title
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '')
        .slice(0, 40) ||
      `section-${index + 1}`;
    if (used.has(key)) {
      if (section.key) throw invalid({ [`sections.${index}.key`]: 'is used twice' });
      let n = 2;
      while (used.has(`${key}-${n}`)) n++;
      key = `${key}-${n}`;
    }
    used.add(key);
    return { key, title: section.title.trim() };
  });
}

export async function createIssue(ctx: AppContext, actor: Actor, input: IssueInput): Promise<string> {
  const editoHtml = checkEdito(input.editoHtml ?? '');
  if (input.listIds?.length) await checkContent(ctx, { listIds: input.listIds });
  const sections = normaliseSections(input.sections ?? defaultNewsletterSections.map((s) => ({ ...s })));
  const at = ctx.now().toISOString();
  const id = newId();
  return ctx.db.transaction().execute(async (trx) => {
    const number = input.number ?? (await nextIssueNumber(trx));
    const taken = await trx
      .selectFrom('newsletter_issues')
      .select('id')
      .where('number', '=', number)
      .executeTakeFirst();
    if (taken) throw conflict(`Issue n° ${number} already exists`, { number: 'is already used' });
    const campaignId = await insertCampaign(
      trx,
      actor,
      {
        kind: 'newsletter',
        subject: `${input.title.trim()} — n° ${number}`,
        bodyHtml: '',
        listIds: input.listIds ?? [],
      },
      at,
    );
    const issue: NewsletterIssue = {
      id,
      number,
      title: input.title.trim(),
      edito_html: editoHtml,
      sections,
      campaign_id: campaignId,
      published_at: null,
      created_by: actor.id,
      created_at: at,
      updated_at: at,
    };
    await trx
      .insertInto('newsletter_issues')
      .values({ ...issue, sections: JSON.stringify(sections) })
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'newsletter_issue',
      subjectId: id,
      action: 'created',
      data: { number, title: issue.title },
      at,
    });
    await syncIssueCampaign(ctx, trx, issue, at);
    return id;
  });
}

export type IssuePatch = {
  title?: string | undefined;
  editoHtml?: string | undefined;
  sections?: SectionInput[] | undefined;
  items?: ItemInput[] | undefined;
  listIds?: string[] | undefined;
};

/** Edits a draft issue: title, edito, sections, the stories in order (each in a section), lists. */
export async function updateIssue(
  ctx: AppContext,
  actor: Actor,
  issue: NewsletterIssue,
  patch: IssuePatch,
): Promise<void> {
  const editoHtml = patch.editoHtml === undefined ? undefined : checkEdito(patch.editoHtml);
  if (patch.listIds) await checkContent(ctx, { listIds: patch.listIds });
  const sections = patch.sections ? normaliseSections(patch.sections) : issue.sections;
  const sectionKeys = new Set(sections.map((section) => section.key));
  const fields: Record<string, string> = {};
  if (patch.items) {
    const seen = new Set<string>();
    const pickable = await pickableStoryIds(
      ctx.db,
      issue.id,
      patch.items.map((item) => item.storyId),
    );
    patch.items.forEach((item, index) => {
      if (seen.has(item.storyId)) fields[`items.${index}.storyId`] = 'is in the issue twice';
      else if (!pickable.has(item.storyId))
        fields[`items.${index}.storyId`] =
          'is not an accepted story relayed to the newsletter, or is in another issue';
      seen.add(item.storyId);
      if (!sectionKeys.has(item.section)) fields[`items.${index}.section`] = 'names no section of the issue';
    });
  } else if (patch.sections) {
    // Sections changed, stories kept: each must still have its section.
    const kept = await ctx.db
      .selectFrom('newsletter_items')
      .select('section')
      .where('issue_id', '=', issue.id)
      .execute();
    if (kept.some((item) => !sectionKeys.has(item.section)))
      fields.sections = 'a removed section still holds stories: move them first (send items too)';
  }
  if (Object.keys(fields).length) throw invalid(fields);

  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .updateTable('campaigns')
      .set({
        updated_at: at,
        ...(patch.listIds ? { list_ids: JSON.stringify([...new Set(patch.listIds)]) } : {}),
      })
      .where('id', '=', issue.campaign_id)
      .where('state', '=', 'draft')
      .executeTakeFirst();
    if (Number(campaign.numUpdatedRows) !== 1) throw conflict('This issue is no longer a draft');
    const next: NewsletterIssue = {
      ...issue,
      title: patch.title?.trim() ?? issue.title,
      edito_html: editoHtml ?? issue.edito_html,
      sections,
      updated_at: at,
    };
    await trx
      .updateTable('newsletter_issues')
      .set({
        title: next.title,
        edito_html: next.edito_html,
        sections: JSON.stringify(sections),
        updated_at: at,
      })
      .where('id', '=', issue.id)
      .execute();
    if (patch.items) {
      await trx.deleteFrom('newsletter_items').where('issue_id', '=', issue.id).execute();
      // Positions follow the section order, then the order given within each section.
      const ordered = sections.flatMap((section) =>
        patch.items!.filter((item) => item.section === section.key),
      );
      if (ordered.length) {
        await trx
          .insertInto('newsletter_items')
          .values(
            ordered.map((item, position) => ({
              issue_id: issue.id,
              story_id: item.storyId,
              section: item.section,
              position,
              created_at: at,
            })),
          )
          .execute();
      }
    }
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'newsletter_issue',
      subjectId: issue.id,
      action: 'updated',
      data: {
        changes: Object.keys(patch).filter((key) => patch[key as keyof IssuePatch] !== undefined),
        ...(patch.items ? { stories: patch.items.map((item) => item.storyId) } : {}),
      },
      at,
    });
    await syncIssueCampaign(ctx, trx, next, at);
  });
}

/** A draft issue goes, with its campaign; its stories become candidates again. */
export async function deleteIssue(ctx: AppContext, actor: Actor, issue: NewsletterIssue): Promise<void> {
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom('campaigns')
      .select('state')
      .where('id', '=', issue.campaign_id)
      .executeTakeFirst();
    if (campaign?.state !== 'draft') throw conflict('This issue is no longer a draft');
    await trx.deleteFrom('newsletter_items').where('issue_id', '=', issue.id).execute();
    await trx.deleteFrom('newsletter_issues').where('id', '=', issue.id).execute();
    await trx
      .deleteFrom('campaigns')
      .where('id', '=', issue.campaign_id)
      .where('state', '=', 'draft')
      .execute();
    await recordEvent(trx, {
      actorId: actor.id,
      subjectType: 'newsletter_issue',
      subjectId: issue.id,
      action: 'deleted',
      data: { number: issue.number, title: issue.title },
      at,
    });
  });
}
