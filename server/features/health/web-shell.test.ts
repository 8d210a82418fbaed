import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { buildTestApp } from '../../test/helpers.ts';

const built = fs.existsSync(path.resolve(import.meta.dirname, '../../../dist/index.html'));
const t = await buildTestApp();

test('the web app is served at the root and on every app path, never cached', {
  skip: !built && 'run `npm run build` first',
}, async () => {
  for (const url of ['/', '/network', '/requests/some-id']) {
    const response = await t.app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, url);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.equal(response.headers['cache-control'], 'no-cache');
    assert.match(response.body, /<div id="root">/);
  }
});

test('unknown API paths answer a JSON 404, not the app', async () => {
  const response = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
  assert.equal(response.statusCode, 404);
  assert.equal(response.json().error.code, 'not_found');
});
