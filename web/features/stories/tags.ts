/** Suggestions for the theme and project tags (from the institute's own lists); free text is allowed too. */
export const themeSuggestions = [
  'Physique des particules',
  'Physique hadronique',
  'Physique nucléaire',
  'Astrophysique nucléaire',
  'Astroparticules',
  'Cosmologie',
  'Neutrinos',
  'Ondes gravitationnelles',
  'Astronomie gamma et multi-messagers',
  'Physique théorique',
  'Accélérateurs',
  'Détecteurs et instrumentation',
  'Microélectronique',
  'Calcul et données',
  'Nucléaire et santé',
  'Énergie nucléaire et environnement',
  'Interdisciplinarité',
  'Institutionnel',
  'Médiation scientifique et éducation',
  'Prix et distinctions',
  'International',
  'Valorisation et innovation',
  'Vie des labos',
  'Patrimoine et histoire',
] as const;

export const projectSuggestions = [
  'LHC',
  'ATLAS',
  'CMS',
  'ALICE',
  'LHCb',
  'HL-LHC',
  'GANIL/SPIRAL2',
  'Virgo',
  'LIGO-Virgo-KAGRA',
  'KM3NeT',
  'ANTARES',
  'JUNO',
  'DUNE',
  'T2K',
  'STEREO',
  'Euclid',
  'Vera C. Rubin / LSST',
  'SVOM',
  'CTA',
  'H.E.S.S.',
  'Auger',
  'XENON',
  'Einstein Telescope',
  'LISA',
] as const;

/** Suggestions plus what is already used, without duplicates, in French order. */
export function tagOptions(suggestions: readonly string[], used: readonly string[] = []): string[] {
  return [...new Set([...suggestions, ...used])].sort((a, b) => a.localeCompare(b, 'fr'));
}
