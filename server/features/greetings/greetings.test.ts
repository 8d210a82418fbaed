import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import sharp from 'sharp';
import { assertError, assertInvalid, assertStatus, eventsOf, lastMailTo } from '../../test/expect.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { formData, jpegWithGps, svgWithScript } from '../attachments/test-files.ts';
import { setUpNetwork } from '../newsletters/test-support.ts';

/** Greeting cards through the API, mail kept in the outbox. */
const t = await buildTestApp();
const { as, inject, listWith } = await setUpNetwork(t);

type Card = {
  id: string;
  year: number;
  title: string;
  messageHtml: string;
  imageUrl: string | null;
  state: string;
  campaign: { id: string; subject: string; state: string };
  abilities: Record<string, boolean>;
};
const body = {
  year: 2027,
  title: 'Belle année 2027',
  messageHtml: '<p>Toute l’équipe vous souhaite une belle année.</p>',
};
async function createCard(extra: Record<string, unknown> = {}) {
  const response = await inject('POST', '/api/greetings', as.cell, { ...body, ...extra });
  assertStatus(response, 201);
  return response.json() as Card;
}
async function uploadImage(id: string, headers: Record<string, string>, data: Buffer, name = 'carte.jpg') {
  const form = await formData({}, { name, data });
  return t.app.inject({
    method: 'PUT',
    url: `/api/greetings/${id}/image`,
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  });
}

describe('who may do what, and bad input', () => {
  test('401 signed out; a correspondent or a Dircom contact 403 / 404; 400 per field', async () => {
    const card = await createCard();
    for (const headers of [{}, as.correspondent, as.dircom]) {
      const signedIn = Object.keys(headers).length > 0;
      assertError(await inject('GET', '/api/greetings', headers), signedIn ? 403 : 401);
      assertError(await inject('POST', '/api/greetings', headers, body), signedIn ? 403 : 401);
      for (const path of ['', '/preview'])
        assertError(await inject('GET', `/api/greetings/${card.id}${path}`, headers), signedIn ? 404 : 401);
      assertError(
        await inject('PATCH', `/api/greetings/${card.id}`, headers, { title: 'x' }),
        signedIn ? 404 : 401,
      );
      assertError(await inject('DELETE', `/api/greetings/${card.id}`, headers), signedIn ? 404 : 401);
      assertError(await uploadImage(card.id, headers, await jpegWithGps()), signedIn ? 404 : 401);
      for (const [action, payload] of [
        ['test-send', { emails: ['a@b.example'] }],
        ['schedule', { at: '2026-12-31T23:00:00Z' }],
        ['send-now', {}],
      ] as const)
        assertError(
          await inject('POST', `/api/greetings/${card.id}/${action}`, headers, payload),
          signedIn ? 404 : 401,
        );
    }
    assertInvalid(
      await inject('POST', '/api/greetings', as.cell, { year: 1800, title: ' ', messageHtml: '' }),
      'year',
      'title',
      'messageHtml',
    );
    assertInvalid(
      await inject('POST', '/api/greetings', as.cell, { ...body, messageHtml: '<p>{{prénom}} {{nom}}</p>' }),
      'messageHtml',
    );
    assertInvalid(await inject('POST', '/api/greetings', as.cell, { ...body, listIds: ['nope'] }), 'listIds');
    assertError(await inject('PATCH', `/api/greetings/${card.id}`, as.cell, {}), 400);
    assertInvalid(await uploadImage(card.id, as.cell, svgWithScript, 'carte.svg'), 'file');
    assertInvalid(await uploadImage(card.id, as.cell, Buffer.from('not an image'), 'carte.png'), 'file');
    assertInvalid(await inject('POST', `/api/greetings/${card.id}/send-now`, as.cell), 'listIds');
    assertStatus(await inject('DELETE', `/api/greetings/${card.id}`, as.cell), 204);
    assertError(await inject('GET', `/api/greetings/${card.id}`, as.cell), 404);
  });
});

describe('a card', () => {
  test('image re-encoded and public, message sanitized, preview, test send, sent to its audience', async () => {
    const listId = await listWith(['partenaire1@voeux.example', 'partenaire2@voeux.example'], 'Partenaires');
    const card = await createCard({
      messageHtml: '<p>Bonne année {{firstName}} !</p><script>alert(1)</script>',
      imageAlt: 'Le détecteur sous la neige',
      listIds: [listId],
    });
    assert.equal(card.messageHtml, '<p>Bonne année {{firstName}} !</p>');
    assert.equal(card.imageUrl, null);
    assert.equal(card.campaign.subject, 'Belle année 2027');

    const uploaded = await uploadImage(card.id, as.cell, await jpegWithGps());
    assertStatus(uploaded, 200);
    const withImage = uploaded.json() as Card;
    assert.match(withImage.imageUrl!, /^http:\/\/relais\.test\/voeux\/[\w-]+\/[\w-]+\.webp$/);
    // Served without an account, as WebP, with no EXIF (GPS) left.
    const image = await t.app.inject({
      method: 'GET',
      url: withImage.imageUrl!.replace('http://relais.test', ''),
    });
    assertStatus(image, 200);
    assert.equal(image.headers['content-type'], 'image/webp');
    const metadata = await sharp(image.rawPayload).metadata();
    assert.equal(metadata.format, 'webp');
    assert.equal(metadata.exif, undefined);
    assertStatus(await t.app.inject({ method: 'GET', url: `/voeux/${card.id}/other.webp` }), 404);

    const preview = await inject('GET', `/api/greetings/${card.id}/preview?width=640`, as.cell);
    assertStatus(preview, 200);
    assert.ok(preview.body.includes(withImage.imageUrl!));
    assert.match(preview.body, /Le détecteur sous la neige/);
    assert.doesNotMatch(preview.body, /<script>alert/);

    const tested = await inject('POST', `/api/greetings/${card.id}/test-send`, as.cell, {
      emails: ['relecture@cell.example'],
    });
    assertStatus(tested, 200);
    assert.equal((await lastMailTo(t.db, 'relecture@cell.example'))?.subject, '[Test] Belle année 2027');

    const scheduled = await inject('POST', `/api/greetings/${card.id}/schedule`, as.cell, {
      at: '2026-12-31T23:00:00Z',
    });
    assertStatus(scheduled, 200);
    assert.equal(scheduled.json().state, 'scheduled');
    assert.equal(scheduled.json().abilities.update, false);
    assertError(await uploadImage(card.id, as.cell, await jpegWithGps()), 403);
    t.clock.current = new Date('2026-12-31T23:00:10Z');
    await t.runJobs();
    t.clock.current = new Date('2026-11-24T09:00:00Z');
    assert.equal((await inject('GET', `/api/greetings/${card.id}`, as.cell)).json().state, 'sent');
    const mail = await lastMailTo(t.db, 'partenaire1@voeux.example');
    assert.equal(mail?.subject, 'Belle année 2027');
    assert.equal(mail?.stream, 'greetings');
    assert.ok(mail!.html_body!.includes(withImage.imageUrl!));
    assert.match(mail!.html_body!, /Bonne année Prénom0 !/);
    assert.deepEqual(
      (await eventsOf(t.db, card.id)).map((event) => event.action),
      ['created', 'updated'],
    );
  });
});
