import type { Locale } from '../../shared/roles.ts';
import { escapeHtml } from './templates.ts';

/**
 * The body of a notification mail (stories, tips): a greeting, a few lines, one link, and the
 * footer that says how to change the notification mode. Text and HTML say the same thing.
 */
export function renderNotificationMail(input: {
  locale: Locale;
  firstName: string;
  lines: string[];
  /** A list of linked lines (a digest). */
  items?: Array<{ text: string; link: string }>;
  /** A line after the list. */
  after?: string;
  action: string;
  link: string;
}): { text: string; html: string } {
  const greeting = input.locale === 'en' ? `Hello ${input.firstName},` : `Bonjour ${input.firstName},`;
  const footer =
    input.locale === 'en'
      ? 'You receive these emails as a member of the Relais network. Choose "daily digest" or "off" in your profile.'
      : 'Vous recevez ces messages en tant que membre du réseau Relais. Choisissez « résumé quotidien » ou « aucun » dans votre profil.';
  const paragraphs = [greeting, ...input.lines].filter(Boolean);
  const items = input.items ?? [];
  const textList = items.map((item) => `- ${item.text}\n  ${item.link}`).join('\n');
  const htmlList = items.length
    ? `<ul>${items.map((item) => `<li><a href="${escapeHtml(item.link)}">${escapeHtml(item.text)}</a></li>`).join('')}</ul>`
    : '';
  const after = input.after ? [input.after] : [];
  return {
    text: `${[...paragraphs, ...(textList ? [textList] : []), ...after].join('\n\n')}\n\n${input.action}: ${input.link}\n\n--\n${footer}\n`,
    html: `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#1a1b1e;line-height:1.5">${paragraphs
      .map((line) => `<p>${escapeHtml(line)}</p>`)
      .join(
        '',
      )}${htmlList}${after.map((line) => `<p>${escapeHtml(line)}</p>`).join('')}<p><a href="${escapeHtml(input.link)}">${escapeHtml(input.action)}</a></p><p style="font-size:12px;color:#5c5f66">${escapeHtml(footer)}</p></body></html>`,
  };
}
