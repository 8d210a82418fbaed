import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { assertAccessible, demoPassword, newContext, screenshot } from './lib.ts';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  const form = page.locator('form');
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(demoPassword);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
}

/** Issue 3's journey: tip → story → submit → changes requested → resubmit → accept → relay → published → outcome seen. */
test('a tip becomes a story that is reviewed, relayed and published, and the lab sees the outcome', async () => {
  const photo = path.join(os.tmpdir(), `relais-e2e-tip-${process.pid}.jpg`);
  fs.writeFileSync(
    photo,
    await sharp({ create: { width: 900, height: 600, channels: 3, background: '#2b4c8c' } })
      .jpeg()
      .toBuffer(),
  );
  const what = `Visite d'une classe de terminale au hall JUNO ${Date.now().toString().slice(-5)}`;

  // The contributor tips from a phone.
  const phone = await newContext({ width: 390, height: 844, isMobile: true });
  const tipper = await phone.newPage();
  await signIn(tipper, 'lucie.moreau@ijclab.example');
  await tipper.goto('/tip');
  await tipper.getByRole('heading', { level: 1, name: 'Suggérer une info' }).waitFor();
  await tipper.getByLabel('Quoi').fill(what);
  await tipper.getByLabel('Quand').fill('jeudi 4 décembre, 14 h');
  await tipper.getByLabel('Qui').fill('Équipe neutrinos et 28 élèves');
  await tipper.locator('input[type=file]').first().setInputFiles(photo);
  await assertAccessible(tipper, 'quick tip');
  await screenshot(tipper, 'tip-phone');
  await tipper.getByRole('button', { name: 'Envoyer la suggestion' }).click();
  await tipper.getByRole('heading', { level: 1, name: 'Merci !' }).waitFor();
  await phone.close();

  // The correspondent turns it into a story and submits it.
  const labContext = await newContext();
  const lab = await labContext.newPage();
  await signIn(lab, 'camille.lefebvre@ijclab.example');
  await lab.goto('/tips');
  await lab.getByText(what).waitFor();
  await lab
    .getByRole('button', { name: /Transformer en remontée la suggestion de Lucie Moreau/ })
    .first()
    .click();
  await lab.waitForURL(/\/stories\/[^/]+\/edit$/);
  const storyPath = new URL(lab.url()).pathname.replace(/\/edit$/, '');
  await lab.getByRole('radio', { name: 'Visite' }).click();
  await lab.getByRole('textbox', { name: 'Titre', exact: true }).fill('Des lycéens au cœur de JUNO');
  await lab
    .getByLabel('Résumé')
    .fill('Vingt-huit élèves découvrent l’assemblage des photomultiplicateurs de JUNO.');
  await lab.getByText("Lettre électronique de l'institut", { exact: true }).click();
  await lab.getByText("Site web de l'institut", { exact: true }).click();
  await assertAccessible(lab, 'story form');
  await lab.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await lab.getByText('Enregistré', { exact: true }).first().waitFor();
  await lab.getByRole('button', { name: 'Soumettre à la cellule' }).click();
  await lab.waitForURL((url) => url.pathname === storyPath);
  await lab.getByRole('heading', { level: 1, name: /Des lycéens au cœur de JUNO/ }).waitFor();

  // The cell requests changes.
  const cellContext = await newContext();
  const cell = await cellContext.newPage();
  await signIn(cell, 'isabelle.delmas@cnrs.example');
  await cell.goto('/review');
  await cell
    .getByRole('link', { name: /Des lycéens au cœur de JUNO/ })
    .first()
    .click();
  await cell.getByRole('button', { name: 'Prendre en relecture' }).click();
  await cell.getByRole('button', { name: 'Demander des modifications' }).click();
  const changes = cell.getByRole('dialog', { name: 'Demander des modifications' });
  await changes.getByLabel('Message').fill('Pouvez-vous préciser la date exacte de la visite ?');
  await changes.getByRole('button', { name: 'Envoyer la demande' }).click();
  await cell.getByText('La cellule demande des modifications').waitFor();

  // The correspondent resubmits.
  await lab.reload();
  await lab.getByText('La cellule demande des modifications').waitFor();
  await lab.getByRole('button', { name: 'Soumettre à nouveau' }).click();
  await lab.getByText('Soumise', { exact: true }).first().waitFor();

  // The cell accepts, relays to two channels, and records one publication.
  await cell.reload();
  await cell.getByRole('button', { name: 'Accepter' }).click();
  await cell
    .getByRole('dialog', { name: 'Accepter la remontée' })
    .getByRole('button', { name: 'Accepter' })
    .click();
  await cell.getByRole('button', { name: 'Relayer' }).click();
  const relay = cell.getByRole('dialog', { name: 'Relayer la remontée' });
  await relay.waitFor();
  assert.ok(
    (await relay.getByRole('checkbox', { checked: true }).count()) >= 2,
    'the two proposed channels are preselected',
  );
  await relay.getByRole('button', { name: 'Relayer' }).click();
  await cell.getByRole('button', { name: /Marquer publiée.*Lettre électronique/ }).click();
  const published = cell.getByRole('dialog', { name: /Publiée sur Lettre électronique/ });
  await published
    .getByLabel('Adresse de la publication')
    .fill('https://www.in2p3.cnrs.fr/fr/lettre/lyceens-juno');
  await published.getByRole('button', { name: 'Enregistrer la publication' }).click();
  await cell.getByRole('link', { name: /Voir la publication/ }).waitFor();
  await assertAccessible(cell, 'story page (cell)');
  await screenshot(cell, 'story-relayed');

  // The correspondent sees the outcome, in the page and the bell, and got the emails.
  await lab.reload();
  await lab.getByRole('link', { name: /Voir la publication/ }).waitFor();
  await lab.getByRole('button', { name: /^Notifications/ }).click();
  await lab
    .getByRole('dialog')
    .getByText(/publiée sur/i)
    .first()
    .waitFor();
  await screenshot(lab, 'story-outcome-bell');
  const adminContext = await newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, 'xavier.dumont@cnrs.example');
  // Notification mail goes out from the job worker (polling every second): wait for it.
  const expected = ['Modifications demandées', 'Remontée acceptée', 'Remontée relayée', 'Publiée'];
  const missing = async () => {
    const mails = await (
      await admin.request.get('/api/outbox?to=camille.lefebvre%40ijclab.example&limit=100')
    ).json();
    const subjects = (mails.items as Array<{ subject: string }>).map((mail) => mail.subject);
    return expected.filter(
      (label) =>
        !subjects.some(
          (subject) => subject.startsWith(label) && subject.includes('Des lycéens au cœur de JUNO'),
        ),
    );
  };
  let notYet = await missing();
  for (let tries = 0; notYet.length > 0 && tries < 20; tries++) {
    await admin.waitForTimeout(500);
    notYet = await missing();
  }
  assert.deepEqual(notYet, [], 'every notification mail reached the correspondent');
  for (const context of [labContext, cellContext, adminContext]) await context.close();
  fs.rmSync(photo, { force: true });
});

/** An embargoed story stays out of another lab's sight — page and search — until its time. */
test('an embargoed story is invisible to another lab until the embargo lifts, then appears', async () => {
  const labContext = await newContext();
  const lab = await labContext.newPage();
  await signIn(lab, 'camille.lefebvre@ijclab.example');
  const origin = { origin: new URL(lab.url()).origin };
  const labs = (await (await lab.request.get('/api/labs?q=IJCLab')).json()).items as Array<{
    id: string;
    acronym: string;
  }>;
  const ijclab = labs.find((item) => item.acronym === 'IJCLab')!;
  // Two minutes ahead, in Paris time (the form takes minutes).
  const lift = new Date(Date.now() + 2 * 60_000);
  const paris = new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(lift)
    .split(' ');
  const title = `Mesure record sous embargo ${Date.now().toString().slice(-5)}`;
  const created = await lab.request.post('/api/stories', {
    headers: origin,
    data: {
      kind: 'result',
      title,
      summary: 'Résultat soumis à Nature.',
      labIds: [ijclab.id],
      embargo: { date: paris[0], time: paris[1], timeZone: 'Europe/Paris' },
    },
  });
  assert.equal(created.status(), 201, await created.text());
  const story = await created.json();
  assert.equal(
    (await lab.request.post(`/api/stories/${story.id}/submit`, { headers: origin })).status(),
    200,
  );
  const cellContext = await newContext();
  const cell = await cellContext.newPage();
  await signIn(cell, 'isabelle.delmas@cnrs.example');
  await cell.goto(`/stories/${story.id}`);
  await cell
    .getByText(/embargo/i)
    .first()
    .waitFor();
  await cell.getByRole('button', { name: 'Accepter' }).click();
  await cell
    .getByRole('dialog', { name: 'Accepter la remontée' })
    .getByRole('button', { name: 'Accepter' })
    .click();
  await cell.getByText('Acceptée', { exact: true }).first().waitFor();

  const otherContext = await newContext();
  const other = await otherContext.newPage();
  await signIn(other, 'sophie.garnier@cppm.example');
  const search = async () =>
    (await (await other.request.get(`/api/stories?q=${encodeURIComponent(title)}`)).json()).total as number;
  assert.equal((await other.request.get(`/api/stories/${story.id}`)).status(), 404);
  assert.equal(await search(), 0);
  await other.goto(`/stories?q=${encodeURIComponent('embargo')}`);
  await other.getByRole('heading', { level: 1 }).waitFor();
  assert.equal(await other.getByText(title).count(), 0);

  // Once the embargo time has passed, the other lab sees it, by id and in search.
  const wait = lift.getTime() - Date.now() + 5_000;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  assert.equal((await other.request.get(`/api/stories/${story.id}`)).status(), 200);
  assert.equal(await search(), 1);
  await other.goto(`/stories/${story.id}`);
  await other.getByRole('heading', { level: 1, name: title }).waitFor();
  for (const context of [labContext, cellContext, otherContext]) await context.close();
});
