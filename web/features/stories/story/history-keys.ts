import { storiesFr } from '../locales.ts';

/** The history actions and fields that have a label (others are shown as recorded). */
export const locales = {
  actions: new Set(Object.keys(storiesFr.history.actions)),
  fields: new Set(Object.keys(storiesFr.history.fields)),
};
