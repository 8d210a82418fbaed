import { assertStatus } from '../../test/expect.ts';
import { createNetwork, signInAs } from '../../test/factories.ts';
import type { TestApp } from '../../test/helpers.ts';
import { ensureDefaultChannels } from '../stories/default-channels.ts';

/**
 * What the newsletter, greeting and press tests share: a network with the default channels, one
 * session per role, accepted stories relayed to channels through the API, lists of subscribers.
 */
export async function setUpNetwork(t: TestApp) {
  const network = await createNetwork(t);
  await ensureDefaultChannels(t.db, t.clock.current.toISOString());
  const { admin, cell, dircom, correspondent, drOfficer } = network.people;
  const as = {
    admin: await signInAs(t, admin),
    cell: await signInAs(t, cell),
    dircom: await signInAs(t, dircom),
    correspondent: await signInAs(t, correspondent),
    drOfficer: await signInAs(t, drOfficer),
  };
  const channels = Object.fromEntries(
    (await t.db.selectFrom('channels').select(['slug', 'id']).execute()).map((row) => [row.slug, row.id]),
  );
  const inject = (method: string, url: string, headers: Record<string, string>, payload?: unknown) =>
    t.app.inject({
      method: method as 'GET',
      url,
      headers,
      ...(payload === undefined ? {} : { payload: payload as object }),
    });

  /** A story written by the lab, accepted by the cell and relayed to these channels. */
  async function acceptedStory(
    overrides: Record<string, unknown> = {},
    relayTo: string[] = ['newsletter'],
  ): Promise<{ id: string; title: string }> {
    const created = await inject('POST', '/api/stories', as.correspondent, {
      kind: 'result',
      title: 'Un résultat du laboratoire',
      summary: 'Le résumé du résultat.',
      bodyHtml: '<p>Le texte complet du résultat.</p>',
      labIds: [network.lab.id],
      ...overrides,
    });
    assertStatus(created, 201);
    const story = created.json() as { id: string; title: string };
    assertStatus(await inject('POST', `/api/stories/${story.id}/submit`, as.correspondent), 200);
    assertStatus(await inject('POST', `/api/stories/${story.id}/accept`, as.cell), 200);
    if (relayTo.length) {
      assertStatus(
        await inject('POST', `/api/stories/${story.id}/relays`, as.cell, {
          channelIds: relayTo.map((slug) => channels[slug]),
        }),
        200,
      );
    }
    return story;
  }

  /** A list with these subscribers, imported through the API. */
  async function listWith(emails: string[], name = `Liste ${Math.random().toString(36).slice(2, 8)}`) {
    const list = await inject('POST', '/api/lists', as.cell, { name });
    assertStatus(list, 201);
    const id = (list.json() as { id: string }).id;
    const csv = [
      'email;prénom;nom',
      ...emails.map((email, index) => `${email};Prénom${index};Nom${index}`),
    ].join('\n');
    assertStatus(await inject('POST', `/api/lists/${id}/import`, as.cell, { csv, commit: true }), 200);
    return id;
  }

  return { network, as, channels, inject, acceptedStory, listWith };
}
