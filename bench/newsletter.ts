import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { createContext } from '../server/app.ts';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/connection.ts';
import { migrateToLatest } from '../server/db/migrate.ts';
import { jobDefinitions } from '../server/jobs/registry.ts';
import { createWorker } from '../server/jobs/worker.ts';
import { newId } from '../server/lib/tokens.ts';
import { renderCampaign } from '../server/mail/campaign-template.ts';
import { createPerson } from '../server/test/factories.ts';

/**
 * `npm run bench -- --scale newsletter [--recipients 20000] [--connections 5]`
 * A campaign to N recipients through Relais (audience frozen, ledger claimed row by row, per-recipient
 * links and escaping, DKIM, the pool) against a bare nodemailer pool sending the same rendered
 * message to the same local smtp-server (in its own process), in the same run. Prints msg/s and
 * the ratio (target ≥ 0.7); writes bench/results/<time>-newsletter-sqlite.json.
 */

// The SMTP server runs in a child process, so neither side shares its event loop with it.
if (process.argv.includes('--serve-smtp')) {
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      stream.on('data', () => {});
      stream.on('end', () => {
        count++;
        callback();
      });
    },
  });
  server.listen(0, '127.0.0.1', () => {
    process.stdout.write(`${(server.server.address() as AddressInfo).port}\n`);
  });
  process.on('message', () => process.send?.(count));
} else {
  await bench();
  process.exit(0);
}

async function bench() {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string' },
      db: { type: 'string', default: 'sqlite' },
      seconds: { type: 'string' },
      recipients: { type: 'string', default: '20000' },
      connections: { type: 'string', default: '5' },
    },
    strict: false,
  });
  const total = Number(values.recipients);
  const connections = Number(values.connections);

  const smtp: ChildProcess = spawn(process.execPath, [import.meta.filename, '--serve-smtp'], {
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve) =>
    smtp.stdout!.once('data', (chunk) => resolve(Number(String(chunk).trim()))),
  );
  const received = () =>
    new Promise<number>((resolve) => {
      smtp.once('message', (count) => resolve(Number(count)));
      smtp.send('count');
    });

  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const dkim = {
    domainName: 'relais.example',
    keySelector: 'bench',
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
  const bodyHtml = Array.from(
    { length: 12 },
    (_, index) =>
      `<h2>Brève ${index + 1}</h2><p>Bonjour {{firstName}}, les détecteurs du laboratoire ont enregistré un signal inattendu, et la collaboration prépare une publication. <a href="https://relais.example/stories/${index}">Lire la suite</a></p>`,
  ).join('');
  const rendered = await renderCampaign({ kind: 'newsletter', subject: 'La lettre', bodyHtml, bodyText: '' });

  // 1. Baseline: a bare nodemailer pool, same server, same connections, same DKIM key, same message.
  const bare = nodemailer.createTransport({
    url: `smtp://127.0.0.1:${port}`,
    pool: true,
    maxConnections: connections,
    maxMessages: 500,
    dkim,
  });
  const bareStart = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections * 2 }, async () => {
      while (next < total) {
        const index = next++;
        await bare.sendMail({
          from: 'Relais <lettre@relais.example>',
          to: `reader${index}@bench.example`,
          subject: 'La lettre',
          html: rendered.html.replaceAll('{{firstName}}', `Lecteur ${index}`),
          text: rendered.text.replaceAll('{{firstName}}', `Lecteur ${index}`),
          headers: {
            'List-Unsubscribe': `<https://relais.example/u/${index}>`,
            'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          },
        });
      }
    }),
  );
  const bareSeconds = (performance.now() - bareStart) / 1000;
  bare.close();
  const afterBare = await received();

  // 2. Relais: a real database, the audience frozen by the job, the ledger, the campaign transport.
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-newsletter-'));
  const config = loadConfig({
    RELAIS_DATA_DIR: dataDir,
    SMTP_URL: `smtp://127.0.0.1:${port}`,
    MAIL_FROM: 'Relais <lettre@relais.example>',
    PUBLIC_URL: 'https://relais.example',
    DKIM_DOMAIN: dkim.domainName,
    DKIM_SELECTOR: dkim.keySelector,
    DKIM_PRIVATE_KEY: dkim.privateKey,
    CAMPAIGN_RATE: '1000000',
    CAMPAIGN_MAX_CONNECTIONS: String(connections),
  });
  const database = openDatabase(config);
  await migrateToLatest(database.db, database.dialect);
  const ctx = createContext({ config, database });
  const at = new Date().toISOString();
  const personId = (await createPerson(database.db, { password: null })).id;
  const listId = newId();
  await database.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('mailing_lists')
      .values({
        id: listId,
        name: 'Lettre',
        description: '',
        is_public: true,
        created_by: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    for (let index = 0; index < total; index += 500) {
      const contacts = Array.from({ length: Math.min(500, total - index) }, (_, offset) => ({
        id: newId(),
        email: `reader${index + offset}@bench.example`,
        first_name: `Lecteur ${index + offset}`,
        last_name: '',
        organisation: '',
        created_at: at,
        updated_at: at,
      }));
      await trx.insertInto('contacts').values(contacts).execute();
      await trx
        .insertInto('list_members')
        .values(
          contacts.map((contact) => ({
            list_id: listId,
            contact_id: contact.id,
            state: 'active' as const,
            source: 'import' as const,
            confirm_token_hash: null,
            confirm_expires_at: null,
            subscribed_at: at,
            unsubscribed_at: null,
            created_at: at,
            updated_at: at,
          })),
        )
        .execute();
    }
  });
  const campaignId = newId();
  await database.db
    .insertInto('campaigns')
    .values({
      id: campaignId,
      kind: 'newsletter',
      stream: 'newsletter',
      name: 'Bench',
      subject: 'La lettre',
      body_html: bodyHtml,
      body_text: '',
      html_template: rendered.html,
      text_template: rendered.text,
      list_ids: JSON.stringify([listId]),
      state: 'scheduled',
      scheduled_at: at,
      started_at: null,
      finished_at: null,
      audience_frozen_at: null,
      recipient_count: 0,
      run_seq: 0,
      pause_reason: null,
      last_error: null,
      last_error_at: null,
      created_by: personId,
      created_at: at,
      updated_at: at,
    })
    .execute();
  const { enqueueCampaignRun } = await import('../server/features/campaigns/sending.ts');
  await enqueueCampaignRun(database.db, campaignId, new Date());
  const worker = createWorker(ctx, { definitions: jobDefinitions, schedules: [], log: console });
  const relaisStart = performance.now();
  await worker.runUntilIdle();
  const relaisSeconds = (performance.now() - relaisStart) / 1000;
  const campaign = await database.db
    .selectFrom('campaigns')
    .select(['state', 'recipient_count'])
    .where('id', '=', campaignId)
    .executeTakeFirstOrThrow();
  const sentRows = await database.db
    .selectFrom('campaign_recipients')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', campaignId)
    .where('state', '=', 'sent')
    .executeTakeFirstOrThrow();
  const afterRelais = await received();
  const { closeCampaignTransports } = await import('../server/mail/campaign-transport.ts');
  await closeCampaignTransports(ctx);
  ctx.mailer.close();
  await database.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
  smtp.kill();

  const bareRate = total / bareSeconds;
  const relaisRate = Number(sentRows.n) / relaisSeconds;
  const ratio = +(relaisRate / bareRate).toFixed(2);
  const rows = [
    {
      measure: `newsletter: ${total} recipients, ${connections} connections, DKIM (msg/s)`,
      relais: +relaisRate.toFixed(1),
      baseline: +bareRate.toFixed(1),
      ratio,
      note: `target ≥ 0.7; Relais ${relaisSeconds.toFixed(1)} s incl. freezing the audience, bare pool ${bareSeconds.toFixed(1)} s; server received ${afterBare} + ${afterRelais - afterBare}; campaign ${campaign.state}, ${sentRows.n}/${campaign.recipient_count} sent`,
    },
  ];
  console.table(rows);
  const out = path.resolve(import.meta.dirname, 'results');
  fs.mkdirSync(out, { recursive: true });
  const file = path.join(out, `${new Date().toISOString().replace(/[:.]/g, '-')}-newsletter-sqlite.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        machine: {
          cpus: os.cpus().length,
          model: os.cpus()[0]?.model,
          node: process.version,
          loadAverage: os.loadavg(),
        },
        scale: 'newsletter',
        rows,
      },
      null,
      2,
    ),
  );
  console.log(`Results: ${path.relative(process.cwd(), file)}`);
}
