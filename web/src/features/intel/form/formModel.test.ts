import { describe, expect, it } from 'vitest';
import {
  clientErrors,
  dropRef,
  emptyRow,
  emptyValues,
  formPathFor,
  type ReportFormValues,
  serverErrorsToForm,
  toNewReport,
} from './formModel.ts';

function filled(): ReportFormValues {
  const v = emptyValues();
  return {
    ...v,
    title: '  Recruiter phone  ',
    summary: 'Seen in job ads.\n',
    moTags: ['social-media-job-ads'],
    selectors: [
      { ...emptyRow.selectors('s1'), value: '' },
      { ...emptyRow.selectors('s2'), value: ' 081 234 5678 ', country: 'TH', chain: 'tron' },
      { ...emptyRow.selectors('s3'), kind: 'crypto', value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', chain: 'tron' },
      { ...emptyRow.selectors('s4'), kind: 'handle', value: '@jobs', platform: 'telegram', country: 'TH' },
    ],
    persons: [{ ...emptyRow.persons('p1'), name: 'Zhang Wei', aliases: ['Ah Wei', ' '], dateOfBirth: '1985' }],
    organisations: [{ ...emptyRow.organisations('o1'), name: '  ' }],
    scamCentres: [
      { ...emptyRow.scamCentres('c1'), name: 'KK Park', country: 'MM', lat: 16.69, lon: '98.51', workforce: '' },
    ],
    relationships: [
      { ref: 'r1', from: 'p1', to: 's2', type: 'uses' },
      { ref: 'r2', from: null, to: null, type: null },
    ],
  };
}

describe('toNewReport', () => {
  it('maps the form to a NewReport, leaving blank rows and unused fields out', () => {
    const { body, rows } = toNewReport(filled());
    expect(body).toEqual({
      title: 'Recruiter phone',
      summary: 'Seen in job ads.',
      marking: { tlp: 'AMBER', audience: { kind: 'all' }, pap: 'GREEN', reliability: 'B', credibility: '2' },
      moTags: ['social-media-job-ads'],
      persons: [{ ref: 'p1', names: ['Zhang Wei', 'Ah Wei'], dateOfBirth: '1985', role: 'suspect' }],
      scamCentres: [
        { ref: 'c1', name: 'KK Park', country: 'MM', location: { lat: 16.69, lon: 98.51 }, status: 'active' },
      ],
      selectors: [
        { ref: 's2', kind: 'phone', value: '081 234 5678', country: 'TH' },
        { ref: 's3', kind: 'crypto', value: 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t', chain: 'tron' },
        { ref: 's4', kind: 'handle', value: '@jobs', platform: 'telegram' },
      ],
      relationships: [{ from: 'p1', to: 's2', type: 'uses' }],
    });
    expect(rows.selectors).toEqual([1, 2, 3]);
    expect(rows.organisations).toEqual([]);
    expect(rows.relationships).toEqual([0]);
  });

  it('builds the audience from the chosen kind', () => {
    const v = { ...emptyValues(), title: 'abc', regions: ['Asia' as const], agencyIds: ['a'] };
    expect(toNewReport({ ...v, audience: 'regions' }).body.marking.audience).toEqual({
      kind: 'regions',
      regions: ['Asia'],
    });
    expect(toNewReport({ ...v, audience: 'agencies' }).body.marking.audience).toEqual({
      kind: 'agencies',
      agencyIds: ['a'],
    });
    expect(toNewReport({ ...v, audience: 'all' }).body.marking.audience).toEqual({ kind: 'all' });
  });
});

describe('formPathFor', () => {
  const { rows } = toNewReport(filled());
  it('maps a sent item index back to its form row', () => {
    expect(formPathFor('selectors.0.value', rows, 'all')).toBe('selectors.1.value');
    expect(formPathFor('/selectors/2/platform', rows, 'all')).toBe('selectors.3.platform');
    expect(formPathFor('relationships.0.to', rows, 'all')).toBe('relationships.0.to');
  });
  it('maps names, locations, marking and tags to their inputs', () => {
    expect(formPathFor('persons.0.names.0', rows, 'all')).toBe('persons.0.name');
    expect(formPathFor('persons.0.names.1', rows, 'all')).toBe('persons.0.aliases');
    expect(formPathFor('scamCentres.0.location.lon', rows, 'all')).toBe('scamCentres.0.lon');
    expect(formPathFor('scamCentres.0.location', rows, 'all')).toBe('scamCentres.0.lat');
    expect(formPathFor('marking.audience', rows, 'regions')).toBe('regions');
    expect(formPathFor('marking.audience.agencyIds.0', rows, 'agencies')).toBe('agencyIds');
    expect(formPathFor('marking.tlp', rows, 'all')).toBe('tlp');
    expect(formPathFor('moTags.1', rows, 'all')).toBe('moTags');
    expect(formPathFor('body.title', rows, 'all')).toBe('title');
  });
  it('gives null for what has no input', () => {
    expect(formPathFor('selectors.9.value', rows, 'all')).toBeNull();
    expect(formPathFor('sourceRef', rows, 'all')).toBeNull();
    expect(formPathFor('', rows, 'all')).toBeNull();
  });
});

describe('serverErrorsToForm', () => {
  it('keeps the useful message of a union error and lists the unplaced ones', () => {
    const { rows } = toNewReport(filled());
    const out = serverErrorsToForm(
      [
        { field: 'marking.audience.regions', message: 'is not a known field' },
        { field: 'marking.audience.regions', message: 'must NOT have fewer than 1 items' },
        { field: 'marking.audience', message: 'must match a schema in anyOf' },
        { field: 'selectors.0.value', message: 'not a valid phone number for TH' },
        { field: 'header.idempotency-key', message: 'bad key' },
      ],
      rows,
      'regions',
    );
    expect(out.fields).toEqual({
      regions: 'must NOT have fewer than 1 items',
      'selectors.1.value': 'not a valid phone number for TH',
    });
    expect(out.general).toEqual(['header.idempotency-key: bad key']);
  });
});

describe('clientErrors', () => {
  it('asks for what the server would refuse', () => {
    const v = filled();
    v.title = 'ab';
    v.audience = 'agencies';
    v.scamCentres = [{ ...emptyRow.scamCentres('c1'), name: 'X', lat: 1 }];
    v.persons = [{ ...emptyRow.persons('p1'), name: 'A', dateOfBirth: '12/1985' }];
    v.relationships = [{ ref: 'r1', from: 'p1', to: null, type: 'uses' }];
    expect(clientErrors(v)).toEqual({
      title: 'titleShort',
      agencyIds: 'agenciesRequired',
      'scamCentres.0.country': 'countryRequired',
      'scamCentres.0.lon': 'bothCoordinates',
      'persons.0.dateOfBirth': 'partialDate',
      'relationships.0.to': 'pick',
    });
    expect(clientErrors(filled())).toEqual({});
  });
});

describe('dropRef', () => {
  it('clears the ends that pointed at a removed row', () => {
    expect(dropRef([{ ref: 'r1', from: 'p1', to: 's2', type: 'uses' }], 's2')).toEqual([
      { ref: 'r1', from: 'p1', to: null, type: 'uses' },
    ]);
  });
});
