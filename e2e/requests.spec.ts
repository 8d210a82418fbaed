import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { assertAccessible, demoPassword, newContext, screenshot, setServerClock } from './lib.ts';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  const form = page.locator('form');
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(demoPassword);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
}

/** Picks `names` in the labs multi-select of `scope` (a form or a dialog). */
async function pickLabs(page: Page, scope: ReturnType<Page['locator']>, names: string[]) {
  const input = scope.getByLabel(/^Laboratoires/).first();
  for (const name of names) {
    await input.click();
    await input.fill(name);
    try {
      await page.getByRole('option', { name: new RegExp(`^${name}\\b`) }).click({ timeout: 8000 });
    } catch (error) {
      await screenshot(page, 'debug-pick-labs');
      throw error;
    }
  }
}

/** Issue 4's journey: Dircom → cell → three labs → answers, reminder, late, closed; then a solicitation. */
test('a Dircom request is routed by the cell, answered by two labs, the third reminded and late, then closed', async () => {
  const photo = path.join(os.tmpdir(), `relais-e2e-request-${process.pid}.jpg`);
  fs.writeFileSync(
    photo,
    await sharp({ create: { width: 800, height: 500, channels: 3, background: '#8c2b4c' } })
      .jpeg()
      .toBuffer(),
  );
  const title = `Images de détecteurs pour CNRS Le Journal ${Date.now().toString().slice(-5)}`;
  try {
    // The Dircom contact files the request, for all labs; it goes to the cell first.
    const dircomContext = await newContext();
    const dircom = await dircomContext.newPage();
    await signIn(dircom, 'heloise.marchetti@cnrs.example');
    await dircom
      .getByRole('navigation', { name: 'Navigation principale' })
      .getByRole('link', { name: /Demandes/ })
      .click();
    await dircom.getByRole('heading', { level: 1, name: 'Demandes aux laboratoires' }).waitFor();
    await dircom.getByRole('link', { name: 'Nouvelle demande' }).click();
    await dircom.getByRole('heading', { level: 1, name: 'Nouvelle demande' }).waitFor();
    await dircom.getByText(/d’abord reçue par la cellule/).waitFor();
    await dircom.locator('label', { hasText: 'Images' }).first().click();
    await dircom.getByRole('textbox', { name: 'Titre' }).fill(title);
    await dircom
      .getByRole('textbox', { name: 'Ce que vous demandez' })
      .fill('Deux ou trois photos en haute définition de détecteurs en cours d’assemblage, avec crédits.');
    await dircom.getByRole('radio', { name: 'Tous les laboratoires' }).check();
    await assertAccessible(dircom, 'new request');
    await screenshot(dircom, 'request-new');
    await dircom.getByRole('button', { name: 'Envoyer à la cellule' }).click();
    await dircom.waitForURL(
      (url) => /^\/requests\/[^/]+$/.test(url.pathname) && !url.pathname.endsWith('/new'),
    );
    const requestPath = new URL(dircom.url()).pathname;
    await dircom.getByRole('heading', { level: 1, name: title }).waitFor();
    await dircom.getByText('En attente de la cellule').waitFor();

    // The cell finds it to route and forwards it to three labs, with a word of context.
    const cellContext = await newContext();
    const cell = await cellContext.newPage();
    await signIn(cell, 'isabelle.delmas@cnrs.example');
    await cell.goto('/requests');
    await cell.getByRole('tab', { name: /À router/ }).waitFor();
    await cell.getByRole('link', { name: title }).click();
    await cell.getByRole('heading', { level: 1, name: title }).waitFor();
    await cell.getByRole('button', { name: 'Transmettre aux laboratoires' }).click();
    const forward = cell.getByRole('dialog', { name: 'Transmettre la demande' });
    await forward.getByRole('radio', { name: 'Des laboratoires choisis' }).check();
    await pickLabs(cell, forward, ['IJCLab', 'CPPM', 'LAPP']);
    await forward
      .getByLabel('Précisions pour les laboratoires (facultatif)')
      .fill('Les photos serviront en ouverture d’un article : format paysage de préférence.');
    await forward.getByRole('button', { name: 'Transmettre', exact: true }).click();
    await cell.getByText('Demande transmise aux laboratoires').first().waitFor();
    await cell.getByRole('tab', { name: /Suivi par laboratoire/ }).click();
    await cell.getByRole('row', { name: /LAPP/ }).waitFor();
    assert.equal(await cell.getByRole('table').getByRole('row').count(), 4, 'three labs on the board');

    // IJCLab answers with a photo.
    const ijclabContext = await newContext();
    const ijclab = await ijclabContext.newPage();
    await signIn(ijclab, 'camille.lefebvre@ijclab.example');
    await ijclab.goto(requestPath);
    await ijclab
      .getByRole('heading', { level: 2, name: 'Répondre pour IJCLab' })
      .waitFor({ timeout: 10_000 })
      .catch(async (error) => {
        await screenshot(ijclab, 'debug-answer');
        throw error;
      });
    await ijclab
      .getByRole('textbox', { name: 'Réponse', exact: true })
      .fill('Voici le calorimètre en salle blanche (crédit : IJCLab / CNRS).');
    await ijclab.locator('input[type=file]').first().setInputFiles(photo);
    await assertAccessible(ijclab, 'request answer form');
    await ijclab.getByRole('button', { name: 'Envoyer la réponse' }).click();
    await ijclab.getByText('Réponse envoyée').first().waitFor();
    await ijclab.getByRole('link', { name: /Télécharger relais-e2e-request/ }).waitFor();

    // CPPM has nothing this time — from a phone.
    const cppmContext = await newContext({ width: 375, height: 812, isMobile: true });
    const cppm = await cppmContext.newPage();
    await signIn(cppm, 'sophie.garnier@cppm.example');
    await cppm.goto(requestPath);
    await cppm.getByRole('heading', { level: 2, name: 'Répondre pour CPPM' }).waitFor();
    await cppm.getByText('Rien pour cette fois', { exact: true }).first().click();
    await cppm
      .getByRole('textbox', { name: 'Un mot d’explication (facultatif)' })
      .fill('Pas de détecteur en assemblage ce mois-ci.');
    const width = await cppm.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 375, `no sideways scroll on a phone (${width}px)`);
    await screenshot(cppm, 'request-answer-phone');
    await cppm.getByRole('button', { name: /Indiquer/ }).click();
    await cppm.getByText('C’est noté').first().waitFor();
    await cppmContext.close();

    // The board: IJCLab answered, CPPM nothing, LAPP waiting.
    await cell.reload();
    await cell.getByRole('row', { name: /IJCLab.*Répondu/ }).waitFor();
    await cell.getByRole('row', { name: /CPPM.*Rien pour cette fois/ }).waitFor();
    await cell.getByRole('row', { name: /LAPP.*Non vue/ }).waitFor();
    await assertAccessible(cell, 'request board (cell)');
    await screenshot(cell, 'request-board');

    // The day before the deadline, LAPP — which has not answered — gets its reminder.
    const detail = await (await cell.request.get(`/api${requestPath}`)).json();
    const deadline = Date.parse(detail.deadline.at);
    await setServerClock(deadline - 86_400_000 + 60_000 - Date.now());
    const adminContext = await newContext();
    const admin = await adminContext.newPage();
    await signIn(admin, 'xavier.dumont@cnrs.example');
    const reminded = async () => {
      const mails = await (
        await admin.request.get('/api/outbox?to=mathieu.favre%40lapp.example&limit=50')
      ).json();
      return (mails.items as Array<{ subject: string }>).some(
        (mail) => mail.subject.startsWith('Rappel') && mail.subject.includes(title),
      );
    };
    let isReminded = await reminded();
    for (let tries = 0; !isReminded && tries < 30; tries++) {
      await admin.waitForTimeout(500);
      isReminded = await reminded();
    }
    assert.ok(isReminded, 'the LAPP correspondent got the reminder');
    for (const other of ['camille.lefebvre%40ijclab.example', 'sophie.garnier%40cppm.example']) {
      const mails = await (await admin.request.get(`/api/outbox?to=${other}&limit=50`)).json();
      assert.ok(
        !(mails.items as Array<{ subject: string }>).some(
          (mail) => mail.subject.startsWith('Rappel') && mail.subject.includes(title),
        ),
        `no reminder to a lab that answered (${other})`,
      );
    }
    await admin.goto('/admin/jobs');
    await admin.getByRole('heading', { level: 2, name: 'Tâches de fond' }).waitFor();
    await admin.getByText('Relances des demandes').waitFor();
    await assertAccessible(admin, 'admin jobs');
    await screenshot(admin, 'admin-jobs');
    await adminContext.close();

    // After the deadline the board shows LAPP late; the Dircom contact sees it and closes the request.
    await setServerClock(deadline + 3_600_000 - Date.now());
    await dircom.goto(`${requestPath}?tab=board`);
    await dircom.getByRole('row', { name: /LAPP.*En retard/ }).waitFor();
    await dircom.getByText('1 laboratoire n’a pas répondu à temps').waitFor();
    await screenshot(dircom, 'request-late');
    await dircom.getByRole('tab', { name: /Réponses/ }).click();
    await dircom.getByRole('button', { name: 'Marquer comme utilisée — IJCLab' }).click();
    await dircom.getByText(/Utilisée par Héloïse Marchetti/).waitFor();
    await dircom.getByRole('button', { name: 'Clore la demande' }).click();
    const closing = dircom.getByRole('dialog', { name: 'Clore la demande' });
    await closing
      .getByLabel('Mot de conclusion (facultatif)')
      .fill('Merci, la photo d’IJCLab ouvrira l’article.');
    await closing.getByRole('button', { name: 'Clore', exact: true }).click();
    await dircom.getByText(/Demande close le/).waitFor();

    // It is in the archive, found by the words of an answer.
    await dircom.goto('/requests?view=archive&q=calorim%C3%A8tre');
    await dircom.getByRole('link', { name: title }).waitFor();
    await assertAccessible(dircom, 'requests archive');
    for (const context of [dircomContext, cellContext, ijclabContext]) await context.close();
  } finally {
    await setServerClock(0);
    fs.rmSync(photo, { force: true });
  }
});

/** A correspondent logs a direct contact in a few clicks; the cell sees it. */
test('a correspondent logs an out-of-band solicitation and the cell sees it', async () => {
  const subject = `Tournage France 3 dans le hall ${Date.now().toString().slice(-5)}`;
  const labContext = await newContext();
  const lab = await labContext.newPage();
  await signIn(lab, 'camille.lefebvre@ijclab.example');
  await lab.goto('/requests');
  await lab.getByRole('button', { name: 'Signaler une sollicitation' }).first().click();
  const dialog = lab.getByRole('dialog', { name: 'Signaler une sollicitation directe' });
  await dialog.getByLabel('Qui vous a contacté (organisme)').fill('France 3 Paris Île-de-France');
  await dialog.getByLabel('À quel sujet').fill(subject);
  await dialog
    .getByLabel('Ce qui était demandé (facultatif)')
    .fill('Une demi-journée de tournage et une interview.');
  await assertAccessible(lab, 'solicitation form');
  await dialog.getByRole('button', { name: 'Signaler' }).click();
  await lab.getByText('Sollicitation signalée').first().waitFor();
  await labContext.close();

  const cellContext = await newContext();
  const cell = await cellContext.newPage();
  await signIn(cell, 'isabelle.delmas@cnrs.example');
  await cell.goto('/solicitations');
  await cell.getByRole('heading', { level: 2, name: subject }).waitFor();
  await assertAccessible(cell, 'solicitations (cell)');
  await screenshot(cell, 'solicitations');
  const phoneContext = await newContext({ width: 375, height: 812, isMobile: true });
  const phone = await phoneContext.newPage();
  await signIn(phone, 'isabelle.delmas@cnrs.example');
  await phone.goto('/requests');
  await phone.getByRole('heading', { level: 1, name: 'Demandes aux laboratoires' }).waitFor();
  const width = await phone.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scroll on a phone (${width}px)`);
  await screenshot(phone, 'requests-phone');
  for (const context of [cellContext, phoneContext]) await context.close();
});
