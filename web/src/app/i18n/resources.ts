import awarenessEn from '../../features/awareness/locales/en.json';
import awarenessEs from '../../features/awareness/locales/es.json';
import awarenessFr from '../../features/awareness/locales/fr.json';
import coreEn from './locales/en.json';
import coreEs from './locales/es.json';
import coreFr from './locales/fr.json';

/**
 * Every console string, by language. The core file holds the shell and the first areas; a feature
 * keeps its own strings in `features/<area>/locales/{en,fr,es}.json` and adds one import block and
 * one line below, under its own top-level key.
 */
export const resources = {
  en: { ...coreEn, awareness: awarenessEn },
  fr: { ...coreFr, awareness: awarenessFr },
  es: { ...coreEs, awareness: awarenessEs },
};

export type Translation = typeof resources.en;
