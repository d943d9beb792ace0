import { describe, expect, it } from 'vitest';
import { checkBirthDate, parseCsv, readPerson } from './rows.ts';

const TODAY = '2026-06-01';

describe('person rows', () => {
  it('checks birth dates as written: partial dates, impossible days, the future', () => {
    expect(checkBirthDate('1991', TODAY)).toBeNull();
    expect(checkBirthDate('1991-04', TODAY)).toBeNull();
    expect(checkBirthDate('2000-02-29', TODAY)).toBeNull();
    expect(checkBirthDate('2001-02-29', TODAY)).toMatch(/not a real date/);
    expect(checkBirthDate('1990-13', TODAY)).toMatch(/not a real month/);
    expect(checkBirthDate('1850-01-01', TODAY)).toMatch(/early/);
    expect(checkBirthDate('2026-07', TODAY)).toMatch(/future/);
    expect(checkBirthDate('01/02/1990', TODAY)).toMatch(/not a date/);
  });

  it('reads a person, derives the minor flag, and names every field at fault', () => {
    const ok = readPerson(
      { name: ' Ama Mensah ', nationality: 'gh', dateOfBirth: '2010-06-02', gender: 'F' },
      1,
      TODAY,
    );
    expect(ok).toEqual({
      ok: {
        row: 1,
        minor: true,
        person: { name: 'Ama Mensah', nationality: 'GH', dateOfBirth: '2010-06-02', minor: true, gender: 'female' },
      },
    });
    expect(readPerson({ name: 'A', nationality: 'GH', dateOfBirth: '2008-06-01' }, 1, TODAY)).toMatchObject({
      ok: { minor: false },
    });
    const bad = readPerson(
      { name: '', nationality: 'XX', age: '130', gender: 'yes', minor: 'maybe' },
      7,
      TODAY,
      'persons.6.',
    );
    expect('errors' in bad && bad.errors.map((e) => `${e.row}:${e.field}`)).toEqual([
      '7:persons.6.name',
      '7:persons.6.nationality',
      '7:persons.6.age',
      '7:persons.6.gender',
      '7:persons.6.minor',
    ]);
  });

  it('parses CSV with loose headers, lists in cells and unknown columns reported', () => {
    const r = parseCsv(
      '\uFEFFRow Key,Full Name,Nationality,DOB,Languages,Shoe size\nA1,"Reyes, Jose",PH,1988-01-05,tl;en,42\n',
    );
    expect(r.records).toEqual([
      { rowKey: 'A1', name: 'Reyes, Jose', nationality: 'PH', dateOfBirth: '1988-01-05', languages: 'tl;en' },
    ]);
    expect(r.errors).toEqual([{ row: 0, field: 'Shoe size', message: 'unknown column (ignored)' }]);
    expect(parseCsv('foo,bar\n1,2').errors[0]?.message).toMatch(/name and nationality/);
    expect(parseCsv('').errors[0]?.message).toMatch(/empty/);
  });
});
