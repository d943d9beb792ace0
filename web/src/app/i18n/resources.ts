import financeEn from '../../features/finance/locales/en.json';
import financeEs from '../../features/finance/locales/es.json';
import financeFr from '../../features/finance/locales/fr.json';
import coreEn from './locales/en.json';
import coreEs from './locales/es.json';
import coreFr from './locales/fr.json';

/**
 * Every console string, by language. The core file holds the shell and the first areas; a feature
 * keeps its own strings in `features/<area>/locales/{en,fr,es}.json` and adds one import block and
 * one line below, under its own top-level key.
 */
export const resources = {
  en: { ...coreEn, finance: financeEn },
  fr: { ...coreFr, finance: financeFr },
  es: { ...coreEs, finance: financeEs },
};

export type Translation = typeof resources.en;
