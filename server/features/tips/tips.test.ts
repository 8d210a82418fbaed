import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HttpError } from '../../lib/errors.ts';
import {
  assertError,
  assertInvalid,
  assertStatus,
  countMailsTo,
  eventsOf,
  lastMailTo,
} from '../../test/expect.ts';
import { createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { exifOf, formData, jpegWithGps, png, sizeOf, svgWithScript } from '../attachments/test-files.ts';
import { makeActor } from '../auth/actor.ts';
import { findGrants } from '../auth/queries.ts';
import { convertTip } from './actions.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { lab, otherLab } = network;
const { cell, dircom, drOfficer, correspondent, otherCorrespondent, contributor } = network.people;
const twoLabs = await createPerson(t.db, {
  labId: lab.id,
  roles: [{ role: 'contributor', labId: otherLab.id }],
});
const quietCorrespondent = await createPerson(t.db, {
  labId: lab.id,
  roles: [{ role: 'correspondent', labId: lab.id }],
});
await t.db
  .updateTable('people')
  .set({ notification_mode: 'daily' })
  .where('id', '=', quietCorrespondent.id)
  .execute();
const as = {
  anonymous: {},
  cell: await signInAs(t, cell),
  dircom: await signInAs(t, dircom),
  drOfficer: await signInAs(t, drOfficer),
  correspondent: await signInAs(t, correspondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
  contributor: await signInAs(t, contributor),
  twoLabs: await signInAs(t, twoLabs),
  quiet: await signInAs(t, quietCorrespondent),
};

type Presented = {
  id: string;
  what: string;
  when: string;
  who: string;
  state: string;
  author: { id: string; name: string };
  lab: { id: string; acronym: string };
  photoUrl: string | null;
  storyId: string | null;
  response: string;
  abilities: { convert: boolean; dismiss: boolean };
};

const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });

const tipBody = {
  what: 'Visite de la ministre au laboratoire : elle découvrira le démonstrateur du détecteur.',
  when: 'jeudi 12 à 14 h',
  who: 'Marie Curie (directrice), l’équipe détecteurs',
};

async function sendTip(
  headers: Record<string, string> = as.contributor,
  body: Record<string, unknown> = tipBody,
) {
  const response = await inject('POST', '/api/tips', headers, body);
  assertStatus(response, 201);
  return response.json() as Presented;
}

async function sendForm(
  headers: Record<string, string>,
  fields: Record<string, string>,
  photo?: { name: string; data: Buffer },
) {
  const form = await formData(fields, photo ? { ...photo, field: 'photo' } : undefined);
  return t.app.inject({
    method: 'POST',
    url: '/api/tips',
    headers: { ...headers, ...form.headers },
    payload: form.payload,
  });
}

/** Mails are found newest first: move the clock on before each one a test reads. */
function tick() {
  t.clock.current = new Date(t.clock.current.getTime() + 60_000);
}

async function notificationsOf(personId: string, kind: string) {
  return t.db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', personId)
    .where('kind', '=', kind)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

describe('POST /api/tips', () => {
  test('not signed in → 401; no lab or another lab → 403; bad input → 400 per field', async () => {
    assertError(await inject('POST', '/api/tips', as.anonymous, tipBody), 401);
    assertError(await sendForm(as.anonymous, { what: 'x' }), 401);
    assertError(await inject('POST', '/api/tips', as.cell, tipBody), 403);
    assertError(await inject('POST', '/api/tips', as.dircom, tipBody), 403);
    assertError(await inject('POST', '/api/tips', as.contributor, { ...tipBody, labId: otherLab.id }), 403);
    assertError(
      await inject('POST', '/api/tips', as.contributor, {
        ...tipBody,
        labId: '00000000-0000-4000-8000-000000000000',
      }),
      403,
    );
    assertInvalid(await inject('POST', '/api/tips', as.twoLabs, tipBody), 'labId');
    assertInvalid(
      await inject('POST', '/api/tips', as.contributor, {
        what: '   ',
        when: 'w'.repeat(201),
        who: 'p'.repeat(501),
        storyId: 'x',
      }),
      'what',
      'when',
      'who',
      'storyId',
    );
    assertInvalid(await inject('POST', '/api/tips', as.contributor, { what: 'x'.repeat(2001) }), 'what');
    assertInvalid(await inject('POST', '/api/tips', as.contributor, { when: 'demain' }), 'what');
    assertInvalid(await sendForm(as.contributor, { when: 'demain', colour: 'blue' }), 'what', 'colour');
    assertInvalid(await sendForm(as.contributor, { what: 'x'.repeat(2001) }), 'what');
    assert.equal((await t.db.selectFrom('tips').select('id').execute()).length, 0);
  });

  test('a member of one lab tips it: 201, open; its correspondents are notified, by mail if they chose so', async () => {
    const mailsBefore = await countMailsTo(t.db, quietCorrespondent.email);
    tick();
    const tip = await sendTip();
    assert.equal(tip.state, 'open');
    assert.deepEqual(tip.lab, { id: lab.id, acronym: lab.acronym });
    assert.deepEqual(tip.author, {
      id: contributor.id,
      name: `${contributor.first_name} ${contributor.last_name}`,
    });
    assert.deepEqual([tip.what, tip.when, tip.who], [tipBody.what, tipBody.when, tipBody.who]);
    assert.equal(tip.photoUrl, null);
    assert.equal(tip.storyId, null);
    assert.deepEqual(tip.abilities, { convert: false, dismiss: false });
    assert.equal((await eventsOf(t.db, tip.id, 'created')).length, 1);

    const [notice] = (await notificationsOf(correspondent.id, 'tip_received')).slice(-1);
    assert.equal(notice?.story_id, null);
    assert.equal(notice?.actor_id, contributor.id);
    assert.equal(notice?.data.tipId, tip.id);
    assert.equal(notice?.data.what, tipBody.what);
    await t.runJobs();
    const mail = await lastMailTo(t.db, correspondent.email);
    assert.match(mail!.subject, new RegExp(`Nouvelle suggestion de sujet — ${lab.acronym}`));
    assert.match(mail!.text_body, /Visite de la ministre/);
    assert.equal(mail!.link, `http://relais.test/tips/${tip.id}`);
    // The quiet one is notified in the app, not by mail; the other lab hears nothing.
    assert.equal((await notificationsOf(quietCorrespondent.id, 'tip_received')).at(-1)?.data.tipId, tip.id);
    assert.equal(await countMailsTo(t.db, quietCorrespondent.email), mailsBefore);
    assert.equal((await notificationsOf(otherCorrespondent.id, 'tip_received')).length, 0);

    // Members of several labs say which; a correspondent may tip their own lab too.
    const chosen = await sendTip(as.twoLabs, { what: 'Un prix pour la thèse de Léa', labId: otherLab.id });
    assert.equal(chosen.lab.id, otherLab.id);
    assert.equal((await sendTip(as.correspondent, { what: 'Portes ouvertes' })).lab.id, lab.id);
  });

  test('from a phone form with one photo: re-encoded WebP within 1,600 px, EXIF and GPS stripped', async () => {
    const response = await sendForm(
      as.contributor,
      { what: 'Le nouvel aimant est arrivé', when: 'ce matin' },
      { name: 'IMG_0007.jpg', data: await jpegWithGps(2400, 1800) },
    );
    assertStatus(response, 201);
    const tip = response.json() as Presented;
    assert.equal(tip.when, 'ce matin');
    assert.equal(tip.photoUrl, `/api/tips/${tip.id}/photo`);
    const photo = await inject('GET', tip.photoUrl!, as.correspondent);
    assertStatus(photo, 200);
    assert.equal(photo.headers['content-type'], 'image/webp');
    assert.equal(photo.headers['x-content-type-options'], 'nosniff');
    assert.equal(await exifOf(photo.rawPayload), undefined);
    assert.equal(photo.rawPayload.includes(Buffer.from('PhoneMaker')), false);
    assert.deepEqual(await sizeOf(photo.rawPayload), { width: 1600, height: 1200, format: 'webp' });
    // An empty file input is no photo at all.
    const noPhoto = await sendForm(
      as.contributor,
      { what: 'Sans photo' },
      { name: '', data: Buffer.alloc(0) },
    );
    assertStatus(noPhoto, 201);
    assert.equal(noPhoto.json().photoUrl, null);
  });

  test('a photo that is not a plain image is refused: SVG, empty, text, polyglot; over 20 MB → 413', async () => {
    const image = await png();
    const cases: Array<[string, Buffer, RegExp]> = [
      ['dessin.svg', svgWithScript, /SVG/],
      ['vide.jpg', Buffer.alloc(0), /^The file is empty$/],
      ['notes.jpg', Buffer.from('pas une image'), /not an image/],
      ['piege.png', Buffer.concat([image, Buffer.from('<script>alert(1)</script>')]), /script/],
      ['piege2.png', Buffer.concat([image, Buffer.from('%PDF-1.4 …%%EOF')]), /PDF/],
    ];
    const before = await t.db
      .selectFrom('tips')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    for (const [name, data, pattern] of cases) {
      const error = assertInvalid(
        await sendForm(as.contributor, { what: 'Photo piégée' }, { name, data }),
        'photo',
      );
      assert.match(error.fields!.photo!, pattern, name);
    }
    const tooLarge = await sendForm(
      as.contributor,
      { what: 'x' },
      { name: 'big.png', data: Buffer.concat([image, Buffer.alloc(21 * 1024 * 1024)]) },
    );
    assert.match(assertError(tooLarge, 413, 'payload_too_large').message, /photo is larger than 20 MB/);
    assertStatus(await sendForm(as.contributor, { what: 'x' }, { name: 'a.png', data: image }), 201);
    const after = await t.db
      .selectFrom('tips')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n) + 1);
  });
});

describe('reading tips', () => {
  test('the tipper sees theirs, correspondents their labs’, the cell all; others an empty list; 401 for nobody', async () => {
    const mine = await sendTip(as.contributor, { what: 'Une découverte dans les archives' });
    const theirs = await sendTip(as.otherCorrespondent, { what: 'Anniversaire du labo' });
    const ids = async (headers: Record<string, string>, query = '') => {
      const response = await inject('GET', `/api/tips${query}`, headers);
      assertStatus(response, 200);
      const page = response.json() as { items: Presented[]; total: number };
      assert.equal(page.total >= page.items.length, true);
      return page.items.map((item) => item.id);
    };
    assertError(await inject('GET', '/api/tips', as.anonymous), 401);
    const contributorSees = await ids(as.contributor);
    assert.ok(contributorSees.includes(mine.id) && !contributorSees.includes(theirs.id));
    assert.ok((await ids(as.correspondent)).includes(mine.id));
    assert.ok(!(await ids(as.correspondent)).includes(theirs.id));
    const otherSees = await ids(as.otherCorrespondent);
    assert.ok(otherSees.includes(theirs.id) && !otherSees.includes(mine.id));
    const cellSees = await ids(as.cell);
    assert.ok(cellSees.includes(mine.id) && cellSees.includes(theirs.id));
    assert.equal(cellSees[0], theirs.id, 'newest first');
    assert.deepEqual(await ids(as.drOfficer), []);
    const ofOtherLab = (await inject('GET', `/api/tips?lab=${otherLab.id}`, as.cell)).json()
      .items as Presented[];
    assert.ok(ofOtherLab.some((item) => item.id === theirs.id));
    assert.ok(ofOtherLab.every((item) => item.lab.id === otherLab.id));
    assert.deepEqual(await ids(as.cell, '?state=dismissed'), []);
    const paged = (await inject('GET', '/api/tips?limit=1&offset=1', as.cell)).json();
    assert.equal(paged.items.length, 1);
    assert.equal(paged.total, cellSees.length);
    assertInvalid(await inject('GET', '/api/tips?state=lost', as.cell), 'state');

    const one = await inject('GET', `/api/tips/${mine.id}`, as.correspondent);
    assertStatus(one, 200);
    assert.deepEqual(one.json().abilities, { convert: true, dismiss: true });
    assert.deepEqual((await inject('GET', `/api/tips/${mine.id}`, as.cell)).json().abilities, {
      convert: false,
      dismiss: false,
    });
    assertError(await inject('GET', `/api/tips/${mine.id}`, as.otherCorrespondent), 404);
    assertError(await inject('GET', `/api/tips/${mine.id}`, as.drOfficer), 404);
    assertError(await inject('GET', `/api/tips/${mine.id}`, as.anonymous), 401);
    assertError(await inject('GET', `/api/tips/${mine.id}/photo`, as.correspondent), 404);
  });

  test('a photo is seen by those who see the tip only', async () => {
    const response = await sendForm(
      as.contributor,
      { what: 'Photo du prototype' },
      { name: 'p.png', data: await png() },
    );
    const tip = response.json() as Presented;
    assertStatus(await inject('GET', tip.photoUrl!, as.contributor), 200);
    assertStatus(await inject('GET', tip.photoUrl!, as.cell), 200);
    assertError(await inject('GET', tip.photoUrl!, as.otherCorrespondent), 404);
    assertError(await inject('GET', tip.photoUrl!, as.anonymous), 401);
  });
});

describe('answering a tip', () => {
  test('convert: the lab’s correspondent turns it into a draft story with the photo as first image; the tipper hears of it', async () => {
    const response = await sendForm(
      as.contributor,
      {
        what: `${'Le démonstrateur du détecteur sera présenté à la presse régionale '.repeat(3)}à Lyon.`,
        when: 'vendredi',
        who: 'L’équipe',
      },
      { name: 'proto.jpg', data: await jpegWithGps(800, 600) },
    );
    const tip = response.json() as Presented;
    const url = `/api/tips/${tip.id}/convert`;
    assertError(await inject('POST', url, as.anonymous), 401);
    assertError(await inject('POST', url, as.otherCorrespondent), 404);
    assertError(await inject('POST', url, as.contributor), 403);
    assertError(await inject('POST', url, as.cell), 403);
    assertInvalid(
      await inject('POST', url, as.correspondent, { kind: 'gossip', title: ' ' }),
      'kind',
      'title',
    );

    tick();
    const converted = await inject('POST', url, as.correspondent);
    assertStatus(converted, 200);
    const { tip: after, storyId } = converted.json() as { tip: Presented; storyId: string };
    assert.equal(after.state, 'converted');
    assert.equal(after.storyId, storyId);
    assert.deepEqual(after.abilities, { convert: false, dismiss: false });

    const story = (await inject('GET', `/api/stories/${storyId}`, as.correspondent)).json();
    assert.equal(story.state, 'draft');
    assert.equal(story.kind, 'other');
    assert.ok(story.title.length <= 121 && story.title.endsWith('…'), story.title);
    assert.ok(tip.what.startsWith(story.title.slice(0, -1)));
    assert.equal(story.summary, tip.what);
    assert.match(story.bodyHtml, /Quand :<\/strong> vendredi/);
    assert.deepEqual(
      story.labs.map((item: { id: string }) => item.id),
      [lab.id],
    );
    assert.equal(story.author.id, correspondent.id);
    const row = await t.db
      .selectFrom('stories')
      .select('tip_id')
      .where('id', '=', storyId)
      .executeTakeFirstOrThrow();
    assert.equal(row.tip_id, tip.id);

    const attachments = (await inject('GET', `/api/stories/${storyId}/attachments`, as.correspondent)).json();
    assert.equal(attachments.items.length, 1);
    assert.equal(attachments.items[0].kind, 'image');
    assert.equal(attachments.items[0].position, 0);
    const image = await inject('GET', attachments.items[0].urls.file, as.correspondent);
    assert.deepEqual(await sizeOf(image.rawPayload), { width: 800, height: 600, format: 'webp' });

    const notice = (await notificationsOf(contributor.id, 'tip_answered')).at(-1);
    assert.equal(notice?.data.tipId, tip.id);
    assert.equal(notice?.data.outcome, 'converted');
    await t.runJobs();
    assert.equal(
      (await lastMailTo(t.db, contributor.email))?.subject,
      'Votre suggestion devient une remontée',
    );
    assert.equal((await eventsOf(t.db, tip.id, 'converted')).length, 1);

    assertError(await inject('POST', url, as.correspondent), 409);
    assertError(
      await inject('POST', `/api/tips/${tip.id}/dismiss`, as.correspondent, { message: 'Merci' }),
      409,
    );
    const stories = await t.db.selectFrom('stories').select('id').where('tip_id', '=', tip.id).execute();
    assert.equal(stories.length, 1);
  });

  test('convert with a title and a kind of one’s choosing', async () => {
    const tip = await sendTip(as.contributor, { what: 'Prix Nobel pour une ancienne doctorante' });
    const converted = await inject('POST', `/api/tips/${tip.id}/convert`, as.correspondent, {
      title: 'Une ancienne doctorante reçoit le prix Nobel',
      kind: 'award',
    });
    assertStatus(converted, 200);
    const story = (await inject('GET', `/api/stories/${converted.json().storyId}`, as.correspondent)).json();
    assert.deepEqual(
      [story.title, story.kind, story.attachmentCount],
      ['Une ancienne doctorante reçoit le prix Nobel', 'award', 0],
    );
  });

  test('dismiss: with a word of thanks, which the tipper receives in the app and by mail', async () => {
    const tip = await sendTip(as.contributor, { what: 'Le distributeur de café est réparé' });
    const url = `/api/tips/${tip.id}/dismiss`;
    assertError(await inject('POST', url, as.anonymous, { message: 'Merci' }), 401);
    assertError(await inject('POST', url, as.otherCorrespondent, { message: 'Merci' }), 404);
    assertError(await inject('POST', url, as.contributor, { message: 'Merci' }), 403);
    assertInvalid(await inject('POST', url, as.correspondent, {}), 'message');
    assertInvalid(await inject('POST', url, as.correspondent, { message: '  ' }), 'message');
    assertInvalid(await inject('POST', url, as.correspondent, { message: 'm'.repeat(1001) }), 'message');

    const message = 'Merci beaucoup ! Ce n’est pas pour la lettre, mais gardez l’œil ouvert.';
    await t.runJobs(); // earlier tests' mails first: the worker may send several at once, in any order
    tick();
    const dismissed = await inject('POST', url, as.correspondent, { message });
    assertStatus(dismissed, 200);
    assert.equal(dismissed.json().state, 'dismissed');
    assert.equal(dismissed.json().response, message);
    const notice = (await notificationsOf(contributor.id, 'tip_answered')).at(-1);
    assert.deepEqual(
      [notice?.data.tipId, notice?.data.outcome, notice?.data.message],
      [tip.id, 'dismissed', message],
    );
    await t.runJobs();
    const mail = await lastMailTo(t.db, contributor.email);
    assert.equal(mail?.subject, 'Merci pour votre suggestion');
    assert.ok(mail?.text_body.includes(message));
    assert.equal((await eventsOf(t.db, tip.id, 'dismissed')).at(-1)?.data.message, message);
    assertError(await inject('POST', url, as.correspondent, { message }), 409);
    assertError(await inject('POST', `/api/tips/${tip.id}/convert`, as.correspondent), 409);
    // The tipper still reads the answer.
    assert.equal((await inject('GET', `/api/tips/${tip.id}`, as.contributor)).json().response, message);
  });
});

describe('two correspondents answering at once', () => {
  test('the second one gets a 409 and leaves no story behind', async () => {
    const tip = await sendTip(as.contributor, { what: 'Une éclipse vue de l’observatoire' });
    const stale = await t.db
      .selectFrom('tips')
      .selectAll()
      .where('id', '=', tip.id)
      .executeTakeFirstOrThrow();
    assertStatus(
      await inject('POST', `/api/tips/${tip.id}/dismiss`, as.quiet, { message: 'Déjà traité, merci !' }),
      200,
    );
    const person = await t.db
      .selectFrom('people')
      .selectAll()
      .where('id', '=', correspondent.id)
      .executeTakeFirstOrThrow();
    const actor = makeActor(person, await findGrants(t.db, person.id), 'session', null);
    await assert.rejects(convertTip(t.ctx, actor, stale, {}), (error: HttpError) => error.statusCode === 409);
    const stories = await t.db
      .selectFrom('stories')
      .select('deleted_at')
      .where('tip_id', '=', tip.id)
      .execute();
    assert.equal(stories.length, 0, 'the conversion rolled back whole: no draft was made');
    const after = (await inject('GET', `/api/tips/${tip.id}`, as.contributor)).json() as Presented;
    assert.deepEqual([after.state, after.storyId], ['dismissed', null]);
  });
});
