import type { ReportFormValues } from './formModel.ts';

export interface RefGroup {
  group: string;
  items: { value: string; label: string }[];
}

type Labels = { persons: string; organisations: string; scamCentres: string; selectors: string; untitled: string };

/** The items a relationship can point at, grouped by kind and named as the user typed them. */
export function refOptions(v: ReportFormValues, labels: Labels): RefGroup[] {
  const name = (s: string, ref: string) => `${s.trim() || labels.untitled} (${ref})`;
  const groups: RefGroup[] = [
    { group: labels.persons, items: v.persons.map((p) => ({ value: p.ref, label: name(p.name, p.ref) })) },
    {
      group: labels.organisations,
      items: v.organisations.map((o) => ({ value: o.ref, label: name(o.name, o.ref) })),
    },
    { group: labels.scamCentres, items: v.scamCentres.map((c) => ({ value: c.ref, label: name(c.name, c.ref) })) },
    { group: labels.selectors, items: v.selectors.map((s) => ({ value: s.ref, label: name(s.value, s.ref) })) },
  ];
  return groups.filter((g) => g.items.length > 0);
}
