import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createNetwork, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import {
  docx,
  exifOf,
  type FilePart,
  formData,
  jpegWithGps,
  odt,
  pdf,
  png,
  sizeOf,
  svgWithScript,
  zip,
} from './test-files.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { correspondent, otherCorrespondent, contributor, cell } = network.people;
const as = {
  anonymous: {},
  cell: await signInAs(t, cell),
  correspondent: await signInAs(t, correspondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
  contributor: await signInAs(t, contributor),
};

type Presented = {
  id: string;
  kind: string;
  originalName: string;
  mimeType: string;
  byteSize: number;
  width: number | null;
  height: number | null;
  caption: string;
  showsPeople: boolean;
  hasConsent: boolean;
  position: number;
  urls: { file: string; thumb: string | null };
  abilities: Record<string, boolean>;
};

const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

async function createStory(overrides: Record<string, unknown> = {}) {
  const response = await inject('POST', '/api/stories', as.correspondent, {
    kind: 'image',
    title: 'Le détecteur vu de près',
    labIds: [network.lab.id],
    ...overrides,
  });
  assertStatus(response, 201);
  return response.json() as { id: string };
}

async function upload(
  storyId: string,
  headers: Record<string, string>,
  file: FilePart | undefined,
  fields: Record<string, string> = {},
) {
  const form = await formData(fields, file);
  return t.app.inject({
    method: 'POST',
    url: `/api/stories/${storyId}/attachments`,
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  });
}

async function uploaded(storyId: string, file: FilePart, fields: Record<string, string> = {}) {
  const response = await upload(storyId, as.correspondent, file, fields);
  assertStatus(response, 201);
  return response.json() as Presented;
}

const refusal = (response: LightMyRequestResponse, pattern: RegExp) => {
  const error = assertInvalid(response, 'file');
  assert.match(error.message, pattern);
};

const draft = await createStory();
const accepted = await createStory({ title: 'Une remontée acceptée' });
const photoOnAccepted = await uploaded(accepted.id, { name: 'vue.png', data: await png() });
assertStatus(await inject('POST', `/api/stories/${accepted.id}/submit`, as.correspondent), 200);
assertStatus(await inject('POST', `/api/stories/${accepted.id}/accept`, as.cell), 200);

describe('POST /api/stories/:id/attachments', () => {
  test('not signed in → 401; cannot read the story → 404; may read but not edit → 403', async () => {
    const file = { name: 'vue.png', data: await png() };
    assertError(await upload(draft.id, as.anonymous, file), 401);
    // A draft is private to its lab side: another lab, the cell and a contributor do not see it.
    assertError(await upload(draft.id, as.otherCorrespondent, file), 404);
    assertError(await upload(draft.id, as.cell, file), 404);
    assertError(await upload(draft.id, as.contributor, file), 404);
    assertError(await upload('00000000-0000-4000-8000-000000000000', as.correspondent, file), 404);
    // Accepted: the network reads it, the cell still edits it — not another lab, nor the lab once sent.
    assertError(await upload(accepted.id, as.otherCorrespondent, file), 403);
    assertError(await upload(accepted.id, as.correspondent, file), 403);
    assertStatus(await upload(accepted.id, as.cell, file), 201);
  });

  test('bad input → 400 per field', async () => {
    assertInvalid(await inject('POST', `/api/stories/${draft.id}/attachments`, as.correspondent, {}), 'file');
    assertInvalid(await upload(draft.id, as.correspondent, undefined, { caption: 'sans fichier' }), 'file');
    const file = { name: 'vue.png', data: await png() };
    assertInvalid(
      await upload(draft.id, as.correspondent, file, {
        caption: 'x'.repeat(1001),
        credit: 'y'.repeat(201),
        showsPeople: 'maybe',
        colour: 'blue',
      }),
      'caption',
      'credit',
      'showsPeople',
      'colour',
    );
    assertInvalid(await upload(draft.id, as.correspondent, { ...file, field: 'picture' }), 'picture');
    // Broken multipart bodies are a 400, not a crash.
    for (const [contentType, payload] of [
      ['multipart/form-data', '--x\r\n'],
      ['multipart/form-data; boundary=x', 'garbage without parts'],
      [
        'multipart/form-data; boundary=x',
        '--x\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\n\r\nunfinished',
      ],
    ]) {
      assertError(
        await t.app.inject({
          method: 'POST',
          url: `/api/stories/${draft.id}/attachments`,
          headers: { ...as.correspondent, 'content-type': contentType! },
          payload,
        }),
        400,
      );
    }
    assert.equal(
      (await inject('GET', `/api/stories/${draft.id}/attachments`, as.correspondent)).json().items.length,
      0,
    );
  });

  test('an image is re-encoded as WebP within 2,400 px, its EXIF and GPS stripped, with a 480 px thumbnail', async () => {
    const original = await jpegWithGps(3000, 2000);
    assert.ok(await exifOf(original), 'the fixture carries EXIF');
    const attachment = await uploaded(
      draft.id,
      { name: 'IMG_2041.JPG', data: original, type: 'image/jpeg' },
      {
        caption: ' Le détecteur ',
        credit: 'CNRS / J. Rivière',
        licence: 'CC BY 4.0',
        showsPeople: 'true',
        hasConsent: 'true',
      },
    );
    assert.equal(attachment.kind, 'image');
    assert.equal(attachment.mimeType, 'image/webp');
    assert.equal(attachment.originalName, 'IMG_2041.JPG');
    assert.equal(attachment.caption, 'Le détecteur');
    assert.deepEqual([attachment.width, attachment.height], [2400, 1600]);
    assert.deepEqual([attachment.showsPeople, attachment.hasConsent], [true, true]);
    assert.deepEqual(attachment.abilities, { update: true, delete: true });
    assert.ok(attachment.urls.thumb);

    const file = await inject('GET', attachment.urls.file, as.correspondent);
    assertStatus(file, 200);
    assert.equal(file.headers['content-type'], 'image/webp');
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.equal(file.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.match(String(file.headers['content-disposition']), /^inline; .*filename\*=UTF-8''IMG_2041\.webp$/);
    assert.equal(await exifOf(file.rawPayload), undefined, 'no EXIF, no GPS position');
    assert.equal(file.rawPayload.includes(Buffer.from('PhoneMaker')), false);
    assert.deepEqual(await sizeOf(file.rawPayload), { width: 2400, height: 1600, format: 'webp' });
    assert.equal(attachment.byteSize, file.rawPayload.length);

    const thumb = await inject('GET', attachment.urls.thumb!, as.correspondent);
    assertStatus(thumb, 200);
    assert.deepEqual(await sizeOf(thumb.rawPayload), { width: 480, height: 320, format: 'webp' });

    const events = await eventsOf(t.db, draft.id, 'attachment_added');
    assert.equal(events.at(-1)?.data.attachmentId, attachment.id);
    const listed = (await inject('GET', `/api/stories/${draft.id}/attachments`, as.correspondent)).json();
    assert.ok(listed.items.some((item: Presented) => item.id === attachment.id));
  });

  test('refused with a clear message: SVG with script, polyglots, empty, unknown types', async () => {
    const image = await png();
    const cases: Array<[string, Buffer, RegExp]> = [
      ['logo.svg', svgWithScript, /SVG/],
      ['logo.png', svgWithScript, /SVG/],
      ['empty.jpg', Buffer.alloc(0), /^The file is empty$/],
      ['image+pdf.png', Buffer.concat([image, pdf()]), /also contains a PDF/],
      [
        'image+script.png',
        Buffer.concat([image, Buffer.from('<script>alert(1)</script>')]),
        /web page or script/,
      ],
      [
        'image+html.png',
        Buffer.concat([image, Buffer.from('<!DOCTYPE html><p>x</p>')]),
        /web page or script/,
      ],
      ['image+zip.png', Buffer.concat([image, zip([{ name: 'a.js', data: 'alert(1)' }])]), /ZIP/],
      ['notes.txt', Buffer.from('just some text'), /not accepted.*JPEG.*PDF.*docx/],
      ['page.html', Buffer.from('<html><script>alert(1)</script></html>'), /not accepted/],
      [
        'html-then.pdf',
        Buffer.concat([Buffer.from('<html><script>alert(1)</script>'), pdf()]),
        /before its header/,
      ],
      [
        'pdf+html.pdf',
        Buffer.from(
          pdf().toString('latin1').replace('%PDF-1.4\n', '%PDF-1.4\n<html><script>alert(1)</script>\n'),
          'latin1',
        ),
        /web page/,
      ],
      ['pdf+zip.pdf', Buffer.concat([pdf(), zip([{ name: 'a.js', data: 'x' }])]), /after its end/],
      ['truncated.pdf', pdf().subarray(0, 200), /incomplete/],
      ['archive.zip', zip([{ name: 'a.txt', data: 'hello' }]), /ZIP archives are not accepted/],
      ['macro.docx', docx([{ name: 'word/vbaProject.bin', data: 'x' }]), /macros/],
      [
        'padded.docx',
        Buffer.concat([docx(), Buffer.from('<script>alert(1)</script>')]),
        /damaged or carries other data/,
      ],
    ];
    for (const [name, data, pattern] of cases) {
      const response = await upload(draft.id, as.correspondent, { name, data });
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      refusal(response, pattern);
    }
  });

  test('too large → 413 with a clear message: over 25 MB, or an image over 20 MB', async () => {
    const huge = await upload(draft.id, as.correspondent, {
      name: 'big.pdf',
      data: Buffer.alloc(26 * 1024 * 1024),
    });
    const error = assertError(huge, 413, 'payload_too_large');
    assert.match(error.message, /larger than 25 MB/);
    const bigImage = Buffer.concat([await png(), Buffer.alloc(21 * 1024 * 1024)]);
    assert.match(
      assertError(await upload(draft.id, as.correspondent, { name: 'big.png', data: bigImage }), 413).message,
      /Images are limited to 20 MB/,
    );
  });

  test('documents: PDF, Word and OpenDocument are kept as sent and served as downloads under their real extension', async () => {
    const report = pdf('Bilan');
    const attachment = await uploaded(draft.id, {
      name: 'Rapport d’activité (final).html',
      data: report,
      type: 'text/html',
    });
    assert.equal(attachment.kind, 'document');
    assert.equal(attachment.mimeType, 'application/pdf');
    assert.equal(attachment.urls.thumb, null);
    assert.equal(attachment.byteSize, report.length);
    const file = await inject('GET', attachment.urls.file, as.correspondent);
    assertStatus(file, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.equal(
      file.headers['content-disposition'],
      `attachment; filename="Rapport d_activit_ (final).pdf"; filename*=UTF-8''Rapport%20d%E2%80%99activit%C3%A9%20%28final%29.pdf`,
    );
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.equal(file.headers['content-security-policy'], "default-src 'none'; sandbox");
    assert.deepEqual(file.rawPayload, report);
    assertError(
      await inject('GET', `${attachment.urls.file.replace(/file$/, 'thumb')}`, as.correspondent),
      404,
    );

    const word = await uploaded(draft.id, { name: 'texte.docx', data: docx() });
    assert.equal(word.mimeType, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const text = await uploaded(draft.id, { name: '../../etc/texte.odt', data: odt() });
    assert.equal(text.mimeType, 'application/vnd.oasis.opendocument.text');
    assert.equal(text.originalName, 'texte.odt');
  });
});

describe('PATCH and DELETE /api/stories/:id/attachments/:attachmentId', () => {
  test('editors describe, move and remove attachments; others cannot; history keeps it', async () => {
    const attachment = await uploaded(draft.id, { name: 'groupe.png', data: await png() });
    const url = `/api/stories/${draft.id}/attachments/${attachment.id}`;
    assertError(await inject('PATCH', url, as.anonymous, { caption: 'x' }), 401);
    assertError(await inject('PATCH', url, as.otherCorrespondent, { caption: 'x' }), 404);
    assertInvalid(await inject('PATCH', url, as.correspondent, {}), 'body');
    assertInvalid(
      await inject('PATCH', url, as.correspondent, { position: -1, hasConsent: 'yes', kind: 'document' }),
      'position',
      'hasConsent',
      'kind',
    );
    const patched = await inject('PATCH', url, as.correspondent, {
      caption: 'L’équipe devant le détecteur',
      showsPeople: true,
      hasConsent: true,
      position: 0,
    });
    assertStatus(patched, 200);
    assert.deepEqual(
      [
        patched.json().caption,
        patched.json().showsPeople,
        patched.json().hasConsent,
        patched.json().position,
      ],
      ['L’équipe devant le détecteur', true, true, 0],
    );
    const updated = await eventsOf(t.db, draft.id, 'attachment_updated');
    assert.deepEqual(updated.at(-1)?.data.changes, {
      caption: ['', 'L’équipe devant le détecteur'],
      shows_people: [false, true],
      has_consent: [false, true],
      position: [attachment.position, 0],
    });

    // On an accepted story the other lab reads but may not change anything.
    const other = `/api/stories/${accepted.id}/attachments/${photoOnAccepted.id}`;
    assertError(await inject('PATCH', other, as.otherCorrespondent, { caption: 'x' }), 403);
    assertError(await inject('DELETE', other, as.otherCorrespondent), 403);
    const seen = (
      await inject('GET', `/api/stories/${accepted.id}/attachments`, as.otherCorrespondent)
    ).json();
    assert.deepEqual(seen.items[0].abilities, { update: false, delete: false });

    const stored = await t.db
      .selectFrom('story_attachments')
      .select(['file_path', 'thumb_path'])
      .where('id', '=', attachment.id)
      .executeTakeFirstOrThrow();
    assertStatus(await inject('DELETE', url, as.correspondent), 204);
    assertError(await inject('GET', `${url}/file`, as.correspondent), 404);
    assertError(await inject('DELETE', url, as.correspondent), 404);
    assert.equal(fs.existsSync(path.join(t.ctx.config.dataDir, 'uploads', stored.file_path)), false);
    assert.equal(fs.existsSync(path.join(t.ctx.config.dataDir, 'uploads', stored.thumb_path!)), false);
    assert.equal(
      (await eventsOf(t.db, draft.id, 'attachment_deleted')).at(-1)?.data.attachmentId,
      attachment.id,
    );
  });
});

describe('visibility of files', () => {
  test('an embargoed story’s files are 404 for another lab until the embargo lifts; 401 for nobody', async () => {
    // 2026-11-24T09:00Z now; embargo 2026-11-26 10:00 Paris = 09:00Z.
    const story = await createStory({
      title: 'Résultat sous embargo',
      embargo: { date: '2026-11-26', time: '10:00', timeZone: 'Europe/Paris' },
    });
    const attachment = await uploaded(story.id, { name: 'figure.png', data: await png() });
    assertStatus(await inject('POST', `/api/stories/${story.id}/submit`, as.correspondent), 200);
    assertStatus(await inject('POST', `/api/stories/${story.id}/accept`, as.cell), 200);
    const urls = [attachment.urls.file, attachment.urls.thumb!, `/api/stories/${story.id}/attachments`];
    for (const url of urls) {
      assertError(await inject('GET', url, as.anonymous), 401);
      assertError(await inject('GET', url, as.otherCorrespondent), 404);
      assertStatus(await inject('GET', url, as.cell), 200);
      assertStatus(await inject('GET', url, as.correspondent), 200);
    }
    t.clock.current = new Date('2026-11-26T08:59:59.000Z');
    assertError(await inject('GET', attachment.urls.file, as.otherCorrespondent), 404);
    t.clock.current = new Date('2026-11-26T09:00:00.000Z');
    for (const url of urls) assertStatus(await inject('GET', url, as.otherCorrespondent), 200);
    t.clock.current = new Date('2026-11-24T09:00:00.000Z');
  });
});
