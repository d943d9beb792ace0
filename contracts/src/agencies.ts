import { type Static, Type } from 'typebox';
import { CountryCode, IsoDateTime, Uuid } from './common.ts';
import { REGIONS } from './markings.ts';

export const AGENCY_KINDS = ['ncb', 'police', 'fiu', 'prosecutor', 'consulate', 'ngo', 'hub'] as const;
export type AgencyKind = (typeof AGENCY_KINDS)[number];
export const ROLES = [
  'analyst',
  'investigator',
  'supervisor',
  'case-worker',
  'finance',
  'hub-reviewer',
  'agency-admin',
  'hub-admin',
] as const;
export type Role = (typeof ROLES)[number];
/** Scopes a machine client's API token may carry. Later features add theirs here. */
export const SCOPES = [
  'agencies:read',
  'events:read',
  'intel:read',
  'intel:write',
  'operations:read',
  'operations:write',
  'notices:read',
  'notices:write',
  'finance:read',
  'finance:write',
  'rescue:read',
  'rescue:write',
] as const;
export type Scope = (typeof SCOPES)[number];

export const Agency = Type.Object(
  {
    id: Uuid,
    name: Type.String(),
    country: CountryCode,
    region: Type.Enum(REGIONS),
    kind: Type.Enum(AGENCY_KINDS),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type Agency = Static<typeof Agency>;

export const NewAgency = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    country: CountryCode,
    kind: Type.Enum(AGENCY_KINDS),
  },
  { additionalProperties: false },
);
export type NewAgency = Static<typeof NewAgency>;

export const User = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    email: Type.String(),
    displayName: Type.String(),
    roles: Type.Array(Type.Enum(ROLES)),
    mfaEnrolled: Type.Boolean(),
    disabled: Type.Boolean(),
    lastLoginAt: Type.Union([IsoDateTime, Type.Null()]),
    createdAt: IsoDateTime,
  },
  { additionalProperties: false },
);
export type User = Static<typeof User>;

export const NewUser = Type.Object(
  {
    email: Type.String({ format: 'email', maxLength: 254 }),
    displayName: Type.String({ minLength: 1, maxLength: 200 }),
    roles: Type.Array(Type.Enum(ROLES), { minItems: 1, uniqueItems: true }),
    password: Type.String({ minLength: 12, maxLength: 200 }),
  },
  { additionalProperties: false },
);
export type NewUser = Static<typeof NewUser>;

export const UserPatch = Type.Object(
  {
    displayName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    roles: Type.Optional(Type.Array(Type.Enum(ROLES), { minItems: 1, uniqueItems: true })),
    disabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UserPatch = Static<typeof UserPatch>;

export const Me = Type.Object(
  {
    user: User,
    agency: Agency,
  },
  { additionalProperties: false },
);
export type Me = Static<typeof Me>;

export const LoginRequest = Type.Object(
  { email: Type.String({ minLength: 3, maxLength: 254 }), password: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);
export type LoginRequest = Static<typeof LoginRequest>;

export const LoginResponse = Type.Union([
  Type.Object({ mfaRequired: Type.Literal(false), me: Me }, { additionalProperties: false }),
  Type.Object({ mfaRequired: Type.Literal(true), challenge: Type.String() }, { additionalProperties: false }),
]);
export type LoginResponse = Static<typeof LoginResponse>;

export const MfaRequest = Type.Object(
  {
    challenge: Type.String({ minLength: 10, maxLength: 200 }),
    code: Type.String({ minLength: 6, maxLength: 32, description: 'six-digit TOTP code or a recovery code' }),
  },
  { additionalProperties: false },
);
export type MfaRequest = Static<typeof MfaRequest>;

export const MfaEnrolment = Type.Object(
  { secret: Type.String(), otpauthUri: Type.String(), qrDataUrl: Type.String() },
  { additionalProperties: false },
);
export type MfaEnrolment = Static<typeof MfaEnrolment>;

export const MfaConfirm = Type.Object(
  { code: Type.String({ pattern: '^[0-9]{6}$' }) },
  { additionalProperties: false },
);
export const RecoveryCodes = Type.Object({ recoveryCodes: Type.Array(Type.String()) }, { additionalProperties: false });

export const ApiToken = Type.Object(
  {
    id: Uuid,
    agencyId: Uuid,
    name: Type.String(),
    scopes: Type.Array(Type.Enum(SCOPES)),
    createdBy: Uuid,
    createdAt: IsoDateTime,
    expiresAt: IsoDateTime,
    revokedAt: Type.Union([IsoDateTime, Type.Null()]),
    lastUsedAt: Type.Union([IsoDateTime, Type.Null()]),
  },
  { additionalProperties: false },
);
export type ApiToken = Static<typeof ApiToken>;

export const NewApiToken = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    scopes: Type.Array(Type.Enum(SCOPES), { minItems: 1, uniqueItems: true }),
    expiresInDays: Type.Integer({ minimum: 1, maximum: 365 }),
  },
  { additionalProperties: false },
);
export type NewApiToken = Static<typeof NewApiToken>;

export const IssuedApiToken = Type.Object(
  { token: Type.String({ description: 'shown once; store it now' }), apiToken: ApiToken },
  { additionalProperties: false },
);
export type IssuedApiToken = Static<typeof IssuedApiToken>;
