import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf } from '../../test/expect.ts';
import { createNetwork, createPerson, signInAs } from '../../test/factories.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { ensureDefaultChannels } from './default-channels.ts';

const t = await buildTestApp();
const network = await createNetwork(t);
await ensureDefaultChannels(t.db, t.clock.current.toISOString(), [
  { id: network.delegation.id, code: network.delegation.code, name: network.delegation.name },
  { id: network.otherDelegation.id, code: network.otherDelegation.code, name: network.otherDelegation.name },
]);
const { admin, cell, dircom, drOfficer, correspondent, otherCorrespondent, contributor } = network.people;
const otherOfficer = await createPerson(t.db, {
  roles: [{ role: 'dr_officer', delegationId: network.otherDelegation.id }],
});
const as = {
  admin: await signInAs(t, admin),
  cell: await signInAs(t, cell),
  dircom: await signInAs(t, dircom),
  drOfficer: await signInAs(t, drOfficer),
  otherOfficer: await signInAs(t, otherOfficer),
  correspondent: await signInAs(t, correspondent),
  otherCorrespondent: await signInAs(t, otherCorrespondent),
  contributor: await signInAs(t, contributor),
};
const channels = (await t.db.selectFrom('channels').selectAll().execute()).reduce<Record<string, string>>(
  (map, row) => {
    map[row.slug] = row.id;
    return map;
  },
  {},
);

type Presented = {
  id: string;
  state: string;
  abilities: Record<string, boolean>;
  relays: Array<{ id: string; state: string; url: string; channel: { slug: string } }>;
  excerpt?: string | null;
  embargo: null | { isActive: boolean };
};
const inject = async (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
  t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(payload === undefined ? {} : { payload: payload as object }),
  });
const draft = {
  kind: 'result',
  title: 'Un neutrino d’une énergie record détecté en Méditerranée',
  summary: 'Le télescope sous-marin KM3NeT a enregistré un événement exceptionnel.',
  bodyHtml:
    '<p>Les chercheurs du <strong>laboratoire</strong> ont analysé l’<em>énergie</em> de la particule.</p><script>alert(1)</script><a href="javascript:alert(1)" onclick="x()">lien</a>',
  labIds: [network.lab.id],
  themes: ['Neutrinos', 'Astroparticules'],
  projects: ['KM3NeT'],
  researchers: [{ name: 'Jeanne Rivière', email: 'jeanne.riviere@lab.example' }],
  proposedChannels: ['newsletter', 'press-release'],
};
async function createDraft(overrides: Record<string, unknown> = {}, headers = as.correspondent) {
  const response = await inject('POST', '/api/stories', headers, { ...draft, ...overrides });
  assertStatus(response, 201);
  return response.json() as Presented;
}
async function act(id: string, transition: string, headers: Record<string, string>, payload?: unknown) {
  return inject('POST', `/api/stories/${id}/${transition}`, headers, payload);
}

describe('POST /api/stories', () => {
  test('not signed in → 401; a contributor or another lab → 403; bad input → 400 per field', async () => {
    assertStatus(await inject('POST', '/api/stories', {}, draft), 401);
    assertStatus(await inject('POST', '/api/stories', as.contributor, draft), 403);
    assertStatus(await inject('POST', '/api/stories', as.otherCorrespondent, draft), 403);
    assertInvalid(
      await inject('POST', '/api/stories', as.correspondent, {
        ...draft,
        title: '  ',
        kind: 'gossip',
        labIds: [],
      }),
      'title',
      'kind',
      'labIds',
    );
    assertInvalid(
      await inject('POST', '/api/stories', as.correspondent, {
        ...draft,
        embargo: { date: '2026-12-01', time: '10:00', timeZone: 'Mars/Olympus' },
      }),
      'embargo.timeZone',
    );
    assertInvalid(
      await inject('POST', '/api/stories', as.cell, {
        ...draft,
        labIds: ['00000000-0000-4000-8000-000000000000'],
      }),
      'labIds',
    );
  });

  test('a correspondent creates a draft; the body is sanitized; history records it', async () => {
    const story = await createDraft();
    assert.equal(story.state, 'draft');
    const full = (await inject('GET', `/api/stories/${story.id}`, as.correspondent)).json() as {
      bodyHtml: string;
    };
    assert.doesNotMatch(full.bodyHtml, /script|javascript:|onclick/i);
    assert.match(full.bodyHtml, /<strong>laboratoire<\/strong>/);
    assert.equal((await eventsOf(t.db, story.id, 'created')).length, 1);
  });
});

describe('the workflow, end to end', () => {
  test('submit → request changes → resubmit → accept → relay to two channels → published, with notifications and mail', async () => {
    const story = await createDraft();
    assertStatus(await act(story.id, 'accept', as.cell), 404); // a draft is invisible to the cell
    const submitted = await act(story.id, 'submit', as.correspondent);
    assertStatus(submitted, 200);
    assert.equal(submitted.json().state, 'submitted');
    assertError(await act(story.id, 'submit', as.correspondent), 403);
    assertStatus(await act(story.id, 'accept', as.correspondent), 403);
    assertInvalid(await act(story.id, 'request-changes', as.cell, {}), 'message');
    const changes = await act(story.id, 'request-changes', as.cell, {
      message: 'Ajoutez une photo du détecteur.',
    });
    assert.equal(changes.json().state, 'changes_requested');
    assertStatus(
      await inject('PATCH', `/api/stories/${story.id}`, as.correspondent, {
        summary: 'Résumé revu avec une photo.',
      }),
      200,
    );
    assert.equal((await act(story.id, 'submit', as.correspondent)).json().state, 'submitted');
    assert.equal((await act(story.id, 'review', as.cell)).json().state, 'in_review');
    const accepted = await act(story.id, 'accept', as.cell);
    assert.equal(accepted.json().state, 'accepted');
    assertStatus(
      await inject('POST', `/api/stories/${story.id}/relays`, as.correspondent, {
        channelIds: [channels.newsletter],
      }),
      403,
    );
    const relayed = await inject('POST', `/api/stories/${story.id}/relays`, as.cell, {
      channelIds: [channels.newsletter, channels['press-release']],
    });
    assertStatus(relayed, 200);
    const relays = (relayed.json() as Presented).relays;
    assert.deepEqual(
      relays.map((relay) => relay.state),
      ['proposed', 'proposed'],
    );
    assertError(
      await inject('POST', `/api/stories/${story.id}/relays`, as.cell, { channelIds: [channels.newsletter] }),
      409,
    );
    const press = relays.find((relay) => relay.channel.slug === 'press-release')!;
    const newsletter = relays.find((relay) => relay.channel.slug === 'newsletter')!;
    // The Dircom sees the story once it is relayed to a national channel, and records the outcome there only.
    assertStatus(await inject('GET', `/api/stories/${story.id}`, as.dircom), 200);
    // The Dircom's "to handle" view: stories relayed to a national channel whose outcome is pending.
    const ids = async (query: string) =>
      ((await inject('GET', `/api/stories?${query}`, as.dircom)).json() as { items: Presented[] }).items.map(
        (item) => item.id,
      );
    assert.ok((await ids('relayScope=national&relayState=proposed&relayState=sent')).includes(story.id));
    assert.ok(!(await ids('relayScope=regional')).includes(story.id));
    assertInvalid(await inject('GET', '/api/stories?relayScope=planet', as.dircom), 'relayScope');
    assertStatus(await inject('POST', `/api/relays/${newsletter.id}/sent`, as.dircom), 403);
    assertInvalid(
      await inject('POST', `/api/relays/${press.id}/published`, as.dircom, { url: 'javascript:alert(1)' }),
      'url',
    );
    const published = await inject('POST', `/api/relays/${press.id}/published`, as.dircom, {
      url: 'https://www.cnrs.fr/fr/presse/neutrino',
      publishedOn: '2026-11-25',
    });
    assertStatus(published, 200);
    assert.ok(!(await ids('relayScope=national&relayState=proposed&relayState=sent')).includes(story.id));
    assert.ok((await ids('relayScope=national&relayState=published')).includes(story.id));
    assertError(
      await inject('POST', `/api/relays/${press.id}/not-taken`, as.cell, { reason: 'trop tard' }),
      409,
    );
    const notTaken = await inject('POST', `/api/relays/${newsletter.id}/not-taken`, as.cell, {
      reason: 'Déjà couvert le mois dernier',
    });
    const final = notTaken.json() as Presented;
    assert.deepEqual(final.relays.map((relay) => [relay.channel.slug, relay.state]).sort(), [
      ['newsletter', 'not_taken'],
      ['press-release', 'published'],
    ]);
    const actions = (await eventsOf(t.db, story.id)).map((event) => event.action);
    for (const action of [
      'created',
      'submit',
      'request-changes',
      'updated',
      'review',
      'accept',
      'relayed',
      'relay_published',
      'relay_not_taken',
    ]) {
      assert.ok(actions.includes(action), `history has ${action}`);
    }
    // The correspondent sees the outcomes in "my stories" and got the notifications, in the app and by mail.
    const mine = (await inject('GET', '/api/stories?mine=true', as.correspondent)).json() as {
      items: Presented[];
    };
    assert.ok(
      mine.items.some(
        (item) =>
          item.id === story.id &&
          item.relays.some((relay) => relay.url === 'https://www.cnrs.fr/fr/presse/neutrino'),
      ),
    );
    const notified = await t.db
      .selectFrom('notifications')
      .select('kind')
      .where('recipient_id', '=', correspondent.id)
      .where('story_id', '=', story.id)
      .execute();
    const kinds = notified.map((row) => row.kind).sort();
    assert.deepEqual(
      kinds,
      [
        'relay_not_taken',
        'relay_published',
        'story_accepted',
        'story_changes_requested',
        'story_relayed',
      ].sort(),
    );
    await t.runJobs();
    const mails = await t.db
      .selectFrom('outbox_messages')
      .select(['subject', 'stream'])
      .where('to_address', '=', correspondent.email)
      .execute();
    assert.ok(
      mails.some(
        (mail) => mail.subject.startsWith('Modifications demandées') && mail.stream === 'notifications',
      ),
    );
    assert.ok(mails.some((mail) => mail.subject.startsWith('Publiée')));
    await t.runJobs();
    const cellMails = await t.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('to_address', '=', cell.email)
      .execute();
    assert.ok(cellMails.some((mail) => mail.subject.startsWith('Nouvelle remontée à relire')));
  });

  test('decline needs a reason; a declined story is hidden from other labs but seen by the DR officer', async () => {
    const story = await createDraft();
    await act(story.id, 'submit', as.correspondent);
    assertInvalid(await act(story.id, 'decline', as.cell, { message: ' ' }), 'message');
    assert.equal(
      (await act(story.id, 'decline', as.cell, { message: 'Hors du périmètre de la lettre.' })).json().state,
      'declined',
    );
    assertStatus(await inject('GET', `/api/stories/${story.id}`, as.otherCorrespondent), 404);
    assertStatus(await inject('GET', `/api/stories/${story.id}`, as.drOfficer), 200);
    assertStatus(await inject('GET', `/api/stories/${story.id}`, as.otherOfficer), 404);
  });

  test('a DR officer relays to the regional channel of their delegation only', async () => {
    const story = await createDraft();
    await act(story.id, 'submit', as.correspondent);
    await act(story.id, 'accept', as.cell);
    const own = channels[`regional-${network.delegation.code.toLowerCase()}`]!;
    const other = channels[`regional-${network.otherDelegation.code.toLowerCase()}`]!;
    assertStatus(
      await inject('POST', `/api/stories/${story.id}/relays`, as.drOfficer, { channelIds: [other] }),
      403,
    );
    assertStatus(
      await inject('POST', `/api/stories/${story.id}/relays`, as.drOfficer, {
        channelIds: [channels.newsletter],
      }),
      403,
    );
    assertStatus(
      await inject('POST', `/api/stories/${story.id}/relays`, as.drOfficer, { channelIds: [own] }),
      200,
    );
    assertStatus(
      await inject('POST', `/api/stories/${story.id}/relays`, as.otherOfficer, { channelIds: [other] }),
      403,
    );
  });

  test('a draft is private to the lab; only drafts can be deleted', async () => {
    const story = await createDraft();
    for (const who of [as.cell, as.otherCorrespondent, as.drOfficer, as.dircom, as.contributor]) {
      assertStatus(await inject('GET', `/api/stories/${story.id}`, who), 404);
    }
    assertStatus(await inject('GET', `/api/stories/${story.id}`, {}), 401);
    assertStatus(await inject('DELETE', `/api/stories/${story.id}`, as.correspondent), 204);
    assertStatus(await inject('GET', `/api/stories/${story.id}`, as.correspondent), 404);
  });
});

describe('embargo', () => {
  test('an embargoed story is invisible to others — by id, list, search and mail — until the embargo lifts', async () => {
    // 2026-11-24T09:00Z now; embargo 2026-11-26 10:00 Paris = 09:00Z.
    const story = await createDraft({
      title: 'Résultat sous embargo Nature',
      embargo: { date: '2026-11-26', time: '10:00', timeZone: 'Europe/Paris' },
    });
    assert.equal(story.embargo?.isActive, true);
    await act(story.id, 'submit', as.correspondent);
    await act(story.id, 'accept', as.cell);
    for (const who of [as.otherCorrespondent, as.drOfficer, as.contributor, as.dircom]) {
      assertStatus(await inject('GET', `/api/stories/${story.id}`, who), 404);
      const listed = (await inject('GET', '/api/stories', who)).json() as { items: Presented[] };
      assert.ok(!listed.items.some((item) => item.id === story.id));
      const searched = (
        await inject('GET', `/api/stories?q=${encodeURIComponent('embargo nature')}`, who)
      ).json() as { items: Presented[] };
      assert.equal(searched.items.length, 0);
    }
    const cellSearch = (
      await inject('GET', `/api/stories?q=${encodeURIComponent('embargo nature')}`, as.cell)
    ).json() as { items: Presented[] };
    assert.deepEqual(
      cellSearch.items.map((item) => item.id),
      [story.id],
    );
    // No mail about it reached the DR officer (who cannot read it yet).
    await t.runJobs();
    const officerMails = await t.db
      .selectFrom('outbox_messages')
      .select('subject')
      .where('to_address', '=', drOfficer.email)
      .execute();
    assert.ok(!officerMails.some((mail) => mail.subject.includes('sous embargo')));
    t.clock.current = new Date('2026-11-26T08:59:59.000Z');
    assertStatus(await inject('GET', `/api/stories/${story.id}`, as.otherCorrespondent), 404);
    t.clock.current = new Date('2026-11-26T09:00:00.000Z');
    assertStatus(await inject('GET', `/api/stories/${story.id}`, as.otherCorrespondent), 200);
    const searched = (
      await inject('GET', `/api/stories?q=${encodeURIComponent('embargo nature')}`, as.otherCorrespondent)
    ).json() as { items: Presented[] };
    assert.deepEqual(
      searched.items.map((item) => item.id),
      [story.id],
    );
    t.clock.current = new Date('2026-11-24T09:00:00.000Z');
  });
});

describe('search', () => {
  test('is insensitive to accents and case, ranked, with highlighted excerpts, and filtered', async () => {
    const story = await createDraft({
      title: 'Énergie des rayons cosmiques',
      summary: 'Une mesure de l’Énergie.',
      themes: ['Astroparticules'],
    });
    await act(story.id, 'submit', as.correspondent);
    for (const q of ['energie', 'ÉNERGIE', 'rayons cosmiques']) {
      const found = (await inject('GET', `/api/stories?q=${encodeURIComponent(q)}`, as.cell)).json() as {
        items: Presented[];
      };
      assert.ok(
        found.items.some((item) => item.id === story.id),
        q,
      );
      const hit = found.items.find((item) => item.id === story.id)!;
      assert.ok((hit.excerpt ?? '').includes('\u0002'), 'the excerpt marks the match');
    }
    const filtered = (
      await inject('GET', `/api/stories?q=energie&lab=${network.otherLab.id}`, as.cell)
    ).json() as { items: Presented[] };
    assert.ok(!filtered.items.some((item) => item.id === story.id));
    const byTheme = (
      await inject(
        'GET',
        `/api/stories?theme=${encodeURIComponent('Astroparticules')}&state=submitted`,
        as.cell,
      )
    ).json() as { items: Presented[] };
    assert.ok(byTheme.items.some((item) => item.id === story.id));
    assertInvalid(await inject('GET', '/api/stories?state=lost', as.cell), 'state.0');
    const listed = (
      await inject('GET', '/api/stories?state=submitted&state=in_review&sort=waiting', as.cell)
    ).json();
    assert.equal(listed.isTotalCapped, false);
    assert.equal(listed.total, listed.items.length);
    assertStatus(await inject('GET', '/api/stories', {}), 401);
  });
});
