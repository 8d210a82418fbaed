import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import AxeBuilder from '@axe-core/playwright';
import { simpleParser } from 'mailparser';
import { type Browser, chromium, type Page } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { demoPassword, screenshot } from './lib.ts';

/**
 * The newsletter's journey, self-contained: the shared e2e server has no SMTP, so this spec starts
 * an in-process smtp-server on loopback and its own Relais (e2e/server.ts) sending to it, with a
 * clock it can move. Compose an issue from three stories → preview → test send → schedule → sent
 * to a 500-subscriber list → archive page → one-click unsubscribe (RFC 8058).
 */
const root = path.resolve(import.meta.dirname, '..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

// The SMTP server: every message kept with its envelope recipient.
const received: Array<{ to: string; raw: Buffer }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      for (const rcpt of session.envelope.rcptTo)
        received.push({ to: rcpt.address, raw: Buffer.concat(chunks) });
      callback();
    });
  },
});
smtp.on('error', () => {});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpPort = (smtp.server.address() as AddressInfo).port;

// Our own Relais, sending through it.
const port = await freePort();
const clockPort = await freePort();
const baseUrl = `http://127.0.0.1:${port}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-e2e-newsletter-'));
const server: ChildProcess = spawn(process.execPath, ['e2e/server.ts'], {
  cwd: root,
  env: {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: baseUrl,
    RELAIS_DATA_DIR: dataDir,
    RELAIS_DEMO: '1',
    DATABASE_URL: '',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    CAMPAIGN_RATE: '2000',
    CAMPAIGN_MAX_CONNECTIONS: '4',
    LOG_LEVEL: 'warn',
    E2E_CLOCK_PORT: String(clockPort),
  },
  stdio: ['ignore', 'inherit', 'inherit'],
});

let browser: Browser | null = null;
after(async () => {
  await browser?.close();
  if (server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const deadline = Date.now() + 60_000;
for (;;) {
  if (server.exitCode !== null) throw new Error(`the server exited with ${server.exitCode}`);
  if (Date.now() > deadline) throw new Error('the server did not start');
  const ok = await fetch(`${baseUrl}/api/health`).then(
    (response) => response.ok,
    () => false,
  );
  if (ok) break;
  await new Promise((resolve) => setTimeout(resolve, 200));
}

async function setClock(offsetMs: number) {
  await fetch(`http://127.0.0.1:${clockPort}/clock`, { method: 'POST', body: JSON.stringify({ offsetMs }) });
}

/** The same Chromium as e2e/lib.ts newContext, on this spec's server. */
async function newContext(options: { width?: number; height?: number; isMobile?: boolean } = {}) {
  browser ??= await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: options.width ?? 1280, height: options.height ?? 800 },
    isMobile: options.isMobile ?? false,
    locale: 'fr-FR',
  });
  context.setDefaultTimeout(30_000);
  return context;
}

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  const form = page.locator('form');
  await form.getByLabel('Adresse e-mail').fill(email);
  await form.getByLabel('Mot de passe', { exact: true }).fill(demoPassword);
  await form.getByRole('button', { name: 'Se connecter' }).click();
  await page.getByRole('heading', { level: 1, name: /Bonjour/ }).waitFor();
}

/** axe around the preview: the sandboxed frame (no script) cannot be entered, so it is taken out, then back. */
async function assertAccessibleAroundPreview(page: Page, name: string) {
  await page.evaluate(() => {
    for (const frame of document.querySelectorAll('iframe[sandbox]')) frame.remove();
  });
  const results = await new AxeBuilder({ page }).analyze();
  const blocking = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  assert.deepEqual(blocking, [], `${name}: accessibility violations`);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function apiCall<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ([method, url, body]) => {
      const response = await fetch(url as string, {
        method: method as string,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`);
      return response.status === 204 ? null : response.json();
    },
    [method, url, body] as const,
  ) as Promise<T>;
}

async function until<T>(what: string, check: () => Promise<T | undefined | false>, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

test('an issue from three stories: preview, test, scheduled, sent to 500 over SMTP, archived, unsubscribed', async () => {
  const context = await newContext();
  const cell = await context.newPage();
  await signIn(cell, 'isabelle.delmas@cnrs.example');

  // The 500 subscribers, through the API as the cell (CSV import).
  const emails = Array.from(
    { length: 500 },
    (_, i) => `lecteur${String(i).padStart(3, '0')}@abonnes.example`,
  );
  const list = await apiCall<{ id: string }>(cell, 'POST', '/api/lists', { name: 'Les 500 lecteurs' });
  const report = await apiCall<{ added: number }>(cell, 'POST', `/api/lists/${list.id}/import`, {
    csv: `email,firstName\n${emails.map((email, i) => `${email},Lecteur${i}`).join('\n')}\n`,
    commit: true,
  });
  assert.equal(report.added, 500);

  // Diffusion → Lettre d'information → a new issue.
  await cell.goto('/campaigns');
  await cell
    .getByRole('navigation', { name: 'Rubriques de la diffusion' })
    .getByRole('link', { name: 'Lettre d’information' })
    .click();
  await cell.getByRole('heading', { level: 1, name: 'Lettre d’information' }).waitFor();
  await cell.getByRole('button', { name: 'Nouveau numéro' }).first().click();
  const dialog = cell.getByRole('dialog', { name: 'Nouveau numéro' });
  await dialog.getByRole('textbox', { name: 'Titre du numéro' }).fill('La lettre e2e');
  await dialog.getByRole('button', { name: 'Créer le brouillon' }).click();
  await cell.getByRole('heading', { level: 1, name: /N° \d+ — La lettre e2e/ }).waitFor();
  const issueId = new URL(cell.url()).pathname.split('/').pop()!;

  // Three stories from the candidates — one under embargo (it shows until when): two in "À la une", one in "Vie des labos".
  const candidates = cell.getByRole('region', { name: 'Actualités disponibles' });
  await candidates.locator('[data-candidate]').first().waitFor();
  await candidates
    .getByText(/^Embargo jusqu’au/)
    .first()
    .waitFor();
  const titles: string[] = [];
  for (const section of ['À la une', 'Vie des labos', 'À la une']) {
    const row = candidates.locator('[data-candidate]').first();
    const title = (await row.getByRole('link').first().textContent())!.trim();
    titles.push(title);
    await row.getByRole('button', { name: /^Ajouter/ }).click();
    await cell.getByRole('menuitem', { name: section }).click();
    await cell.locator('[data-section] li[data-story]').filter({ hasText: title }).waitFor();
  }
  const embargoedTitle = titles.find((title) => title.startsWith('KM3NeT'))!;
  assert.ok(embargoedTitle, 'the embargoed demo story is among the three');

  const une = cell.locator('[data-section="une"]');
  const order = async () =>
    (await une.locator('li[data-story]').allTextContents()).map((text) => text.trim());
  await until('two stories in À la une', async () => (await une.locator('li[data-story]').count()) === 2);
  assert.ok((await order())[0]!.startsWith(titles[0]!));

  // Reorder by keyboard (dnd-kit: Space, ArrowUp, Space) — the third story goes first.
  await une
    .locator('li[data-story]')
    .filter({ hasText: titles[2]! })
    .getByRole('button', { name: /^Déplacer/ })
    .focus();
  for (const key of ['Space', 'ArrowUp', 'Space']) {
    await cell.keyboard.press(key);
    await cell.waitForTimeout(300);
  }
  await until('the keyboard move', async () => (await order())[0]!.startsWith(titles[2]!));
  // …and back with the arrow button.
  await une
    .locator('li[data-story]')
    .filter({ hasText: titles[2]! })
    .getByRole('button', { name: /^Descendre/ })
    .click();
  await until('the arrow move', async () => (await order())[0]!.startsWith(titles[0]!));
  await until('saved order', async () => {
    const issue = await apiCall<{ sections: { key: string; items: { title: string }[] }[] }>(
      cell,
      'GET',
      `/api/newsletters/${issueId}`,
    );
    const items = issue.sections.find((s) => s.key === 'une')!.items.map((i) => i.title);
    return items[0] === titles[0] && items[1] === titles[2];
  });

  // The edito, autosaved.
  await cell
    .getByRole('textbox', { name: 'Édito' })
    .fill('Bonjour {{firstName}},\n\nVoici les **nouvelles** du réseau.');
  await cell.getByText('Enregistré').waitFor();

  // The preview, at desktop and phone widths, shows the stories and the edito.
  const frame = cell.frameLocator('iframe[title^="Aperçu de la lettre"]');
  await until(
    'the preview with the edito',
    async () =>
      (await frame
        .getByText(/nouvelles/)
        .count()
        .catch(() => 0)) > 0,
  );
  await frame.getByText(titles[1]!).first().waitFor();
  await cell.getByText('Téléphone', { exact: true }).click();
  await cell.locator('iframe[data-device="phone"]').waitFor();
  await until(
    'the phone width',
    async () => (await cell.locator('iframe[data-device="phone"]').evaluate((el) => el.clientWidth)) <= 376,
  );
  await cell.getByText('Ordinateur', { exact: true }).click();

  // The audience: the 500 list.
  await cell.getByRole('region', { name: 'Destinataires' }).getByLabel('Listes de diffusion').first().click();
  await cell.getByRole('option', { name: /Les 500 lecteurs/ }).click();
  await cell.keyboard.press('Escape');
  await cell.getByTestId('audience-count').getByText('500 abonné·es actif·ves').waitFor();

  await assertAccessibleAroundPreview(cell, 'newsletter composer');
  await cell.getByText('Enregistré').waitFor();
  await screenshot(cell, 'newsletter-composer');

  // The embargo: named next to the sending, and the server refuses a schedule before it lifts.
  const sending = cell.getByRole('region', { name: 'Destinataires' });
  await sending
    .getByRole('status')
    .filter({ hasText: embargoedTitle })
    .getByText(/Sous embargo jusqu’au/)
    .waitFor();
  await cell.getByRole('button', { name: 'Programmer', exact: true }).click();
  let scheduleDialog = cell.getByRole('dialog', { name: 'Programmer l’envoi' });
  await scheduleDialog.getByRole('button', { name: 'Programmer pour 500 personnes' }).click();
  await scheduleDialog.getByRole('alert').filter({ hasText: embargoedTitle }).waitFor();
  await screenshot(cell, 'newsletter-embargo-refused');
  await scheduleDialog.getByRole('button', { name: 'Annuler' }).click();

  // Three days later (server and browser), the embargo has lifted.
  const later = 3 * 86_400_000;
  await setClock(later);
  await context.clock.install({ time: new Date(Date.now() + later) });
  await cell.reload();
  await cell.getByRole('heading', { level: 1, name: /N° \d+ — La lettre e2e/ }).waitFor();
  await cell.getByTestId('audience-count').getByText('500 abonné·es actif·ves').waitFor();
  assert.equal(await sending.getByRole('status').count(), 0);

  // Test send to two chosen addresses.
  await cell.getByRole('button', { name: 'Envoyer un test' }).click();
  const testDialog = cell.getByRole('dialog', { name: 'Envoyer un test' });
  await testDialog
    .getByRole('textbox', { name: 'Adresses de test' })
    .fill('relecture@cnrs.example, isabelle.delmas@cnrs.example');
  await testDialog.getByRole('button', { name: 'Envoyer le test' }).click();
  await testDialog.getByText('Résultat').waitFor();
  await screenshot(cell, 'newsletter-test-send');
  assert.equal(await testDialog.getByText('Envoyé', { exact: true }).count(), 2);
  await testDialog.getByRole('button', { name: 'Fermer' }).last().click();
  await until('the test messages', async () => received.length >= 2);

  // Schedule (the next day at 9:00 Paris by default), then move the server's clock past it.
  await cell.getByRole('button', { name: 'Programmer', exact: true }).click();
  scheduleDialog = cell.getByRole('dialog', { name: 'Programmer l’envoi' });
  await scheduleDialog.getByRole('button', { name: 'Programmer pour 500 personnes' }).click();
  await scheduleDialog.waitFor({ state: 'hidden' });
  await cell.getByText('Programmé').first().waitFor();
  await setClock(later + 2 * 86_400_000);

  await until('500 newsletter messages', async () => received.length >= 502, 120_000);
  await cell.getByTestId('archive-link').waitFor({ timeout: 60_000 });
  await cell.getByText('Publié').first().waitFor();
  await screenshot(cell, 'newsletter-sent');

  // The SMTP server got the 500, each once, plus the two tests.
  const parsed = await Promise.all(
    received.map(async (m) => ({ to: m.to, mail: await simpleParser(m.raw) })),
  );
  const tests = parsed.filter((m) => /^\[Test\] La lettre e2e/.test(m.mail.subject ?? ''));
  // (moving the clock also sends the demo's own scheduled campaigns: only this issue's mail is counted)
  const issueMails = parsed.filter((m) => /^La lettre e2e — n° \d+$/.test(m.mail.subject ?? ''));
  assert.equal(tests.length, 2);
  assert.equal(issueMails.length, 500);
  assert.equal(new Set(issueMails.map((m) => m.to)).size, 500);
  assert.deepEqual(new Set(issueMails.map((m) => m.to)), new Set(emails));
  assert.match(issueMails[0]!.mail.subject ?? '', /La lettre e2e — n° \d+/);

  // The archive page shows the issue.
  const archiveUrl = (await cell.getByTestId('archive-link').getAttribute('href'))!;
  const archive = await context.newPage();
  await archive.goto(archiveUrl);
  for (const title of titles) await archive.getByText(title).first().waitFor();
  await screenshot(archive, 'newsletter-archive');

  // The one-click unsubscribe of one received message: GET shows a confirmation, POST (no cookie) unsubscribes.
  const one = issueMails.find((m) => m.to === emails[42])!;
  const listHeader = one.mail.headers.get('list') as { unsubscribe?: { url?: string } } | undefined;
  const unsubscribe = listHeader?.unsubscribe?.url;
  assert.ok(unsubscribe, 'the message has a List-Unsubscribe URL');
  assert.ok(
    one.mail.headerLines.some((h) => /^List-Unsubscribe-Post:\s*List-Unsubscribe=One-Click$/i.test(h.line)),
    'the message offers the one-click POST',
  );
  const confirmation = await fetch(unsubscribe);
  assert.equal(confirmation.status, 200);
  assert.match(await confirmation.text(), /<form[^>]+method="post"/i);
  const oneClick = await fetch(unsubscribe, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
    redirect: 'manual',
  });
  assert.equal(oneClick.status, 200);
  const suppressions = await apiCall<{ items: { email: string; reason: string }[] }>(
    cell,
    'GET',
    `/api/suppressions?q=${encodeURIComponent(emails[42]!)}`,
  );
  assert.ok(
    suppressions.items.some((s) => s.email === emails[42] && s.reason === 'unsubscribe'),
    'the address is on the suppression list',
  );

  // The list of issues and the sent issue on a phone.
  const phone = await newContext({ width: 390, height: 844, isMobile: true });
  const phonePage = await phone.newPage();
  await signIn(phonePage, 'isabelle.delmas@cnrs.example');
  await phonePage.goto(`/newsletters/${issueId}`);
  await phonePage.getByTestId('archive-link').waitFor();
  await screenshot(phonePage, 'phone-newsletter-sent');
  await phonePage.goto('/newsletters');
  await phonePage.getByRole('heading', { level: 1, name: 'Lettre d’information' }).waitFor();
  await phonePage.getByRole('link', { name: /La lettre e2e/ }).waitFor();
  await screenshot(phonePage, 'phone-newsletters');
  const widths = await phonePage.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    view: window.innerWidth,
  }));
  assert.ok(widths.scroll <= widths.view, `issues list: ${widths.scroll}px wide on ${widths.view}px`);
});
