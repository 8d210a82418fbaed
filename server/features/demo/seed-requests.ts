import dayjs from 'dayjs';
import type { RequestKind, RequestOrigin, RequestState, TargetState } from '../../../shared/requests.ts';
import type { Db, Dialect } from '../../db/connection.ts';
import { htmlToPlainText } from '../../lib/html.ts';
import { foldText } from '../../lib/text.ts';
import { newId } from '../../lib/tokens.ts';
import { recordEvent } from '../history/record.ts';
import { demoPeople } from './data/people.ts';
import { demoUnits } from './data/units.ts';

type Ids = { labs: Map<string, string>; delegations: Map<string, string>; people: Map<string, string> };

type DemoAnswer = {
  lab: string;
  kind: 'content' | 'nothing';
  body: string;
  /** the first contributor of the lab, as the named expert */
  withExpert?: boolean;
  daysAgo: number;
  isUsed?: boolean;
};
type DemoRequest = {
  kind: RequestKind;
  title: string;
  body: string;
  requester: string;
  origin: RequestOrigin;
  state: RequestState;
  createdDaysAgo: number;
  /** days from now (negative: past) */
  deadlineInDays: number;
  target: { mode: 'all_labs' } | { mode: 'delegation'; code: string } | { mode: 'labs'; labs: string[] };
  context?: string;
  seen?: string[];
  answers?: DemoAnswer[];
  closedDaysAgo?: number;
};

const demoRequests: DemoRequest[] = [
  {
    kind: 'expert',
    title: 'Un·e spécialiste des ondes gravitationnelles pour CNRS Le Journal',
    body: '<p>Nous préparons un dossier sur les dix ans de la première détection. Nous cherchons une personne disponible pour un entretien d’une heure, en français, la semaine prochaine.</p>',
    requester: 'heloise-marchetti',
    origin: 'dircom',
    state: 'to_route',
    createdDaysAgo: 1,
    deadlineInDays: 6,
    target: { mode: 'all_labs' },
  },
  {
    kind: 'event',
    title: 'Fête de la science : vos animations en Île-de-France Sud',
    body: '<p>La délégation prépare le programme régional. Dites-nous quelles animations vos équipes proposeront (lieu, public, jauge) et qui les coordonne.</p>',
    requester: 'stephanie-collet',
    origin: 'dr_officer',
    state: 'open',
    createdDaysAgo: 8,
    deadlineInDays: 9,
    target: { mode: 'delegation', code: 'DR4' },
    seen: ['LLR'],
    answers: [
      {
        lab: 'IJCLab',
        kind: 'content',
        body: 'Visite de l’accélérateur ThomX les deux samedis, 3 groupes de 20 personnes, et un stand « détecteurs de particules » au village des sciences.',
        withExpert: true,
        daysAgo: 3,
      },
      {
        lab: 'OMEGA',
        kind: 'nothing',
        body: 'Pas d’animation cette année : l’équipe est en campagne de tests.',
        daysAgo: 2,
      },
    ],
  },
  {
    kind: 'annual_report',
    title: 'Rapport annuel 2026 : un fait marquant par laboratoire',
    body: '<p>Pour le rapport annuel de l’institut, envoyez-nous un fait marquant de l’année (1 500 signes) avec une image libre de droits et son crédit.</p>',
    requester: 'isabelle-delmas',
    origin: 'cell',
    state: 'open',
    createdDaysAgo: 12,
    deadlineInDays: 2,
    target: { mode: 'labs', labs: ['IJCLab', 'CPPM', 'LAPP', 'LPNHE', 'Subatech'] },
    seen: ['IJCLab', 'LAPP'],
    answers: [
      {
        lab: 'CPPM',
        kind: 'content',
        body: 'KM3NeT : le télescope à neutrinos ARCA atteint 33 lignes de détection en Méditerranée. Texte et photo du déploiement en pièce jointe à venir.',
        daysAgo: 4,
      },
    ],
  },
  {
    kind: 'expert',
    title: 'Spécialiste des neutrinos pour une émission de France Inter',
    body: '<p>La Dircom cherche un·e chercheur·se pour parler des neutrinos à une heure de grande écoute, avec des mots simples.</p>',
    requester: 'heloise-marchetti',
    origin: 'dircom',
    state: 'closed',
    createdDaysAgo: 70,
    deadlineInDays: -60,
    target: { mode: 'labs', labs: ['CPPM', 'IJCLab', 'APC'] },
    context: 'Émission en direct le matin : une personne à l’aise à l’oral.',
    seen: ['APC'],
    answers: [
      {
        lab: 'CPPM',
        kind: 'content',
        body: 'Notre enseignante-chercheuse travaille sur KM3NeT et a déjà fait de la radio ; elle est disponible.',
        withExpert: true,
        daysAgo: 66,
        isUsed: true,
      },
      {
        lab: 'IJCLab',
        kind: 'nothing',
        body: 'Nos spécialistes sont en conférence ce jour-là.',
        daysAgo: 65,
      },
    ],
    closedDaysAgo: 58,
  },
];

const demoSolicitations = [
  {
    lab: 'IJCLab',
    by: 'camille-lefebvre',
    requesterName: 'Nadia Ferhat',
    organisation: 'France 3 Paris Île-de-France',
    subject: 'Tournage sur l’accélérateur pour un reportage régional',
    asked: 'Deux heures de tournage dans le hall et une interview du responsable.',
    daysAgo: 2,
    state: 'new' as const,
  },
  {
    lab: 'CPPM',
    by: 'sophie-garnier',
    requesterName: '',
    organisation: 'Le Monde (service Sciences)',
    subject: 'Réaction à chaud sur un résultat d’ATLAS',
    asked: 'Un commentaire de deux phrases pour un article du soir.',
    daysAgo: 9,
    state: 'dismissed' as const,
  },
  {
    lab: 'IJCLab',
    by: 'camille-lefebvre',
    requesterName: 'Paul Girard',
    organisation: 'CNRS Images',
    subject: 'Photos du détecteur pour la photothèque',
    asked: 'Une séance photo d’une demi-journée.',
    daysAgo: 20,
    state: 'new' as const,
  },
];

/**
 * Demo requests in every state (to route from the Dircom, open from DR4 with answers, from the cell
 * due in two days, closed with answers for the archive) and three solicitations, dated relative to
 * the seeding day. Inside the caller's transaction; does nothing when requests exist already.
 */
export async function seedDemoRequests(db: Db, options: { now: Date; dialect: Dialect; ids: Ids }) {
  const existing = await db.selectFrom('requests').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  const { now, ids } = options;
  const daysAgo = (days: number, hour = 10) =>
    dayjs(now).subtract(days, 'day').hour(hour).minute(0).second(0).millisecond(0).toISOString();
  const person = (key: string) => {
    const id = ids.people.get(key);
    if (!id) throw new Error(`Demo request names unknown person ${key}`);
    return id;
  };
  const lab = (acronym: string) => {
    const id = ids.labs.get(acronym);
    if (!id) throw new Error(`Demo request names unknown lab ${acronym}`);
    return id;
  };
  const firstWith = (role: string, acronym: string) =>
    demoPeople.find((p) => p.roles.some((grant) => grant.role === role && grant.scope === acronym))?.key;
  const cellKey = demoPeople.find((p) => p.roles.some((grant) => grant.role === 'cell'))!.key;
  let seq = 0;
  for (const demo of demoRequests) {
    seq++;
    const id = newId();
    const created = daysAgo(demo.createdDaysAgo, 9);
    const deadline = dayjs(now).add(demo.deadlineInDays, 'day').hour(16).minute(0).second(0).millisecond(0);
    const labs =
      demo.target.mode === 'all_labs'
        ? demoUnits.map((unit) => unit.acronym)
        : demo.target.mode === 'delegation'
          ? demoUnits
              .filter((unit) => unit.delegationCode === (demo.target as { code: string }).code)
              .map((u) => u.acronym)
          : demo.target.labs;
    const isRouted = demo.origin === 'dircom' && demo.state !== 'to_route';
    const opened =
      demo.state === 'to_route' ? null : isRouted ? daysAgo(demo.createdDaysAgo - 1, 11) : created;
    const bodyText = htmlToPlainText(demo.body);
    await db
      .insertInto('requests')
      .values({
        id,
        ...(options.dialect === 'postgres' ? {} : { seq }),
        kind: demo.kind,
        title: demo.title,
        body_html: demo.body,
        body_text: bodyText,
        requester_id: person(demo.requester),
        origin: demo.origin,
        delegation_id:
          demo.target.mode === 'delegation' ? (ids.delegations.get(demo.target.code) ?? null) : null,
        state: demo.state,
        deadline_at: deadline.toISOString(),
        deadline_time_zone: 'Europe/Paris',
        reminder_days: JSON.stringify([3, 1]),
        target_mode: demo.target.mode,
        target_delegation_id:
          demo.target.mode === 'delegation' ? (ids.delegations.get(demo.target.code) ?? null) : null,
        target_lab_ids: JSON.stringify(demo.target.mode === 'labs' ? labs.map(lab) : []),
        target_person_ids: JSON.stringify([]),
        cell_context: demo.context ?? '',
        routed_by: isRouted ? person(cellKey) : null,
        routed_at: isRouted ? opened : null,
        opened_at: opened,
        decided_by: null,
        decided_at: null,
        decision_reason: '',
        closed_by: demo.closedDaysAgo ? person(demo.requester) : null,
        closed_at: demo.closedDaysAgo ? daysAgo(demo.closedDaysAgo) : null,
        solicitation_id: null,
        search_text: foldText([demo.title, bodyText, demo.context ?? ''].join(' \n')),
        created_at: created,
        updated_at: created,
      })
      .execute();
    await recordEvent(db, {
      actorId: person(demo.requester),
      subjectType: 'request',
      subjectId: id,
      action: 'created',
      data: { title: demo.title, origin: demo.origin, state: demo.state },
      at: created,
    });
    if (isRouted) {
      await recordEvent(db, {
        actorId: person(cellKey),
        subjectType: 'request',
        subjectId: id,
        action: 'forward',
        data: { from: 'to_route', to: 'open', labCount: labs.length },
        at: opened!,
      });
    }
    if (demo.state === 'to_route') continue;
    for (const acronym of labs) {
      const answers = (demo.answers ?? []).filter((answer) => answer.lab === acronym);
      const first = answers[0];
      const state: TargetState = answers.some((answer) => answer.kind === 'content')
        ? 'answered'
        : first
          ? 'declined'
          : demo.seen?.includes(acronym)
            ? 'seen'
            : 'not_seen';
      await db
        .insertInto('request_targets')
        .values({
          request_id: id,
          lab_id: lab(acronym),
          person_ids: JSON.stringify([]),
          state,
          seen_at: state === 'not_seen' ? null : daysAgo(demo.createdDaysAgo - 1, 14),
          answered_at: first ? daysAgo(first.daysAgo) : null,
          created_at: opened!,
        })
        .execute();
      for (const answer of answers) {
        const expertKey = answer.withExpert ? firstWith('contributor', acronym) : undefined;
        const expert = demoPeople.find((p) => p.key === expertKey);
        const answerId = newId();
        const authorId = person(firstWith('correspondent', acronym)!);
        await db
          .insertInto('request_answers')
          .values({
            id: answerId,
            request_id: id,
            lab_id: lab(acronym),
            author_id: authorId,
            kind: answer.kind,
            body: answer.body,
            expert_person_id: expertKey ? person(expertKey) : null,
            story_ids: JSON.stringify([]),
            links: JSON.stringify([]),
            used_at: answer.isUsed ? daysAgo(answer.daysAgo - 1) : null,
            used_by: answer.isUsed ? person(demo.requester) : null,
            search_text: foldText(
              [answer.body, expert ? `${expert.firstName} ${expert.lastName}` : ''].join(' \n'),
            ),
            created_at: daysAgo(answer.daysAgo),
          })
          .execute();
        await recordEvent(db, {
          actorId: authorId,
          subjectType: 'request',
          subjectId: id,
          action: 'answered',
          data: { answerId, labId: lab(acronym), kind: answer.kind },
          at: daysAgo(answer.daysAgo),
        });
      }
    }
  }
  for (const demo of demoSolicitations) {
    const id = newId();
    const at = daysAgo(demo.daysAgo, 15);
    await db
      .insertInto('solicitations')
      .values({
        id,
        lab_id: lab(demo.lab),
        recorded_by: person(demo.by),
        requester_name: demo.requesterName,
        requester_organisation: demo.organisation,
        organisation_key: foldText(demo.organisation),
        contacted_person_id: null,
        contacted_name: '',
        contacted_on: at.slice(0, 10),
        subject: demo.subject,
        asked: demo.asked,
        state: demo.state,
        request_id: null,
        handled_by: demo.state === 'new' ? null : person(cellKey),
        handled_at: demo.state === 'new' ? null : daysAgo(demo.daysAgo - 1),
        search_text: foldText([demo.subject, demo.asked, demo.organisation, demo.requesterName].join(' \n')),
        created_at: at,
      })
      .execute();
    await recordEvent(db, {
      actorId: person(demo.by),
      subjectType: 'solicitation',
      subjectId: id,
      action: 'created',
      data: { labId: lab(demo.lab), organisation: demo.organisation },
      at,
    });
  }
}
