import type { EncryptedColumns } from '../../platform/crypto/rekey.ts';
import { rescueBlockingKeys } from './blocking.ts';
import { derivedRowKey, personFacts } from './person-registrar.ts';
import type { PersonalData } from './personal-data.ts';

const PERSON_FIELDS = [
  'name_enc',
  'aliases_enc',
  'dob_enc',
  'age_enc',
  'gender_enc',
  'languages_enc',
  'contacts_enc',
  'description_enc',
] as const;

/**
 * Rescue's encrypted columns for `cordon keys rekey`. A person moved to the current key also gets
 * `key_id`, its blind blocking keys and (for rows registered without a row key) its derived row
 * key recomputed under the current key, in the same transaction, so duplicate detection and
 * idempotent re-upload keep working across the rotation.
 */
export function rescueEncryptedColumns(personal: PersonalData): EncryptedColumns[] {
  return [
    {
      table: 'rescue_persons',
      key: 'id',
      columns: PERSON_FIELDS,
      also: ['case_id', 'nationality', 'row_key', 'created_at'],
      async after(tx, { key, plain, also }) {
        const nationality = also.nationality as string;
        // created_at as text starts with the year (ISO date style).
        const year = Number((also.created_at as string).slice(0, 4));
        const age = plain.age_enc === null ? null : Number(plain.age_enc);
        const person = {
          name: plain.name_enc ?? '',
          aliases: plain.aliases_enc ? (JSON.parse(plain.aliases_enc) as string[]) : [],
          dateOfBirth: plain.dob_enc,
          age: Number.isFinite(age) ? age : null,
          nationality,
          gender: plain.gender_enc,
        };
        const keys = rescueBlockingKeys(personFacts(person, year), nationality, year).stored;
        await tx.deleteFrom('rescue_person_keys').where('person_id', '=', key).execute();
        if (keys.length > 0)
          await tx
            .insertInto('rescue_person_keys')
            .values([...new Set(keys.map((k) => personal.blind(k)))].map((k) => ({ key: k, person_id: key })))
            .onConflict((oc) => oc.doNothing())
            .execute();
        const patch: Record<string, unknown> = { key_id: personal.keyId };
        if ((also.row_key ?? '').startsWith('h:')) {
          const rowKey = derivedRowKey(personal, person);
          // A person registered again under the new key before this run keeps the old key: no clash.
          const clash = await tx
            .selectFrom('rescue_persons')
            .select('id')
            .where('case_id', '=', also.case_id as string)
            .where('row_key', '=', rowKey)
            .executeTakeFirst();
          if (!clash) patch.row_key = rowKey;
        }
        return patch;
      },
    },
    { table: 'rescue_cases', key: 'id', columns: ['location_description_enc', 'reporter_enc'] },
    { table: 'rescue_screenings', key: 'person_id', columns: ['notes_enc'] },
    { table: 'rescue_timeline', key: 'id', columns: ['note_enc'] },
  ];
}
