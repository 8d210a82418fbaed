import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createLab, createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { formData, png } from '../attachments/test-files.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
const { admin, cell, dircom, drOfficer, correspondent, otherCorrespondent, contributor } = network.people;
const secondLab = await createLab(t.db, { delegationId: network.delegation.id, acronym: 'LPNHE' });
const secondCorrespondent = await createPerson(t.db, {
  labId: secondLab.id,
  roles: [{ role: 'correspondent', labId: secondLab.id }],
});
const otherOfficer = await createPerson(t.db, {
  roles: [{ role: 'dr_officer', delegationId: network.otherDelegation.id }],
});
const otherDircom = await createPerson(t.db, { roles: [{ role: 'dircom' }] });
const as = {
  anonymous: {},
  admin: await signInAs(t, admin),
  cell: await signInAs(t, cell),
  dircom: await signInAs(t, dircom),
  otherDircom: await signInAs(t, otherDircom),
  drOfficer: await signInAs(t, drOfficer),
  otherOfficer: await signInAs(t, otherOfficer),
  correspondent: await signInAs(t, correspondent),
  secondCorrespondent: await signInAs(t, secondCorrespondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
  contributor: await signInAs(t, contributor),
};

type Board = Array<{
  lab: { id: string; acronym: string };
  state: string;
  isLate: boolean;
  answerCount: number;
  reminders: Array<{ id: string; state: string; step: number; abilities: Record<string, boolean> }>;
}>;
type Detail = {
  id: string;
  number: number;
  state: string;
  origin: string;
  bodyHtml: string;
  deadline: { at: string; date: string; time: string; timeZone: string };
  targets: { mode: string; labIds: string[] };
  board: Board;
  answers: Array<{
    id: string;
    lab: { id: string };
    kind: string;
    body: string;
    expert: { id: string; name: string } | null;
    stories: Array<{ id: string; title: string }>;
    links: Array<{ url: string }>;
    isLate: boolean;
    usedAt: string | null;
    files: Array<{ urls: { file: string; thumb: string | null } }>;
    abilities: Record<string, boolean>;
  }>;
  summary: null | Record<string, number>;
  myLabs: Array<{ lab: { id: string }; state: string }>;
  abilities: Record<string, boolean>;
};

const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const deadline = { date: '2026-12-10', time: '17:00', timeZone: 'Europe/Paris' };
const base = {
  kind: 'expert',
  title: 'Un·e spécialiste des neutrinos pour France Culture',
  bodyHtml: '<p>Émission du <strong>15 décembre</strong>.</p><script>alert(1)</script>',
  deadline,
};
async function create(headers: Record<string, string>, overrides: Record<string, unknown>) {
  const response = await inject('POST', '/api/requests', headers, { ...base, ...overrides });
  assertStatus(response, 201);
  return response.json() as Detail;
}
const get = async (id: string, headers: Record<string, string>) => {
  const response = await inject('GET', `/api/requests/${id}`, headers);
  assertStatus(response, 200);
  return response.json() as Detail;
};
const notices = async (personId: string, kind: string) =>
  t.db
    .selectFrom('notifications')
    .selectAll()
    .where('recipient_id', '=', personId)
    .where('kind', '=', kind)
    .execute();
const listIds = async (query: string, headers: Record<string, string>) => {
  const response = await inject('GET', `/api/requests${query}`, headers);
  assertStatus(response, 200);
  return (response.json() as { items: Array<{ id: string }> }).items.map((item) => item.id);
};

describe('POST /api/requests', () => {
  test('not signed in → 401; lab side → 403; bad input → 400 per field', async () => {
    const body = { ...base, targetMode: 'labs', labIds: [network.lab.id] };
    assertError(await inject('POST', '/api/requests', as.anonymous, body), 401);
    assertError(await inject('POST', '/api/requests', as.correspondent, body), 403);
    assertError(await inject('POST', '/api/requests', as.contributor, body), 403);
    assertInvalid(
      await inject('POST', '/api/requests', as.cell, {
        ...body,
        title: ' ',
        kind: 'gossip',
        targetMode: 'some',
      }),
      'title',
      'kind',
      'targetMode',
    );
    assertInvalid(
      await inject('POST', '/api/requests', as.cell, {
        ...body,
        deadline: { ...deadline, timeZone: 'Mars/Olympus' },
      }),
      'deadline.timeZone',
    );
    assertInvalid(
      await inject('POST', '/api/requests', as.cell, {
        ...body,
        deadline: { ...deadline, date: '2026-11-01' },
      }),
      'deadline.date',
    );
    assertInvalid(await inject('POST', '/api/requests', as.cell, { ...body, labIds: [] }), 'labIds');
    assertInvalid(
      await inject('POST', '/api/requests', as.cell, {
        ...body,
        labIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      'labIds',
    );
    assertInvalid(
      await inject('POST', '/api/requests', as.cell, { ...body, targetMode: 'delegation' }),
      'delegationId',
    );
    assertInvalid(
      await inject('POST', '/api/requests', as.cell, {
        ...body,
        targetMode: 'people',
        personIds: [contributor.id],
      }),
      'personIds',
    );
    assertInvalid(await inject('POST', '/api/requests', as.cell, { ...body, origin: 'dircom' }), 'origin');
    assertInvalid(
      await inject('POST', '/api/requests', as.cell, { ...body, reminderDays: [0, 99] }),
      'reminderDays.0',
    );
  });

  test('a DR officer only reaches the labs of their delegation: 403 with the field', async () => {
    const outside = await inject('POST', '/api/requests', as.drOfficer, {
      ...base,
      targetMode: 'labs',
      labIds: [network.lab.id, network.otherLab.id],
    });
    assert.ok(assertError(outside, 403).fields?.labIds);
    const everyone = await inject('POST', '/api/requests', as.drOfficer, { ...base, targetMode: 'all_labs' });
    assert.ok(assertError(everyone, 403).fields?.targetMode);
    const otherDelegation = await inject('POST', '/api/requests', as.drOfficer, {
      ...base,
      targetMode: 'delegation',
      delegationId: network.otherDelegation.id,
    });
    assert.ok(assertError(otherDelegation, 403).fields?.delegationId);
    const named = await inject('POST', '/api/requests', as.drOfficer, {
      ...base,
      targetMode: 'people',
      personIds: [otherCorrespondent.id],
    });
    assert.ok(assertError(named, 403).fields?.personIds);
  });
});

describe('a Dircom contact’s request goes through the cell', () => {
  test('to route → hidden from the labs → forwarded (narrowed, with context) → answered → used → closed', async () => {
    const request = await create(as.dircom, {
      targetMode: 'all_labs',
      title: 'Images d’un détecteur pour CNRS Le Journal',
      kind: 'images',
    });
    assert.equal(request.state, 'to_route');
    assert.equal(request.origin, 'dircom');
    assert.doesNotMatch(request.bodyHtml, /script/);
    assert.deepEqual(request.board, [], 'no lab reached yet');
    assert.equal((await notices(cell.id, 'request_to_route')).length, 1);
    assert.equal((await notices(correspondent.id, 'request_arrived')).length, 0);
    // The labs never see it while it is to route; the cell and the Dircom team do.
    assertError(await inject('GET', `/api/requests/${request.id}`, as.correspondent), 404);
    assertError(await inject('GET', `/api/requests/${request.id}`, as.drOfficer), 404);
    assert.ok((await listIds('?box=to_route', as.cell)).includes(request.id));
    assert.ok((await listIds('?box=mine', as.otherDircom)).includes(request.id));
    assert.equal((await listIds('?box=for_my_lab', as.correspondent)).includes(request.id), false);
    assert.equal((await get(request.id, as.cell)).abilities.forward, true);
    assert.equal((await get(request.id, as.dircom)).abilities.forward, false);

    // Only the cell routes it.
    assertError(await inject('POST', `/api/requests/${request.id}/forward`, as.anonymous, {}), 401);
    assertError(await inject('POST', `/api/requests/${request.id}/forward`, as.correspondent, {}), 404);
    assertError(await inject('POST', `/api/requests/${request.id}/forward`, as.dircom, {}), 403);
    assertInvalid(
      await inject('POST', `/api/requests/${request.id}/forward`, as.cell, {
        targetMode: 'labs',
        labIds: [],
      }),
      'labIds',
    );
    const forwarded = await inject('POST', `/api/requests/${request.id}/forward`, as.cell, {
      targetMode: 'labs',
      labIds: [network.lab.id],
      context: 'Plutôt des photos de montage.',
    });
    assertStatus(forwarded, 200);
    const open = forwarded.json() as Detail;
    assert.equal(open.state, 'open');
    assert.deepEqual(
      open.board.map((row) => [row.lab.id, row.state]),
      [[network.lab.id, 'not_seen']],
    );
    assertError(await inject('POST', `/api/requests/${request.id}/forward`, as.cell, {}), 403);
    assert.equal((await notices(correspondent.id, 'request_arrived')).length, 1);
    assert.equal((await notices(dircom.id, 'request_forwarded')).length, 1);
    assert.equal((await notices(otherCorrespondent.id, 'request_arrived')).length, 0);

    // The targeted lab sees it (and opening it marks it seen); another lab does not.
    assertError(await inject('GET', `/api/requests/${request.id}`, as.otherCorrespondent), 404);
    const seenByLab = await get(request.id, as.correspondent);
    assert.equal(seenByLab.board[0]?.state, 'seen');
    assert.deepEqual(seenByLab.targets.labIds, [], 'a lab does not see which labs are asked');
    assert.equal(seenByLab.summary, null);
    assert.equal((await get(request.id, as.contributor)).abilities.answer, false);
    assert.equal((await eventsOf(t.db, request.id, 'seen')).length, 1);
    await get(request.id, as.correspondent);
    assert.equal((await eventsOf(t.db, request.id, 'seen')).length, 1, 'seen once');

    const answered = await inject('POST', `/api/requests/${request.id}/answers`, as.correspondent, {
      kind: 'content',
      body: 'Trois photos du montage de l’expérience, crédit CNRS.',
      links: [{ label: 'Photothèque', url: 'https://images.cnrs.fr/neutrino' }],
    });
    assertStatus(answered, 201);
    const { answerId } = answered.json() as { answerId: string };
    assert.equal((await notices(dircom.id, 'request_answered')).length, 1);
    assert.equal((await notices(cell.id, 'request_answered')).length, 1);
    const asRequester = await get(request.id, as.dircom);
    assert.equal(asRequester.board[0]?.state, 'answered');
    assert.equal(asRequester.answers[0]?.abilities.markUsed, true);
    assertError(
      await inject('POST', `/api/requests/${request.id}/answers/${answerId}/used`, as.correspondent),
      403,
    );
    assertError(
      await inject('POST', `/api/requests/${request.id}/answers/${request.id}/used`, as.dircom),
      404,
    );
    const used = await inject('POST', `/api/requests/${request.id}/answers/${answerId}/used`, as.dircom);
    assertStatus(used, 200);
    assert.ok((used.json() as Detail).answers[0]?.usedAt);
    assertError(await inject('POST', `/api/requests/${request.id}/close`, as.correspondent), 403);
    const closed = await inject('POST', `/api/requests/${request.id}/close`, as.dircom);
    assert.equal((closed.json() as Detail).state, 'closed');
    assertError(
      await inject('POST', `/api/requests/${request.id}/answers`, as.correspondent, { kind: 'nothing' }),
      403,
    );
    const actions = (await eventsOf(t.db, request.id)).map((event) => event.action);
    assert.deepEqual(actions, ['created', 'forward', 'seen', 'answered', 'answer_used', 'close']);
    const history = await inject('GET', `/api/requests/${request.id}/history`, as.dircom);
    assertStatus(history, 200);
    assertError(await inject('GET', `/api/requests/${request.id}/history`, as.correspondent), 403);
    assertError(await inject('GET', `/api/requests/${request.id}/history`, as.anonymous), 401);
  });

  test('the cell declines one with a reason, or answers it itself; the requester is told; the labs never see them', async () => {
    const declined = await create(as.dircom, { targetMode: 'labs', labIds: [network.lab.id] });
    assertInvalid(await inject('POST', `/api/requests/${declined.id}/decline`, as.cell, {}), 'message');
    assertError(
      await inject('POST', `/api/requests/${declined.id}/decline`, as.dircom, { message: 'x' }),
      403,
    );
    const refusal = await inject('POST', `/api/requests/${declined.id}/decline`, as.cell, {
      message: 'Déjà traité avec le labo en octobre.',
    });
    assert.equal((refusal.json() as Detail).state, 'declined');
    assertError(await inject('POST', `/api/requests/${declined.id}/forward`, as.cell, {}), 403);
    assertError(await inject('GET', `/api/requests/${declined.id}`, as.correspondent), 404);
    const told = await notices(dircom.id, 'request_declined');
    assert.equal(told.at(-1)?.data.message, 'Déjà traité avec le labo en octobre.');

    const settled = await create(as.dircom, { targetMode: 'labs', labIds: [network.lab.id] });
    const answer = await inject('POST', `/api/requests/${settled.id}/answer-by-cell`, as.cell, {
      message: 'Contactez Jeanne Rivière (IJCLab), elle a accepté.',
    });
    assert.equal((answer.json() as Detail).state, 'answered_by_cell');
    assert.equal((await notices(dircom.id, 'request_answered_by_cell')).length, 1);
    assertError(await inject('GET', `/api/requests/${settled.id}`, as.correspondent), 404);
    assertError(await inject('POST', `/api/requests/${settled.id}/decline`, as.cell, { message: 'x' }), 403);

    // A requester withdraws a request still to route.
    const withdrawn = await create(as.dircom, { targetMode: 'all_labs' });
    assert.equal(
      (await inject('POST', `/api/requests/${withdrawn.id}/close`, as.dircom, {})).json().state,
      'closed',
    );
    assertError(await inject('GET', `/api/requests/${withdrawn.id}`, as.correspondent), 404);
  });
});

describe('a DR officer’s request to the labs of their delegation', () => {
  test('straight to the labs; board per lab; each lab sees its own answers only; the requester sees all', async () => {
    const request = await create(as.drOfficer, {
      targetMode: 'delegation',
      delegationId: network.delegation.id,
      kind: 'event',
      title: 'Fête de la science : qui tient un stand ?',
    });
    assert.equal(request.state, 'open');
    assert.equal(request.origin, 'dr_officer');
    assert.deepEqual(request.board.map((row) => row.lab.id).sort(), [network.lab.id, secondLab.id].sort());
    assert.equal((await notices(correspondent.id, 'request_arrived')).length >= 1, true);
    assert.equal((await notices(secondCorrespondent.id, 'request_arrived')).length, 1);
    // The cell sees it; another delegation's officer and other labs do not.
    await get(request.id, as.cell);
    assertError(await inject('GET', `/api/requests/${request.id}`, as.otherOfficer), 404);
    assertError(await inject('GET', `/api/requests/${request.id}`, as.otherCorrespondent), 404);
    assertError(await inject('GET', `/api/requests/${request.id}`, as.dircom), 404);
    assertError(await inject('GET', `/api/requests/${request.id}`, as.anonymous), 401);
    assertError(await inject('GET', '/api/requests/00000000-0000-4000-8000-000000000000', as.cell), 404);

    // Answers: bad input, wrong people, then one content answer and one "nothing".
    const url = `/api/requests/${request.id}/answers`;
    assertError(await inject('POST', url, as.anonymous, { kind: 'nothing' }), 401);
    assertError(await inject('POST', url, as.otherCorrespondent, { kind: 'nothing' }), 404);
    assertError(await inject('POST', url, as.contributor, { kind: 'nothing' }), 403);
    assertError(await inject('POST', url, as.drOfficer, { kind: 'nothing' }), 403);
    assertInvalid(await inject('POST', url, as.correspondent, { kind: 'content', body: '  ' }), 'body');
    assertInvalid(
      await inject('POST', url, as.correspondent, {
        kind: 'maybe',
        links: [{ label: 'x', url: 'javascript:alert(1)' }],
      }),
      'kind',
      'links.0.url',
    );
    assertInvalid(
      await inject('POST', url, as.correspondent, {
        kind: 'content',
        expertPersonId: '00000000-0000-4000-8000-000000000000',
      }),
      'expertPersonId',
    );
    assertInvalid(
      await inject('POST', url, as.correspondent, { kind: 'content', body: 'x', labId: network.otherLab.id }),
      'labId',
    );
    assertInvalid(
      await inject('POST', url, as.correspondent, {
        kind: 'content',
        storyIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      'storyIds',
    );
    const story = await inject('POST', '/api/stories', as.correspondent, {
      kind: 'event',
      title: 'Notre stand de 2025',
      labIds: [network.lab.id],
    });
    const storyId = (story.json() as { id: string }).id;
    const answered = await inject('POST', url, as.correspondent, {
      kind: 'content',
      body: 'Nous tiendrons un stand sur les détecteurs.',
      expertPersonId: contributor.id,
      storyIds: [storyId],
    });
    assertStatus(answered, 201);
    const { answerId } = answered.json() as { answerId: string };
    assertStatus(
      await inject('POST', url, as.secondCorrespondent, { kind: 'nothing', body: 'Pas cette année.' }),
      201,
    );

    const forLab = await get(request.id, as.correspondent);
    assert.deepEqual(
      forLab.answers.map((answer) => answer.lab.id),
      [network.lab.id],
    );
    assert.deepEqual(
      forLab.board.map((row) => row.lab.id),
      [network.lab.id],
      'a lab sees its own row of the board only',
    );
    assert.equal(forLab.answers[0]?.expert?.id, contributor.id);
    assert.deepEqual(forLab.answers[0]?.stories, [{ id: storyId, title: 'Notre stand de 2025' }]);
    const forSecond = await get(request.id, as.secondCorrespondent);
    assert.deepEqual(
      forSecond.answers.map((answer) => answer.kind),
      ['nothing'],
    );
    const forRequester = await get(request.id, as.drOfficer);
    assert.equal(forRequester.answers.length, 2);
    assert.deepEqual(Object.fromEntries(forRequester.board.map((row) => [row.lab.id, row.state])), {
      [network.lab.id]: 'answered',
      [secondLab.id]: 'declined',
    });
    assert.deepEqual(forRequester.summary, {
      labs: 2,
      notSeen: 0,
      seen: 0,
      answered: 1,
      declined: 1,
      late: 0,
    });
    // The draft story stays the lab's: the requester sees the link without its title.
    assert.deepEqual(forRequester.answers[0]?.stories, []);
    assert.equal((await get(request.id, as.cell)).answers.length, 2);
    assert.equal((await notices(drOfficer.id, 'request_answered')).length, 2);

    // Files of an answer: its lab's correspondents add them; its readers fetch them.
    const form = await formData({}, { name: 'stand.png', data: await png() });
    const upload = (headers: Record<string, string>) =>
      t.app.inject({
        method: 'POST',
        url: `/api/requests/${request.id}/answers/${answerId}/files`,
        headers: { ...headers, ...form.headers },
        payload: form.payload,
      });
    assertError(await upload(as.anonymous), 401);
    assertError(await upload(as.secondCorrespondent), 404);
    assertError(await upload(as.drOfficer), 403);
    assertInvalid(
      await inject('POST', `/api/requests/${request.id}/answers/${answerId}/files`, as.correspondent, {}),
      'file',
    );
    const uploaded = await upload(as.correspondent);
    assertStatus(uploaded, 201);
    const file = uploaded.json() as { urls: { file: string; thumb: string } };
    const served = await inject('GET', file.urls.file, as.drOfficer);
    assertStatus(served, 200);
    assert.equal(served.headers['content-type'], 'image/webp');
    assertStatus(await inject('GET', file.urls.thumb, as.correspondent), 200);
    assertError(await inject('GET', file.urls.file, as.secondCorrespondent), 404);
    assertError(await inject('GET', file.urls.file, as.otherCorrespondent), 404);

    const lists = await listIds('?box=for_my_lab', as.secondCorrespondent);
    assert.ok(lists.includes(request.id));
    // Both labs have answered ("nothing" counts): nothing waits for them any more.
    assert.equal((await listIds('?waiting=true', as.secondCorrespondent)).includes(request.id), false);
    assert.equal((await listIds('?waiting=true', as.correspondent)).includes(request.id), false);
    assert.ok((await listIds(`?lab=${secondLab.id}`, as.drOfficer)).includes(request.id));
    assert.equal((await listIds('?box=mine', as.cell)).includes(request.id), false);
  });

  test('named correspondents: the lab is reached through them, and only they are told', async () => {
    const before = (await notices(correspondent.id, 'request_arrived')).length;
    const request = await create(as.cell, { targetMode: 'people', personIds: [secondCorrespondent.id] });
    assert.deepEqual(
      request.board.map((row) => row.lab.id),
      [secondLab.id],
    );
    assert.equal((await notices(correspondent.id, 'request_arrived')).length, before);
    assert.ok((await listIds('?waiting=true', as.secondCorrespondent)).includes(request.id));
    assert.equal((await listIds('?waiting=true', as.correspondent)).includes(request.id), false);
    assert.equal((await notices(secondCorrespondent.id, 'request_arrived')).length >= 2, true);
  });
});

describe('seen, used and unused, forwarding after the deadline passed', () => {
  test('POST /seen: the lab’s correspondents only; /used then /unused; a passed deadline must be renewed to forward', async () => {
    const request = await create(as.cell, { targetMode: 'labs', labIds: [network.lab.id] });
    const seen = `/api/requests/${request.id}/seen`;
    assertError(await inject('POST', seen, as.anonymous), 401);
    assertError(await inject('POST', seen, as.otherCorrespondent), 404);
    assertError(await inject('POST', seen, as.cell), 403);
    assertError(await inject('POST', seen, as.contributor), 403);
    assertError(await inject('POST', seen, as.correspondent, { extra: 1 }), 400);
    const marked = await inject('POST', seen, as.correspondent);
    assertStatus(marked, 200);
    assert.equal((marked.json() as Detail).myLabs[0]?.state, 'seen');

    const answered = await inject('POST', `/api/requests/${request.id}/answers`, as.correspondent, {
      kind: 'content',
      body: 'Voici.',
    });
    const { answerId } = answered.json() as { answerId: string };
    const used = await inject('POST', `/api/requests/${request.id}/answers/${answerId}/used`, as.cell);
    assert.ok((used.json() as Detail).answers[0]?.usedAt);
    assert.equal((used.json() as Detail).answers[0]?.abilities.unmarkUsed, true);
    const unused = await inject('POST', `/api/requests/${request.id}/answers/${answerId}/unused`, as.cell);
    assert.equal((unused.json() as Detail).answers[0]?.usedAt, null);
    assert.deepEqual((await eventsOf(t.db, request.id)).map((event) => event.action).slice(-2), [
      'answer_used',
      'answer_unused',
    ]);

    const soon = await create(as.dircom, {
      targetMode: 'labs',
      labIds: [network.lab.id],
      deadline: { date: '2026-11-25', time: '12:00', timeZone: 'Europe/Paris' },
    });
    t.clock.current = new Date('2026-11-26T09:00:00.000Z');
    try {
      assertInvalid(await inject('POST', `/api/requests/${soon.id}/forward`, as.cell, {}), 'deadline.date');
      const forwarded = await inject('POST', `/api/requests/${soon.id}/forward`, as.cell, {
        deadline: { date: '2026-12-05', time: '12:00', timeZone: 'Europe/Paris' },
      });
      assertStatus(forwarded, 200);
      assert.deepEqual((forwarded.json() as Detail).deadline, {
        at: '2026-12-05T11:00:00.000Z',
        date: '2026-12-05',
        time: '12:00',
        timeZone: 'Europe/Paris',
      });
    } finally {
      t.clock.current = new Date('2026-11-24T09:00:00.000Z');
    }
  });
});

describe('the board: late after the deadline', () => {
  test('a lab that has not answered by the deadline is late; one that answered in time is not', async () => {
    const request = await create(as.cell, {
      targetMode: 'labs',
      labIds: [network.lab.id, secondLab.id],
      deadline: { date: '2026-11-26', time: '12:00', timeZone: 'Europe/Paris' },
    });
    assertStatus(
      await inject('POST', `/api/requests/${request.id}/answers`, as.correspondent, {
        kind: 'content',
        body: 'Oui.',
      }),
      201,
    );
    t.clock.current = new Date('2026-11-27T09:00:00.000Z');
    try {
      const board = (await get(request.id, as.cell)).board;
      const byLab = Object.fromEntries(board.map((row) => [row.lab.id, row]));
      assert.equal(byLab[network.lab.id]?.isLate, false);
      assert.equal(byLab[secondLab.id]?.isLate, true);
      assert.equal(byLab[secondLab.id]?.state, 'not_seen');
      // The lists count the same, in the database.
      const listed = await inject('GET', '/api/requests?limit=100', as.cell);
      const item = (
        listed.json() as { items: Array<{ id: string; summary: Record<string, number> }> }
      ).items.find((candidate) => candidate.id === request.id);
      assert.deepEqual(item?.summary, { labs: 2, notSeen: 1, seen: 0, answered: 1, declined: 0, late: 1 });
      // A late answer is still welcome, and marked late.
      const late = await inject('POST', `/api/requests/${request.id}/answers`, as.secondCorrespondent, {
        kind: 'content',
        body: 'En retard, mais voici.',
      });
      assertStatus(late, 201);
      const after = late.json() as { request: Detail };
      assert.equal(after.request.answers.find((answer) => answer.lab.id === secondLab.id)?.isLate, true);
      assert.equal(after.request.board.find((row) => row.lab.id === secondLab.id)?.isLate, true);
    } finally {
      t.clock.current = new Date('2026-11-24T09:00:00.000Z');
    }
  });
});

describe('the archive: closed requests and their answers, searchable', () => {
  test('accents and case do not matter; the answers are searched too, within what one may read', async () => {
    const request = await create(as.cell, {
      targetMode: 'labs',
      labIds: [network.lab.id, secondLab.id],
      title: 'Rapport annuel : une page sur les détecteurs',
      kind: 'annual_report',
    });
    await inject('POST', `/api/requests/${request.id}/answers`, as.correspondent, {
      kind: 'content',
      body: 'Le Dr Émilie Durand, spécialiste des NEUTRINOS stériles, accepte.',
    });
    await inject('POST', `/api/requests/${request.id}/answers`, as.secondCorrespondent, {
      kind: 'content',
      body: 'Photographie de la chambre à bulles.',
    });
    await inject('POST', `/api/requests/${request.id}/close`, as.cell, {});
    const search = (q: string, headers: Record<string, string>) =>
      listIds(`?state=closed&q=${encodeURIComponent(q)}`, headers);
    assert.ok((await search('DETECTEURS', as.cell)).includes(request.id), 'title, accents folded');
    assert.ok((await search('emilie durand', as.cell)).includes(request.id), 'an answer');
    assert.ok((await search('neutrinos stériles', as.drOfficer)).length >= 0);
    assert.ok((await search('Neutrinos', as.correspondent)).includes(request.id), 'its own answer');
    assert.equal(
      (await search('neutrinos', as.secondCorrespondent)).includes(request.id),
      false,
      'not through another lab’s answer',
    );
    assert.ok((await search('chambre a bulles', as.secondCorrespondent)).includes(request.id));
    assert.equal((await search('neutrinos', as.otherCorrespondent)).length, 0);
    assert.equal((await search('100%_', as.cell)).length, 0, 'LIKE wildcards are plain characters');
    assertInvalid(await inject('GET', '/api/requests?box=everything', as.cell), 'box');
    assertError(await inject('GET', '/api/requests', as.anonymous), 401);
  });
});

describe('solicitations: direct contacts recorded by a lab', () => {
  test('recorded in two clicks; the cell is told; it routes one into a request and dismisses another', async () => {
    const body = { requesterOrganisation: 'CNRS Le Journal', subject: 'Interview sur la matière noire' };
    assertError(await inject('POST', '/api/solicitations', as.anonymous, body), 401);
    assertError(await inject('POST', '/api/solicitations', as.contributor, body), 403);
    assertError(await inject('POST', '/api/solicitations', as.cell, body), 403);
    assertError(
      await inject('POST', '/api/solicitations', as.correspondent, { ...body, labId: network.otherLab.id }),
      403,
    );
    assertInvalid(
      await inject('POST', '/api/solicitations', as.correspondent, {
        subject: ' ',
        contactedOn: '2026-13-01',
      }),
      'subject',
      'requesterOrganisation',
      'contactedOn',
    );
    assertInvalid(
      await inject('POST', '/api/solicitations', as.correspondent, { ...body, contactedOn: '2027-01-01' }),
      'contactedOn',
    );
    const created = await inject('POST', '/api/solicitations', as.correspondent, {
      ...body,
      requesterName: 'Jean Dupont',
      contactedPersonId: contributor.id,
      asked: 'Une interview de 30 minutes la semaine prochaine.',
    });
    assertStatus(created, 201);
    const solicitation = created.json() as {
      id: string;
      state: string;
      contactedOn: string;
      abilities: object;
    };
    assert.equal(solicitation.state, 'new');
    assert.equal(solicitation.contactedOn, '2026-11-24');
    assert.deepEqual(solicitation.abilities, { route: false, dismiss: false });
    assert.equal((await notices(cell.id, 'solicitation_recorded')).length, 1);

    const listed = await inject('GET', '/api/solicitations?q=journal', as.cell);
    assert.ok(listed.json().items.some((item: { id: string }) => item.id === solicitation.id));
    assert.equal((await inject('GET', '/api/solicitations', as.otherCorrespondent)).json().total, 0);
    assertError(await inject('GET', `/api/solicitations/${solicitation.id}`, as.otherCorrespondent), 404);
    assertError(await inject('GET', '/api/solicitations', as.anonymous), 401);

    const url = `/api/solicitations/${solicitation.id}/route`;
    assertError(await inject('POST', url, as.correspondent, { deadline }), 403);
    assertError(await inject('POST', url, as.otherCorrespondent, { deadline }), 404);
    assertInvalid(await inject('POST', url, as.cell, {}), 'deadline');
    const routed = await inject('POST', url, as.cell, { deadline });
    assertStatus(routed, 200);
    const { requestId } = routed.json() as { requestId: string; solicitation: { state: string } };
    assert.equal(routed.json().solicitation.state, 'routed');
    const request = await get(requestId, as.correspondent);
    assert.equal(request.state, 'open');
    assert.deepEqual(
      request.board.map((row) => row.lab.id),
      [network.lab.id],
    );
    assertError(await inject('POST', url, as.cell, { deadline }), 403);

    const another = await inject('POST', '/api/solicitations', as.correspondent, body);
    const dismissUrl = `/api/solicitations/${another.json().id}/dismiss`;
    assertError(await inject('POST', dismissUrl, as.correspondent), 403);
    assert.equal((await inject('POST', dismissUrl, as.cell)).json().state, 'dismissed');
    // The figures: per lab, date and organisation.
    const rows = await t.db
      .selectFrom('solicitations')
      .select(['lab_id', 'contacted_on', 'organisation_key', 'state'])
      .execute();
    assert.deepEqual(rows.map((row) => [row.lab_id, row.organisation_key]).sort(), [
      [network.lab.id, 'cnrs le journal'],
      [network.lab.id, 'cnrs le journal'],
    ]);
  });
});

describe('mail', () => {
  test('notifications go out by mail from the job queue', async () => {
    await t.runJobs();
    const mails = await t.db
      .selectFrom('outbox_messages')
      .select(['to_address', 'subject', 'text_body'])
      .where('to_address', '=', secondCorrespondent.email)
      .execute();
    assert.ok(mails.some((mail) => /^Nouvelle demande — /.test(mail.subject)));
    assert.ok(mails.some((mail) => /http:\/\/relais\.test\/requests\//.test(mail.text_body)));
    const cellMails = await t.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('to_address', '=', cell.email)
      .execute();
    assert.ok(cellMails.some((mail) => /^Demande à router — /.test(mail.subject)));
    assert.ok(cellMails.some((mail) => /^Sollicitation directe signalée — /.test(mail.subject)));
  });

  test('admin sees all requests', async () => {
    const all = await inject('GET', '/api/requests?limit=100', as.admin);
    const total = await t.db
      .selectFrom('requests')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .executeTakeFirstOrThrow();
    assert.equal(all.json().total, Number(total.count));
  });
});
