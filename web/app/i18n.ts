import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../shared/roles.ts';
import { en } from '../locales/en.ts';
import { fr } from '../locales/fr.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof fr };
  }
}

const storageKey = 'relais.locale';

/** The language the person picked explicitly on this device, if any. */
export function storedLocale(): Locale | null {
  try {
    const value = localStorage.getItem(storageKey);
    return value === 'fr' || value === 'en' ? value : null;
  } catch {
    return null;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    localStorage.setItem(storageKey, locale);
  } catch {
    // Private mode or storage full: the choice then lasts for this visit only.
  }
}

export const currentLocale = (): Locale => (i18next.resolvedLanguage === 'en' ? 'en' : 'fr');

i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language === 'en' ? 'en' : 'fr';
});

// French first: English only when chosen.
void i18next.use(initReactI18next).init({
  resources: { fr: { translation: fr }, en: { translation: en } },
  lng: storedLocale() ?? 'fr',
  fallbackLng: 'fr',
  supportedLngs: ['fr', 'en'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

export { i18next };
