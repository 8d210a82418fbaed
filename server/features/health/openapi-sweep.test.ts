import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { assertError, assertStatus } from '../../test/expect.ts';
import { createNetwork, createSkill } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { openSession } from '../auth/actions.ts';

/**
 * Throws malformed requests at every operation of the OpenAPI document, as an admin and
 * anonymously: nothing may answer 5xx, and every 4xx must be the `{"error": {code, message}}` shape.
 */
const t = await buildTestApp();
const network = await createNetwork(t);
const skill = await createSkill(t.db);
const { admin } = network.people;

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  enum?: unknown[];
};
type Operation = {
  parameters?: Array<{ in: string; name: string; schema?: Schema }>;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
};
type Doc = { paths: Record<string, Record<string, Operation>> };

const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as Doc;
const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method: method.toUpperCase(), operation })),
);

const unknownUuid = '00000000-0000-4000-8000-000000000000';
const longText = 'x'.repeat(10_000);
/** Path parameter values, already URL-encoded. */
const bogusPathValues = [
  encodeURIComponent('../../etc'),
  encodeURIComponent('../../etc/passwd'),
  'a'.repeat(65),
  'a'.repeat(100),
  '%00',
  'a%00b',
  unknownUuid,
  encodeURIComponent("' OR 1=1 --"),
  encodeURIComponent('🦊'),
];
/** Values the router itself refuses, before any route runs. */
const unroutablePathValues = ['a'.repeat(5000), '%E0%A4%A', '%'];
/** A plausible value for each kind of path parameter, so body and query checks reach validation. */
const plausible: Record<string, string> = { id: unknownUuid, token: 'x'.repeat(43) };
/** Real ids, to check what reaches the database. */
const realIds: Record<string, string> = {
  people: network.people.contributor.id,
  labs: network.lab.id,
  delegations: network.delegation.id,
  skills: skill.id,
};

function urlFor(path: string, values: Record<string, string>) {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? plausible[name] ?? unknownUuid);
}

function typesOf(schema: Schema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** A value of the wrong JSON type for this schema (a type it does not accept). */
function wrongValuesFor(schema: Schema): unknown[] {
  const accepted = new Set(typesOf(schema));
  const candidates: Array<[string, unknown]> = [
    ['string', 'not the right type'],
    ['number', 12345],
    ['integer', 12345],
    ['boolean', true],
    ['array', ['a', 'b']],
    ['object', { nested: true }],
    ['null', null],
  ];
  return candidates
    .filter(([type]) => !accepted.has(type) && !(type === 'integer' && accepted.has('number')))
    .filter(([type]) => !(type === 'number' && accepted.has('integer')))
    .map(([, value]) => value);
}

function bodySchemaOf(operation: Operation): Schema | undefined {
  return operation.requestBody?.content?.['application/json']?.schema;
}

/** Bodies that must all be refused: malformed, of the wrong type, with unknown, too long or mistyped fields. */
function bogusBodies(
  schema: Schema | undefined,
): Array<{ label: string; payload: string; contentType?: string }> {
  const json = (label: string, value: unknown) => ({ label, payload: JSON.stringify(value) });
  const bodies = [
    { label: 'malformed JSON', payload: '{"name": "unterminated' },
    { label: 'truncated JSON', payload: '{' },
    { label: 'not JSON at all', payload: 'name=value&other=1' },
    { label: 'a deeply nested JSON', payload: `${'['.repeat(5000)}${']'.repeat(5000)}` },
    json('an array', [{ name: 'x' }]),
    json('a number', 42),
    json('a string', 'just text'),
    json('null', null),
    json('true', true),
    json('an unknown field', { unknownField: 'value' }),
    {
      label: 'a form instead of JSON',
      payload: 'name=value',
      contentType: 'application/x-www-form-urlencoded',
    },
    { label: 'text instead of JSON', payload: 'hello', contentType: 'text/plain' },
  ];
  for (const [name, property] of Object.entries(schema?.properties ?? {})) {
    for (const wrong of wrongValuesFor(property))
      bodies.push(json(`${name} as ${JSON.stringify(wrong)}`, { [name]: wrong }));
    if (typesOf(property).includes('string')) {
      bodies.push(json(`${name} too long`, { [name]: longText }));
    }
    if (property.items && typesOf(property.items).includes('string')) {
      bodies.push(json(`${name} with a too long item`, { [name]: [longText] }));
      bodies.push(json(`${name} with a mistyped item`, { [name]: [12345] }));
      bodies.push(
        json(`${name} with too many items`, { [name]: Array.from({ length: 1000 }, (_, i) => `item-${i}`) }),
      );
    }
    for (const [inner, innerSchema] of Object.entries(property.items?.properties ?? {})) {
      for (const wrong of wrongValuesFor(innerSchema)) {
        bodies.push(json(`${name}[].${inner} as ${JSON.stringify(wrong)}`, { [name]: [{ [inner]: wrong }] }));
      }
      if (typesOf(innerSchema).includes('string'))
        bodies.push(json(`${name}[].${inner} too long`, { [name]: [{ [inner]: longText }] }));
    }
  }
  return bodies;
}

function bogusQueries(operation: Operation): string[] {
  const queries = [
    'unknownParam=1',
    `q=${'x'.repeat(10_000)}`,
    'limit=abc&offset=-5',
    'q=%00',
    'q=%E0%A4%A',
    'q[$gt]=1',
  ];
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in !== 'query') continue;
    const name = parameter.name;
    queries.push(
      `${name}=${'x'.repeat(10_000)}`,
      `${name}=%00`,
      `${name}=a%00b`,
      `${name}=`,
      `${name}=-1`,
      `${name}=1e309`,
      `${name}=99999999999999999999999`,
      `${name}=NaN`,
      `${name}=1&${name}=2`,
      `${name}[]=1`,
      `${name}[a]=1`,
      `${name}=${encodeURIComponent("' OR 1=1 --")}`,
    );
  }
  return queries;
}

/** A fresh admin session per request: the sweep includes DELETE /api/session, which would end a shared one. */
async function adminCookie() {
  const { secret } = await openSession(t.ctx, admin.id, 'sweep');
  return `relais_session=${secret}`;
}

const failures: string[] = [];
function check(label: string, response: LightMyRequestResponse) {
  if (response.statusCode >= 500) {
    failures.push(`${label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
    return;
  }
  if (response.statusCode >= 400) {
    let body: { error?: { code?: unknown; message?: unknown } } | undefined;
    try {
      body = response.json();
    } catch {
      body = undefined;
    }
    if (typeof body?.error?.code !== 'string' || typeof body.error.message !== 'string') {
      failures.push(
        `${label} → ${response.statusCode} without the error shape: ${response.body.slice(0, 200)}`,
      );
    }
  }
}

async function send(label: string, options: InjectOptions, asAdmin: boolean) {
  const headers = { ...(options.headers ?? {}), ...(asAdmin ? { cookie: await adminCookie() } : {}) };
  const response = await t.app.inject({ ...options, headers });
  check(
    `${asAdmin ? 'admin' : 'anonymous'} ${options.method} ${String(options.url).slice(0, 120)} (${label})`,
    response,
  );
  return response;
}

describe('malformed requests on every operation', () => {
  test('the document lists the API', () => {
    assert.ok(operations.length >= 30, `only ${operations.length} operations`);
    assert.ok(operations.some((op) => op.path === '/api/people/{id}' && op.method === 'PATCH'));
  });

  for (const { path, method, operation } of operations) {
    test(`${method} ${path}`, async () => {
      failures.length = 0;
      const hasPathParams = path.includes('{');
      for (const asAdmin of [true, false]) {
        if (hasPathParams) {
          for (const value of bogusPathValues) {
            const url = path.replace(/\{\w+\}/g, value);
            await send(`path ${value.slice(0, 20)}`, { method: method as 'GET', url }, asAdmin);
          }
        }
        const url = urlFor(path, {});
        for (const query of bogusQueries(operation)) {
          await send(
            `query ${query.slice(0, 40)}`,
            { method: method as 'GET', url: `${url}?${query}` },
            asAdmin,
          );
        }
        if (method !== 'GET') {
          const schema = bodySchemaOf(operation);
          for (const body of bogusBodies(schema)) {
            const response = await send(
              body.label,
              {
                method: method as 'POST',
                url,
                payload: body.payload,
                headers: { 'content-type': body.contentType ?? 'application/json' },
              },
              asAdmin,
            );
            // Where a JSON body is expected, none of these may be taken for a valid one.
            if (schema && response.statusCode < 400) {
              failures.push(`${method} ${url} accepted ${body.label} → ${response.statusCode}`);
            }
          }
        }
      }
      assert.deepEqual(failures, []);
    });
  }
});

describe('addresses the router cannot take apart', () => {
  test('a 5,000-character id or a broken %-escape keeps the error shape on every operation', async () => {
    failures.length = 0;
    for (const { path, method } of operations) {
      if (!path.includes('{')) continue;
      for (const value of unroutablePathValues) {
        for (const asAdmin of [true, false]) {
          const response = await send(
            `path ${value.slice(0, 20)}`,
            { method: method as 'GET', url: path.replace(/\{\w+\}/g, value) },
            asAdmin,
          );
          if (response.statusCode < 400)
            failures.push(`${method} ${path} with ${value.slice(0, 20)} → ${response.statusCode}`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
});

describe('values that no database may store', () => {
  test('a NUL character is refused in every string of every JSON body, on real objects too', async () => {
    failures.length = 0;
    const accepted: string[] = [];
    for (const { path, method, operation } of operations) {
      const schema = bodySchemaOf(operation);
      if (!schema?.properties) continue;
      const resource = /^\/api\/(\w+)\/\{id\}/.exec(path)?.[1];
      const url = urlFor(path, resource && realIds[resource] ? { id: realIds[resource] } : {});
      for (const [name, property] of Object.entries(schema.properties)) {
        const values = typesOf(property).includes('string')
          ? [`with\u0000nul`]
          : property.items && typesOf(property.items).includes('string')
            ? [[`with\u0000nul`]]
            : [];
        for (const value of values) {
          const response = await send(
            `${name} with NUL`,
            { method: method as 'POST', url, payload: { [name]: value } },
            true,
          );
          if (response.statusCode < 400) accepted.push(`${method} ${url} ${name} → ${response.statusCode}`);
        }
      }
    }
    assert.deepEqual(failures, []);
    assert.deepEqual(accepted, []);
  });

  test('a NUL character in a path or query is a 400, not a database error', async () => {
    const cookie = await adminCookie();
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/people/%00', headers: { cookie } }),
      400,
      'invalid',
    );
    assertError(await t.app.inject({ method: 'GET', url: '/api/labs/a%00b' }), 400, 'invalid');
    for (const query of ['q=%00', 'lab=%00', 'delegation=%00', 'skill=%00']) {
      assertError(await t.app.inject({ method: 'GET', url: `/api/people?${query}` }), 400, 'invalid');
    }
    assertError(
      await t.app.inject({ method: 'GET', url: '/api/outbox?to=%00', headers: { cookie } }),
      400,
      'invalid',
    );
  });

  test('a body over 1 MB is a 413', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/skills',
      headers: { cookie: await adminCookie(), 'content-type': 'application/json' },
      payload: JSON.stringify({ nameFr: 'x'.repeat(2 * 1024 * 1024), nameEn: 'x', category: 'media' }),
    });
    assertError(response, 413, 'payload_too_large');
  });
});

describe('routes outside the API document', () => {
  test('GET /api/health answers ok', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    assertStatus(response, 200);
    assert.deepEqual(response.json(), { status: 'ok' });
  });

  test('unknown /api routes are a JSON 404, whatever the method', async () => {
    for (const [method, url] of [
      ['GET', '/api/nothing-here'],
      ['POST', '/api/nothing-here'],
      ['DELETE', '/api/people'],
      ['PUT', '/api/labs'],
      ['GET', '/api'],
      ['GET', `/api/people/${unknownUuid}/nothing`],
      ['GET', '/api/people/a/b/c?x=1'],
    ] as const) {
      const response = await t.app.inject({ method, url });
      assertError(response, 404, 'not_found');
      assert.match(String(response.headers['content-type']), /application\/json/);
    }
  });
});
