import type { TFunction } from 'i18next';
import type { Locale } from '../../../shared/roles.ts';
import { languageName, localized } from '../../app/format.ts';
import type { Skill } from '../../app/types.ts';
import { isSkillCategory, skillCategories } from '../skills/categories.ts';

/** Languages offered in pickers; any other code already on a profile is kept. */
const commonLanguages = [
  'fr',
  'en',
  'de',
  'es',
  'it',
  'pt',
  'nl',
  'pl',
  'ro',
  'el',
  'ru',
  'uk',
  'ar',
  'tr',
  'zh',
  'ja',
  'ko',
  'hi',
  'vi',
  'he',
  'sv',
  'da',
  'fi',
  'no',
  'cs',
  'hu',
  'ca',
  'eu',
  'br',
  'oc',
  'co',
];

export function languageOptions(locale: Locale, extra: readonly string[] = []) {
  return [...new Set([...commonLanguages, ...extra])]
    .map((code) => ({ value: code, label: languageName(code, locale) }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
}

/** Skills for a Select/MultiSelect, grouped by category in the taxonomy's order. */
export function skillOptions(t: TFunction, skills: readonly Skill[], locale: Locale, withCounts = false) {
  const groups = new Map<string, { value: string; label: string }[]>();
  for (const skill of skills) {
    const category = isSkillCategory(skill.category) ? skill.category : 'other';
    const label = withCounts
      ? `${localized(skill.name, locale)} (${skill.peopleCount})`
      : localized(skill.name, locale);
    const list = groups.get(category) ?? [];
    list.push({ value: skill.id, label });
    groups.set(category, list);
  }
  return skillCategories
    .filter((category) => groups.has(category))
    .map((category) => ({
      group: t(`skillCategories.${category}`),
      items: (groups.get(category) ?? []).sort((a, b) => a.label.localeCompare(b.label, locale)),
    }));
}
