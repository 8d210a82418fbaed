import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import sharp from 'sharp';
import { createNetwork, signInAs } from '../../test/factories.ts';
import { buildTestApp, type TestApp } from '../../test/helpers.ts';

function form(data: Buffer, filename: string, type: string) {
  const body = new FormData();
  body.append('file', new Blob([new Uint8Array(data)], { type }), filename);
  return body;
}

describe('photo and logo uploads', () => {
  let t: TestApp;
  let network: Awaited<ReturnType<typeof createNetwork>>;
  let jpegWithGps: Buffer;
  before(async () => {
    t = await buildTestApp();
    network = await createNetwork(t);
    jpegWithGps = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#3366aa' } })
      .jpeg()
      .withExif({ IFD0: { Artist: 'Someone' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '48/1 51/1 0/1' } })
      .toBuffer();
    const meta = await sharp(jpegWithGps).metadata();
    assert.ok(meta.exif, 'the fixture carries EXIF');
  });

  test('not signed in → 401', async () => {
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${network.people.correspondent.id}/photo`,
      payload: form(jpegWithGps, 'a.jpg', 'image/jpeg'),
    });
    assert.equal(response.statusCode, 401);
  });

  test("someone else's photo → 403; unknown person → 404", async () => {
    const headers = await signInAs(t, network.people.contributor);
    const other = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${network.people.correspondent.id}/photo`,
      headers,
      payload: form(jpegWithGps, 'a.jpg', 'image/jpeg'),
    });
    assert.equal(other.statusCode, 403);
    const unknown = await t.app.inject({
      method: 'PUT',
      url: '/api/people/00000000-0000-0000-0000-000000000000/photo',
      headers,
      payload: form(jpegWithGps, 'a.jpg', 'image/jpeg'),
    });
    assert.equal(unknown.statusCode, 404);
  });

  test('own photo is re-encoded to WebP without metadata, served, and recorded', async () => {
    const person = network.people.correspondent;
    const headers = await signInAs(t, person);
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${person.id}/photo`,
      headers,
      payload: form(jpegWithGps, 'me.jpg', 'image/jpeg'),
    });
    assert.equal(response.statusCode, 200, response.body);
    const image = await t.app.inject({ url: response.json().url });
    assert.equal(image.statusCode, 200);
    assert.equal(image.headers['content-type'], 'image/webp');
    const meta = await sharp(image.rawPayload).metadata();
    assert.equal(meta.format, 'webp');
    assert.equal(meta.exif, undefined, 'EXIF (and its GPS position) is stripped');
    assert.ok((meta.width ?? 0) <= 512);
    const row = await t.db
      .selectFrom('people')
      .select('photo_path')
      .where('id', '=', person.id)
      .executeTakeFirstOrThrow();
    assert.ok(fs.existsSync(path.join(t.ctx.config.dataDir, 'uploads', row.photo_path!)));
    const events = await t.db
      .selectFrom('events')
      .selectAll()
      .where('subject_id', '=', person.id)
      .where('action', '=', 'photo_updated')
      .execute();
    assert.equal(events.length, 1);
    const presented = await t.app.inject({ url: `/api/people/${person.id}` });
    assert.match(presented.json().photoUrl, /\/photo\?v=/);
  });

  test('an SVG with a script, an empty file, a non-image and a missing file are refused with a message', async () => {
    const person = network.people.correspondent;
    const headers = await signInAs(t, person);
    const svg = Buffer.from(
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>',
    );
    const cases: Array<[Buffer, string, string]> = [
      [svg, 'x.png', 'image/png'],
      [Buffer.alloc(0), 'empty.jpg', 'image/jpeg'],
      [Buffer.from('%PDF-1.4 not an image'), 'doc.jpg', 'image/jpeg'],
    ];
    for (const [data, name, type] of cases) {
      const response = await t.app.inject({
        method: 'PUT',
        url: `/api/people/${person.id}/photo`,
        headers,
        payload: form(data, name, type),
      });
      assert.equal(response.statusCode, 400, `${name}: ${response.body}`);
      assert.ok(response.json().error.fields.file);
    }
    const noFile = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${person.id}/photo`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '{}',
    });
    assert.equal(noFile.statusCode, 400);
  });

  test("a lab's correspondent uploads its logo; another lab's correspondent cannot", async () => {
    const png = await sharp({ create: { width: 300, height: 120, channels: 4, background: '#ffffff' } })
      .png()
      .toBuffer();
    const own = await signInAs(t, network.people.correspondent);
    const ok = await t.app.inject({
      method: 'PUT',
      url: `/api/labs/${network.lab.id}/logo`,
      headers: own,
      payload: form(png, 'logo.png', 'image/png'),
    });
    assert.equal(ok.statusCode, 200, ok.body);
    const other = await signInAs(t, network.people.otherCorrespondent);
    const refused = await t.app.inject({
      method: 'PUT',
      url: `/api/labs/${network.lab.id}/logo`,
      headers: other,
      payload: form(png, 'logo.png', 'image/png'),
    });
    assert.equal(refused.statusCode, 403);
    const lab = await t.app.inject({ url: `/api/labs/${network.lab.id}` });
    assert.match(lab.json().logoUrl, /\/logo\?v=/);
  });
});
