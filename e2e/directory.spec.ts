import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertAccessible, demoPassword, newContext, screenshot } from './lib.ts';

/** A correspondent signs in, opens their own lab, and finds a person by skill. */
test('a correspondent opens their lab and finds someone by skill', async () => {
  const context = await newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await assertAccessible(page, 'sign-in');
  await screenshot(page, 'login-laptop');
  const form = page.locator('form');
  await form.getByLabel('Adresse e-mail').fill('camille.lefebvre@ijclab.example');
  await form.getByLabel('Mot de passe', { exact: true }).fill(demoPassword);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();

  await page.getByRole('link', { name: 'Voir la fiche du laboratoire' }).click();
  await page.getByRole('heading', { level: 1, name: /IJCLab/ }).waitFor();
  await page.getByText('Camille Lefebvre').first().waitFor();
  await assertAccessible(page, 'lab page');
  await screenshot(page, 'lab-laptop');

  await page.getByRole('link', { name: 'Réseau', exact: true }).first().click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  await page.getByText('Carte', { exact: true }).click();
  await page
    .getByRole('group', { name: /Carte de France/ })
    .getByRole('link')
    .first()
    .waitFor();
  await assertAccessible(page, 'network page');
  await screenshot(page, 'network-laptop');

  await page.goto('/skills');
  await page.getByRole('heading', { level: 1, name: /Qui sait faire/ }).waitFor();
  await page.getByRole('combobox', { name: 'Compétence' }).click();
  await page
    .getByRole('option', { name: /Montage vidéo/ })
    .first()
    .click();
  const heading = page.getByRole('heading', { name: /^\d+ personnes? (savent|sait) faire/ });
  await heading.waitFor();
  assert.match(page.url(), /skill=/);
  const count = Number(/(\d+)/.exec((await heading.textContent()) ?? '')?.[1]);
  assert.ok(count > 0, 'at least one person knows video editing');
  await assertAccessible(page, 'skill search');
  await screenshot(page, 'skills-laptop');
  await context.close();
});

test('the directory pages work on a phone', async () => {
  const context = await newContext({ width: 390, height: 844, isMobile: true });
  const page = await context.newPage();
  await page.goto('/network');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await screenshot(page, 'network-phone');
  await page.goto('/skills?skill=press-relations');
  await page
    .getByText(/sait faire|savent faire/)
    .first()
    .waitFor();
  await screenshot(page, 'skills-phone');
  await assertAccessible(page, 'skill search on a phone');
  await context.close();
});
