import type { FastifyInstance } from 'fastify';
import { archivePath } from '../../../shared/newsletters.ts';
import type { AppContext } from '../../context.ts';
import { utcToZoned } from '../../lib/dates.ts';
import { escapeText as e } from '../../mail/newsletter-template.ts';
import { isEmbargoed } from '../stories/policy.ts';
import { storyAnchor } from './compose.ts';
import { findPublishedIssue, issueItems, labsOfStories, listPublishedIssues } from './queries.ts';

const months = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];
function frenchDate(iso: string) {
  const [year, month, day] = utcToZoned(iso, 'Europe/Paris').date.split('-').map(Number);
  return `${day} ${months[month! - 1]} ${year}`;
}

function archivePage(title: string, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — Lettre d’information</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f3f5f8; color: #1f2933; margin: 0; line-height: 1.55; }
  main { max-width: 44rem; margin: 2rem auto; background: #fff; padding: 1.5rem 2rem 2rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  .kicker { text-transform: uppercase; letter-spacing: .06em; font-size: .8rem; color: #52606d; margin: 0; }
  h1 { font-size: 1.7rem; line-height: 1.25; margin: .25rem 0 1rem; color: #102a43; }
  h2 { font-size: .9rem; text-transform: uppercase; letter-spacing: .06em; color: #1c4f9c; border-bottom: 2px solid #1c4f9c; padding-bottom: .3rem; margin-top: 2rem; }
  h3 { font-size: 1.2rem; margin: 1.25rem 0 .2rem; color: #102a43; }
  .labs { color: #52606d; font-size: .85rem; margin: 0; }
  .summary { font-weight: 500; }
  .edito { border-left: 3px solid #cbd2d9; padding-left: 1rem; color: #323f4b; }
  article { border-bottom: 1px solid #e4e7eb; padding-bottom: 1rem; }
  ul.issues { list-style: none; padding: 0; }
  ul.issues li { padding: .6rem 0; border-bottom: 1px solid #e4e7eb; }
  a { color: #1c4f9c; }
  img { max-width: 100%; height: auto; }
  @media (max-width: 40rem) { main { margin: 0; border-radius: 0; padding: 1rem; } }
</style>
</head>
<body><main>
${body}
</main></body>
</html>`;
}

/** The public web archive of the newsletter: an index, and one page per published issue. */
export function registerNewsletterArchiveRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get('/lettre', { schema: { hide: true } }, async (_request, reply) => {
    const issues = await listPublishedIssues(ctx.db);
    const list = issues.length
      ? `<ul class="issues">${issues
          .map(
            (issue) =>
              `<li><a href="${archivePath(issue.number)}">N° ${issue.number} — ${e(issue.title)}</a> <span class="labs">· ${frenchDate(issue.published_at!)}</span></li>`,
          )
          .join('')}</ul>`
      : '<p>Aucune lettre publiée pour l’instant.</p>';
    return reply
      .type('text/html; charset=utf-8')
      .send(
        archivePage(
          'Toutes les lettres',
          `<p class="kicker">Lettre d’information</p><h1>Toutes les lettres</h1>${list}<p><a href="/subscribe">S’abonner à la lettre</a></p>`,
        ),
      );
  });

  app.get<{ Params: { number: string } }>(
    '/lettre/:number',
    { schema: { hide: true } },
    async (request, reply) => {
      const number = /^\d{1,6}$/.test(request.params.number) ? Number(request.params.number) : null;
      const issue = number === null ? undefined : await findPublishedIssue(ctx.db, number);
      if (!issue) {
        return reply
          .status(404)
          .type('text/html; charset=utf-8')
          .send(
            archivePage(
              'Lettre introuvable',
              '<h1>Cette lettre n’existe pas</h1><p><a href="/lettre">Toutes les lettres</a></p>',
            ),
          );
      }
      const now = ctx.now();
      // Nothing that is not public now: a story taken back, or whose embargo was moved later.
      const items = (await issueItems(ctx.db, [issue.id])).filter(
        (item) => item.deleted_at === null && item.state === 'accepted' && !isEmbargoed(item, now),
      );
      const labs = await labsOfStories(
        ctx.db,
        items.map((item) => item.id),
      );
      const sections = issue.sections
        .map((section) => {
          const own = items.filter((item) => item.section === section.key);
          if (own.length === 0) return '';
          return `<section><h2>${e(section.title)}</h2>${own
            .map(
              (item) =>
                `<article id="${storyAnchor(Number(item.seq))}"><h3>${e(item.title)}</h3>${
                  labs.get(item.id)?.length ? `<p class="labs">${e(labs.get(item.id)!.join(', '))}</p>` : ''
                }<p class="summary">${e(item.summary)}</p>${item.body_html}</article>`,
            )
            .join('')}</section>`;
        })
        .join('');
      return reply.type('text/html; charset=utf-8').send(
        archivePage(
          `N° ${issue.number} — ${issue.title}`,
          `<p class="kicker">Lettre d’information · n° ${issue.number} · ${frenchDate(issue.published_at!)}</p>
<h1>${e(issue.title)}</h1>
${issue.edito_html.trim() ? `<div class="edito">${issue.edito_html}</div>` : ''}
${sections}
<p><a href="/lettre">Toutes les lettres</a> · <a href="/subscribe">S’abonner</a></p>`,
        ),
      );
    },
  );
}
