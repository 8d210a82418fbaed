import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, demoPassword, newContext, screenshot } from './lib.ts';

/** An admin invites a person; the invitation is in the outbox; the person sets a password and is in. */
test('an admin invites a person who then activates their account', async () => {
  const email = `nouvelle.recrue.${Date.now()}@lupm.example`;
  const admin = await newContext();
  const page = await admin.newPage();
  await page.goto('/login');
  const form = page.locator('form');
  await form.getByLabel('Adresse e-mail').fill('xavier.dumont@cnrs.example');
  await form.getByLabel('Mot de passe', { exact: true }).fill(demoPassword);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();

  await page.goto('/admin/people');
  await page.getByRole('button', { name: 'Inviter une personne' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('textbox', { name: 'Adresse e-mail', exact: true }).fill(email);
  await dialog.getByRole('textbox', { name: 'Prénom', exact: true }).fill('Nina');
  await dialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Recrue');
  await dialog.getByRole('combobox', { name: 'Laboratoire', exact: true }).click();
  await page.getByRole('option', { name: /LUPM/ }).first().click();
  await assertAccessible(page, 'invite dialog');
  await dialog.getByRole('button', { name: 'Envoyer l’invitation' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.getByText(`Invitation envoyée à ${email}`).waitFor();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill('Recrue');
  await page.getByText('Nina Recrue').first().waitFor();
  await screenshot(page, 'admin-people');

  // The invitation is in the outbox, readable in the app as a mail client would show it.
  await page.goto('/admin/outbox');
  await page.getByRole('searchbox', { name: 'Destinataire' }).fill(email);
  await page.getByRole('link', { name: 'Votre invitation sur Relais' }).first().waitFor();
  await assertAccessible(page, 'outbox');
  await page.getByRole('link', { name: 'Votre invitation sur Relais' }).first().click();
  await page.getByRole('tab', { name: 'Aperçu' }).waitFor();
  // (axe is not run on the message view: the mail is shown in a script-less sandboxed iframe, into
  // which axe cannot be injected.)
  await screenshot(page, 'admin-outbox-message');
  const invitationLink = page.getByRole('link', { name: /\/invitation\// }).first();
  const link = (await invitationLink.getAttribute('href')) ?? '';
  assert.match(link, /\/invitation\/\S+/, 'the mail carries an invitation link');

  // The invited person, in another browser, chooses a password and is signed in.
  const invited = await newContext();
  const invitedPage = await invited.newPage();
  await invitedPage.goto(new URL(link, page.url()).pathname);
  await invitedPage.getByRole('heading', { level: 1, name: 'Bienvenue sur Relais' }).waitFor();
  await assertAccessible(invitedPage, 'invitation page');
  await invitedPage.getByLabel('Nouveau mot de passe').fill('une phrase de passe solide');
  await invitedPage.getByLabel('Confirmer le mot de passe').fill('une phrase de passe solide');
  await invitedPage.getByRole('button', { name: 'Activer mon compte' }).click();
  await invitedPage.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
  const me = await (await invitedPage.request.get('/api/me')).json();
  assert.equal(me.email, email);
  // …and can sign in again with that password after signing out.
  await invitedPage.request.delete('/api/session', { headers: { origin: new URL(page.url()).origin } });
  const again = await invitedPage.request.post('/api/session', {
    data: { email, password: 'une phrase de passe solide' },
    headers: { origin: new URL(page.url()).origin },
  });
  assert.equal(again.status(), 200);
  await admin.close();
  await invited.close();
});
