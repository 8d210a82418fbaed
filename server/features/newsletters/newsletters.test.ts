import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { assertError, assertInvalid, assertStatus, eventsOf, lastMailTo } from '../../test/expect.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { setUpNetwork } from './test-support.ts';

/** The newsletter composer through the API, mail kept in the outbox (no SMTP_URL). */
const t = await buildTestApp();
const { as, inject, acceptedStory, listWith } = await setUpNetwork(t);

type Issue = {
  id: string;
  number: number;
  state: string;
  editoHtml: string;
  sections: Array<{
    key: string;
    title: string;
    items: Array<{ storyId: string; title: string; isVisible: boolean }>;
  }>;
  campaign: { id: string; state: string; lastError: string | null; subject: string };
  archiveUrl: string | null;
  abilities: Record<string, boolean>;
};

async function createIssue(payload: Record<string, unknown> = {}) {
  const response = await inject('POST', '/api/newsletters', as.cell, {
    title: 'La lettre de décembre',
    ...payload,
  });
  assertStatus(response, 201);
  return response.json() as Issue;
}
const getIssue = async (id: string, headers = as.cell) =>
  (await inject('GET', `/api/newsletters/${id}`, headers)).json() as Issue;

describe('who may do what', () => {
  test('nobody signed in: 401; a correspondent or a Dircom contact: 403 on the collection, 404 on an issue', async () => {
    const issue = await createIssue();
    for (const headers of [{}, as.correspondent, as.dircom]) {
      const expected = Object.keys(headers).length ? 403 : 401;
      assertError(await inject('GET', '/api/newsletters', headers), expected);
      assertError(await inject('POST', '/api/newsletters', headers, { title: 'x' }), expected);
      const onIssue = Object.keys(headers).length ? 404 : 401;
      for (const path of ['', '/candidates', '/preview'])
        assertError(await inject('GET', `/api/newsletters/${issue.id}${path}`, headers), onIssue);
      assertError(await inject('PATCH', `/api/newsletters/${issue.id}`, headers, { title: 'x' }), onIssue);
      assertError(await inject('DELETE', `/api/newsletters/${issue.id}`, headers), onIssue);
      for (const [action, payload] of [
        ['test-send', { emails: ['a@b.example'] }],
        ['schedule', { at: '2027-01-01T08:00:00Z' }],
        ['send-now', {}],
      ] as const)
        assertError(
          await inject('POST', `/api/newsletters/${issue.id}/${action}`, headers, payload),
          onIssue,
        );
    }
    // An admin composes too.
    assertStatus(await inject('GET', `/api/newsletters/${issue.id}`, as.admin), 200);
  });

  test('bad input: 400 naming each field, never 500', async () => {
    const issue = await createIssue();
    assertInvalid(await inject('POST', '/api/newsletters', as.cell, { title: '  ' }), 'title');
    assertInvalid(await inject('POST', '/api/newsletters', as.cell, { title: 'x', number: 0 }), 'number');
    assertError(await inject('POST', '/api/newsletters', as.cell, { title: 'x', number: issue.number }), 409);
    assertInvalid(
      await inject('POST', '/api/newsletters', as.cell, { title: 'x', editoHtml: '<p>{{prenom}}</p>' }),
      'editoHtml',
    );
    assertInvalid(
      await inject('POST', '/api/newsletters', as.cell, { title: 'x', listIds: ['nope'] }),
      'listIds',
    );
    const url = `/api/newsletters/${issue.id}`;
    assertError(await inject('PATCH', url, as.cell, {}), 400);
    assertInvalid(await inject('PATCH', url, as.cell, { sections: [] }), 'sections');
    assertInvalid(
      await inject('PATCH', url, as.cell, { sections: [{ key: 'A B', title: 'x' }] }),
      'sections.0.key',
    );
    assertInvalid(
      await inject('PATCH', url, as.cell, {
        items: [{ storyId: '00000000-0000-4000-8000-000000000000', section: 'une' }],
      }),
      'items.0.storyId',
    );
    const story = await acceptedStory({ title: 'Un sujet pour la section inconnue' });
    assertInvalid(
      await inject('PATCH', url, as.cell, { items: [{ storyId: story.id, section: 'nowhere' }] }),
      'items.0.section',
    );
    assertInvalid(
      await inject('PATCH', url, as.cell, {
        items: [
          { storyId: story.id, section: 'une' },
          { storyId: story.id, section: 'labos' },
        ],
      }),
      'items.1.storyId',
    );
    // A story not relayed to the newsletter, or not accepted, is not pickable.
    const elsewhere = await acceptedStory({ title: 'Relayé ailleurs' }, ['social-media']);
    assertInvalid(
      await inject('PATCH', url, as.cell, { items: [{ storyId: elsewhere.id, section: 'une' }] }),
      'items.0.storyId',
    );
    assertInvalid(await inject('GET', `${url}/preview?width=10`, as.cell), 'width');
    assertInvalid(await inject('POST', `${url}/schedule`, as.cell, { at: 'demain' }), 'at');
    assertInvalid(await inject('POST', `${url}/test-send`, as.cell, { emails: ['nope'] }), 'emails.0');
    // Removing a section that still holds a story needs the items moved in the same request.
    assertStatus(
      await inject('PATCH', url, as.cell, { items: [{ storyId: story.id, section: 'agenda' }] }),
      200,
    );
    assertInvalid(
      await inject('PATCH', url, as.cell, { sections: [{ key: 'une', title: 'À la une' }] }),
      'sections',
    );
    assertStatus(await inject('DELETE', url, as.cell), 204);
    assertError(await inject('GET', url, as.cell), 404);
  });
});

describe('composing', () => {
  test('candidates, sections and order, a sanitized edito; the preview escapes everything and follows the section order', async () => {
    const une = await acceptedStory({ title: 'Le <b>neutrino</b> & la mer {{email}}' });
    const labos = await acceptedStory({ title: 'Portes ouvertes au laboratoire' });
    const prix = await acceptedStory({ title: 'Une médaille d’argent du CNRS' });
    const issue = await createIssue({
      editoHtml: '<p>Bonjour {{firstName}},</p><script>alert(1)</script><img src=x onerror=alert(1)>',
    });
    assert.deepEqual(
      issue.sections.map((section) => section.title),
      ['À la une', 'Vie des labos', 'Prix et distinctions', 'Agenda'],
    );
    assert.equal(issue.editoHtml, '<p>Bonjour {{firstName}},</p>');
    assert.equal(issue.state, 'draft');
    assert.equal(issue.abilities.schedule, true);

    const candidates = (await inject('GET', `/api/newsletters/${issue.id}/candidates`, as.cell)).json() as {
      items: Array<{ storyId: string; relay: { state: string } }>;
    };
    for (const story of [une, labos, prix])
      assert.ok(candidates.items.some((item) => item.storyId === story.id));

    const patched = await inject('PATCH', `/api/newsletters/${issue.id}`, as.cell, {
      title: 'La lettre <i>de</i> décembre',
      items: [
        { storyId: prix.id, section: 'prix' },
        { storyId: labos.id, section: 'labos' },
        { storyId: une.id, section: 'une' },
      ],
    });
    assertStatus(patched, 200);
    const composed = patched.json() as Issue;
    assert.deepEqual(
      composed.sections.map((section) => section.items.map((item) => item.storyId)),
      [[une.id], [labos.id], [prix.id], []],
    );
    // Picked stories are no longer candidates.
    const after = (await inject('GET', `/api/newsletters/${issue.id}/candidates`, as.cell)).json() as {
      items: Array<{ storyId: string }>;
    };
    assert.ok(!after.items.some((item) => item.storyId === une.id));

    const preview = await inject('GET', `/api/newsletters/${issue.id}/preview`, as.cell);
    assertStatus(preview, 200);
    assert.match(String(preview.headers['content-type']), /text\/html/);
    assert.match(String(preview.headers['content-security-policy']), /default-src 'none'/);
    const html = preview.body;
    const positions = [
      'À la une',
      'Portes ouvertes au laboratoire',
      'Prix et distinctions',
      'Une médaille',
    ].map((text) => html.indexOf(text));
    assert.ok(
      positions.every((position) => position > 0),
      String(positions),
    );
    assert.deepEqual(
      [...positions].sort((a, b) => a - b),
      positions,
    );
    assert.ok(html.indexOf('Le &lt;b&gt;neutrino&lt;/b&gt; &amp; la mer &#123;&#123;email}}') > 0);
    assert.ok(html.includes('La lettre &lt;i&gt;de&lt;/i&gt; décembre'));
    assert.doesNotMatch(html, /<script|onerror|<b>neutrino/);
    // Placeholders filled with sample values: the viewer's first name, the footer's links.
    assert.match(html, /Bonjour [^{<]+,/);
    assert.match(html, /abonne@example\.org/);
    assert.doesNotMatch(html, /\{\{\s*\w+\s*\}\}/);

    const phone = await inject('GET', `/api/newsletters/${issue.id}/preview?width=375`, as.cell);
    assertStatus(phone, 200);
    assert.match(phone.body, /<iframe[^>]+sandbox srcdoc="/);
    assert.match(phone.body, /width:375px/);

    // The campaign follows the issue: subject, and a body from which the text part is made.
    const campaign = (await inject('GET', `/api/campaigns/${issue.campaign.id}`, as.cell)).json() as {
      subject: string;
      bodyHtml: string;
      kind: string;
    };
    assert.equal(campaign.kind, 'newsletter');
    assert.equal(campaign.subject, `La lettre <i>de</i> décembre — n° ${issue.number}`);
    assert.match(campaign.bodyHtml, /Portes ouvertes au laboratoire/);

    // Test send: lands in the outbox, marked [Test].
    const listId = await listWith(['lecteur@lettre.example']);
    assertStatus(await inject('PATCH', `/api/newsletters/${issue.id}`, as.cell, { listIds: [listId] }), 200);
    const tested = await inject('POST', `/api/newsletters/${issue.id}/test-send`, as.cell, {
      emails: ['relecture@cell.example'],
    });
    assertStatus(tested, 200);
    assert.equal(tested.json().results[0].state, 'sent');
    const mail = await lastMailTo(t.db, 'relecture@cell.example');
    assert.match(mail!.subject, /^\[Test\] La lettre <i>de<\/i> décembre/);
    assert.match(mail!.html_body!, /Portes ouvertes au laboratoire/);
    assert.match(mail!.text_body, /Une médaille d’argent du CNRS/);
    assert.deepEqual(
      (await eventsOf(t.db, issue.id)).map((event) => event.action),
      ['created', 'updated', 'updated'],
    );
  });
});

describe('embargo', () => {
  test('a story under embargo: the issue cannot go out before it lifts; others never see it; checked again at send time', async () => {
    const free = await acceptedStory({ title: 'Un sujet sans embargo' });
    const secret = await acceptedStory({
      title: 'La découverte sous embargo',
      summary: 'Résumé secret.',
      embargo: { date: '2026-12-03', time: '10:00', timeZone: 'Europe/Paris' },
    });
    const listId = await listWith(['abonne1@lettre.example', 'abonne2@lettre.example']);
    const issue = await createIssue({ listIds: [listId] });
    const candidates = (await inject('GET', `/api/newsletters/${issue.id}/candidates`, as.cell)).json() as {
      items: Array<{ storyId: string; embargo: { until: string; isActive: boolean } | null }>;
    };
    const candidate = candidates.items.find((item) => item.storyId === secret.id)!;
    // An admin does not handle the story: it is not among their candidates before its time.
    const forAdminCandidates = (
      await inject('GET', `/api/newsletters/${issue.id}/candidates`, as.admin)
    ).json() as {
      items: Array<{ storyId: string }>;
      total: number;
    };
    assert.ok(!forAdminCandidates.items.some((item) => item.storyId === secret.id));
    assert.equal(forAdminCandidates.total, forAdminCandidates.items.length);
    assert.equal(candidate.embargo?.isActive, true);
    assert.equal(candidate.embargo?.until, '2026-12-03T09:00:00.000Z');
    assertStatus(
      await inject('PATCH', `/api/newsletters/${issue.id}`, as.cell, {
        items: [
          { storyId: free.id, section: 'une' },
          { storyId: secret.id, section: 'une' },
        ],
      }),
      200,
    );

    // Scheduling before the embargo lifts (or sending now, or a test send) is refused, naming the story.
    const early = assertError(
      await inject('POST', `/api/newsletters/${issue.id}/schedule`, as.cell, { at: '2026-12-02T08:00:00Z' }),
      409,
      'embargo',
    );
    assert.match(early.message, /La découverte sous embargo.*3 décembre 2026 à 10 h 00 \(heure de Paris\)/);
    assertError(await inject('POST', `/api/newsletters/${issue.id}/send-now`, as.cell), 409, 'embargo');
    assertError(
      await inject('POST', `/api/newsletters/${issue.id}/test-send`, as.cell, { emails: ['x@cell.example'] }),
      409,
      'embargo',
    );
    // …and through the generic campaign routes too.
    assertError(
      await inject('POST', `/api/campaigns/${issue.campaign.id}/schedule`, as.cell, {
        at: '2026-12-02T08:00:00Z',
      }),
      409,
      'embargo',
    );

    // The generic campaign preview shows nothing embargoed, to anyone.
    for (const who of [as.admin, as.cell])
      assertError(await inject('GET', `/api/campaigns/${issue.campaign.id}/preview`, who), 409, 'embargo');

    // The cell handles the story and sees it; an admin (not a handler) sees a placeholder.
    const forAdmin = await getIssue(issue.id, as.admin);
    const hidden = forAdmin.sections[0]!.items.find((item) => item.storyId === secret.id)!;
    assert.equal(hidden.isVisible, false);
    assert.equal(hidden.title, '');
    const adminPreview = (await inject('GET', `/api/newsletters/${issue.id}/preview`, as.admin)).body;
    assert.doesNotMatch(adminPreview, /La découverte sous embargo|Résumé secret/);
    assert.match(adminPreview, /Sujet sous embargo/);
    assert.match(
      (await inject('GET', `/api/newsletters/${issue.id}/preview`, as.cell)).body,
      /La découverte sous embargo/,
    );

    // After the embargo: accepted.
    const scheduled = await inject('POST', `/api/newsletters/${issue.id}/schedule`, as.cell, {
      at: '2026-12-03T09:30:00Z',
    });
    assertStatus(scheduled, 200);
    assert.equal(scheduled.json().state, 'scheduled');

    // The embargo moves later meanwhile: at send time the issue goes back to draft, saying why.
    assertStatus(
      await inject('PATCH', `/api/stories/${secret.id}`, as.cell, {
        embargo: { date: '2026-12-10', time: '10:00', timeZone: 'Europe/Paris' },
      }),
      200,
    );
    t.clock.current = new Date('2026-12-03T09:31:00Z');
    await t.runJobs();
    const refused = await getIssue(issue.id);
    assert.equal(refused.state, 'draft');
    assert.match(refused.campaign.lastError!, /La découverte sous embargo/);
    assert.equal(
      Number(
        (
          await t.db
            .selectFrom('outbox_messages')
            .select((eb) => eb.fn.countAll<number>().as('count'))
            .where('to_address', 'in', ['abonne1@lettre.example', 'abonne2@lettre.example'])
            .executeTakeFirstOrThrow()
        ).count,
      ),
      0,
    );
    assert.equal((await eventsOf(t.db, issue.campaign.id, 'sending_refused')).length, 1);
    // Nothing of it on the public archive.
    assert.doesNotMatch(
      (await t.app.inject({ method: 'GET', url: '/lettre' })).body,
      new RegExp(`N° ${issue.number} `),
    );
    t.clock.current = new Date('2026-11-24T09:00:00Z');
  });
});

describe('publishing', () => {
  test('scheduled → sent at its time → on the archive; the stories’ newsletter relays published with the archive link', async () => {
    const one = await acceptedStory({
      title: 'Premier sujet publié',
      bodyHtml: '<p>Texte <strong>complet</strong> en ligne.</p>',
    });
    const two = await acceptedStory({ title: 'Second sujet publié' });
    const listId = await listWith(['a@publie.example', 'b@publie.example', 'c@publie.example']);
    const issue = await createIssue({ title: 'La lettre publiée', listIds: [listId] });
    assertStatus(
      await inject('PATCH', `/api/newsletters/${issue.id}`, as.cell, {
        editoHtml: '<p>Le mot de la rédaction.</p>',
        items: [
          { storyId: two.id, section: 'labos' },
          { storyId: one.id, section: 'une' },
        ],
      }),
      200,
    );
    assertStatus(
      await inject('POST', `/api/newsletters/${issue.id}/schedule`, as.cell, { at: '2026-11-26T07:00:00Z' }),
      200,
    );
    assert.equal((await getIssue(issue.id)).abilities.update, false);
    assertError(await inject('PATCH', `/api/newsletters/${issue.id}`, as.cell, { title: 'x' }), 403);
    // Not yet.
    await t.runJobs();
    assert.equal((await getIssue(issue.id)).state, 'scheduled');
    assertStatus(await t.app.inject({ method: 'GET', url: `/lettre/${issue.number}` }), 404);

    t.clock.current = new Date('2026-11-26T07:00:30Z');
    await t.runJobs();
    const published = await getIssue(issue.id);
    assert.equal(published.state, 'published');
    assert.equal(published.archiveUrl, `http://relais.test/lettre/${issue.number}`);
    const mails = await t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('to_address', 'like', '%@publie.example')
      .execute();
    assert.equal(mails.length, 3);
    assert.equal(mails[0]!.subject, `La lettre publiée — n° ${issue.number}`);
    assert.match(mails[0]!.html_body!, /Premier sujet publié/);

    const archive = await t.app.inject({ method: 'GET', url: `/lettre/${issue.number}` });
    assertStatus(archive, 200);
    assert.match(archive.body, /La lettre publiée/);
    assert.match(archive.body, /Le mot de la rédaction/);
    assert.match(archive.body, /Texte <strong>complet<\/strong> en ligne/);
    assert.ok(archive.body.indexOf('Premier sujet publié') < archive.body.indexOf('Second sujet publié'));
    const index = await t.app.inject({ method: 'GET', url: '/lettre' });
    assert.match(index.body, new RegExp(`href="/lettre/${issue.number}"`));
    assertStatus(await t.app.inject({ method: 'GET', url: '/lettre/abc' }), 404);
    assertStatus(await t.app.inject({ method: 'GET', url: '/lettre/99999' }), 404);

    for (const story of [one, two]) {
      const relays = (await inject('GET', `/api/stories/${story.id}`, as.cell)).json().relays as Array<{
        state: string;
        url: string;
        publishedOn: string;
        channel: { slug: string };
      }>;
      const relay = relays.find((each) => each.channel.slug === 'newsletter')!;
      assert.equal(relay.state, 'published');
      assert.equal(relay.url, `http://relais.test/lettre/${issue.number}`);
      assert.equal(relay.publishedOn, '2026-11-26');
      assert.equal((await eventsOf(t.db, story.id, 'relay_published')).length, 1);
    }
    assert.equal((await eventsOf(t.db, issue.id, 'published')).length, 1);
    // The correspondent of the lab is told, as for an outcome recorded by hand.
    const notes = (await inject('GET', '/api/notifications', as.correspondent)).json() as {
      items: Array<{ kind: string }>;
    };
    assert.ok(notes.items.some((note) => note.kind === 'relay_published'));
    // Running the jobs again changes nothing.
    await t.runJobs();
    assert.equal((await eventsOf(t.db, one.id, 'relay_published')).length, 1);
  });
});
