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
