import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { createPerson } from '../test/factories.ts';
import { buildTestApp } from '../test/helpers.ts';

/** A real SMTP exchange: Relais talks to an in-process smtp-server on loopback. */
const received: Array<{ from: string; to: string[]; raw: Buffer }> = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('end', () => {
      received.push({
        from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
        to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
        raw: Buffer.concat(chunks),
      });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const port = (smtp.server.address() as AddressInfo).port;
after(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

test('with SMTP_URL, a password reset goes out over SMTP as multipart text + HTML, not to the outbox', async () => {
  const t = await buildTestApp({
    env: { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Relais <relais@relais.example>' },
  });
  assert.equal(t.ctx.mailer.kind, 'smtp');
  const person = await createPerson(t.db, { email: 'claire.dupont@lab.example' });
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/password-resets',
    payload: { email: person.email },
  });
  assert.equal(response.statusCode, 202);
  assert.equal(received.length, 1);
  const [delivered] = received;
  assert.deepEqual(delivered!.to, ['claire.dupont@lab.example']);
  assert.equal(delivered!.from, 'relais@relais.example');
  const mail = await simpleParser(delivered!.raw);
  assert.equal(mail.subject, 'Réinitialisez votre mot de passe Relais');
  assert.match(mail.text ?? '', /http:\/\/relais\.test\/reset\/\S+/);
  assert.match(String(mail.html), /Choisir un nouveau mot de passe/);
  assert.match(mail.messageId ?? '', /@relais\.example>$/);
  assert.equal(mail.headers.get('x-relais-stream'), 'transactional');
  const outbox = await t.db.selectFrom('outbox_messages').select('id').execute();
  assert.equal(outbox.length, 0, 'nothing is kept in the outbox when SMTP is configured');
});

test('with DKIM settings, transactional mail is signed too (verified by mailauth against the published key)', async () => {
  const { generateKeyPairSync } = await import('node:crypto');
  const { dkimVerify } = await import('mailauth/lib/dkim/verify.js');
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const resolver = async (name: string, type: string) => {
    if (type === 'TXT' && name === 'mail2026._domainkey.relais.example')
      return [[`v=DKIM1; k=rsa; p=${publicDer}`]];
    throw Object.assign(new Error(`no ${type} for ${name}`), { code: 'ENOTFOUND' });
  };
  const t = await buildTestApp({
    env: {
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      MAIL_FROM: 'Relais <relais@relais.example>',
      DKIM_DOMAIN: 'relais.example',
      DKIM_SELECTOR: 'mail2026',
      DKIM_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString().replace(/\n/g, '\\n'),
    },
  });
  const person = await createPerson(t.db, { email: 'signed.reader@lab.example' });
  const before = received.length;
  await t.app.inject({ method: 'POST', url: '/api/password-resets', payload: { email: person.email } });
  assert.equal(received.length, before + 1);
  const result = await dkimVerify(received.at(-1)!.raw, { resolver });
  const [signature] = result.results as Array<{ status: { result: string } }>;
  assert.equal(signature?.status.result, 'pass', JSON.stringify(result.results));
});
