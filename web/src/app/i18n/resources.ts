import rescueEn from '../../features/rescue/locales/en.json';
import rescueEs from '../../features/rescue/locales/es.json';
import rescueFr from '../../features/rescue/locales/fr.json';
import coreEn from './locales/en.json';
import coreEs from './locales/es.json';
import coreFr from './locales/fr.json';

/**
 * Every console string, by language. The core file holds the shell and the first areas; a feature
 * keeps its own strings in `features/<area>/locales/{en,fr,es}.json` and adds one import block and
 * one line below, under its own top-level key.
 */
export const resources = {
  en: { ...coreEn, rescue: rescueEn },
  fr: { ...coreFr, rescue: rescueFr },
  es: { ...coreEs, rescue: rescueEs },
};

export type Translation = typeof resources.en;
