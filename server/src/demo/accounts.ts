import type { AgencyKind, Role } from '@cordon/contracts';

/** The password of every demo account; printed at start. Never use the demo on real data. */
export const DEMO_PASSWORD = 'Cordon-Demo-2026';
/** TOTP secret of every demo account with MFA (base32). `cordon demo totp <email>` prints the code. */
export const DEMO_TOTP_SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';
export const DEMO_EMAIL_DOMAIN = 'cordon.example';

export interface DemoAgency {
  key: string;
  name: string;
  country: string;
  kind: AgencyKind;
}

/** Fictional agencies besides the hub and one national central bureau per UN member. */
export const EXTRA_AGENCIES: DemoAgency[] = [
  { key: 'fiu-th', name: 'Anti-Money Laundering Intelligence Office (demo)', country: 'TH', kind: 'fiu' },
  { key: 'fiu-ph', name: 'Financial Intelligence Unit of the Philippines (demo)', country: 'PH', kind: 'fiu' },
  { key: 'fiu-sg', name: 'Suspicious Transaction Reporting Office (demo)', country: 'SG', kind: 'fiu' },
  { key: 'fiu-au', name: 'Financial Intelligence Agency of Australia (demo)', country: 'AU', kind: 'fiu' },
  { key: 'police-th', name: 'Cyber Fraud and Trafficking Police Bureau (demo)', country: 'TH', kind: 'police' },
  { key: 'police-kh', name: 'Anti-Human-Trafficking Police Department (demo)', country: 'KH', kind: 'police' },
  { key: 'prosecutor-ph', name: 'Inter-Agency Prosecution Task Force (demo)', country: 'PH', kind: 'prosecutor' },
  { key: 'consulate-id', name: 'Consulate General of Indonesia in Bangkok (demo)', country: 'ID', kind: 'consulate' },
  {
    key: 'consulate-ke',
    name: 'Embassy of Kenya in Bangkok, Consular Section (demo)',
    country: 'KE',
    kind: 'consulate',
  },
  { key: 'consulate-vn', name: 'Consulate of Viet Nam in Phnom Penh (demo)', country: 'VN', kind: 'consulate' },
  { key: 'ngo-safe-passage', name: 'Safe Passage Foundation (demo)', country: 'TH', kind: 'ngo' },
  { key: 'ngo-homeward', name: 'Homeward Shelter Network (demo)', country: 'KH', kind: 'ngo' },
];

export interface DemoUser {
  email: string;
  name: string;
  /** `hub`, `ncb-XX` or a key of EXTRA_AGENCIES. */
  agency: string;
  roles: Role[];
  mfa: boolean;
}

const at = (local: string, place: string) => `${local}@${place}.${DEMO_EMAIL_DOMAIN}`;

export const DEMO_USERS: DemoUser[] = [
  {
    email: at('hub.admin', 'hub'),
    name: 'Hana Lindqvist',
    agency: 'hub',
    roles: ['hub-admin', 'hub-reviewer'],
    mfa: true,
  },
  { email: at('reviewer', 'hub'), name: 'Tomás Okafor', agency: 'hub', roles: ['hub-reviewer', 'analyst'], mfa: false },
  { email: at('admin', 'th'), name: 'Pimchanok Srisuk', agency: 'ncb-TH', roles: ['agency-admin'], mfa: true },
  { email: at('analyst', 'th'), name: 'Somchai Wattana', agency: 'ncb-TH', roles: ['analyst'], mfa: true },
  { email: at('investigator', 'th'), name: 'Kanya Boonmee', agency: 'ncb-TH', roles: ['investigator'], mfa: false },
  {
    email: at('supervisor', 'th'),
    name: 'Anan Chaiyaporn',
    agency: 'ncb-TH',
    roles: ['supervisor', 'analyst'],
    mfa: false,
  },
  {
    email: at('finance', 'fiu-th'),
    name: 'Ratana Phromma',
    agency: 'fiu-th',
    roles: ['finance', 'analyst'],
    mfa: false,
  },
  {
    email: at('finance', 'fiu-ph'),
    name: 'Carlo Reyes',
    agency: 'fiu-ph',
    roles: ['finance'],
    mfa: false,
  },
  {
    email: at('analyst', 'ph'),
    name: 'Maria Dela Cruz',
    agency: 'ncb-PH',
    roles: ['analyst', 'investigator'],
    mfa: false,
  },
  { email: at('caseworker', 'ph'), name: 'Jose Villanueva', agency: 'ncb-PH', roles: ['case-worker'], mfa: false },
  { email: at('analyst', 'id'), name: 'Dewi Sartika', agency: 'ncb-ID', roles: ['analyst'], mfa: false },
  { email: at('admin', 'id'), name: 'Budi Santoso', agency: 'ncb-ID', roles: ['agency-admin'], mfa: true },
  {
    email: at('consul', 'consulate-id'),
    name: 'Rina Wulandari',
    agency: 'consulate-id',
    roles: ['case-worker'],
    mfa: false,
  },
  {
    email: at('caseworker', 'safe-passage'),
    name: 'Nicha Kaewmanee',
    agency: 'ngo-safe-passage',
    roles: ['case-worker'],
    mfa: false,
  },
  { email: at('investigator', 'kh'), name: 'Sokha Chea', agency: 'police-kh', roles: ['investigator'], mfa: false },
];
