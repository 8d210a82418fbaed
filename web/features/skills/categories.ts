/** Skill categories accepted by POST/PATCH /api/skills, in display order. */
export const skillCategories = [
  'media',
  'writing',
  'visual',
  'events',
  'digital',
  'languages',
  'science',
  'other',
] as const;
export type SkillCategory = (typeof skillCategories)[number];

export const isSkillCategory = (value: string): value is SkillCategory =>
  (skillCategories as readonly string[]).includes(value);
