import awarenessEn from '../../features/awareness/locales/en.json';
import awarenessEs from '../../features/awareness/locales/es.json';
import awarenessFr from '../../features/awareness/locales/fr.json';
import financeEn from '../../features/finance/locales/en.json';
import financeEs from '../../features/finance/locales/es.json';
import financeFr from '../../features/finance/locales/fr.json';
import noticesEn from '../../features/notices/locales/en.json';
import noticesEs from '../../features/notices/locales/es.json';
import noticesFr from '../../features/notices/locales/fr.json';
import operationsEn from '../../features/operations/locales/en.json';
import operationsEs from '../../features/operations/locales/es.json';
import operationsFr from '../../features/operations/locales/fr.json';
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
  en: {
    ...coreEn,
    operations: operationsEn,
    notices: noticesEn,
    awareness: awarenessEn,
    finance: financeEn,
    rescue: rescueEn,
  },
  fr: {
    ...coreFr,
    operations: operationsFr,
    notices: noticesFr,
    awareness: awarenessFr,
    finance: financeFr,
    rescue: rescueFr,
  },
  es: {
    ...coreEs,
    operations: operationsEs,
    notices: noticesEs,
    awareness: awarenessEs,
    finance: financeEs,
    rescue: rescueEs,
  },
};

export type Translation = typeof resources.en;
