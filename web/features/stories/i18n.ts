import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../app/i18n.ts';
import { storiesEn, storiesFr } from './locales.ts';

/**
 * The texts of stories, tips and notifications live in their own i18next namespace, registered
 * here so these features stay in their own folders; `useStoriesT` is typed by the French keys.
 */
const ns = 'stories';
i18next.addResourceBundle('fr', ns, storiesFr, true, true);
i18next.addResourceBundle('en', ns, storiesEn, true, true);

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<`${Prefix}${K}`> : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type StoriesKey = Paths<typeof storiesFr>;
export type StoriesT = (key: StoriesKey, options?: Record<string, unknown>) => string;

const translate = i18next.t.bind(i18next) as unknown as (
  key: string,
  options: Record<string, unknown>,
) => string;

/** `t` for this namespace, in the current language (re-renders when the language changes). */
export function useStoriesT(): StoriesT {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new function per language re-renders users
  return useCallback<StoriesT>((key, options) => translate(key, { ...options, ns }), [language]);
}

/** Outside components (notifications shown after an await, for example). */
export const storiesT: StoriesT = (key, options) => translate(key, { ...options, ns });
