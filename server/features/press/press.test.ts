import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { assertError, assertInvalid, assertStatus, eventsOf, lastMailTo } from '../../test/expect.ts';
import { buildTestApp } from '../../test/helpers.ts';
import { setUpNetwork } from '../newsletters/test-support.ts';

/** Press releases through the API, mail kept in the outbox. */
const t = await buildTestApp({ env: { MAIL_FROM: 'CNRS Nucléaire & Particules <presse@relais.example>' } });
const { network, as, inject, acceptedStory, listWith } = await setUpNetwork(t);

type Release = {
  id: string;
  title: string;
  embargoNotice: string | null;
  state: string;
  campaign: { id: string; subject: string; state: string };
  pdfUrl: string;
  publicPdfUrl: string;
  abilities: Record<string, boolean>;
};
const notice = 'EMBARGO jusqu’au 3 décembre 2026 à 10 h 00 (heure de Paris)';

/** The text a PDF draws: its content streams inflated, the hex strings of its Tj operators decoded (WinAnsi). */
function pdfText(bytes: Buffer): string {
  const raw = bytes.toString('latin1');
  let text = '';
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    const data = Buffer.from(match[1]!, 'latin1');
    let content: string;
    try {
      content = inflateSync(data).toString('latin1');
    } catch {
      content = data.toString('latin1');
    }
    for (const shown of content.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g))
      text += `${new TextDecoder('windows-1252').decode(Buffer.from(shown[1]!, 'hex'))}\n`;
  }
  return text;
}

async function release(storyId: string, extra: Record<string, unknown> = {}) {
  const response = await inject('POST', '/api/press-releases', as.cell, { storyId, ...extra });
  assertStatus(response, 201);
  return response.json() as Release;
}

describe('who may do what, and bad input', () => {
  test('401 signed out; 403 / 404 for a correspondent or a Dircom contact; 400 per field; 404 / 409 for the story', async () => {
    const story = await acceptedStory({ title: 'Un sujet pour la presse' }, ['press-release']);
    const made = await release(story.id);
    for (const headers of [{}, as.correspondent, as.dircom]) {
      const signedIn = Object.keys(headers).length > 0;
      assertError(await inject('GET', '/api/press-releases', headers), signedIn ? 403 : 401);
      assertError(
        await inject('POST', '/api/press-releases', headers, { storyId: story.id }),
        signedIn ? 403 : 401,
      );
      for (const path of ['', '/pdf', '/preview'])
        assertError(
          await inject('GET', `/api/press-releases/${made.id}${path}`, headers),
          signedIn ? 404 : 401,
        );
      assertError(
        await inject('PATCH', `/api/press-releases/${made.id}`, headers, { title: 'x' }),
        signedIn ? 404 : 401,
      );
      assertError(await inject('DELETE', `/api/press-releases/${made.id}`, headers), signedIn ? 404 : 401);
      for (const [action, payload] of [
        ['test-send', { emails: ['a@b.example'] }],
        ['schedule', { at: '2027-01-01T08:00:00Z' }],
        ['send-now', {}],
      ] as const)
        assertError(
          await inject('POST', `/api/press-releases/${made.id}/${action}`, headers, payload),
          signedIn ? 404 : 401,
        );
    }
    assertInvalid(await inject('POST', '/api/press-releases', as.cell, {}), 'storyId');
    assertInvalid(
      await inject('POST', '/api/press-releases', as.cell, { storyId: story.id, title: ' ' }),
      'title',
    );
    assertInvalid(
      await inject('POST', '/api/press-releases', as.cell, { storyId: story.id, listIds: ['x'] }),
      'listIds',
    );
    assertError(
      await inject('POST', '/api/press-releases', as.cell, {
        storyId: '00000000-0000-4000-8000-000000000000',
      }),
      404,
    );
    const draft = await inject('POST', '/api/stories', as.correspondent, {
      kind: 'event',
      title: 'Pas encore accepté',
      summary: 's',
      bodyHtml: '<p>b</p>',
      labIds: [network.lab.id],
    });
    assertStatus(await inject('POST', `/api/stories/${draft.json().id}/submit`, as.correspondent), 200);
    assertError(await inject('POST', '/api/press-releases', as.cell, { storyId: draft.json().id }), 409);
    assertError(await inject('PATCH', `/api/press-releases/${made.id}`, as.cell, {}), 400);
    assertInvalid(
      await inject('PATCH', `/api/press-releases/${made.id}`, as.cell, { bodyHtml: '' }),
      'bodyHtml',
    );
    assertInvalid(
      await inject('POST', `/api/press-releases/${made.id}/schedule`, as.cell, { at: 'x' }),
      'at',
    );
    assertStatus(await inject('DELETE', `/api/press-releases/${made.id}`, as.cell), 204);
    assertError(await inject('GET', `/api/press-releases/${made.id}`, as.cell), 404);
  });
});

describe('an embargoed release', () => {
  test('subject and body carry the embargo notice; sent to each journalist under embargo; the story stays invisible; the PDF is valid', async () => {
    const story = await acceptedStory({
      title: 'Un neutrino d’une énergie record détecté',
      summary: 'Le télescope sous-marin a enregistré un événement exceptionnel.',
      bodyHtml:
        '<p>Les chercheurs ont analysé <strong>l’énergie</strong> de la particule.</p><script>x()</script>',
      embargo: { date: '2026-12-03', time: '10:00', timeZone: 'Europe/Paris' },
    });
    const journalists = ['ana@journal.example', 'ben@radio.example', 'chloe@revue.example'];
    const listId = await listWith(journalists, 'Presse scientifique');
    const made = await release(story.id, { contacts: 'Jeanne Rivière — 01 23 45 67 89', listIds: [listId] });
    assert.equal(made.title, 'Un neutrino d’une énergie record détecté');
    assert.equal(made.embargoNotice, notice);
    assert.equal(made.campaign.subject, `${notice} — Un neutrino d’une énergie record détecté`);
    assert.equal(made.abilities.sendNow, true);

    const preview = await inject('GET', `/api/press-releases/${made.id}/preview`, as.cell);
    assertStatus(preview, 200);
    assert.ok(preview.body.includes(notice));
    assert.doesNotMatch(preview.body, /<script/);

    // The PDF: valid, its pages counted by pdf-lib, with the title and the embargo line.
    const pdf = await inject('GET', made.pdfUrl, as.cell);
    assertStatus(pdf, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const document = await PDFDocument.load(pdf.rawPayload);
    assert.ok(document.getPageCount() >= 1 && document.getPageCount() <= 2);
    assert.equal(document.getTitle(), 'Un neutrino d’une énergie record détecté');
    const text = pdfText(pdf.rawPayload);
    assert.match(text, /Un neutrino d’une énergie record/);
    assert.ok(text.includes(notice), text);
    assert.match(text, /CNRS NUCLÉAIRE & PARTICULES/);
    assert.match(text, /Jeanne Rivière/);
    assert.doesNotMatch(text, /x\(\)/);

    // Sent now, under embargo: one message per journalist, no visible list.
    const sent = await inject('POST', `/api/press-releases/${made.id}/send-now`, as.cell);
    assertStatus(sent, 200);
    await t.runJobs();
    assert.equal((await inject('GET', `/api/press-releases/${made.id}`, as.cell)).json().state, 'sent');
    for (const email of journalists) {
      const mail = await lastMailTo(t.db, email);
      assert.equal(mail?.subject, `${notice} — Un neutrino d’une énergie record détecté`);
      assert.equal(mail?.stream, 'press');
      assert.ok(mail!.html_body!.includes(notice));
      assert.ok(mail!.text_body.includes(notice));
      assert.match(mail!.text_body, /Les chercheurs ont analysé/);
      assert.ok(mail!.text_body.includes(made.publicPdfUrl));
    }
    // The PDF link of the mail works without an account; a forged one does not.
    const publicPdf = await t.app.inject({
      method: 'GET',
      url: made.publicPdfUrl.replace('http://relais.test', ''),
    });
    assertStatus(publicPdf, 200);
    assert.equal(publicPdf.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-');
    const forged = made.publicPdfUrl
      .replace('http://relais.test', '')
      .replace(/\/[\w-]+\/communique\.pdf$/, '/AAAAAAAAAAAAAAAAAAAAAAAA/communique.pdf');
    assertStatus(await t.app.inject({ method: 'GET', url: forged }), 404);

    // The story itself stays invisible to others until its time.
    assertError(await inject('GET', `/api/stories/${story.id}`, as.drOfficer), 404);
    assertError(await inject('GET', `/api/stories/${story.id}`, as.dircom), 404);
    assert.doesNotMatch((await t.app.inject({ method: 'GET', url: '/lettre' })).body, /neutrino/);
    assert.equal((await eventsOf(t.db, made.id, 'created')).length, 1);
  });

  test('without an embargo, or once it has lifted: no notice', async () => {
    const story = await acceptedStory({ title: 'Sans embargo' });
    const plain = await release(story.id);
    assert.equal(plain.embargoNotice, null);
    assert.equal(plain.campaign.subject, 'Sans embargo');
    assert.doesNotMatch(pdfText((await inject('GET', plain.pdfUrl, as.cell)).rawPayload), /EMBARGO/);

    const later = await acceptedStory({
      title: 'Embargo bientôt levé',
      embargo: { date: '2026-11-25', time: '08:00', timeZone: 'Europe/Paris' },
    });
    const made = await release(later.id, { listIds: [await listWith(['dan@journal.example'])] });
    assert.match(made.campaign.subject, /^EMBARGO jusqu’au 25 novembre 2026 à 08 h 00/);
    t.clock.current = new Date('2026-11-25T08:00:00Z');
    // Re-checked before sending: the notice goes when the embargo has lifted.
    assertStatus(await inject('POST', `/api/press-releases/${made.id}/send-now`, as.cell), 200);
    await t.runJobs();
    assert.equal((await lastMailTo(t.db, 'dan@journal.example'))?.subject, 'Embargo bientôt levé');
    t.clock.current = new Date('2026-11-24T09:00:00Z');
  });
});
