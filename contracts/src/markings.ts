import { type Static, Type } from 'typebox';
import { Uuid } from './common.ts';

/** TLP 2.0 levels, from most open to most closed. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export type Tlp = (typeof TLP_LEVELS)[number];
/** PAP: what the recipient may do with the information. */
export const PAP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'RED'] as const;
export type Pap = (typeof PAP_LEVELS)[number];
/** Admiralty scale: source reliability A–F, information credibility 1–6. */
export const RELIABILITY = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITY = ['1', '2', '3', '4', '5', '6'] as const;
/** UN M49-style regions used for audience by region. */
export const REGIONS = ['Africa', 'Americas', 'Asia', 'Europe', 'Oceania'] as const;
export type Region = (typeof REGIONS)[number];

export const Audience = Type.Union([
  Type.Object({ kind: Type.Literal('all') }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('regions'),
      regions: Type.Array(Type.Enum(REGIONS), { minItems: 1 }),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    { kind: Type.Literal('agencies'), agencyIds: Type.Array(Uuid, { minItems: 1, maxItems: 500 }) },
    { additionalProperties: false },
  ),
]);
export type Audience = Static<typeof Audience>;

export const Marking = Type.Object(
  {
    tlp: Type.Enum(TLP_LEVELS),
    audience: Audience,
    pap: Type.Enum(PAP_LEVELS),
    reliability: Type.Enum(RELIABILITY),
    credibility: Type.Enum(CREDIBILITY),
  },
  { additionalProperties: false },
);
export type Marking = Static<typeof Marking>;
