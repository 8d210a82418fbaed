import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import { assertAccessible, baseUrl, demoPassword, newContext, screenshot } from './lib.ts';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  const form = page.locator('form');
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(demoPassword);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
}

/** Nothing wider than the screen: no sideways scroll on a phone. */
async function assertNoSidewaysScroll(page: Page, name: string) {
  const widths = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: window.innerWidth,
  }));
  assert.ok(widths.scroll <= widths.view, `${name}: ${widths.scroll}px wide on a ${widths.view}px screen`);
}

/**
 * axe cannot enter the mail preview (a sandboxed frame with no script: its injection waits for
 * ever), so the frame is taken out for the check and the page reloaded after.
 */
async function assertAccessibleAroundPreview(page: Page, name: string) {
  await page.evaluate(() => {
    for (const frame of document.querySelectorAll('iframe[sandbox]')) frame.remove();
  });
  await assertAccessible(page, name);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

const figure = (page: Page, id: string) => page.locator(`[data-figure="${id}"] p`).last();

/** Issue 5's journey: a list from a CSV, a campaign to it, preview, test, send, progress, the outbox, an unsubscribe. */
test('the cell imports a list, sends a campaign to it, and an unsubscribe lands on the suppression list', async () => {
  const suffix = Date.now().toString().slice(-6);
  const listName = `Journalistes e2e ${suffix}`;
  const subject = `Nouvelles du réseau ${suffix}`;
  const alice = `alice.${suffix}@presse.example`;
  const bruno = `bruno.${suffix}@presse.example`;
  const chloe = `chloe.${suffix}@presse.example`;

  const cellContext = await newContext();
  const cell = await cellContext.newPage();
  await signIn(cell, 'isabelle.delmas@cnrs.example');
  await cell
    .getByRole('navigation', { name: 'Navigation principale' })
    .getByRole('link', { name: 'Diffusion' })
    .click();
  await cell.getByRole('heading', { level: 1, name: 'Envois' }).waitFor();
  await cell
    .getByRole('navigation', { name: 'Rubriques de la diffusion' })
    .getByRole('link', { name: 'Listes de diffusion' })
    .click();
  await cell.getByRole('heading', { level: 1, name: 'Listes de diffusion' }).waitFor();
  await cell.getByRole('link', { name: 'Lettre interne' }).waitFor();
  await cell
    .getByText('/subscribe')
    .first()
    .waitFor()
    .catch(() => undefined);
  await assertAccessible(cell, 'lists');
  await screenshot(cell, 'audiences-lists');

  // A new list, then a CSV with one duplicate and one invalid address.
  await cell.getByRole('button', { name: 'Nouvelle liste' }).first().click();
  const dialog = cell.getByRole('dialog', { name: 'Nouvelle liste de diffusion' });
  await dialog.getByRole('textbox', { name: 'Nom' }).fill(listName);
  await dialog.getByRole('button', { name: 'Créer la liste' }).click();
  await cell.getByRole('heading', { level: 1, name: listName }).waitFor();
  await cell.getByText('Personne sur cette liste').waitFor();
  await cell.getByRole('link', { name: 'Importer un CSV' }).first().click();
  await cell.getByRole('heading', { level: 1, name: 'Importer des adresses' }).waitFor();
  await cell
    .getByRole('textbox', { name: 'Ou collez les lignes ici' })
    .fill(
      [
        'email;prénom;nom;organisation',
        `${alice};Alice;Durand;Le Monde`,
        `${bruno};Bruno;Petit;Libération`,
        `${alice.toUpperCase()};Alice;Durand;Le Monde`,
        'pas-une-adresse;Denis;Roux;AFP',
        `${chloe};Chloé;Roux;AFP`,
      ].join('\n'),
    );
  await assertAccessible(cell, 'import source');
  await cell.getByRole('button', { name: 'Vérifier' }).click();
  await cell.getByText('Ligne d’en-tête reconnue').waitFor();
  assert.equal(await figure(cell, 'totalRows').textContent(), '5');
  assert.equal(await figure(cell, 'toAdd').textContent(), '3');
  assert.equal(await figure(cell, 'duplicates').textContent(), '1');
  assert.equal(await figure(cell, 'invalid').textContent(), '1');
  await cell.getByRole('cell', { name: 'pas-une-adresse' }).waitFor();
  await cell.getByText('Même adresse qu’à la ligne 2').waitFor();
  await assertAccessible(cell, 'import preview');
  await screenshot(cell, 'audiences-import-preview');
  await cell.getByRole('button', { name: 'Importer 3 personnes' }).click();
  await cell.getByText('Import terminé').waitFor();
  assert.equal(await figure(cell, 'added').textContent(), '3');
  await cell.getByRole('link', { name: 'Voir la liste' }).click();
  await cell.getByRole('heading', { level: 1, name: listName }).waitFor();
  await cell.getByText('3 personnes').waitFor();
  await cell.getByText(bruno).waitFor();
  await assertAccessible(cell, 'list');
  await screenshot(cell, 'audiences-list');

  // A campaign to that list.
  await cell.goto('/campaigns/new');
  await cell.getByRole('heading', { level: 1, name: 'Nouvel envoi' }).waitFor();
  await cell.getByRole('textbox', { name: 'Objet du message' }).fill(subject);
  await cell.getByRole('checkbox', { name: new RegExp(listName) }).click();
  await cell.getByText('Au plus 3 abonné·es').waitFor();
  await cell
    .getByRole('textbox', { name: 'Contenu' })
    .fill('Bonjour {{firstName}},\n\n## À la une\n\nLes **nouvelles** du réseau ce mois-ci.');
  await assertAccessible(cell, 'new campaign');
  await screenshot(cell, 'campaign-new');
  await cell.getByRole('button', { name: 'Créer le brouillon' }).click();
  await cell.getByRole('heading', { level: 1, name: subject }).waitFor();
  await cell.getByTestId('campaign-state').getByText('Brouillon').waitFor();

  // The preview, at desktop and phone widths, with sample values.
  const frame = cell.frameLocator('iframe[title^="Aperçu du message"]');
  await frame.getByText('Bonjour Claire,').waitFor();
  await frame.getByText('Se désinscrire').waitFor();
  await cell.getByText('Téléphone').click();
  await cell.locator('iframe[data-device="phone"]').waitFor();
  await screenshot(cell, 'campaign-draft');
  await assertAccessibleAroundPreview(cell, 'campaign draft');

  // A test to one address.
  await cell.getByRole('button', { name: 'Envoyer un test' }).click();
  const testDialog = cell.getByRole('dialog', { name: 'Envoyer un test' });
  await testDialog.getByRole('textbox', { name: 'Adresses de test' }).fill('relecture.e2e@cnrs.example');
  await testDialog.getByRole('button', { name: 'Envoyer le test' }).click();
  await testDialog.getByText('Envoyé', { exact: true }).waitFor();
  await testDialog.getByRole('button', { name: 'Fermer' }).first().click();

  // Send now: the confirmation states the audience size; the progress reaches "sent".
  await cell.getByRole('button', { name: 'Envoyer maintenant' }).click();
  const sendDialog = cell.getByRole('dialog', { name: 'Envoyer maintenant ?' });
  await sendDialog.getByText(/au plus 3 personnes/).waitFor();
  await sendDialog.getByRole('button', { name: 'Envoyer à 3 personnes' }).click();
  await cell.getByRole('progressbar', { name: 'Progression de l’envoi' }).waitFor({ timeout: 30_000 });
  await cell.getByTestId('campaign-state').getByText('Envoyé').waitFor({ timeout: 60_000 });
  await cell.locator('[data-count="sent"]').getByText('3').waitFor({ timeout: 10_000 });
  await cell.getByRole('heading', { name: 'Bilan' }).waitFor();
  await cell.getByText(/Pas de suivi individuel/).waitFor();
  await screenshot(cell, 'campaign-sent');
  await assertAccessibleAroundPreview(cell, 'campaign sent');

  // The admin finds the three mails (and the test) in the outbox.
  const adminContext = await newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'xavier.dumont@cnrs.example');
  type Outbox = { items: { id: string; to: string; subject: string }[] };
  const find = async (to: string) =>
    (
      (await (await admin.request.get(`/api/outbox?to=${encodeURIComponent(to)}`)).json()) as Outbox
    ).items.filter((item) => item.subject.includes(subject));
  for (const to of [alice, bruno, chloe]) assert.equal((await find(to)).length, 1, `one mail to ${to}`);
  const [test1] = await find('relecture.e2e@cnrs.example');
  assert.match(test1?.subject ?? '', /^\[Test\] /);
  const [mail] = await find(bruno);
  const message = (await (await admin.request.get(`/api/outbox/${mail!.id}`)).json()) as {
    headers: Record<string, string>;
    html: string;
  };
  assert.match(message.html, /Bonjour Bruno,/);
  const unsubscribe = /<(https?:\/\/[^>]+\/u\/[^>]+)>/.exec(message.headers['List-Unsubscribe'] ?? '')?.[1];
  assert.ok(unsubscribe, 'the mail has a one-click unsubscribe link');
  assert.equal(message.headers['List-Unsubscribe-Post'], 'List-Unsubscribe=One-Click');

  // The link: a GET only shows a confirmation page; the RFC 8058 POST, without cookies, unsubscribes.
  const path = new URL(unsubscribe).pathname;
  const page = await fetch(`${baseUrl}${path}`);
  assert.equal(page.status, 200);
  assert.match(await page.text(), /<form[^>]+method="post"/i);
  const oneClick = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    redirect: 'manual',
  });
  assert.equal(oneClick.status, 200);

  // The cell sees Bruno on the suppression list, as his own choice.
  await cell.goto('/campaigns/suppressions');
  await cell.getByRole('heading', { level: 1, name: 'Liste d’exclusion' }).waitFor();
  await cell.getByText(/jamais contournée/).waitFor();
  await cell.getByRole('searchbox', { name: 'Rechercher' }).fill(bruno);
  const row = cell.getByRole('row', { name: new RegExp(bruno.replace(/\./g, '\\.')) });
  await row.waitFor();
  await row.getByText('Désinscription').waitFor();
  await assertAccessible(cell, 'suppressions');
  await screenshot(cell, 'audiences-suppressions');

  // On a phone: the same pages, nothing wider than the screen.
  const phoneContext = await newContext({ width: 375, height: 812, isMobile: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, 'isabelle.delmas@cnrs.example');
  for (const [path, name, heading] of [
    ['/campaigns', 'phone-campaigns', 'Envois'],
    ['/campaigns/lists', 'phone-audiences-lists', 'Listes de diffusion'],
    ['/campaigns/suppressions', 'phone-audiences-suppressions', 'Liste d’exclusion'],
  ] as const) {
    await phone.goto(path);
    await phone.getByRole('heading', { level: 1, name: heading }).waitFor();
    await phone.waitForLoadState('networkidle');
    await assertNoSidewaysScroll(phone, name);
    await screenshot(phone, name);
  }
  await phone.goto('/campaigns');
  await phone.getByRole('link', { name: subject }).click();
  await phone.getByRole('heading', { level: 1, name: subject }).waitFor();
  await phone.getByRole('heading', { name: 'Bilan' }).waitFor();
  await assertNoSidewaysScroll(phone, 'phone campaign');
  await screenshot(phone, 'phone-campaign-sent');
  await assertAccessibleAroundPreview(phone, 'phone campaign');

  await cellContext.close();
  await adminContext.close();
  await phoneContext.close();
});
