import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { i18next } from '../../app/i18n.ts';
import { newslettersEn, newslettersFr } from './locales.ts';

/**
 * The texts of the newsletter composer live in their own i18next namespace, registered here so
 * the feature stays in its folder; `useNewslettersT` is typed by the French keys.
 */
const ns = 'newsletters';
i18next.addResourceBundle('fr', ns, newslettersFr, true, true);
i18next.addResourceBundle('en', ns, newslettersEn, true, true);

type PluralSuffix = '_zero' | '_one' | '_two' | '_few' | '_many' | '_other';
type StripPlural<K extends string> = K extends `${infer Base}${PluralSuffix}` ? Base : K;
type Paths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? StripPlural<`${Prefix}${K}`> : Paths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

export type NewslettersKey = Paths<typeof newslettersFr>;
export type NewslettersT = (key: NewslettersKey, options?: Record<string, unknown>) => string;

const translate = i18next.t.bind(i18next) as unknown as (
  key: string,
  options: Record<string, unknown>,
) => string;

/** `t` for this namespace, in the current language (re-renders when the language changes). */
export function useNewslettersT(): NewslettersT {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new function per language re-renders users
  return useCallback<NewslettersT>((key, options) => translate(key, { ...options, ns }), [language]);
}

/** Outside components. */
export const newslettersT: NewslettersT = (key, options) => translate(key, { ...options, ns });
