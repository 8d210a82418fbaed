import type { Db } from '../../db/connection.ts';
import { newId } from '../../lib/tokens.ts';

/**
 * Demo audiences: the internal newsletter (~120 invented subscribers, offered on the public
 * subscribe page), press contacts (~30) and partners (~15), a few unsubscribes and one hard
 * bounce on the suppression list. Idempotent: does nothing once a list exists.
 */
const firstNames = [
  'Camille',
  'Léa',
  'Hugo',
  'Manon',
  'Lucas',
  'Chloé',
  'Louis',
  'Inès',
  'Jules',
  'Sarah',
  'Arthur',
  'Zoé',
  'Nathan',
  'Émma',
  'Gabriel',
  'Jade',
  'Raphaël',
  'Louise',
  'Théo',
  'Alice',
  'Noé',
  'Lina',
  'Adam',
  'Rose',
];
const lastNames = [
  'Martin',
  'Bernard',
  'Thomas',
  'Petit',
  'Robert',
  'Richard',
  'Durand',
  'Dubois',
  'Moreau',
  'Laurent',
  'Simon',
  'Michel',
  'Lefèvre',
  'Leroy',
  'Roux',
  'David',
  'Bertrand',
  'Morel',
  'Fournier',
  'Girard',
];
const media = [
  'Le Quotidien des sciences',
  'Radio Savoirs',
  'La Revue du cosmos',
  'Télé Découverte',
  'Agence Science Presse',
  'Le Journal de Lyon',
  'Ouest Actualités',
  'Sciences & Avenir des régions',
  'Le Mag du campus',
  'Info Grenoble',
];
const partners = [
  'Université Claude Bernard',
  'CEA',
  'Université Grenoble Alpes',
  'Région Auvergne-Rhône-Alpes',
  'CERN',
  'Observatoire de Paris',
  'Muséum de Lyon',
  'Fête de la science',
  'Cité des sciences',
  'Université Paris-Saclay',
  'IRFU',
  'ESRF',
  'GANIL',
  'Institut Laue-Langevin',
  'Planétarium de Vaulx-en-Velin',
];

const ascii = (value: string) =>
  value
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');

export async function seedDemoAudiences(db: Db, options: { now: Date }): Promise<void> {
  if (await db.selectFrom('mailing_lists').select('id').limit(1).executeTakeFirst()) return;
  const at = options.now.toISOString();
  const lists = [
    {
      name: 'Lettre interne',
      description: 'La lettre électronique du réseau, chaque mois',
      isPublic: true,
      people: Array.from({ length: 120 }, (_, index) => {
        const first = firstNames[index % firstNames.length]!;
        const last = lastNames[(index * 7) % lastNames.length]!;
        return {
          first,
          last,
          organisation: '',
          email: `${ascii(first)}.${ascii(last)}${index}@labo.example`,
        };
      }),
    },
    {
      name: 'Presse',
      description: 'Journalistes scientifiques (communiqués de presse)',
      isPublic: false,
      people: Array.from({ length: 30 }, (_, index) => {
        const first = firstNames[(index * 5) % firstNames.length]!;
        const last = lastNames[(index * 3) % lastNames.length]!;
        const outlet = media[index % media.length]!;
        return {
          first,
          last,
          organisation: outlet,
          email: `${ascii(first)}.${ascii(last)}@${ascii(outlet).slice(0, 20)}.example`,
        };
      }),
    },
    {
      name: 'Partenaires',
      description: 'Universités, organismes et institutions partenaires (cartes de vœux)',
      isPublic: false,
      people: partners.map((partner, index) => {
        const first = firstNames[(index * 11) % firstNames.length]!;
        const last = lastNames[(index * 13) % lastNames.length]!;
        return {
          first,
          last,
          organisation: partner,
          email: `communication@${ascii(partner).slice(0, 24)}.example`,
        };
      }),
    },
  ];
  const contactIds = new Map<string, string>();
  for (const list of lists) {
    const listId = newId();
    await db
      .insertInto('mailing_lists')
      .values({
        id: listId,
        name: list.name,
        description: list.description,
        is_public: list.isPublic,
        created_by: null,
        created_at: at,
        updated_at: at,
        deleted_at: null,
      })
      .execute();
    for (const [index, person] of list.people.entries()) {
      let contactId = contactIds.get(person.email);
      if (!contactId) {
        contactId = newId();
        contactIds.set(person.email, contactId);
        await db
          .insertInto('contacts')
          .values({
            id: contactId,
            email: person.email,
            first_name: person.first,
            last_name: person.last,
            organisation: person.organisation,
            created_at: at,
            updated_at: at,
          })
          .execute();
      }
      // Every 25th reader of the newsletter has left it.
      const hasLeft = list.isPublic && index % 25 === 24;
      await db
        .insertInto('list_members')
        .values({
          list_id: listId,
          contact_id: contactId,
          state: hasLeft ? 'unsubscribed' : 'active',
          source: list.isPublic ? 'subscribe' : 'import',
          confirm_token_hash: null,
          confirm_expires_at: null,
          subscribed_at: at,
          unsubscribed_at: hasLeft ? at : null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      if (hasLeft || (list.name === 'Presse' && index === 29)) {
        await db
          .insertInto('suppressions')
          .values({
            id: newId(),
            email: person.email,
            scope: hasLeft ? 'newsletter' : '*',
            reason: hasLeft ? 'unsubscribe' : 'hard_bounce',
            detail: hasLeft ? 'One-click unsubscribe' : '550 5.1.1 User unknown',
            campaign_id: null,
            created_by: null,
            created_at: at,
          })
          .onConflict((c) => c.columns(['email', 'scope']).doNothing())
          .execute();
      }
    }
  }
}
