import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import { HttpError } from '../../lib/errors.ts';
import { linkKey, readLink } from '../../mail/campaign-links.ts';
import { isValidEmail, normaliseEmail } from '../audiences/csv.ts';
import {
  confirmSubscription,
  preferencesOf,
  publicLists,
  requestSubscription,
  savePreferences,
  unsubscribeContact,
} from '../audiences/subscriptions.ts';
import { escape as e, invalidLinkPage, page, para } from './pages.ts';

const testToken = 'test-message';
const TokenParams = {
  type: 'object',
  properties: { token: { type: 'string', minLength: 1, maxLength: 200 } },
  required: ['token'],
  additionalProperties: false,
} as const;

/** A form post (or, for RFC 8058, whatever the mailbox provider sends) as fields. */
function formOf(request: FastifyRequest): URLSearchParams {
  const type = String(request.headers['content-type'] ?? '');
  return typeof request.body === 'string' && type.startsWith('application/x-www-form-urlencoded')
    ? new URLSearchParams(request.body)
    : new URLSearchParams();
}

const html = (reply: FastifyReply, status: number, body: string) =>
  reply
    .status(status)
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .type('text/html; charset=utf-8')
    .send(body);

/**
 * Public pages outside the API (no account, no cookie needed): one-click unsubscribe (GET shows a
 * button — link scanners follow GETs —, POST unsubscribes: RFC 8058, no redirect, 200, idempotent),
 * the subscribe form with double opt-in, its confirmation, the preference page of a signed link.
 */
export function registerPublicMailRoutes(parent: FastifyInstance, ctx: AppContext): void {
  parent.register(async (app) => {
    // Bodies here are forms (or anything a mailbox provider posts): read as text, parsed when a form.
    app.removeAllContentTypeParsers();
    app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) =>
      done(null, body),
    );
    app.setErrorHandler((error: Error & { statusCode?: number }, request, reply) => {
      const status = error instanceof HttpError ? error.statusCode : (error.statusCode ?? 500);
      if (status >= 500) request.log.error({ err: error }, 'public page error');
      if (status === 400 || status === 404) return html(reply, status, invalidLinkPage());
      return html(
        reply,
        status,
        page(
          { fr: 'Une erreur est survenue', en: 'Something went wrong' },
          para('Réessayez dans un instant.', 'Please try again in a moment.'),
        ),
      );
    });

    const readToken = async (token: string, purpose: 'u' | 'p') => {
      const facts = readLink(await linkKey(ctx), token);
      return facts?.purpose === purpose ? facts : null;
    };

    app.get<{ Params: { token: string } }>(
      '/u/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        const isTest = request.params.token === testToken;
        if (!isTest && !(await readToken(request.params.token, 'u')))
          return html(reply, 404, invalidLinkPage());
        return html(
          reply,
          200,
          page(
            { fr: 'Se désinscrire', en: 'Unsubscribe' },
            `${para('Vous ne recevrez plus ces messages.', 'You will no longer receive these messages.')}
<form method="post" action="/u/${e(request.params.token)}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">Me désinscrire · Unsubscribe</button>
</form>`,
          ),
        );
      },
    );

    app.post<{ Params: { token: string } }>(
      '/u/:token',
      { schema: { hide: true, params: TokenParams }, config: { allowCrossSite: true } },
      async (request, reply) => {
        if (request.params.token === testToken)
          return html(
            reply,
            200,
            page(
              { fr: 'Message d’essai', en: 'Test message' },
              para(
                'Ce lien vient d’un envoi d’essai : rien n’a changé.',
                'This came from a test send: nothing changed.',
              ),
            ),
          );
        const facts = await readToken(request.params.token, 'u');
        const done = facts ? await unsubscribeContact(ctx, facts.contactId, facts.campaignId) : null;
        if (!done) return html(reply, 404, invalidLinkPage());
        return html(
          reply,
          200,
          page(
            { fr: 'Vous êtes désinscrit·e', en: 'You are unsubscribed' },
            `${para(`L’adresse ${done.email} ne recevra plus ces messages.`, `${done.email} will no longer receive these messages.`)}`,
          ),
        );
      },
    );

    app.get('/subscribe', { schema: { hide: true } }, async (_request, reply) => {
      const lists = await publicLists(ctx);
      const choices = lists.length
        ? lists
            .map(
              (list, index) =>
                `<label class="check"><input type="checkbox" name="list" value="${e(list.id)}"${index === 0 ? ' checked' : ''}> <span>${e(list.name)}${list.description ? `<br><span class="muted">${e(list.description)}</span>` : ''}</span></label>`,
            )
            .join('\n')
        : `<p class="muted">Aucune liste ouverte pour le moment. · No list is open at the moment.</p>`;
      return html(
        reply,
        200,
        page(
          { fr: 'S’abonner', en: 'Subscribe' },
          `<form method="post" action="/subscribe">
<label for="email">Adresse électronique · Email</label><input id="email" name="email" type="email" required maxlength="254" autocomplete="email">
<label for="firstName">Prénom · First name</label><input id="firstName" name="firstName" type="text" maxlength="120" autocomplete="given-name">
<label for="lastName">Nom · Last name</label><input id="lastName" name="lastName" type="text" maxlength="120" autocomplete="family-name">
<fieldset style="border:0;padding:0;margin-top:1rem"><legend><strong>Listes · Lists</strong></legend>
${choices}
</fieldset>
<button type="submit">S’abonner · Subscribe</button>
<p class="muted">Vous recevrez un courriel pour confirmer. · You will get an email to confirm.</p>
</form>`,
        ),
      );
    });

    app.post(
      '/subscribe',
      { schema: { hide: true }, config: { allowCrossSite: true } },
      async (request, reply) => {
        const form = formOf(request);
        const email = normaliseEmail(form.get('email') ?? '');
        const clean = (value: string | null) =>
          (value ?? '')
            .replace(/\p{Cc}/gu, '')
            .trim()
            .slice(0, 120);
        if (!isValidEmail(email))
          return html(
            reply,
            400,
            page(
              { fr: 'Adresse invalide', en: 'Invalid address' },
              `${para('Vérifiez l’adresse saisie.', 'Please check the address.')}<p><a href="/subscribe">Retour · Back</a></p>`,
            ),
          );
        const listIds = form
          .getAll('list')
          .filter((id) => id.length <= 64)
          .slice(0, 50);
        await requestSubscription(ctx, {
          email,
          firstName: clean(form.get('firstName')),
          lastName: clean(form.get('lastName')),
          listIds,
        });
        // The same answer whatever happened: the page does not tell who is subscribed.
        return html(
          reply,
          200,
          page(
            { fr: 'Vérifiez votre boîte aux lettres', en: 'Check your inbox' },
            para(
              `Si une inscription était à confirmer, un courriel vient de partir vers ${email}. Ouvrez le lien qu’il contient.`,
              'If a subscription needed confirming, we have sent an email: open its link.',
            ),
          ),
        );
      },
    );

    app.get<{ Params: { token: string } }>(
      '/subscribe/confirm/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) =>
        html(
          reply,
          200,
          page(
            { fr: 'Confirmer l’inscription', en: 'Confirm your subscription' },
            `<form method="post" action="/subscribe/confirm/${e(request.params.token)}"><button type="submit">Confirmer · Confirm</button></form>`,
          ),
        ),
    );

    app.post<{ Params: { token: string } }>(
      '/subscribe/confirm/:token',
      { schema: { hide: true, params: TokenParams }, config: { allowCrossSite: true } },
      async (request, reply) => {
        const names = await confirmSubscription(ctx, request.params.token);
        if (!names) return html(reply, 404, invalidLinkPage());
        return html(
          reply,
          200,
          page(
            { fr: 'Inscription confirmée', en: 'Subscription confirmed' },
            para(`Vous recevrez : ${names.join(', ')}.`, `You will receive: ${names.join(', ')}.`),
          ),
        );
      },
    );

    app.get<{ Params: { token: string } }>(
      '/preferences/:token',
      { schema: { hide: true, params: TokenParams } },
      async (request, reply) => {
        if (request.params.token === testToken)
          return html(
            reply,
            200,
            page(
              { fr: 'Message d’essai', en: 'Test message' },
              para('Ce lien vient d’un envoi d’essai.', 'This came from a test send.'),
            ),
          );
        const facts = await readToken(request.params.token, 'p');
        const prefs = facts ? await preferencesOf(ctx, facts.contactId) : null;
        if (!prefs) return html(reply, 404, invalidLinkPage());
        const saved = (request.query as { saved?: string }).saved === '1';
        const rows = prefs.lists
          .map(
            (list) =>
              `<label class="check"><input type="checkbox" name="list" value="${e(list.id)}"${list.isSubscribed ? ' checked' : ''}> <span>${e(list.name)}${list.description ? `<br><span class="muted">${e(list.description)}</span>` : ''}</span></label>`,
          )
          .join('\n');
        return html(
          reply,
          200,
          page(
            { fr: 'Mes abonnements', en: 'My subscriptions' },
            `${saved ? para('Vos choix sont enregistrés.', 'Your choices are saved.') : ''}
<p>${e(prefs.contact.email)}</p>
<form method="post" action="/preferences/${e(request.params.token)}">
${rows || '<p class="muted">Aucune liste. · No list.</p>'}
<label class="check"><input type="checkbox" name="stopAll" value="1"> <span>Ne plus rien recevoir · Receive nothing at all</span></label>
<button type="submit">Enregistrer · Save</button>
</form>`,
          ),
        );
      },
    );

    app.post<{ Params: { token: string } }>(
      '/preferences/:token',
      { schema: { hide: true, params: TokenParams }, config: { allowCrossSite: true } },
      async (request, reply) => {
        const facts = await readToken(request.params.token, 'p');
        const form = formOf(request);
        const ok = facts
          ? await savePreferences(ctx, facts.contactId, {
              listIds: form.getAll('list').filter((id) => id.length <= 64),
              stopAll: form.get('stopAll') === '1',
            })
          : false;
        if (!ok) return html(reply, 404, invalidLinkPage());
        // Post/redirect/get: a reload does not post again.
        return reply.redirect(`/preferences/${encodeURIComponent(request.params.token)}?saved=1`, 303);
      },
    );
  });
}
