/**
 * Demo catalogue of communication skills that members of the network can offer.
 * `slug` is the stable identifier referenced by demo people.
 */

export type DemoSkillCategory =
  | 'media'
  | 'writing'
  | 'visual'
  | 'events'
  | 'digital'
  | 'languages'
  | 'science';

export type DemoSkill = {
  slug: string;
  fr: string;
  en: string;
  category: DemoSkillCategory;
};

export const demoSkills: DemoSkill[] = [
  // media
  { slug: 'press-relations', fr: 'Relations presse', en: 'Press relations', category: 'media' },
  { slug: 'media-training', fr: 'Media training', en: 'Media training', category: 'media' },
  {
    slug: 'radio-interview',
    fr: 'Interviews radio et télévision',
    en: 'Radio and TV interviews',
    category: 'media',
  },
  { slug: 'podcast', fr: 'Podcast', en: 'Podcasting', category: 'media' },
  { slug: 'video-editing', fr: 'Montage vidéo', en: 'Video editing', category: 'media' },
  { slug: 'video-shooting', fr: 'Tournage vidéo', en: 'Video shooting', category: 'media' },
  { slug: 'drone-piloting', fr: 'Pilotage de drone', en: 'Drone piloting', category: 'media' },
  // writing
  {
    slug: 'science-writing',
    fr: 'Rédaction scientifique grand public',
    en: 'Popular science writing',
    category: 'writing',
  },
  {
    slug: 'press-release-writing',
    fr: 'Rédaction de communiqués',
    en: 'Press release writing',
    category: 'writing',
  },
  {
    slug: 'proofreading',
    fr: 'Relecture et correction',
    en: 'Proofreading and copy editing',
    category: 'writing',
  },
  {
    slug: 'newsletter-editing',
    fr: "Édition de lettre d'information",
    en: 'Newsletter editing',
    category: 'writing',
  },
  {
    slug: 'interview-portrait',
    fr: 'Entretiens et portraits',
    en: 'Interviews and profiles',
    category: 'writing',
  },
  // visual
  { slug: 'photography', fr: 'Photographie', en: 'Photography', category: 'visual' },
  { slug: 'infographics', fr: 'Infographie', en: 'Infographics', category: 'visual' },
  {
    slug: 'scientific-illustration',
    fr: 'Illustration scientifique',
    en: 'Scientific illustration',
    category: 'visual',
  },
  {
    slug: 'graphic-design',
    fr: 'Graphisme et mise en page',
    en: 'Graphic design and layout',
    category: 'visual',
  },
  { slug: '3d-printing', fr: 'Impression 3D', en: '3-D printing', category: 'visual' },
  {
    slug: 'animation-3d',
    fr: 'Animation et modélisation 3D',
    en: '3-D modelling and animation',
    category: 'visual',
  },
  // events
  {
    slug: 'event-organisation',
    fr: "Organisation d'événements",
    en: 'Event organisation',
    category: 'events',
  },
  { slug: 'public-speaking', fr: 'Prise de parole en public', en: 'Public speaking', category: 'events' },
  {
    slug: 'school-outreach',
    fr: 'Interventions en lycée (Nepal)',
    en: 'School talks (Nepal)',
    category: 'events',
  },
  { slug: 'masterclass', fr: 'Animation de Masterclasses', en: 'Running Masterclasses', category: 'events' },
  { slug: 'exhibition-design', fr: "Conception d'expositions", en: 'Exhibition design', category: 'events' },
  { slug: 'lab-tours', fr: 'Visites de laboratoire', en: 'Lab tours', category: 'events' },
  // digital
  { slug: 'social-media', fr: 'Réseaux sociaux', en: 'Social media', category: 'digital' },
  { slug: 'web-cms', fr: 'Gestion de site web (CMS)', en: 'Website management (CMS)', category: 'digital' },
  {
    slug: 'data-visualisation',
    fr: 'Visualisation de données',
    en: 'Data visualisation',
    category: 'digital',
  },
  { slug: 'live-streaming', fr: 'Diffusion en direct', en: 'Live streaming', category: 'digital' },
  // languages
  {
    slug: 'english-translation',
    fr: 'Traduction anglaise',
    en: 'English translation',
    category: 'languages',
  },
  { slug: 'german-translation', fr: 'Traduction allemande', en: 'German translation', category: 'languages' },
  {
    slug: 'sign-language',
    fr: 'Langue des signes (LSF)',
    en: 'French Sign Language (LSF)',
    category: 'languages',
  },
  // science
  {
    slug: 'science-popularisation',
    fr: 'Vulgarisation scientifique',
    en: 'Science popularisation',
    category: 'science',
  },
  {
    slug: 'scientific-expertise',
    fr: 'Expertise scientifique pour les médias',
    en: 'Scientific expertise for media',
    category: 'science',
  },
  {
    slug: 'demo-experiments',
    fr: 'Expériences de démonstration',
    en: 'Hands-on demonstrations',
    category: 'science',
  },
];
