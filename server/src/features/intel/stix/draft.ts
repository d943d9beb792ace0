import type { EntityKind, NewReport } from '@cordon/contracts';
import { normaliseSelector, type SelectorInput } from '../selectors/index.ts';
import type { StixImportError } from './types.ts';

export type NewPerson = NonNullable<NewReport['persons']>[number];
export type NewOrganisation = NonNullable<NewReport['organisations']>[number];
export type NewScamCentre = NonNullable<NewReport['scamCentres']>[number];
export type NewSelector = NonNullable<NewReport['selectors']>[number];
export type NewRelationship = NonNullable<NewReport['relationships']>[number];

export interface Made {
  ref: string;
  kind: EntityKind;
}

const REF = /^[A-Za-z0-9_.:-]{1,64}$/;

/** The entities of one report under construction, and which STIX object became which entity. */
export class Draft {
  readonly persons: NewPerson[] = [];
  readonly organisations: NewOrganisation[] = [];
  readonly scamCentres: NewScamCentre[] = [];
  readonly selectors: NewSelector[] = [];
  /** STIX id → the entities it became (an indicator with an OR pattern becomes several selectors). */
  readonly made = new Map<string, Made[]>();
  private readonly byKey = new Map<string, string>();
  private counter = 0;

  /** `defaultCountry`: the importer's country, for national phone numbers (as the service does). */
  constructor(
    readonly errors: StixImportError[],
    private readonly defaultCountry?: string,
  ) {}

  /** A submission-local ref: the STIX id itself when it fits the ref rules. */
  ref(stixId: string, n?: number): string {
    const r = n === undefined ? stixId : `${stixId}.${n}`;
    return REF.test(r) ? r : `obj-${++this.counter}`;
  }

  note(objectId: string, message: string): void {
    this.errors.push({ objectId, message });
  }

  private record(stixId: string, made: Made): void {
    const list = this.made.get(stixId) ?? [];
    if (!list.some((m) => m.ref === made.ref)) list.push(made);
    this.made.set(stixId, list);
  }

  addPerson(stixId: string, p: Omit<NewPerson, 'ref'>): void {
    const ref = this.ref(stixId);
    this.persons.push({ ref, ...p });
    this.record(stixId, { ref, kind: 'person' });
  }

  addOrganisation(stixId: string, o: Omit<NewOrganisation, 'ref'>): void {
    const ref = this.ref(stixId);
    this.organisations.push({ ref, ...o });
    this.record(stixId, { ref, kind: 'organisation' });
  }

  addCentre(stixId: string, c: Omit<NewScamCentre, 'ref'>): void {
    const ref = this.ref(stixId);
    this.scamCentres.push({ ref, ...c });
    this.record(stixId, { ref, kind: 'scam-centre' });
  }

  /**
   * Validates a selector with the shared normaliser (the reason goes to the error list) and keeps
   * one entity per canonical key: a second object with the same key points at the first.
   */
  addSelector(stixId: string, given: SelectorInput, n?: number): void {
    const input = given;
    const label = `${input.kind} '${input.value}'`;
    const result = normaliseSelector({ ...input, country: input.country ?? this.defaultCountry });
    if (!result.ok) {
      this.note(stixId, `${label}: ${result.reason}`);
      return;
    }
    if (input.value.length > 500) {
      this.note(stixId, `${label}: longer than 500 characters`);
      return;
    }
    const existing = this.byKey.get(result.selector.key);
    if (existing) {
      this.record(stixId, { ref: existing, kind: 'selector' });
      return;
    }
    const ref = this.ref(stixId, n);
    const s: NewSelector = { ref, kind: input.kind, value: input.value };
    if (input.country) s.country = input.country.toUpperCase();
    if (input.platform) s.platform = input.platform;
    if (input.chain) s.chain = input.chain;
    if (input.bank) s.bank = input.bank;
    this.selectors.push(s);
    this.byKey.set(result.selector.key, ref);
    this.record(stixId, { ref, kind: 'selector' });
  }

  get size(): number {
    return this.persons.length + this.organisations.length + this.scamCentres.length + this.selectors.length;
  }
}
