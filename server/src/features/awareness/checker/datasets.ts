import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { Record as LabelledText } from './split.ts';

/** Where the public reference corpora live (read-only); CORDON_REFERENCE_DIR overrides. */
export function referenceDir(): string {
  const candidates = [
    process.env.CORDON_REFERENCE_DIR,
    resolve(import.meta.dirname, '../../../../../../shared/reference'),
    '/work/shared/reference',
  ].filter((d): d is string => !!d);
  const found = candidates.find((d) => existsSync(join(d, 'emscad')));
  if (!found) throw new Error(`reference corpora not found (tried ${candidates.join(', ')}); set CORDON_REFERENCE_DIR`);
  return found;
}

const JOB_FILES = [
  'emscad_fraudulent_856.csv',
  'emscad_sample_132_original_ids.csv',
  'emscad_first_499_no_location.csv',
];
/** Free-text fields a member of the public could paste; structured EMSCAD columns (logo, location …) are not used. */
const JOB_TEXT_FIELDS = ['title', 'company_profile', 'description', 'requirements', 'benefits', 'salary_range'];

/** EMSCAD rows as labelled texts; ids carry the file, since the 856-row file renumbered its ids. */
export function loadEmscad(dir = join(referenceDir(), 'emscad')): LabelledText[] {
  const out: LabelledText[] = [];
  for (const file of JOB_FILES) {
    const rows = parse(readFileSync(join(dir, file)), {
      columns: true,
      skip_empty_lines: true,
      relax_quotes: true,
    }) as Record<string, string>[];
    for (const row of rows) {
      const text = JOB_TEXT_FIELDS.map((f) => row[f] ?? '')
        .filter((t) => t.trim() !== '')
        .join('\n');
      const squash = (t: string | undefined) => (t ?? '').toLowerCase().replace(/\s+/g, ' ').trim();
      // The 856-row file repeats ads under new ids with the same title and description opening.
      const groupKey = `${squash(row.title)}|${squash(row.description).slice(0, 100)}`;
      out.push({ id: `${file}#${row.job_id}`, text, label: row.fraudulent === '1' ? 1 : 0, groupKey });
    }
  }
  return out;
}

/** UCI SMS Spam Collection: `label<TAB>text`, no header, no quoting. */
export function loadSms(dir = join(referenceDir(), 'sms-spam')): LabelledText[] {
  return readFileSync(join(dir, 'SMSSpamCollection.tsv'), 'utf8')
    .split('\n')
    .filter((l) => l.includes('\t'))
    .map((line, i) => {
      const tab = line.indexOf('\t');
      return { id: `sms#${i + 1}`, text: line.slice(tab + 1).trim(), label: line.slice(0, tab) === 'spam' ? 1 : 0 };
    });
}
