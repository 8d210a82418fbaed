/**
 * Demo stories ("remontées") of the Relais network, and the channels they are relayed to.
 *
 * Each story is written for the demo from a dated public news gist (see the project's shared
 * facts notes): the texts are our own, and every researcher, photographer and quote is INVENTED
 * (e-mail addresses under the reserved `.example` domain). Stories about 2025 news are presented
 * as recent (created 1–60 days before seeding, dated in 2026); older news keeps its real date.
 *
 * Relative fields (`createdDaysAgo`, `submittedDaysAgo`, `daysAgo`, `embargo.inDays`) count from
 * the seeding day. Absolute dates (`eventDate`, `eventEndDate`, `publishedOn`) were written
 * against `demoStoriesReferenceDate`; a seed that runs later may shift them by the difference.
 * Stories about events older than 900 days stand for the archive imported when the network
 * started using Relais: their relays were published before the story was created.
 */
import type { DemoThemeTag } from './units.ts';

/** The day the relative and absolute dates of this file were written against. */
export const demoStoriesReferenceDate = '2026-11-24';

export type DemoChannelScope = 'institute' | 'national' | 'regional' | 'other';

export type DemoChannelSlug =
  | 'newsletter'
  | 'institute-website'
  | 'press-release'
  | 'cnrs-le-journal'
  | 'cnrs-website'
  | 'cnrs-images'
  | 'social-media'
  | 'regional'
  | 'annual-report';

export type DemoChannel = { slug: DemoChannelSlug; fr: string; en: string; scope: DemoChannelScope };

/** Channels a story can be relayed to. `regional` means the delegation of the story's first lab. */
export const demoChannels: DemoChannel[] = [
  {
    slug: 'newsletter',
    fr: 'Lettre électronique de l’institut',
    en: 'Institute newsletter',
    scope: 'institute',
  },
  { slug: 'institute-website', fr: 'Site web de l’institut', en: 'Institute website', scope: 'institute' },
  { slug: 'press-release', fr: 'Communiqué de presse', en: 'Press release', scope: 'national' },
  { slug: 'cnrs-le-journal', fr: 'CNRS Le Journal', en: 'CNRS Le Journal', scope: 'national' },
  { slug: 'cnrs-website', fr: 'Site web du CNRS', en: 'CNRS website', scope: 'national' },
  { slug: 'cnrs-images', fr: 'CNRS Images', en: 'CNRS Images', scope: 'national' },
  {
    slug: 'social-media',
    fr: 'Réseaux sociaux de l’institut',
    en: 'Institute social media',
    scope: 'institute',
  },
  {
    slug: 'regional',
    fr: 'Canaux de la délégation régionale',
    en: 'Regional delegation channels',
    scope: 'regional',
  },
  { slug: 'annual-report', fr: 'Rapport annuel', en: 'Annual report', scope: 'institute' },
];

/** Non-scientific tags, used alongside the scientific `demoThemeTags`. */
export const demoOtherTags = [
  'Institutionnel',
  'Médiation scientifique et éducation',
  'Prix et distinctions',
  'International',
  'Valorisation et innovation',
  'Vie des labos',
  'Patrimoine et histoire',
] as const;

export type DemoStoryTag = DemoThemeTag | (typeof demoOtherTags)[number];

/** Large instruments and projects used as project tags. */
export const demoProjects = [
  'LHC',
  'ATLAS',
  'CMS',
  'ALICE',
  'LHCb',
  'HL-LHC',
  'GANIL/SPIRAL2',
  'Virgo',
  'KM3NeT',
  'JUNO',
  'STEREO',
  'Euclid',
  'Vera C. Rubin / LSST',
  'SVOM',
  'CTA',
] as const;

export type DemoStoryState =
  | 'draft'
  | 'submitted'
  | 'in_review'
  | 'changes_requested'
  | 'accepted'
  | 'declined';

export type DemoRelay = {
  channel: DemoChannelSlug;
  state: 'proposed' | 'sent' | 'published' | 'not_taken';
  url?: string;
  /** YYYY-MM-DD */
  publishedOn?: string;
  reason?: string;
};

export type DemoStory = {
  /** Stable slug, unique. */
  key: string;
  kind:
    | 'result'
    | 'image'
    | 'event'
    | 'award'
    | 'visit'
    | 'publication'
    | 'anniversary'
    | 'media_interest'
    | 'other';
  title: string;
  summary: string;
  /** Only <p>, <h2>, <h3>, <ul>, <ol>, <li>, <strong>, <em>, <a href="https://…">. */
  bodyHtml: string;
  /** YYYY-MM-DD */
  eventDate: string | null;
  eventEndDate: string | null;
  /** Lab acronyms from units.ts; the first is the originating lab. */
  labs: string[];
  themes: DemoStoryTag[];
  projects: (typeof demoProjects)[number][];
  researchers: Array<{ name: string; email: string }>;
  /** Public pages only (sources of the facts notes). */
  links: Array<{ label: string; url: string }>;
  state: DemoStoryState;
  /** A correspondent (or deputy) of the first lab. */
  authorKey: string;
  createdDaysAgo: number;
  /** For every state except draft. */
  submittedDaysAgo?: number;
  /** Kind reason for declined, what to change for changes_requested. */
  decisionReason?: string;
  /** inDays > 0: still embargoed at seeding; < 0: lifted. */
  embargo?: { inDays: number; time: string; timeZone: 'Europe/Paris' };
  proposedChannels: DemoChannelSlug[];
  /** Only for accepted stories. */
  relays: DemoRelay[];
  image?: {
    motif: 'particles' | 'detector' | 'sky' | 'waves' | 'rings' | 'sea' | 'mountain' | 'building';
    /** [background, secondary, accent] */
    palette: [string, string, string];
    caption: string;
    credit: string;
    licence: 'CC BY 4.0' | 'CC BY-NC 4.0' | 'Tous droits réservés';
    hasPeople: boolean;
    consent: boolean;
  };
  comments?: Array<{ authorKey: string; body: string; daysAgo: number }>;
};

export const demoStories: DemoStory[] = [
  // ---------------------------------------------------------------- accepted, recent
  {
    key: 'km3net-neutrino-record',
    kind: 'result',
    title: 'KM3NeT capte le neutrino le plus énergétique jamais observé',
    summary:
      'Le télescope sous-marin KM3NeT a enregistré un neutrino d’environ 220 PeV, une énergie sans précédent. Le résultat, en couverture de Nature, reste sous embargo jusqu’à sa présentation au siège du CNRS.',
    bodyHtml:
      '<p>Une trace lumineuse d’une intensité jamais vue a traversé l’un des détecteurs de <strong>KM3NeT</strong>, le réseau de capteurs de lumière immergé à grande profondeur en Méditerranée. Après plusieurs mois de vérifications, la collaboration conclut qu’il s’agit d’un neutrino d’environ <strong>220 pétaélectronvolts</strong> : le plus énergétique jamais détecté.</p>' +
      '<p>Une particule aussi énergétique ne peut venir que du cosmos, sans doute d’une source extrême encore à identifier. Ce signal ouvre une fenêtre nouvelle sur les accélérateurs naturels de l’Univers.</p>' +
      '<p>Huit laboratoires et plateformes de l’IN2P3 sont engagés : construction et intégration des lignes de détection au CPPM, électronique et étalonnage, reconstruction des événements, et traitement des données au CC-IN2P3.</p>' +
      '<p><strong>Embargo :</strong> l’article fait la couverture de <em>Nature</em>. Rien ne doit paraître avant l’annonce nationale, organisée au siège du CNRS en présence du ministre chargé de la recherche.</p>',
    eventDate: '2026-11-26',
    eventEndDate: null,
    labs: ['CPPM', 'IPHC', 'Subatech', 'APC', 'LUPM', 'LPC Caen', 'CC-IN2P3', 'LSPM'],
    themes: ['Neutrinos', 'Astroparticules', 'Astronomie gamma et multi-messagers', 'International'],
    projects: ['KM3NeT'],
    researchers: [
      { name: 'Étienne Vasseur', email: 'etienne.vasseur@cppm.example' },
      { name: 'Jonas Weber', email: 'jonas.weber@iphc.example' },
      { name: 'Louise Hamon', email: 'louise.hamon@subatech.example' },
    ],
    links: [],
    state: 'accepted',
    authorKey: 'sophie-garnier',
    createdDaysAgo: 9,
    submittedDaysAgo: 8,
    embargo: { inDays: 2, time: '16:00', timeZone: 'Europe/Paris' },
    proposedChannels: ['press-release', 'newsletter', 'cnrs-le-journal', 'regional'],
    relays: [
      { channel: 'press-release', state: 'sent' },
      { channel: 'cnrs-le-journal', state: 'proposed' },
      { channel: 'newsletter', state: 'proposed' },
    ],
    image: {
      motif: 'sea',
      palette: ['#021526', '#0f4c75', '#7fdbda'],
      caption: 'Évocation d’une ligne de détection de KM3NeT et du sillage lumineux d’une particule',
      credit: '© Étienne Vasseur / CPPM',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'isabelle-delmas',
        body: '@Sophie, le bureau de presse valide le communiqué commun. Merci de ne rien publier côté laboratoire avant la levée de l’embargo.',
        daysAgo: 6,
      },
      {
        authorKey: 'sophie-garnier',
        body: 'Bien noté. @Marc, la délégation peut préparer son relais pour 16 h 05, pas avant.',
        daysAgo: 5,
      },
      {
        authorKey: 'marc-giraud',
        body: 'C’est prêt de notre côté, programmé juste après l’annonce nationale.',
        daysAgo: 4,
      },
    ],
  },
  {
    key: 'juno-premiers-resultats',
    kind: 'result',
    title: 'JUNO livre ses premières mesures d’oscillation des neutrinos',
    summary:
      'Deux mois après le début de sa prise de données, l’expérience JUNO mesure deux paramètres d’oscillation des neutrinos avec une précision record. Six unités de l’IN2P3 y contribuent.',
    bodyHtml:
      '<p>Installée sous terre dans le sud de la Chine, l’expérience <strong>JUNO</strong> observe les neutrinos émis par des centrales nucléaires voisines. Il lui a suffi de deux mois de données pour mesurer deux des paramètres qui décrivent leur oscillation, avec une précision encore jamais atteinte.</p>' +
      '<p>Les équipes françaises ont notamment fourni l’électronique de numérisation des 25 600 petits photomultiplicateurs, sous la coordination du LP2I Bordeaux, des circuits intégrés conçus par l’unité OMEGA, ainsi que des outils d’étalonnage et d’analyse développés à l’IPHC, au CPPM, à IJCLab et à Subatech.</p>' +
      '<p>Ces premiers résultats ont été présentés lors d’une conférence de presse internationale, à la levée de l’embargo. Ils annoncent des années de mesures qui devraient permettre de trancher l’une des grandes questions ouvertes sur les neutrinos : l’ordre de leurs masses.</p>',
    eventDate: '2026-11-21',
    eventEndDate: null,
    labs: ['IPHC', 'LP2I Bordeaux', 'CPPM', 'IJCLab', 'Subatech', 'OMEGA'],
    themes: ['Neutrinos', 'Physique des particules', 'Détecteurs et instrumentation', 'International'],
    projects: ['JUNO'],
    researchers: [
      { name: 'Mathilde Kieffer', email: 'mathilde.kieffer@iphc.example' },
      { name: 'Jonas Weber', email: 'jonas.weber@iphc.example' },
      { name: 'Jérôme Dufour', email: 'jerome.dufour@lp2i-bordeaux.example' },
    ],
    links: [
      { label: 'Actualité de l’IPHC', url: 'https://iphc.cnrs.fr/?p=11858' },
      {
        label: 'Le CNRS en Alsace',
        url: 'https://www.alsace.cnrs.fr/fr/cnrsinfo/lexperience-juno-livre-ses-premiers-resultats-de-physique-deux-mois-apres-son-demarrage',
      },
    ],
    state: 'accepted',
    authorKey: 'laurent-schmitt',
    createdDaysAgo: 16,
    submittedDaysAgo: 15,
    embargo: { inDays: -3, time: '10:00', timeZone: 'Europe/Paris' },
    proposedChannels: ['press-release', 'institute-website', 'regional', 'social-media'],
    relays: [
      {
        channel: 'press-release',
        state: 'published',
        url: 'https://www.cnrs.fr/fr/presse/juno-premieres-mesures-oscillation-neutrinos',
        publishedOn: '2026-11-21',
      },
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/juno-premieres-mesures-oscillation-neutrinos',
        publishedOn: '2026-11-21',
      },
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.alsace.cnrs.fr/fr/cnrsinfo/lexperience-juno-livre-ses-premiers-resultats-de-physique-deux-mois-apres-son-demarrage',
        publishedOn: '2026-11-23',
      },
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7398112233445566778',
        publishedOn: '2026-11-21',
      },
      { channel: 'cnrs-le-journal', state: 'proposed' },
    ],
    image: {
      motif: 'rings',
      palette: ['#06131f', '#1b4965', '#ffd166'],
      caption: 'Vue d’artiste : des anneaux de lumière sur une paroi de photomultiplicateurs',
      credit: '© Mathilde Kieffer / IPHC',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'isabelle-delmas',
        body: 'Communiqué validé avec le bureau de presse pour la levée d’embargo. @Laurent, merci pour la réactivité.',
        daysAgo: 10,
      },
      {
        authorKey: 'laurent-schmitt',
        body: 'Embargo levé ce matin à 10 h, tout est en ligne. Merci à toutes et à tous !',
        daysAgo: 3,
      },
      {
        authorKey: 'florian-besson',
        body: 'Publication faite sur nos réseaux, avec les six unités identifiées.',
        daysAgo: 3,
      },
    ],
  },
  {
    key: 'ondes-gravitationnelles-fin-o4',
    kind: 'result',
    title: 'Ondes gravitationnelles : la quatrième campagne d’observation s’achève sur un bilan record',
    summary:
      'LIGO, Virgo et KAGRA clôturent leur campagne O4 avec environ 250 nouveaux signaux, sur quelque 350 détectés depuis les débuts. Dix laboratoires et plateformes de l’IN2P3 participent à Virgo.',
    bodyHtml:
      '<p>La quatrième campagne d’observation du réseau <strong>LIGO-Virgo-KAGRA</strong> est terminée. Elle a livré à elle seule environ 250 candidats, soit la grande majorité des quelque 350 ondes gravitationnelles enregistrées depuis la première détection.</p>' +
      '<p>Fusions de trous noirs, d’étoiles à neutrons ou systèmes mixtes : ce catalogue permet désormais d’étudier ces objets comme une population, et plus seulement un par un.</p>' +
      '<p>Dix unités de l’IN2P3 sont engagées dans Virgo : miroirs et traitements optiques au LMA, fonctionnement du détecteur, calcul et analyse des données au LAPP, à l’APC, à IJCLab, à l’IP2I et au L2IT. Une période de travaux s’ouvre maintenant pour améliorer la sensibilité des instruments avant la prochaine campagne.</p>',
    eventDate: '2026-11-10',
    eventEndDate: null,
    labs: ['LAPP', 'APC', 'IJCLab', 'IP2I', 'LMA', 'L2IT'],
    themes: ['Ondes gravitationnelles', 'Astronomie gamma et multi-messagers', 'International'],
    projects: ['Virgo'],
    researchers: [
      { name: 'Bérénice Lachaud', email: 'berenice.lachaud@lapp.example' },
      { name: 'Youssef Benhamou', email: 'youssef.benhamou@apc.example' },
    ],
    links: [
      {
        label: 'Actualité de l’institut',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/la-collaboration-ligo-virgo-kagra-annonce-la-fin-de-sa-quatrieme-campagne-dobservation',
      },
    ],
    state: 'accepted',
    authorKey: 'mathieu-favre',
    createdDaysAgo: 13,
    submittedDaysAgo: 12,
    proposedChannels: ['institute-website', 'newsletter', 'cnrs-le-journal'],
    relays: [
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/la-collaboration-ligo-virgo-kagra-annonce-la-fin-de-sa-quatrieme-campagne-dobservation',
        publishedOn: '2026-11-16',
      },
      { channel: 'newsletter', state: 'published', publishedOn: '2026-11-20' },
      {
        channel: 'cnrs-le-journal',
        state: 'not_taken',
        reason:
          'Le Journal prépare un dossier complet sur les ondes gravitationnelles pour un prochain numéro ; ce bilan y sera repris.',
      },
    ],
    image: {
      motif: 'waves',
      palette: ['#0a1a2f', '#1f6f8b', '#9be7ff'],
      caption: 'Illustration : le signal en « chirp » d’une fusion d’objets compacts',
      credit: '© Bérénice Lachaud / LAPP',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'isabelle-delmas',
        body: '@Mathieu, pouvez-vous vérifier la liste des dix unités avec la coordination Virgo avant publication ?',
        daysAgo: 11,
      },
      { authorKey: 'mathieu-favre', body: 'Vérifiée et complétée dans le texte.', daysAgo: 10 },
    ],
  },
  {
    key: 'euclid-quick-release-1',
    kind: 'result',
    title: 'Euclid dévoile un premier lot de données scientifiques',
    summary:
      'La « Quick release 1 » du télescope spatial Euclid couvre environ 0,5 % du relevé final. Au CPPM, les équipes ont contribué au traitement de ces premières images profondes.',
    bodyHtml:
      '<p>Le consortium <strong>Euclid</strong> met à disposition de la communauté une première moisson de données scientifiques, baptisée « Quick release 1 ». Elle ne représente qu’environ 0,5 % de la surface que le télescope couvrira, mais contient déjà des millions de galaxies.</p>' +
      '<p>Ces données servent de banc d’essai pour les méthodes qui mesureront, à terme, la distribution de la matière noire et l’histoire de l’expansion de l’Univers.</p>' +
      '<p>À Marseille, les chercheurs et ingénieurs du CPPM, avec leurs collègues astronomes du campus, ont participé à la validation des données et aux premières analyses.</p>',
    eventDate: '2026-10-14',
    eventEndDate: null,
    labs: ['CPPM'],
    themes: ['Cosmologie', 'Calcul et données'],
    projects: ['Euclid'],
    researchers: [
      { name: 'Claire Montagnier', email: 'claire.montagnier@cppm.example' },
      { name: 'Manon Blanc', email: 'manon.blanc@cppm.example' },
    ],
    links: [
      {
        label: 'Actualité de l’INSU',
        url: 'https://insu.cnrs.fr/fr/cnrsinfo/quick-release-1-le-telescope-spatial-euclid-devoile-sa-premiere-moisson-dimages-de',
      },
    ],
    state: 'accepted',
    authorKey: 'olivier-castellani',
    createdDaysAgo: 44,
    submittedDaysAgo: 42,
    proposedChannels: ['regional', 'newsletter', 'social-media'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.provence-corse.cnrs.fr/fr/cnrsinfo/euclid-quick-release-1-le-cppm-dans-la-course',
        publishedOn: '2026-10-16',
      },
      { channel: 'newsletter', state: 'published', publishedOn: '2026-10-22' },
      { channel: 'social-media', state: 'proposed' },
    ],
    image: {
      motif: 'sky',
      palette: ['#070b1f', '#2c3e7a', '#f7d794'],
      caption: 'Évocation d’un champ profond de galaxies',
      credit: '© Claire Montagnier / CPPM',
      licence: 'CC BY-NC 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'rubin-changeur-de-filtres',
    kind: 'image',
    title: 'Image du mois : le changeur de filtres de Rubin, une mécanique de précision française',
    summary:
      'Conçu et assemblé en France, le changeur de filtres de la caméra de l’observatoire Vera C. Rubin lui permet d’observer le ciel en plusieurs couleurs. Notre image du mois lui rend hommage.',
    bodyHtml:
      '<p>Depuis ses premières images, l’observatoire <strong>Vera C. Rubin</strong> photographie tout le ciel austral nuit après nuit. Pour observer dans plusieurs bandes de couleur, sa caméra s’appuie sur un changeur de filtres conçu et construit en France.</p>' +
      '<p>Plusieurs laboratoires de l’IN2P3 y ont travaillé : mécanique, contrôle-commande, essais et intégration. Le CC-IN2P3 traite une part importante des données du relevé.</p>' +
      '<p>Cette illustration évoque le carrousel des filtres, vu de face. Elle rejoint la photothèque de l’institut.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['LPNHE', 'LPSC', 'LPCA', 'CPPM', 'IP2I', 'CC-IN2P3'],
    themes: ['Cosmologie', 'Détecteurs et instrumentation', 'Calcul et données'],
    projects: ['Vera C. Rubin / LSST'],
    researchers: [
      { name: 'Clara Renaud', email: 'clara.renaud@lpnhe.example' },
      { name: 'Théo Lambrecht', email: 'theo.lambrecht@lpnhe.example' },
    ],
    links: [{ label: 'Actualité du LPSC', url: 'https://lpsc.in2p3.fr/?p=2782' }],
    state: 'accepted',
    authorKey: 'antoine-rousseau',
    createdDaysAgo: 30,
    submittedDaysAgo: 29,
    proposedChannels: ['newsletter', 'cnrs-images'],
    relays: [
      { channel: 'newsletter', state: 'published', publishedOn: '2026-11-05' },
      { channel: 'cnrs-images', state: 'sent' },
    ],
    image: {
      motif: 'detector',
      palette: ['#10141f', '#3d5a80', '#ee9b00'],
      caption: 'Le carrousel des filtres de la caméra, vu de face (illustration)',
      credit: '© Théo Lambrecht / LPNHE',
      licence: 'CC BY-NC 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'kevin-nguyen',
        body: 'Superbe ! Je l’ajoute à la photothèque de l’institut. @Antoine, pouvez-vous confirmer la licence CC BY-NC ?',
        daysAgo: 27,
      },
      { authorKey: 'antoine-rousseau', body: 'Confirmé par l’auteur : CC BY-NC 4.0.', daysAgo: 26 },
    ],
  },
  {
    key: 'annee-physique-entretien-mediation',
    kind: 'other',
    title: 'Année de la physique : « Montrer que la physique se fait avec des gens »',
    summary:
      'Physicienne à IJCLab et référente médiation du laboratoire, Lucie Moreau raconte comment elle fait découvrir la physique des deux infinis aux lycéens pendant l’Année de la physique.',
    bodyHtml:
      '<p>À l’occasion de l’<strong>Année de la physique</strong>, nous avons rencontré Lucie Moreau, chercheuse en physique nucléaire à IJCLab et référente médiation et éducation du laboratoire.</p>' +
      '<h3>Qu’est-ce qui vous pousse vers les classes ?</h3>' +
      '<p>« Les élèves imaginent souvent un savant seul devant un tableau noir. Je leur montre des équipes, des ingénieurs, des techniciens, des doctorants. La physique se fait avec des gens, et elle leur est ouverte. »</p>' +
      '<h3>Quels formats fonctionnent le mieux ?</h3>' +
      '<p>« Les conférences Nepal dans les lycées, les Masterclasses où les élèves analysent de vraies données, et les visites du laboratoire. L’essentiel, c’est de laisser de la place aux questions. »</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['IJCLab'],
    themes: ['Médiation scientifique et éducation', 'Physique nucléaire'],
    projects: [],
    researchers: [{ name: 'Lucie Moreau', email: 'lucie.moreau@ijclab.example' }],
    links: [{ label: 'Page de l’institut', url: 'https://www.in2p3.cnrs.fr/en/node/2624' }],
    state: 'accepted',
    authorKey: 'camille-lefebvre',
    createdDaysAgo: 50,
    submittedDaysAgo: 47,
    proposedChannels: ['institute-website', 'newsletter'],
    relays: [
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/annee-de-la-physique-entretien-lucie-moreau',
        publishedOn: '2026-10-20',
      },
      { channel: 'newsletter', state: 'published', publishedOn: '2026-10-22' },
    ],
    comments: [
      {
        authorKey: 'margaux-leroy',
        body: 'Très bel entretien. @Camille, Lucie accepterait-elle d’intervenir à la prochaine formation des conférenciers Nepal ?',
        daysAgo: 40,
      },
      { authorKey: 'camille-lefebvre', body: 'Elle est partante, je vous mets en contact.', daysAgo: 39 },
    ],
  },
  {
    key: 'cc-in2p3-40-ans',
    kind: 'anniversary',
    title: 'Le CC-IN2P3 fête ses 40 ans sur le campus de la Doua',
    summary:
      'Né à Paris dans les années 1960, le centre de calcul de l’institut s’est installé à Villeurbanne en 1986. Quarante ans plus tard, agents, partenaires et anciens se sont retrouvés autour de son histoire.',
    bodyHtml:
      '<p>C’est en 1986 que le <strong>Centre de calcul de l’IN2P3</strong> a quitté Paris pour le campus de la Doua, à Villeurbanne. Pour ses 40 ans, il a ouvert ses portes à ses agents, à ses partenaires et à celles et ceux qui l’ont fait grandir.</p>' +
      '<p>Dix ans plus tôt, les 30 ans avaient déjà réuni près de 300 invités. Depuis, le centre est devenu un maillon essentiel du traitement des données de la physique des particules, des astroparticules et de la cosmologie.</p>' +
      '<p>Au programme : témoignages, visite des salles informatiques et passage par le musée de l’informatique du centre.</p>',
    eventDate: '2026-10-08',
    eventEndDate: null,
    labs: ['CC-IN2P3'],
    themes: ['Calcul et données', 'Patrimoine et histoire', 'Vie des labos'],
    projects: [],
    researchers: [{ name: 'Sandrine Pélissier', email: 'sandrine.pelissier@cc-in2p3.example' }],
    links: [
      {
        label: 'Les 30 ans du centre (Lettre Informatique)',
        url: 'https://informatique.in2p3.fr/li/spip.php?article443',
      },
      { label: 'Webcast des 30 ans', url: 'https://webcast.in2p3.fr/container/30_ans_du_ccin2p3' },
    ],
    state: 'accepted',
    authorKey: 'julien-marchand',
    createdDaysAgo: 70,
    submittedDaysAgo: 66,
    proposedChannels: ['regional', 'newsletter', 'social-media', 'annual-report'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.rhone-auvergne.cnrs.fr/fr/cnrsinfo/le-cc-in2p3-fete-ses-40-ans',
        publishedOn: '2026-10-09',
      },
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7381234567890123456',
        publishedOn: '2026-10-08',
      },
      { channel: 'newsletter', state: 'published', publishedOn: '2026-10-22' },
      { channel: 'annual-report', state: 'proposed' },
    ],
    image: {
      motif: 'building',
      palette: ['#1c2340', '#5d6d9b', '#ffcf70'],
      caption: 'Le centre de calcul à la tombée du jour (illustration)',
      credit: '© Damien Vidal / CC-IN2P3',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'bruno-chevalier',
        body: 'Nous avons un photographe disponible le 8 octobre, je vous le réserve ?',
        daysAgo: 68,
      },
      { authorKey: 'julien-marchand', body: 'Oui, merci @Bruno ! Arrivée prévue à 14 h.', daysAgo: 67 },
    ],
  },
  {
    key: 'fete-de-la-science-lapp',
    kind: 'event',
    title: 'Fête de la science au LAPP : étincelles cosmiques et mystères des neutrinos',
    summary:
      'Le LAPP a ouvert ses portes pour la Fête de la science : chambre à étincelles, « roue cosmique » et conférence sur les neutrinos. Une conférence sur la lumière suivra début novembre.',
    bodyHtml:
      '<p>Pour la <strong>Fête de la science</strong>, le Laboratoire d’Annecy de physique des particules a accueilli le public pour une journée de visites et de démonstrations.</p>' +
      '<ul><li>la chambre à étincelles, qui rend visibles les particules venues du ciel ;</li><li>la « roue cosmique », pour comprendre d’où viennent les rayons cosmiques ;</li><li>la conférence « Les mystères des neutrinos », par Guillaume Perret, chercheur au laboratoire.</li></ul>' +
      '<p>Le cycle continue début novembre avec une conférence consacrée à la lumière.</p>',
    eventDate: '2026-10-09',
    eventEndDate: null,
    labs: ['LAPP'],
    themes: ['Médiation scientifique et éducation', 'Neutrinos', 'Astroparticules'],
    projects: [],
    researchers: [{ name: 'Guillaume Perret', email: 'guillaume.perret@lapp.example' }],
    links: [
      {
        label: 'Programme 2024-2025 des conférences',
        url: 'https://indico.in2p3.fr/event/30570/page/4019-programme-2024-2025',
      },
    ],
    state: 'accepted',
    authorKey: 'mathieu-favre',
    createdDaysAgo: 55,
    submittedDaysAgo: 54,
    proposedChannels: ['regional', 'social-media', 'newsletter'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.alpes.cnrs.fr/fr/cnrsinfo/fete-de-la-science-au-lapp',
        publishedOn: '2026-10-05',
      },
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.instagram.com/p/DFdsLAPP2026/',
        publishedOn: '2026-10-09',
      },
      {
        channel: 'newsletter',
        state: 'not_taken',
        reason:
          'La lettre d’octobre était déjà bouclée ; l’événement figurera dans le retour en images de novembre.',
      },
    ],
    image: {
      motif: 'particles',
      palette: ['#140c24', '#4a2c6d', '#ffb86b'],
      caption: 'Traces de rayons cosmiques, à la manière d’une chambre à étincelles',
      credit: '© Sarah Cohen / LAPP',
      licence: 'CC BY 4.0',
      hasPeople: true,
      consent: true,
    },
    comments: [
      {
        authorKey: 'agnes-rey',
        body: 'Annonce publiée sur le site de la délégation. Pensez à nous envoyer deux ou trois photos après la journée.',
        daysAgo: 50,
      },
    ],
  },
  {
    key: 'image-du-mois-ligne-km3net',
    kind: 'image',
    title: 'Image du mois : une ligne de détection prête à plonger',
    summary:
      'Avant de rejoindre le fond de la Méditerranée, à plus de 2 000 m de profondeur au large de Toulon, chaque ligne de détection de KM3NeT est préparée à quai. Notre image du mois en propose une évocation.',
    bodyHtml:
      '<p>Le <strong>Laboratoire sous-marin Provence Méditerranée</strong> (LSPM) est une infrastructure câblée posée par plus de 2 000 m de fond. Il accueille le site français du télescope à neutrinos KM3NeT ainsi que des instruments d’océanographie.</p>' +
      '<p>Chaque ligne de détection porte une série de modules optiques sphériques, capables de capter les faibles éclairs de lumière produits dans l’eau par le passage des particules.</p>' +
      '<p>Cette illustration évoque les lignes déployées dans l’obscurité des grands fonds, sous les derniers rayons venus de la surface.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['LSPM', 'CPPM'],
    themes: ['Neutrinos', 'Détecteurs et instrumentation', 'Interdisciplinarité'],
    projects: ['KM3NeT'],
    researchers: [{ name: 'Rachid Amrani', email: 'rachid.amrani@cppm.example' }],
    links: [
      {
        label: 'Actualités du CPPM',
        url: 'https://www.cppm.in2p3.fr/web/fr/laboratoire/actu-du-cppm/actu.4.html',
      },
    ],
    state: 'accepted',
    authorKey: 'yann-le-goff',
    createdDaysAgo: 22,
    submittedDaysAgo: 21,
    proposedChannels: ['newsletter', 'cnrs-images'],
    relays: [
      { channel: 'newsletter', state: 'sent' },
      { channel: 'cnrs-images', state: 'proposed' },
    ],
    image: {
      motif: 'sea',
      palette: ['#01111f', '#125e7a', '#a8f0e0'],
      caption: 'Lignes de détection dans les grands fonds (illustration)',
      credit: '© Rachid Amrani / CPPM',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'cc-in2p3-journees-patrimoine',
    kind: 'event',
    title: 'Journées du patrimoine : le CC-IN2P3 ouvre son musée de l’informatique',
    summary:
      'Avec Terra Numerica, le centre de calcul accueille le public pour les Journées européennes du patrimoine : musée de l’informatique, salles de calcul et histoire du premier serveur web français.',
    bodyHtml:
      '<p>Pour les <strong>Journées européennes du patrimoine</strong>, le CC-IN2P3 ouvre ses portes avec Terra Numerica.</p>' +
      '<p>Les visiteurs découvriront le musée de l’informatique créé en 2011 et ses machines d’époque, ainsi qu’une page d’histoire : c’est au centre de calcul qu’a été hébergé le premier serveur web français.</p>' +
      '<p>Des ingénieurs du centre présenteront aussi les salles de calcul, où sont traitées les données de grandes expériences internationales.</p>',
    eventDate: '2026-09-19',
    eventEndDate: '2026-09-20',
    labs: ['CC-IN2P3'],
    themes: ['Patrimoine et histoire', 'Calcul et données', 'Médiation scientifique et éducation'],
    projects: [],
    researchers: [{ name: 'Damien Vidal', email: 'damien.vidal@cc-in2p3.example' }],
    links: [
      {
        label: 'Journées européennes du patrimoine au CC-IN2P3',
        url: 'https://cc.in2p3.fr/journees-europeennes-du-patrimoine-2024',
      },
    ],
    state: 'accepted',
    authorKey: 'julien-marchand',
    createdDaysAgo: 95,
    submittedDaysAgo: 92,
    proposedChannels: ['regional', 'social-media'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.rhone-auvergne.cnrs.fr/fr/cnrsinfo/journees-du-patrimoine-au-cc-in2p3',
        publishedOn: '2026-09-10',
      },
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7373456789012345678',
        publishedOn: '2026-09-18',
      },
    ],
  },
  // ---------------------------------------------------------------- accepted, older
  {
    key: 'juno-detecteur-central-acheve',
    kind: 'result',
    title: 'JUNO : le détecteur central est achevé, le remplissage commence',
    summary:
      'La construction du détecteur principal de JUNO est terminée et son remplissage en eau a commencé. Le LP2I Bordeaux a piloté l’électronique de numérisation de ses 25 600 petits photomultiplicateurs.',
    bodyHtml:
      '<p>Étape décisive pour l’expérience <strong>JUNO</strong> : le détecteur central est terminé et les opérations de remplissage en eau ont commencé.</p>' +
      '<p>Le LP2I Bordeaux a coordonné la réalisation des cartes de numérisation des 25 600 petits photomultiplicateurs, qui complètent les grands capteurs du détecteur. Le CPPM, IJCLab, l’IPHC et Subatech participent aussi à l’expérience.</p>' +
      '<p>Prochaine étape : le remplissage en liquide scintillant, puis les premières données.</p>',
    eventDate: '2024-12-18',
    eventEndDate: null,
    labs: ['LP2I Bordeaux', 'CPPM', 'IJCLab', 'IPHC', 'Subatech'],
    themes: ['Neutrinos', 'Détecteurs et instrumentation', 'International'],
    projects: ['JUNO'],
    researchers: [
      { name: 'Bastien Lafargue', email: 'bastien.lafargue@lp2i-bordeaux.example' },
      { name: 'Jérôme Dufour', email: 'jerome.dufour@lp2i-bordeaux.example' },
    ],
    links: [{ label: 'Actualité du LP2I Bordeaux', url: 'https://www.lp2ib.in2p3.fr/?p=20564' }],
    state: 'accepted',
    authorKey: 'helene-lacoste',
    createdDaysAgo: 712,
    submittedDaysAgo: 709,
    proposedChannels: ['regional', 'newsletter', 'annual-report'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.aquitaine.cnrs.fr/fr/cnrsinfo/juno-le-detecteur-central-est-acheve',
        publishedOn: '2024-12-19',
      },
      { channel: 'newsletter', state: 'published', publishedOn: '2025-01-09' },
      {
        channel: 'annual-report',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/rapport-annuel-2024',
        publishedOn: '2025-06-16',
      },
    ],
    image: {
      motif: 'detector',
      palette: ['#0d1b2a', '#415a77', '#e0c068'],
      caption: 'Évocation des couches du détecteur central',
      credit: '© Bastien Lafargue / LP2I Bordeaux',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'medailles-cnrs-delegation-alpes',
    kind: 'award',
    title: 'Médailles du CNRS : huit distinctions dans la délégation Alpes',
    summary:
      'Lors de la cérémonie de la délégation Alpes à Grenoble, huit médailles ont été remises, dont une médaille de cristal à un ingénieur du LPSC.',
    bodyHtml:
      '<p>La délégation Alpes du CNRS a remis ses médailles lors d’une cérémonie à Grenoble : <strong>deux médailles d’argent, quatre de bronze, une de cristal et un cristal collectif</strong>.</p>' +
      '<p>Parmi les lauréats, Romain Gauthier, ingénieur électronicien au LPSC, reçoit la médaille de cristal pour ses développements d’électronique de détection.</p>' +
      '<p>Félicitations à toutes et à tous, dans nos laboratoires comme dans ceux de nos voisins.</p>',
    eventDate: '2024-11-29',
    eventEndDate: null,
    labs: ['LPSC', 'LAPP', 'LSM'],
    themes: ['Prix et distinctions', 'Détecteurs et instrumentation', 'Vie des labos'],
    projects: [],
    researchers: [{ name: 'Romain Gauthier', email: 'romain.gauthier@lpsc.example' }],
    links: [
      {
        label: 'Place Gre’net',
        url: 'https://www.placegrenet.fr/2024/12/02/medailles-du-cnrs-2024-huit-distinctions-pour-des-chercheurs-ou-ingenieurs-de-la-delegation-alpes/641529',
      },
    ],
    state: 'accepted',
    authorKey: 'celine-bouvier',
    createdDaysAgo: 727,
    submittedDaysAgo: 726,
    proposedChannels: ['regional', 'newsletter'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.alpes.cnrs.fr/fr/cnrsinfo/medailles-du-cnrs-la-delegation-alpes-celebre-ses-laureats',
        publishedOn: '2024-12-02',
      },
      { channel: 'newsletter', state: 'published', publishedOn: '2024-12-12' },
    ],
  },
  {
    key: 'svom-lancement',
    kind: 'event',
    title: 'SVOM s’envole pour traquer les sursauts gamma',
    summary:
      'Le satellite franco-chinois SVOM a été lancé pour détecter les sursauts gamma, les explosions les plus violentes de l’Univers. Le LUPM et IJCLab sont au cœur du programme scientifique.',
    bodyHtml:
      '<p>Le satellite <strong>SVOM</strong>, fruit d’une coopération entre la France et la Chine, a été placé en orbite. Sa mission : repérer les sursauts gamma et alerter au plus vite les télescopes au sol.</p>' +
      '<p>Le LUPM fait partie du centre scientifique français de la mission. À IJCLab, les équipes préparent l’exploitation astroparticules des données.</p>' +
      '<p>Ce lancement ouvre un nouveau chapitre pour l’astronomie multi-messagers à l’institut.</p>',
    eventDate: '2024-06-22',
    eventEndDate: null,
    labs: ['LUPM', 'IJCLab'],
    themes: ['Astronomie gamma et multi-messagers', 'Astroparticules', 'International'],
    projects: ['SVOM'],
    researchers: [
      { name: 'Carlos Mendes', email: 'carlos.mendes@lupm.example' },
      { name: 'Hervé Castagné', email: 'herve.castagne@ijclab.example' },
    ],
    links: [
      { label: 'Le CNRS en Occitanie Est', url: 'https://occitanie-est.cnrs.fr/fr/node/893' },
      {
        label: 'Actualité d’IJCLab',
        url: 'https://www.ijclab.in2p3.fr/actualite/lancement-du-satellite-de-detection-des-sursauts-gamma-svom-un-nouveau-chapitre-souvre-pour-la-physique-des-astroparticules-a-lin2p3/',
      },
    ],
    state: 'accepted',
    authorKey: 'laura-castillo',
    createdDaysAgo: 890,
    submittedDaysAgo: 889,
    proposedChannels: ['press-release', 'institute-website', 'regional'],
    relays: [
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/svom-un-satellite-pour-traquer-les-sursauts-gamma',
        publishedOn: '2024-06-22',
      },
      {
        channel: 'regional',
        state: 'published',
        url: 'https://occitanie-est.cnrs.fr/fr/node/893',
        publishedOn: '2024-06-24',
      },
      {
        channel: 'press-release',
        state: 'not_taken',
        reason:
          'Un communiqué national commun est déjà prévu par les partenaires de la mission ; nous y renvoyons depuis l’actualité de l’institut.',
      },
    ],
    image: {
      motif: 'sky',
      palette: ['#060818', '#3a2e6e', '#ffc3a0'],
      caption: 'Évocation du ciel profond, terrain de chasse de SVOM',
      credit: '© Carlos Mendes / LUPM',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'lspm-inauguration',
    kind: 'event',
    title: 'Inauguration du LSPM, laboratoire câblé par plus de 2 000 m de fond',
    summary:
      'Le Laboratoire sous-marin Provence Méditerranée est inauguré. Cette infrastructure câblée accueille le site français de KM3NeT et des instruments d’observation de l’océan.',
    bodyHtml:
      '<p>Le <strong>LSPM</strong> relie à la côte, par un câble électro-optique, des instruments posés à plus de 2 000 m de profondeur. Il héberge le site français du télescope à neutrinos KM3NeT et des équipements de l’observatoire européen EMSO.</p>' +
      '<p>Porté par le CPPM avec Aix-Marseille Université et l’Ifremer, il offre aux physiciens, océanographes et biologistes un accès permanent aux grands fonds.</p>',
    eventDate: '2023-02-24',
    eventEndDate: null,
    labs: ['CPPM', 'LSPM'],
    themes: ['Neutrinos', 'Interdisciplinarité', 'Institutionnel'],
    projects: ['KM3NeT'],
    researchers: [{ name: 'Étienne Vasseur', email: 'etienne.vasseur@cppm.example' }],
    links: [
      {
        label: 'Actualités du CPPM',
        url: 'https://www.cppm.in2p3.fr/web/fr/laboratoire/actu-du-cppm/actu.4.html',
      },
    ],
    state: 'accepted',
    authorKey: 'sophie-garnier',
    createdDaysAgo: 900,
    submittedDaysAgo: 900,
    proposedChannels: ['regional', 'institute-website'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.provence-corse.cnrs.fr/fr/cnrsinfo/inauguration-du-lspm',
        publishedOn: '2023-02-27',
      },
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/le-lspm-inaugure',
        publishedOn: '2023-02-28',
      },
    ],
    image: {
      motif: 'sea',
      palette: ['#031a2b', '#1d5c7a', '#ffe29a'],
      caption: 'Les grands fonds au large de Toulon (illustration)',
      credit: '© Manon Blanc / CPPM',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'ganil-40-ans',
    kind: 'anniversary',
    title: 'Le GANIL célèbre les 40 ans de sa première expérience',
    summary:
      'Plus de 400 personnes se sont retrouvées à Caen pour fêter les quarante ans de la première expérience menée au Grand accélérateur national d’ions lourds.',
    bodyHtml:
      '<p>Quarante ans après sa toute première expérience, le <strong>GANIL</strong> a réuni plus de 400 participants : personnels, anciens, utilisateurs venus du monde entier et partenaires.</p>' +
      '<p>Conférences, visites et souvenirs partagés ont rappelé ce que ce grand équipement a apporté à la physique nucléaire, et ce que SPIRAL2 lui promet pour les décennies à venir.</p>',
    eventDate: '2023-03-02',
    eventEndDate: null,
    labs: ['GANIL'],
    themes: ['Physique nucléaire', 'Accélérateurs', 'Patrimoine et histoire'],
    projects: ['GANIL/SPIRAL2'],
    researchers: [{ name: 'Alice Picard', email: 'alice.picard@ganil.example' }],
    links: [
      {
        label: 'Retour en images (institut)',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/retour-en-images-sur-les-40-ans-du-ganil',
      },
    ],
    state: 'accepted',
    authorKey: 'thomas-lemaire',
    createdDaysAgo: 896,
    submittedDaysAgo: 895,
    proposedChannels: ['institute-website', 'social-media', 'regional'],
    relays: [
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/retour-en-images-sur-les-40-ans-du-ganil',
        publishedOn: '2023-03-10',
      },
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7037000111222333444',
        publishedOn: '2023-03-02',
      },
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.normandie.cnrs.fr/fr/cnrsinfo/le-ganil-fete-ses-40-ans',
        publishedOn: '2023-03-06',
      },
    ],
    image: {
      motif: 'building',
      palette: ['#1a1f33', '#4e6e81', '#f9dbbd'],
      caption: 'Le site du GANIL, vu à la tombée de la nuit (illustration)',
      credit: '© Alice Picard / GANIL',
      licence: 'Tous droits réservés',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'stereo-neutrino-sterile',
    kind: 'result',
    title: 'STEREO ne trouve pas de neutrino stérile',
    summary:
      'Après six années de données auprès d’un réacteur de recherche, l’expérience STEREO écarte l’hypothèse d’un neutrino stérile. Résultat publié dans Nature et annoncé par un communiqué CNRS-CEA.',
    bodyHtml:
      '<p>Certaines mesures anciennes laissaient penser qu’une quatrième famille de neutrinos, insensible à toutes les interactions sauf la gravitation, pouvait exister. L’expérience <strong>STEREO</strong> a mesuré avec soin les neutrinos émis par un réacteur pendant six ans.</p>' +
      '<p>Verdict : aucune trace de ce « neutrino stérile ». Les anomalies observées par le passé s’expliquent autrement, notamment par une connaissance imparfaite du flux de neutrinos des réacteurs.</p>' +
      '<p>Le LPSC et le LAPP ont participé à la construction du détecteur et à l’analyse. Le résultat est publié dans <em>Nature</em>.</p>',
    eventDate: '2023-01-12',
    eventEndDate: null,
    labs: ['LPSC', 'LAPP'],
    themes: ['Neutrinos', 'Physique des particules', 'Énergie nucléaire et environnement'],
    projects: ['STEREO'],
    researchers: [
      { name: 'Yves Bouchardeau', email: 'yves.bouchardeau@lpsc.example' },
      { name: 'Sandra Pellet', email: 'sandra.pellet@lapp.example' },
    ],
    links: [
      {
        label: 'Actualité de l’institut',
        url: 'https://www.in2p3.cnrs.fr/fr/lexperience-stereo-rejette-lhypothese-du-neutrino-sterile',
      },
    ],
    state: 'accepted',
    authorKey: 'celine-bouvier',
    createdDaysAgo: 899,
    submittedDaysAgo: 898,
    proposedChannels: ['press-release', 'institute-website', 'cnrs-le-journal'],
    relays: [
      {
        channel: 'press-release',
        state: 'published',
        url: 'https://www.cnrs.fr/fr/presse/lexperience-stereo-rejette-lhypothese-du-neutrino-sterile',
        publishedOn: '2023-01-12',
      },
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/lexperience-stereo-rejette-lhypothese-du-neutrino-sterile',
        publishedOn: '2023-01-12',
      },
      {
        channel: 'cnrs-le-journal',
        state: 'published',
        url: 'https://lejournal.cnrs.fr/articles/le-neutrino-sterile-ne-repond-pas',
        publishedOn: '2023-01-18',
      },
    ],
    image: {
      motif: 'detector',
      palette: ['#121212', '#37474f', '#80deea'],
      caption: 'Évocation d’un détecteur de neutrinos de réacteur',
      credit: '© Yves Bouchardeau / LPSC',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'euclid-lancement',
    kind: 'event',
    title: 'Euclid décolle pour cartographier l’Univers sombre',
    summary:
      'Le télescope spatial Euclid a été lancé. L’IP2I a contribué à l’instrument infrarouge NISP et l’IN2P3 prend en charge une large part du traitement des données.',
    bodyHtml:
      '<p>La mission <strong>Euclid</strong> de l’Agence spatiale européenne est partie observer des milliards de galaxies pour percer les mystères de la matière noire et de l’énergie noire.</p>' +
      '<p>À Lyon, l’IP2I a participé à la réalisation de l’instrument NISP, qui mesure la lumière infrarouge des galaxies. Le CPPM, l’APC et le CC-IN2P3 sont également engagés, en particulier dans le traitement des données.</p>',
    eventDate: '2023-07-01',
    eventEndDate: null,
    labs: ['IP2I', 'CPPM', 'APC', 'CC-IN2P3'],
    themes: ['Cosmologie', 'Détecteurs et instrumentation', 'Calcul et données'],
    projects: ['Euclid'],
    researchers: [{ name: 'Chiara Bellini', email: 'chiara.bellini@ip2i.example' }],
    links: [
      {
        label: 'Actualité de l’institut',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/euclid-un-satellite-pour-explorer-lunivers-sombre',
      },
      {
        label: 'Tribune de Lyon',
        url: 'https://tribunedelyon.fr/sciences-innovation/recherche-lyonnaise-premieres-images-du-cosmos-prises-par-le-telescope-euclid/',
      },
    ],
    state: 'accepted',
    authorKey: 'nathalie-perrin',
    createdDaysAgo: 893,
    submittedDaysAgo: 892,
    proposedChannels: ['institute-website', 'social-media', 'regional'],
    relays: [
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/euclid-un-satellite-pour-explorer-lunivers-sombre',
        publishedOn: '2023-06-28',
      },
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:7080900011122233344',
        publishedOn: '2023-07-01',
      },
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.rhone-auvergne.cnrs.fr/fr/cnrsinfo/euclid-lip2i-dans-laventure',
        publishedOn: '2023-07-03',
      },
    ],
    image: {
      motif: 'sky',
      palette: ['#05060f', '#22306b', '#a9c6ff'],
      caption: 'Évocation de l’Univers sombre cartographié par Euclid',
      credit: '© Chiara Bellini / IP2I',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'higgs-10-ans-run-3',
    kind: 'anniversary',
    title: 'Dix ans du boson de Higgs, et le LHC repart à 13,6 TeV',
    summary:
      'Le 4 juillet 2012, ATLAS et CMS annonçaient la découverte du boson de Higgs. Dix ans plus tard, jour pour jour ou presque, le LHC entame sa troisième période d’exploitation à une énergie record.',
    bodyHtml:
      '<p>Le <strong>4 juillet 2012</strong>, les expériences ATLAS et CMS annonçaient la découverte du boson de Higgs. Pour ce dixième anniversaire, les laboratoires de l’institut reviennent sur une décennie de mesures de ses propriétés.</p>' +
      '<p>Le lendemain, le LHC démarrait sa troisième période de prise de données, avec des collisions à <strong>13,6 TeV</strong>, un record. Le LLR, le LAPP, le CPPM, le LPNHE et IJCLab y sont engagés.</p>',
    eventDate: '2022-07-04',
    eventEndDate: '2022-07-05',
    labs: ['LLR', 'LAPP', 'CPPM', 'LPNHE', 'IJCLab'],
    themes: ['Physique des particules', 'Accélérateurs', 'Patrimoine et histoire'],
    projects: ['LHC', 'ATLAS', 'CMS'],
    researchers: [
      { name: 'Adrien Roche', email: 'adrien.roche@llr.example' },
      { name: 'Nathan Kergoat', email: 'nathan.kergoat@lapp.example' },
    ],
    links: [
      { label: '10 ans de physique au LHC (LLR)', url: 'https://llr.in2p3.fr/10-ans-de-physique-an-lhc' },
      {
        label: 'CERN',
        url: 'https://www.home.cern/fr/news/news/cern/glimpse-past-while-preparing-future-cern-celebrated-millions',
      },
    ],
    state: 'accepted',
    authorKey: 'elodie-brunet',
    createdDaysAgo: 900,
    submittedDaysAgo: 899,
    proposedChannels: ['social-media', 'institute-website'],
    relays: [
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:6949000111222333444',
        publishedOn: '2022-07-04',
      },
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/dix-ans-du-boson-de-higgs',
        publishedOn: '2022-07-05',
      },
    ],
    image: {
      motif: 'particles',
      palette: ['#0b1026', '#2b4c9b', '#ffb347'],
      caption: 'Évocation d’une collision de protons et des traces qu’elle laisse',
      credit: '© Nathan Kergoat / LAPP',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'cristal-collectif-miroirs-lma',
    kind: 'award',
    title: 'Un cristal collectif pour l’équipe des « miroirs parfaits »',
    summary:
      'L’équipe du LMA qui réalise les miroirs des détecteurs d’ondes gravitationnelles reçoit le cristal collectif du CNRS, une distinction qui salue un travail d’équipe d’exception.',
    bodyHtml:
      '<p>Les miroirs des détecteurs d’ondes gravitationnelles doivent être parmi les plus parfaits au monde : la moindre imperfection de surface ou la moindre perte de lumière limite la sensibilité de l’instrument.</p>' +
      '<p>Au <strong>Laboratoire des matériaux avancés</strong>, intégré à l’IP2I, une équipe d’ingénieurs et de techniciens conçoit et dépose ces traitements optiques. Elle reçoit le <strong>cristal collectif</strong> du CNRS.</p>',
    eventDate: '2022-11-15',
    eventEndDate: null,
    labs: ['LMA', 'IP2I'],
    themes: ['Prix et distinctions', 'Ondes gravitationnelles', 'Détecteurs et instrumentation'],
    projects: ['Virgo'],
    researchers: [{ name: 'Delphine Carrier', email: 'delphine.carrier@lma.example' }],
    links: [
      {
        label: 'Lyon Capitale',
        url: 'https://www.lyoncapitale.fr/actualite/cnrs-la-ville-de-lyon-a-des-tetes-chercheuses',
      },
    ],
    state: 'accepted',
    authorKey: 'karim-haddad',
    createdDaysAgo: 898,
    submittedDaysAgo: 897,
    proposedChannels: ['newsletter', 'regional'],
    relays: [
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.rhone-auvergne.cnrs.fr/fr/cnrsinfo/cristal-collectif-pour-les-miroirs-du-lma',
        publishedOn: '2022-11-21',
      },
      { channel: 'newsletter', state: 'published', publishedOn: '2022-12-08' },
    ],
    image: {
      motif: 'waves',
      palette: ['#0f1020', '#4a4e69', '#f2e9e4'],
      caption: 'Interférences lumineuses, à la manière d’un banc de mesure optique',
      credit: '© Delphine Carrier / LMA',
      licence: 'CC BY-NC 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'ijclab-inauguration',
    kind: 'event',
    title: 'IJCLab officiellement inauguré',
    summary:
      'Le Laboratoire de physique des deux infinis Irène Joliot-Curie, qui réunit environ 750 personnes sur quelque 50 000 m² à Orsay, a été officiellement inauguré.',
    bodyHtml:
      '<p>Né en 2020 du regroupement de cinq laboratoires d’Orsay, <strong>IJCLab</strong> a été officiellement inauguré en présence de la direction du CNRS et de la présidence de l’université Paris-Saclay.</p>' +
      '<p>Environ 750 personnes y travaillent sur quelque 50 000 m², de la physique des particules aux accélérateurs, en passant par la physique nucléaire, l’astroparticule, la théorie et les applications à la santé et à l’énergie.</p>' +
      '<p>Deux statues ont été dévoilées à cette occasion.</p>',
    eventDate: '2022-05-16',
    eventEndDate: null,
    labs: ['IJCLab'],
    themes: ['Institutionnel', 'Vie des labos'],
    projects: [],
    researchers: [],
    links: [
      {
        label: 'Essonne.fr',
        url: 'https://www.essonne.fr/education-jeunesse-citoyennete/lactualite-education-jeunesse/a-orsay-un-nouveau-labo-de-pointe-en-physique',
      },
      {
        label: 'La Semaine Île-de-France',
        url: 'https://www.semaine-ile-de-france.fr/orsay-le-laboratoire-des-deux-infinis-officiellement-lance-109395.html',
      },
    ],
    state: 'accepted',
    authorKey: 'camille-lefebvre',
    createdDaysAgo: 900,
    submittedDaysAgo: 900,
    proposedChannels: ['institute-website', 'regional', 'cnrs-website'],
    relays: [
      {
        channel: 'institute-website',
        state: 'published',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/ijclab-officiellement-inaugure',
        publishedOn: '2022-05-17',
      },
      {
        channel: 'regional',
        state: 'published',
        url: 'https://www.iledefrance-gif.cnrs.fr/fr/cnrsinfo/inauguration-dijclab',
        publishedOn: '2022-05-18',
      },
      {
        channel: 'cnrs-website',
        state: 'not_taken',
        reason: 'Relayé dans la synthèse de presse plutôt qu’en actualité.',
      },
    ],
    image: {
      motif: 'building',
      palette: ['#16213e', '#53698f', '#ffd89c'],
      caption: 'Le laboratoire à Orsay (illustration)',
      credit: '© Hugo Bertrand / IJCLab',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'lsm-40-ans',
    kind: 'media_interest',
    title: 'Le Laboratoire souterrain de Modane a 40 ans',
    summary:
      'Pour les quarante ans du laboratoire creusé sous les Alpes, le site du CNRS publie un entretien avec la direction de l’institut : désintégration du proton, matière noire et ouverture à d’autres disciplines.',
    bodyHtml:
      '<p>Installé au milieu du tunnel routier du Fréjus, le <strong>Laboratoire souterrain de Modane</strong> est protégé du rayonnement cosmique par plus d’un kilomètre et demi de roche.</p>' +
      '<p>Conçu à l’origine pour chercher la désintégration du proton, il accueille aujourd’hui des expériences sur les neutrinos et la matière noire, mais aussi des mesures de très faible radioactivité utiles à la biologie, à l’environnement ou au patrimoine.</p>' +
      '<p>Le site du CNRS consacre à cet anniversaire un entretien avec la direction de l’institut.</p>',
    eventDate: '2022-10-17',
    eventEndDate: null,
    labs: ['LSM', 'LPSC'],
    themes: ['Neutrinos', 'Cosmologie', 'Interdisciplinarité', 'Patrimoine et histoire'],
    projects: [],
    researchers: [],
    links: [
      {
        label: 'Site du CNRS',
        url: 'https://cnrs.fr/fr/actualite/sous-les-alpes-40-ans-de-recherche-dans-un-laboratoire-extreme',
      },
    ],
    state: 'accepted',
    authorKey: 'pierre-arnaud',
    createdDaysAgo: 897,
    submittedDaysAgo: 897,
    proposedChannels: ['cnrs-website', 'social-media'],
    relays: [
      {
        channel: 'cnrs-website',
        state: 'published',
        url: 'https://cnrs.fr/fr/actualite/sous-les-alpes-40-ans-de-recherche-dans-un-laboratoire-extreme',
        publishedOn: '2022-10-17',
      },
      {
        channel: 'social-media',
        state: 'published',
        url: 'https://www.linkedin.com/feed/update/urn:li:activity:6987000111222333444',
        publishedOn: '2022-10-18',
      },
    ],
    image: {
      motif: 'mountain',
      palette: ['#141b2d', '#52667a', '#ffd7a8'],
      caption: 'Les sommets au-dessus du laboratoire souterrain (illustration)',
      credit: '© Pierre-Yves Montaz / LSM',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  // ---------------------------------------------------------------- in review
  {
    key: 'gw-fusion-theoreme-des-aires',
    kind: 'result',
    title: 'La fusion de trous noirs la plus « bruyante » jamais analysée confirme le théorème des aires',
    summary:
      'Le signal GW250114 est si net qu’il permet de vérifier une prédiction célèbre : l’aire totale des horizons des trous noirs ne diminue pas. Un doctorant du L2IT a mené une partie de l’analyse.',
    bodyHtml:
      '<p>Parmi les ondes gravitationnelles enregistrées, le signal <strong>GW250114</strong> se distingue : c’est la fusion de trous noirs la plus nette jamais analysée. Sa clarté permet d’observer séparément les deux trous noirs initiaux et celui qui résulte de leur fusion.</p>' +
      '<p>Les chercheurs ont ainsi pu tester le <strong>théorème des aires</strong>, énoncé au début des années 1970 : la surface de l’horizon final est bien supérieure à la somme des surfaces initiales.</p>' +
      '<p>Félix Aubert, doctorant au L2IT, fait partie des analystes principaux de cette étude.</p>' +
      '<p><strong>Embargo :</strong> l’article est accepté dans <em>Physical Review Letters</em> ; rien ne doit paraître avant la levée de l’embargo.</p>',
    eventDate: '2026-11-29',
    eventEndDate: null,
    labs: ['L2IT'],
    themes: ['Ondes gravitationnelles', 'Physique théorique', 'Calcul et données'],
    projects: ['Virgo'],
    researchers: [
      { name: 'Félix Aubert', email: 'felix.aubert@l2it.example' },
      { name: 'Nadia Ferhat', email: 'nadia.ferhat@l2it.example' },
    ],
    links: [],
    state: 'in_review',
    authorKey: 'aurelie-fabre',
    createdDaysAgo: 6,
    submittedDaysAgo: 5,
    embargo: { inDays: 5, time: '16:00', timeZone: 'Europe/Paris' },
    proposedChannels: ['press-release', 'institute-website', 'regional'],
    relays: [],
    image: {
      motif: 'waves',
      palette: ['#0b0c1e', '#3c2a6e', '#ffb3c6'],
      caption: 'Illustration : le signal d’une fusion de trous noirs',
      credit: '© Nadia Ferhat / L2IT',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'aurelie-fabre',
        body: 'Texte relu par l’équipe. @Isabelle, pensez-vous qu’un communiqué national se justifie ?',
        daysAgo: 5,
      },
      {
        authorKey: 'isabelle-delmas',
        body: 'J’en parle au bureau de presse demain. En attendant, rien sur les réseaux avant la levée de l’embargo.',
        daysAgo: 4,
      },
    ],
  },
  {
    key: 'euclid-fourche-de-hubble',
    kind: 'publication',
    title: 'Euclid revisite la « fourche de Hubble » et l’évolution des galaxies',
    summary:
      'Sept nouveaux articles de la collaboration Euclid décrivent comment la forme des galaxies a évolué et proposent une version actualisée de la célèbre classification en diapason.',
    bodyHtml:
      '<p>La collaboration <strong>Euclid</strong> publie sept articles consacrés à l’évolution des galaxies. Grâce à la finesse des images du télescope, les chercheurs suivent la transformation de leurs formes sur plusieurs milliards d’années.</p>' +
      '<p>Ils proposent aussi une mise à jour de la « fourche de Hubble », ce diagramme en diapason qui classe les galaxies elliptiques et spirales depuis près d’un siècle.</p>' +
      '<p>L’IP2I, le CPPM et l’APC participent à l’exploitation scientifique de la mission.</p>',
    eventDate: '2026-11-05',
    eventEndDate: null,
    labs: ['IP2I', 'CPPM', 'APC'],
    themes: ['Cosmologie', 'Calcul et données'],
    projects: ['Euclid'],
    researchers: [{ name: 'Chiara Bellini', email: 'chiara.bellini@ip2i.example' }],
    links: [{ label: 'Actualité de l’institut', url: 'https://www.in2p3.cnrs.fr/fr/node/3143' }],
    state: 'in_review',
    authorKey: 'amandine-roux',
    createdDaysAgo: 11,
    submittedDaysAgo: 10,
    proposedChannels: ['institute-website', 'newsletter'],
    relays: [],
    image: {
      motif: 'sky',
      palette: ['#0a0a1a', '#5b2a86', '#f3a6c8'],
      caption: 'Évocation de galaxies de formes variées',
      credit: '© Chiara Bellini / IP2I',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'isabelle-delmas',
        body: '@Amandine, le texte est clair. Pouvez-vous ajouter une phrase sur le rôle du CC-IN2P3 dans le traitement des données ?',
        daysAgo: 8,
      },
      {
        authorKey: 'amandine-roux',
        body: 'Je vois ça avec l’équipe et je complète d’ici vendredi.',
        daysAgo: 7,
      },
    ],
  },
  {
    key: 'image-du-mois-tunnel-frejus',
    kind: 'image',
    title: 'Image du mois : la lumière au bout du tunnel du Fréjus',
    summary:
      'Sous plus d’un kilomètre et demi de roche, le Laboratoire souterrain de Modane abrite des expériences à l’abri du rayonnement cosmique. Une vue de l’entrée, entre montagne et science.',
    bodyHtml:
      '<p>Pour rejoindre le <strong>Laboratoire souterrain de Modane</strong>, il faut emprunter le tunnel routier du Fréjus jusqu’à mi-parcours. Au-dessus, les sommets filtrent l’essentiel du rayonnement cosmique.</p>' +
      '<p>Cette image propose un regard sur le paysage qui protège le laboratoire, à l’heure où la lumière rasante découpe les crêtes.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['LSM'],
    themes: ['Neutrinos', 'Interdisciplinarité', 'Vie des labos'],
    projects: [],
    researchers: [],
    links: [],
    state: 'in_review',
    authorKey: 'pierre-arnaud',
    createdDaysAgo: 7,
    submittedDaysAgo: 6,
    proposedChannels: ['newsletter', 'cnrs-images', 'social-media'],
    relays: [],
    image: {
      motif: 'mountain',
      palette: ['#1b1f3b', '#6a4c93', '#ffb4a2'],
      caption: 'Crêtes au-dessus du laboratoire souterrain, au crépuscule',
      credit: '© Pierre-Yves Montaz / LSM',
      licence: 'CC BY-NC 4.0',
      hasPeople: true,
      consent: true,
    },
    comments: [
      {
        authorKey: 'kevin-nguyen',
        body: 'Belle image ! La personne de dos est-elle identifiable ? Si oui, il nous faut son accord écrit.',
        daysAgo: 5,
      },
      { authorKey: 'pierre-arnaud', body: 'Accord signé, je l’ai joint à la fiche.', daysAgo: 4 },
    ],
  },
  {
    key: 'omega-puces-juno',
    kind: 'other',
    title: 'Des puces conçues à Palaiseau au cœur de l’électronique de JUNO',
    summary:
      'L’unité OMEGA a conçu les circuits intégrés qui lisent les petits photomultiplicateurs de JUNO. Retour sur dix ans de microélectronique au service des neutrinos.',
    bodyHtml:
      '<p>Chaque petit photomultiplicateur de <strong>JUNO</strong> est lu par un circuit intégré conçu par l’unité <strong>OMEGA</strong>, spécialiste de la microélectronique pour la physique.</p>' +
      '<p>Ces puces mesurent à la fois la quantité de lumière et l’instant de son arrivée, avec une consommation très faible. Elles équipent les cartes de numérisation développées avec le LP2I Bordeaux.</p>' +
      '<p>Alors que l’expérience publie ses premiers résultats, les ingénieurs d’OMEGA reviennent sur cette aventure technique.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['OMEGA', 'LP2I Bordeaux'],
    themes: ['Microélectronique', 'Détecteurs et instrumentation', 'Neutrinos'],
    projects: ['JUNO'],
    researchers: [{ name: 'Sylvain Drouet', email: 'sylvain.drouet@omega.example' }],
    links: [],
    state: 'in_review',
    authorKey: 'vincent-tran',
    createdDaysAgo: 12,
    submittedDaysAgo: 11,
    proposedChannels: ['newsletter', 'institute-website'],
    relays: [],
    comments: [
      {
        authorKey: 'florian-besson',
        body: 'Sujet parfait pour la rubrique « Technique et plateformes ». @Vincent, auriez-vous une photo d’une carte électronique ?',
        daysAgo: 9,
      },
    ],
  },
  {
    key: 'image-du-mois-cyclotrons-ganil',
    kind: 'image',
    title: 'Image du mois : au cœur des cyclotrons du GANIL',
    summary:
      'Les cyclotrons du GANIL accélèrent des faisceaux d’ions pour explorer la matière nucléaire. Une évocation graphique de leurs trajectoires en spirale.',
    bodyHtml:
      '<p>Au <strong>GANIL</strong>, des ions sont accélérés de cyclotron en cyclotron, sur des trajectoires en spirale, avant d’être envoyés vers les salles d’expériences.</p>' +
      '<p>Cette image évoque les couches successives d’un accélérateur vu de dessus, avec les traces des particules qui s’en échappent.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['GANIL'],
    themes: ['Accélérateurs', 'Physique nucléaire'],
    projects: ['GANIL/SPIRAL2'],
    researchers: [],
    links: [],
    state: 'in_review',
    authorKey: 'thomas-lemaire',
    createdDaysAgo: 9,
    submittedDaysAgo: 8,
    proposedChannels: ['newsletter', 'cnrs-images'],
    relays: [],
    image: {
      motif: 'detector',
      palette: ['#0f0f1a', '#2e4057', '#ff7f50'],
      caption: 'Évocation graphique d’un cyclotron vu de dessus',
      credit: '© Alice Picard / GANIL',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  // ---------------------------------------------------------------- submitted
  {
    key: 'rubin-lsst-france-grenoble',
    kind: 'event',
    title: 'Le LPSC accueille la réunion d’automne de Rubin-LSST France',
    summary:
      'Plus de cinquante scientifiques de la communauté française de l’observatoire Vera C. Rubin se retrouvent à Grenoble, avec une soirée au planétarium CosmoCité.',
    bodyHtml:
      '<p>Le LPSC reçoit la <strong>réunion d’automne de Rubin-LSST France</strong>, qui rassemble plus de cinquante chercheurs et ingénieurs engagés dans l’observatoire Vera C. Rubin.</p>' +
      '<p>Au programme : état du relevé, premiers travaux de cosmologie, traitement des données au CC-IN2P3 et préparation des prochaines analyses.</p>' +
      '<p>Une soirée au planétarium CosmoCité permettra de partager le ciel de Rubin avec un public plus large.</p>',
    eventDate: '2026-12-07',
    eventEndDate: '2026-12-09',
    labs: ['LPSC', 'LPNHE', 'CC-IN2P3'],
    themes: ['Cosmologie', 'Calcul et données', 'Médiation scientifique et éducation'],
    projects: ['Vera C. Rubin / LSST'],
    researchers: [{ name: 'Yasmine Mansouri', email: 'yasmine.mansouri@lpsc.example' }],
    links: [{ label: 'Actualité du LPSC', url: 'https://lpsc.in2p3.fr/?p=3183' }],
    state: 'submitted',
    authorKey: 'celine-bouvier',
    createdDaysAgo: 10,
    submittedDaysAgo: 9,
    proposedChannels: ['regional', 'newsletter', 'social-media'],
    relays: [],
    image: {
      motif: 'mountain',
      palette: ['#0e1428', '#3e5c76', '#f0c987'],
      caption: 'Le ciel au-dessus des massifs grenoblois (illustration)',
      credit: '© Romain Gauthier / LPSC',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
    comments: [
      {
        authorKey: 'agnes-rey',
        body: 'Je peux relayer sur le site de la délégation. @Céline, envoyez-moi une photo après la soirée au planétarium.',
        daysAgo: 8,
      },
    ],
  },
  {
    key: 'vins-faible-radioactivite',
    kind: 'media_interest',
    title: 'Une émission de radio s’intéresse à l’authentification des grands vins par la radioactivité',
    summary:
      'Une journaliste souhaite interviewer le laboratoire sur ses mesures de très faible radioactivité, qui permettent de vérifier l’âge de bouteilles anciennes. Comment organiser la réponse ?',
    bodyHtml:
      '<p>Une journaliste d’une émission scientifique nous a contactés au sujet d’une méthode mise au point au laboratoire, du temps du CENBG : la mesure de <strong>très faibles niveaux de radioactivité</strong> pour vérifier l’authenticité de grands vins.</p>' +
      '<p>Le principe : certains radioéléments artificiels ne sont présents dans l’environnement que depuis les années 1950. Leur présence, ou leur absence, renseigne sur l’âge d’un vin sans ouvrir la bouteille.</p>' +
      '<p>Le chercheur concerné est disponible pour une interview. Nous souhaitons l’avis de la cellule avant de confirmer.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['LP2I Bordeaux'],
    themes: ['Interdisciplinarité', 'Physique nucléaire', 'Valorisation et innovation'],
    projects: [],
    researchers: [{ name: 'Philippe Darrieussecq', email: 'philippe.darrieussecq@lp2i-bordeaux.example' }],
    links: [
      { label: 'Quantum Diaries (archives)', url: 'http://www.quantumdiaries.org/author/cnrs-in2p3/page/2/' },
    ],
    state: 'submitted',
    authorKey: 'helene-lacoste',
    createdDaysAgo: 4,
    submittedDaysAgo: 4,
    proposedChannels: ['social-media'],
    relays: [],
  },
  {
    key: 'rubin-lpca-changeur-de-filtres',
    kind: 'other',
    title: 'Rubin : le LPCA raconte sa part du changeur de filtres',
    summary:
      'Ingénieurs et chercheurs du LPCA reviennent sur leur contribution au changeur de filtres de la caméra de l’observatoire Vera C. Rubin, depuis les premiers essais jusqu’aux premières images.',
    bodyHtml:
      '<p>Les premières images de l’observatoire <strong>Vera C. Rubin</strong> ont été une fierté pour l’équipe du LPCA, qui a participé au changeur de filtres de la caméra.</p>' +
      '<p>Essais mécaniques, contrôle-commande, tests d’endurance : l’équipe raconte les étapes de ce travail mené avec plusieurs laboratoires de l’institut.</p>' +
      '<p>Le texte est accompagné de témoignages de deux ingénieurs et d’une doctorante.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['LPCA', 'LPNHE'],
    themes: ['Cosmologie', 'Détecteurs et instrumentation', 'Vie des labos'],
    projects: ['Vera C. Rubin / LSST'],
    researchers: [{ name: 'Gilles Vernadet', email: 'gilles.vernadet@lpca.example' }],
    links: [
      {
        label: 'Actualité du LPCA',
        url: 'https://lpc-clermont.in2p3.fr/Premieres-images-de-l-observatoire-Rubin.html',
      },
    ],
    state: 'submitted',
    authorKey: 'marion-chabrol',
    createdDaysAgo: 5,
    submittedDaysAgo: 3,
    proposedChannels: ['newsletter', 'regional'],
    relays: [],
    comments: [
      {
        authorKey: 'kevin-nguyen',
        body: '@Marion, le LPNHE a déjà proposé une image du mois sur le même instrument : on pourrait réunir vos deux textes en une seule communication.',
        daysAgo: 2,
      },
      {
        authorKey: 'bruno-chevalier',
        body: 'Bonne idée, et la délégation relaiera la version commune.',
        daysAgo: 2,
      },
    ],
  },
  {
    key: 'apc-soiree-grand-public',
    kind: 'event',
    title: 'Soirée grand public : la physique des particules, en jeu et en débat',
    summary:
      'Une conférence interactive, un débat avec la direction de l’institut et des chercheurs, et la démonstration d’un jeu vidéo de physique : l’APC invite le public à une soirée autour des particules.',
    bodyHtml:
      '<p>L’APC organise une <strong>soirée grand public</strong> consacrée à la physique des particules.</p>' +
      '<ul><li>une conférence interactive par Mei Zhang, chercheuse à l’APC ;</li><li>un débat avec la direction de l’institut et des chercheurs ;</li><li>la démonstration d’<em>Exographer</em>, un jeu vidéo qui fait découvrir les particules en les « photographiant ».</li></ul>' +
      '<p>Entrée libre sur inscription, dans la limite des places disponibles.</p>',
    eventDate: '2026-12-10',
    eventEndDate: null,
    labs: ['APC', 'LPNHE'],
    themes: ['Médiation scientifique et éducation', 'Physique des particules'],
    projects: [],
    researchers: [{ name: 'Mei Zhang', email: 'mei.zhang@apc.example' }],
    links: [{ label: 'Page de l’événement', url: 'https://indico.in2p3.fr/event/36448' }],
    state: 'submitted',
    authorKey: 'ines-benali',
    createdDaysAgo: 8,
    submittedDaysAgo: 7,
    proposedChannels: ['newsletter', 'social-media', 'regional'],
    relays: [],
    comments: [
      {
        authorKey: 'samia-belkacem',
        body: 'Nous pouvons l’annoncer dans l’agenda de la délégation. @Inès, le lien d’inscription est-il déjà ouvert ?',
        daysAgo: 6,
      },
    ],
  },
  {
    key: 'pepites-protontherapie',
    kind: 'event',
    title: 'PEPITES : des détecteurs ultra-minces pour contrôler les faisceaux de protonthérapie',
    summary:
      'Adrien Roche présentera aux « Jeudis de la recherche » de l’École polytechnique le projet PEPITES, un moniteur de faisceau si fin qu’il ne perturbe pas le traitement.',
    bodyHtml:
      '<p>En <strong>protonthérapie</strong>, il faut connaître en permanence la forme et l’intensité du faisceau, sans le dégrader. C’est l’objectif de <strong>PEPITES</strong>, un détecteur ultra-mince développé au LLR avec ARRONAX et le CEA.</p>' +
      '<p>Adrien Roche, enseignant-chercheur au LLR, présentera le projet lors des « Jeudis de la recherche » de l’École polytechnique : principe, premiers tests sur faisceau et perspectives cliniques.</p>',
    eventDate: '2026-12-03',
    eventEndDate: null,
    labs: ['LLR', 'ARRONAX'],
    themes: ['Nucléaire et santé', 'Détecteurs et instrumentation', 'Valorisation et innovation'],
    projects: [],
    researchers: [{ name: 'Adrien Roche', email: 'adrien.roche@llr.example' }],
    links: [],
    state: 'submitted',
    authorKey: 'elodie-brunet',
    createdDaysAgo: 3,
    submittedDaysAgo: 2,
    proposedChannels: ['regional', 'newsletter'],
    relays: [],
  },
  // ---------------------------------------------------------------- changes requested
  {
    key: 'lpca-visite-cern',
    kind: 'visit',
    title: 'Les cadres de l’université en visite au CERN avec le LPCA',
    summary:
      'Le LPCA a emmené une délégation de l’Université Clermont Auvergne au CERN, à la découverte des expériences ATLAS et ALICE auxquelles le laboratoire participe.',
    bodyHtml:
      '<p>Le LPCA a organisé une visite du <strong>CERN</strong> pour des cadres de l’Université Clermont Auvergne.</p>' +
      '<p>Au programme : les cavernes des expériences ATLAS et ALICE, la salle de contrôle et des échanges avec les physiciens et ingénieurs clermontois en poste à Genève.</p>',
    eventDate: '2026-11-13',
    eventEndDate: null,
    labs: ['LPCA'],
    themes: ['Institutionnel', 'Physique des particules', 'International'],
    projects: ['LHC', 'ATLAS', 'ALICE'],
    researchers: [{ name: 'Gilles Vernadet', email: 'gilles.vernadet@lpca.example' }],
    links: [
      {
        label: 'Université Clermont Auvergne',
        url: 'https://uca.fr/recherche/presentation/lactualite-scientifique/institut-des-sciences/le-laboratoire-de-physique-de-clermont-auvergne-lpca-visite-le-cern-le-plus-grand-centre-de-physique-des-particules-du-monde',
      },
    ],
    state: 'changes_requested',
    authorKey: 'marion-chabrol',
    createdDaysAgo: 14,
    submittedDaysAgo: 12,
    decisionReason:
      'Merci ! Pouvez-vous préciser qui a participé (fonctions plutôt que « des cadres ») et ajouter une ou deux phrases sur ce que la visite change pour le laboratoire ? Les personnes visibles sur la photo doivent aussi avoir donné leur accord : sans cela, nous ne pourrons pas diffuser l’image.',
    proposedChannels: ['newsletter', 'regional'],
    relays: [],
    image: {
      motif: 'detector',
      palette: ['#101820', '#3a6073', '#f2c14e'],
      caption: 'La délégation devant une expérience du LHC',
      credit: '© Marion Chabrol / LPCA',
      licence: 'Tous droits réservés',
      hasPeople: true,
      consent: false,
    },
    comments: [
      {
        authorKey: 'marion-chabrol',
        body: 'Je relance les participants pour les autorisations photo et je complète le texte.',
        daysAgo: 9,
      },
    ],
  },
  {
    key: 'l2it-portrait-doctorant',
    kind: 'other',
    title: 'Portrait : Félix Aubert, doctorant, à l’écoute des trous noirs',
    summary:
      'Arrivé au L2IT pour sa thèse, Félix Aubert analyse les signaux d’ondes gravitationnelles. Portrait d’un jeune chercheur entre calcul intensif et astrophysique.',
    bodyHtml:
      '<p>Félix Aubert a rejoint le <strong>L2IT</strong> à Toulouse pour une thèse consacrée à l’analyse des ondes gravitationnelles.</p>' +
      '<p>Ses journées se partagent entre le développement de codes, les réunions de collaboration à l’international et l’enseignement en licence.</p>' +
      '<p>Il a récemment joué un rôle clé dans l’analyse d’un signal exceptionnel, dont les résultats seront publiés prochainement.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['L2IT'],
    themes: ['Ondes gravitationnelles', 'Vie des labos', 'Calcul et données'],
    projects: ['Virgo'],
    researchers: [{ name: 'Félix Aubert', email: 'felix.aubert@l2it.example' }],
    links: [],
    state: 'changes_requested',
    authorKey: 'aurelie-fabre',
    createdDaysAgo: 6,
    submittedDaysAgo: 5,
    decisionReason:
      'Très beau portrait ! Le troisième paragraphe évoque le résultat encore sous embargo : retirez-le, ou attendons la levée de l’embargo pour publier les deux textes ensemble. Merci d’ajouter aussi l’accord de Félix pour la photo.',
    proposedChannels: ['newsletter', 'social-media'],
    relays: [],
    image: {
      motif: 'particles',
      palette: ['#101426', '#3b3f8c', '#ffd6a5'],
      caption: 'Félix Aubert devant son écran d’analyse',
      credit: '© Aurélie Fabre / L2IT',
      licence: 'CC BY 4.0',
      hasPeople: true,
      consent: false,
    },
  },
  {
    key: 'hl-lhc-transferts-de-donnees',
    kind: 'result',
    title: 'HL-LHC : le CC-IN2P3 et RENATER préparent des transferts de données à très haut débit',
    summary:
      'Pour absorber le flot de données du futur HL-LHC, le centre de calcul et le réseau RENATER testent des liaisons à très haut débit entre le CERN et Villeurbanne.',
    bodyHtml:
      '<p>Le CC-IN2P3 et RENATER ont mené une campagne de tests de transferts entre le CERN et Villeurbanne, dans le cadre des « data challenges » de la grille de calcul du LHC.</p>' +
      '<p>Les débits soutenus, les protocoles de transfert et la supervision des flux ont été évalués pendant deux semaines.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['CC-IN2P3'],
    themes: ['Calcul et données', 'Physique des particules'],
    projects: ['HL-LHC', 'LHC'],
    researchers: [{ name: 'Damien Vidal', email: 'damien.vidal@cc-in2p3.example' }],
    links: [],
    state: 'changes_requested',
    authorKey: 'julien-marchand',
    createdDaysAgo: 25,
    submittedDaysAgo: 24,
    decisionReason:
      'Le sujet est important, mais le texte reste très technique. Pouvez-vous ajouter un paragraphe d’introduction pour le grand public (pourquoi le HL-LHC produira autant de données) et un ordre de grandeur parlant sur les débits ?',
    proposedChannels: ['newsletter', 'institute-website'],
    relays: [],
    comments: [
      {
        authorKey: 'florian-besson',
        body: '@Julien, une infographie simple (CERN → Villeurbanne, débit, volume) aiderait beaucoup. Je peux la faire si vous m’envoyez les chiffres.',
        daysAgo: 20,
      },
      {
        authorKey: 'julien-marchand',
        body: 'Merci, je rassemble les chiffres avec l’équipe réseau.',
        daysAgo: 19,
      },
    ],
  },
  // ---------------------------------------------------------------- declined
  {
    key: 'virgo-reprise-o4b-miroirs',
    kind: 'result',
    title: 'Ondes gravitationnelles : Virgo reprend l’observation avec ses miroirs lyonnais',
    summary:
      'Le réseau LIGO-Virgo reprend ses observations et Virgo rejoint la campagne. Les miroirs traités au LMA sont au cœur de l’instrument.',
    bodyHtml:
      '<p>Après une pause technique, les détecteurs d’ondes gravitationnelles reprennent leurs observations et <strong>Virgo</strong> rejoint le réseau.</p>' +
      '<p>Les miroirs de l’instrument, traités au LMA, font partie des éléments les plus délicats du détecteur.</p>',
    eventDate: '2024-04-10',
    eventEndDate: null,
    labs: ['LMA'],
    themes: ['Ondes gravitationnelles', 'Détecteurs et instrumentation'],
    projects: ['Virgo'],
    researchers: [{ name: 'Delphine Carrier', email: 'delphine.carrier@lma.example' }],
    links: [
      {
        label: 'Actualité de l’institut',
        url: 'https://www.in2p3.cnrs.fr/fr/cnrsinfo/les-detecteurs-ligo-et-virgo-reprennent-lobservation-des-ondes-gravitationnelles',
      },
    ],
    state: 'declined',
    authorKey: 'karim-haddad',
    createdDaysAgo: 880,
    submittedDaysAgo: 879,
    decisionReason:
      'Merci Karim ! La reprise des observations a déjà fait l’objet d’une actualité de l’institut en avril, publiée avec la collaboration. Gardons le rôle des miroirs du LMA pour un portrait d’équipe, que nous serions ravis de préparer avec vous.',
    proposedChannels: ['newsletter'],
    relays: [],
  },
  {
    key: 'talents-2016-bronze-lpsc',
    kind: 'award',
    title: 'Il y a dix ans : une médaille de bronze pour le LPSC',
    summary:
      'En 2016, un chercheur du LPSC recevait la médaille de bronze du CNRS. Dix ans plus tard, le laboratoire propose de revenir sur son parcours.',
    bodyHtml:
      '<p>En septembre 2016, lors de la cérémonie des Talents de la délégation Alpes, un chercheur du LPSC recevait la <strong>médaille de bronze</strong> du CNRS, qui récompense un premier travail prometteur.</p>' +
      '<p>Dix ans plus tard, nous proposons un portrait qui revient sur son parcours et ses recherches.</p>',
    eventDate: '2016-09-30',
    eventEndDate: null,
    labs: ['LPSC'],
    themes: ['Prix et distinctions', 'Patrimoine et histoire'],
    projects: [],
    researchers: [{ name: 'Olivier Ravanel', email: 'olivier.ravanel@lpsc.example' }],
    links: [
      {
        label: 'Grenoble INP',
        url: 'http://www.grenoble-inp.fr/actualites/talents-cnrs-2016-les-laboratoires-grenoblois-distingues-848716.kjsp',
      },
    ],
    state: 'declined',
    authorKey: 'celine-bouvier',
    createdDaysAgo: 58,
    submittedDaysAgo: 57,
    decisionReason:
      'Belle idée de rétrospective, mais une distinction d’il y a dix ans intéressera peu au-delà du laboratoire. Nous vous proposons plutôt de l’intégrer à la série de portraits de lauréats que nous lançons l’an prochain.',
    proposedChannels: ['newsletter'],
    relays: [],
  },
  {
    key: 'axion-nedm-contraintes',
    kind: 'result',
    title: 'L’axion échappe encore à la détection',
    summary:
      'Les données du spectromètre nEDM ont permis de resserrer d’un facteur 1 000 les contraintes sur le couplage de l’axion aux gluons. Le laboratoire propose de revenir sur ce résultat.',
    bodyHtml:
      '<p>L’<strong>axion</strong> est une particule hypothétique, candidate pour expliquer la matière noire. En réanalysant les données du spectromètre nEDM, conçu pour mesurer le moment dipolaire électrique du neutron, une collaboration internationale a cherché sa signature.</p>' +
      '<p>Aucune trace n’a été trouvée, mais les contraintes sur son couplage aux gluons ont été améliorées d’un facteur 1 000. Le résultat a été publié dans <em>Physical Review</em>.</p>',
    eventDate: '2017-12-21',
    eventEndDate: null,
    labs: ['LPCA', 'LPSC'],
    themes: ['Physique des particules', 'Cosmologie', 'Physique théorique'],
    projects: [],
    researchers: [{ name: 'Gilles Vernadet', email: 'gilles.vernadet@lpca.example' }],
    links: [
      {
        label: 'Archives 2017 de l’institut',
        url: 'http://old.in2p3.fr/recherche/actualites/archives/2017.htm',
      },
    ],
    state: 'declined',
    authorKey: 'marion-chabrol',
    createdDaysAgo: 300,
    submittedDaysAgo: 298,
    decisionReason:
      'Ce résultat date de 2017 : il est trop ancien pour une actualité. Nous serons ravis d’en reparler quand la nouvelle génération de l’expérience publiera ses mesures, et de citer ce travail à cette occasion.',
    proposedChannels: ['institute-website'],
    relays: [],
  },
  // ---------------------------------------------------------------- drafts
  {
    key: 'lp2i-bordeaux-60-ans',
    kind: 'anniversary',
    title: '60 ans du LP2I Bordeaux : une année de célébrations',
    summary:
      'Ancien CENBG, le LP2I Bordeaux aura 60 ans en 2027. Une conférence inaugurale lancera une année de rencontres, de visites et de souvenirs.',
    bodyHtml:
      '<p>Pour ses 50 ans, en 2017, le CENBG avait proposé un cycle de conférences et de festivités tout au long de l’année. Devenu <strong>LP2I Bordeaux</strong>, le laboratoire prépare ses 60 ans.</p>' +
      '<p>À préciser : programme des conférences, appel à souvenirs et photos d’archives auprès des anciens, journée portes ouvertes.</p>',
    eventDate: '2026-12-11',
    eventEndDate: '2027-12-17',
    labs: ['LP2I Bordeaux'],
    themes: ['Patrimoine et histoire', 'Vie des labos', 'Institutionnel'],
    projects: [],
    researchers: [],
    links: [{ label: 'Les 50 ans du CENBG', url: 'http://www.cenbg.in2p3.fr/-A-la-Une-' }],
    state: 'draft',
    authorKey: 'helene-lacoste',
    createdDaysAgo: 18,
    proposedChannels: ['regional', 'newsletter', 'annual-report'],
    relays: [],
  },
  {
    key: 'km3net-iphc-strasbourg',
    kind: 'result',
    title: 'Un neutrino venu du cosmos : Strasbourg dans l’aventure KM3NeT',
    summary:
      'Version locale du résultat KM3NeT, centrée sur la contribution de l’IPHC. À finaliser après l’annonce nationale.',
    bodyHtml:
      '<p>Texte en préparation sur la contribution de l’<strong>IPHC</strong> au télescope KM3NeT : étalonnage des modules optiques et analyse des données.</p>' +
      '<p>À compléter avec un témoignage de Jonas Weber et une photo de l’équipe. Ne pas diffuser avant l’annonce nationale.</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['IPHC', 'CPPM'],
    themes: ['Neutrinos', 'Astroparticules'],
    projects: ['KM3NeT'],
    researchers: [{ name: 'Jonas Weber', email: 'jonas.weber@iphc.example' }],
    links: [],
    state: 'draft',
    authorKey: 'anne-muller',
    createdDaysAgo: 2,
    proposedChannels: ['regional'],
    relays: [],
  },
  {
    key: 'image-du-mois-chambre-a-etincelles',
    kind: 'image',
    title: 'Image du mois : quand les rayons cosmiques font des étincelles',
    summary:
      'La chambre à étincelles du LAPP rend visibles les particules venues du ciel. Une image pour la lettre de décembre.',
    bodyHtml:
      '<p>Dans la <strong>chambre à étincelles</strong> du LAPP, chaque particule cosmique qui traverse l’appareil déclenche une série d’étincelles le long de sa trajectoire.</p>' +
      '<p>Cette image en propose une évocation, pour la rubrique « Image du mois ».</p>',
    eventDate: null,
    eventEndDate: null,
    labs: ['LAPP'],
    themes: ['Astroparticules', 'Médiation scientifique et éducation'],
    projects: [],
    researchers: [],
    links: [],
    state: 'draft',
    authorKey: 'mathieu-favre',
    createdDaysAgo: 1,
    proposedChannels: ['newsletter'],
    relays: [],
    image: {
      motif: 'particles',
      palette: ['#1a0b1e', '#6b2d5c', '#ffcf56'],
      caption: 'Trajectoires de particules cosmiques (évocation)',
      credit: '© Sarah Cohen / LAPP',
      licence: 'CC BY 4.0',
      hasPeople: false,
      consent: false,
    },
  },
  {
    key: 'cppm-duplex-lspm',
    kind: 'event',
    title: 'En direct des abysses : un duplex avec la salle de contrôle du LSPM',
    summary:
      'Le CPPM prépare une soirée publique avec une liaison en direct vers la salle de contrôle de la plateforme sous-marine, comme lors de ses célébrations des 50 ans de l’IN2P3.',
    bodyHtml:
      '<p>En 2021, pour les 50 ans de l’institut, le CPPM avait proposé une liaison en direct avec la salle de contrôle de sa plateforme sous-marine. Le laboratoire souhaite renouveler l’expérience lors d’une soirée publique.</p>' +
      '<p>À préciser : lieu, intervenants, captation vidéo et diffusion en ligne.</p>',
    eventDate: '2026-12-12',
    eventEndDate: null,
    labs: ['CPPM', 'LSPM'],
    themes: ['Médiation scientifique et éducation', 'Neutrinos'],
    projects: ['KM3NeT'],
    researchers: [],
    links: [
      {
        label: 'Destimed',
        url: 'https://destimed.fr/Le-CPPM-celebre-50-ans-d-exploration-scientifique-de-la-physique-des-deux',
      },
    ],
    state: 'draft',
    authorKey: 'olivier-castellani',
    createdDaysAgo: 27,
    proposedChannels: ['regional', 'social-media'],
    relays: [],
  },
];
