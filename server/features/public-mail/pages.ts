import { escapeHtml as e } from '../../mail/campaign-template.ts';

/** Small server-rendered pages for people without an account: French first, an English line under. */
export function page(title: { fr: string; en: string }, body: string): string {
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${e(title.fr)} — Relais</title>
<style>
  body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background: #f3f5f8; color: #1f2933; margin: 0; }
  main { max-width: 34rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
  h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
  .en { color: #52606d; font-size: .9rem; margin-top: .15rem; }
  label { display: block; margin: .75rem 0 .25rem; font-weight: 600; }
  input[type=email], input[type=text] { width: 100%; box-sizing: border-box; padding: .55rem; border: 1px solid #cbd2d9; border-radius: 6px; font-size: 1rem; }
  .check { display: flex; gap: .5rem; align-items: flex-start; font-weight: normal; }
  button { margin-top: 1.25rem; background: #1c4f9c; color: #fff; border: 0; border-radius: 6px; padding: .65rem 1.2rem; font-size: 1rem; cursor: pointer; }
  .muted { color: #52606d; font-size: .9rem; }
</style>
</head>
<body><main>
<h1>${e(title.fr)}</h1>
<p class="en" lang="en">${e(title.en)}</p>
${body}
</main></body>
</html>`;
}

export const para = (fr: string, en: string) => `<p>${e(fr)}</p><p class="en" lang="en">${e(en)}</p>`;
export { e as escape };

export const invalidLinkPage = () =>
  page(
    { fr: 'Ce lien n’est pas valide', en: 'This link is not valid' },
    para(
      'Il a peut-être expiré ou été mal copié. Vérifiez l’adresse, ou écrivez-nous.',
      'It may have expired or been copied incompletely.',
    ),
  );
