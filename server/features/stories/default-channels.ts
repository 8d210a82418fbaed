import type { Db } from '../../db/connection.ts';
import { newId } from '../../lib/tokens.ts';

/** The channels every installation starts with; the cell edits the list afterwards. */
export const defaultChannels = [
  {
    slug: 'newsletter',
    fr: "Lettre électronique de l'institut",
    en: 'Institute newsletter',
    scope: 'institute',
  },
  { slug: 'institute-website', fr: "Site web de l'institut", en: 'Institute website', scope: 'institute' },
  { slug: 'social-media', fr: 'Réseaux sociaux', en: 'Social media', scope: 'institute' },
  { slug: 'annual-report', fr: "Rapport d'activité", en: 'Annual report', scope: 'institute' },
  { slug: 'press-release', fr: 'Communiqué de presse', en: 'Press release', scope: 'national' },
  { slug: 'cnrs-le-journal', fr: 'CNRS Le Journal', en: 'CNRS Le Journal', scope: 'national' },
  { slug: 'cnrs-website', fr: 'Site web du CNRS', en: 'CNRS website', scope: 'national' },
  { slug: 'cnrs-images', fr: 'CNRS Images', en: 'CNRS Images', scope: 'national' },
] as const;

/** Creates the default channels on an empty channel list, and a regional channel per delegation given. */
export async function ensureDefaultChannels(
  db: Db,
  at: string,
  regionalDelegations: Array<{ id: string; code: string; name: string }> = [],
) {
  const existing = await db.selectFrom('channels').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  const rows = [
    ...defaultChannels.map((channel, index) => ({
      id: newId(),
      slug: channel.slug,
      name_fr: channel.fr,
      name_en: channel.en,
      scope: channel.scope,
      delegation_id: null,
      is_active: true,
      position: index,
      created_at: at,
      updated_at: at,
    })),
    ...regionalDelegations.map((delegation, index) => ({
      id: newId(),
      slug: `regional-${delegation.code.toLowerCase()}`,
      name_fr: `Canaux régionaux ${delegation.code} ${delegation.name}`,
      name_en: `Regional channels ${delegation.code} ${delegation.name}`,
      scope: 'regional' as const,
      delegation_id: delegation.id,
      is_active: true,
      position: 50 + index,
      created_at: at,
      updated_at: at,
    })),
  ];
  await db.insertInto('channels').values(rows).execute();
  return true;
}
