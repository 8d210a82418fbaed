import type { CampaignKind } from '../../../shared/campaigns.ts';
import type { AppContext } from '../../context.ts';
import { compileTemplate, escapeHtml, fillTemplate, renderCampaign } from '../../mail/campaign-template.ts';
import type { Actor } from '../auth/actor.ts';

/** Sample values for a preview: what a subscriber would see, with links that lead nowhere. */
export function sampleValues(ctx: AppContext, actor: Actor) {
  return {
    firstName: actor.person.first_name || 'Camille',
    lastName: actor.person.last_name || 'Martin',
    email: 'abonne@example.org',
    unsubscribeUrl: `${ctx.config.publicUrl}/u/preview`,
    preferencesUrl: `${ctx.config.publicUrl}/preferences/preview`,
  };
}

/** Renders MJML as the engine does, then fills the placeholders with sample values (escaped). */
export async function renderPreview(
  ctx: AppContext,
  actor: Actor,
  input: { kind: CampaignKind; subject: string; mjml: string },
): Promise<string> {
  const rendered = await renderCampaign({ ...input, bodyHtml: '', bodyText: ' ' });
  return fillTemplate(compileTemplate(rendered.html), sampleValues(ctx, actor), escapeHtml);
}

/** The preview's answer headers: no script, images from anywhere over https, framed by the app only. */
export const previewHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'; frame-src 'self'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'",
  'cache-control': 'no-store',
  'x-frame-options': 'SAMEORIGIN',
};

/** The mail framed at a given width (the phone or desktop view of the composer). */
export function framedAt(html: string, width: number, title: string): string {
  return `<!doctype html>
<html lang="fr"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{margin:0;background:#d9dee5;font-family:system-ui,sans-serif}p{margin:8px;color:#52606d;font-size:13px;text-align:center}iframe{display:block;margin:0 auto 24px;border:0;background:#fff;width:${width}px;height:2400px;box-shadow:0 1px 4px rgba(0,0,0,.15)}</style>
</head><body><p>Aperçu à ${width} px · Preview at ${width} px</p><iframe title="${escapeHtml(title)}" sandbox srcdoc="${escapeHtml(html)}"></iframe></body></html>`;
}
