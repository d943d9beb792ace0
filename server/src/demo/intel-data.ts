/** Fictional places and people for the demo intelligence. Coordinates are approximate areas. */
export const CENTRES = [
  { name: 'Golden Lotus Park', aliases: ['GL Park', 'Building 9 compound'], country: 'MM', lat: 16.6775, lon: 98.5117 },
  { name: 'River Bend Garden City', aliases: ['Riverside New City'], country: 'MM', lat: 16.6402, lon: 98.5551 },
  { name: 'Jade Bay Resort', aliases: ['Jade Bay'], country: 'KH', lat: 10.6093, lon: 103.5296 },
  { name: 'Border Star Casino', aliases: ['Star Hotel Bavet'], country: 'KH', lat: 11.0704, lon: 106.1385 },
  { name: 'Lucky Gate Plaza', aliases: ['Poipet Tower B'], country: 'KH', lat: 13.6589, lon: 102.5623 },
  { name: 'Kapok Tree Zone', aliases: ['Triangle SEZ Block 4'], country: 'LA', lat: 20.3496, lon: 100.0883 },
  { name: 'Blue Harbour Hub', aliases: ['BH Offshore'], country: 'PH', lat: 15.1794, lon: 120.556 },
  { name: 'Silver Coast Office Park', aliases: [], country: 'PH', lat: 14.5378, lon: 120.9932 },
  { name: 'Desert Pearl Tower', aliases: [], country: 'AE', lat: 25.0805, lon: 55.1403 },
  { name: 'Lakeside Tech Estate', aliases: [], country: 'MM', lat: 16.9003, lon: 97.9021 },
  { name: 'Mekong Sunrise Compound', aliases: ['Sunrise Block'], country: 'LA', lat: 20.3551, lon: 100.0822 },
  { name: 'Palm Shore Villas', aliases: [], country: 'KH', lat: 10.6302, lon: 103.501 },
];

/** Persons with spellings in several scripts, as different agencies would record them. */
export const PEOPLE = [
  {
    names: ['Zhao Weiming', '赵伟明'],
    alt: ['赵伟明', 'Chao Wei-ming'],
    dob: '1979-08-14',
    nat: ['CN'],
    role: 'boss' as const,
  },
  {
    names: ['Somchai Wattana'],
    alt: ['สมชาย วัฒนา', 'Somchai Watthana'],
    dob: '1985-03-02',
    nat: ['TH'],
    role: 'recruiter' as const,
  },
  { names: ['Nguyen Van Long'], alt: ['Nguyễn Văn Long'], dob: '1990-11-20', nat: ['VN'], role: 'recruiter' as const },
  {
    names: ['Sergei Volkov'],
    alt: ['Сергей Волков', 'Sergey Volkov'],
    dob: '1982-05-09',
    nat: ['RU'],
    role: 'money-mule' as const,
  },
  { names: ['Aung Ko Ko'], alt: ['အောင်ကိုကို', 'Aung Koko'], dob: '1988', nat: ['MM'], role: 'suspect' as const },
  {
    names: ['Maria Santos Reyes'],
    alt: ['Reyes, Maria Santos'],
    dob: '1993-01-30',
    nat: ['PH'],
    role: 'recruiter' as const,
  },
  { names: ['Chen Jianguo'], alt: ['陈建国'], dob: '1975-12-01', nat: ['CN', 'KH'], role: 'boss' as const },
  { names: ['Kim Min-jun'], alt: ['김민준'], dob: '1991-07-07', nat: ['KR'], role: 'money-mule' as const },
];

export const ORGS = [
  { name: 'Dragon Pearl Group', aliases: ['DPG Holdings'], kind: 'syndicate' as const },
  { name: 'Bright Future Manpower Agency', aliases: ['BFM Agency'], kind: 'fake-recruitment-agency' as const },
  { name: 'Sky Link Trading Ltd', aliases: [], kind: 'front-company' as const },
  { name: 'Golden Wing Recruitment', aliases: [], kind: 'fake-recruitment-agency' as const },
];

export const TITLES = [
  'Recruiters advertising customer-service jobs abroad',
  'USDT collection wallets linked to romance fraud',
  'Compound guards and payment handlers',
  'Fake trading app behind investment fraud complaints',
  'Victims report calls from fake police officers',
  'Task-scam payouts through mule accounts',
  'Workers rescued describe passport confiscation',
  'Telegram channels recruiting "typists"',
];

export const MO_SETS = [
  ['romance-pig-butchering', 'crypto-fraud'],
  ['voice-phishing', 'impersonation-officials'],
  ['job-task-scam', 'social-media-job-ads'],
  ['investment-fraud', 'money-mule'],
  ['romance-pig-butchering', 'human-trafficking', 'fake-recruitment-agency'],
  ['crypto-fraud', 'otc-cash-out', 'collection-account'],
  ['loan-scam', 'money-mule'],
  ['sextortion', 'drug-trafficking'],
];

export const HANDLE_WORDS = [
  'lucky',
  'golden',
  'asia',
  'jobs',
  'hr',
  'career',
  'trade',
  'vip',
  'fast',
  'money',
  'dream',
  'global',
];

export const GIVEN = [
  'Arun',
  'Bao',
  'Chai',
  'Dara',
  'Eko',
  'Farid',
  'Grace',
  'Hiro',
  'Imran',
  'Jae',
  'Kiet',
  'Lina',
  'Musa',
  'Nadia',
  'Omar',
  'Priya',
  'Quang',
  'Rizal',
  'Sara',
  'Tuan',
];
export const FAMILY = [
  'Abdullah',
  'Bui',
  'Chowdhury',
  'Dlamini',
  'Estrada',
  'Fofana',
  'Gunawan',
  'Hassan',
  'Ismail',
  'Jovanovic',
  'Kariuki',
  'Lim',
  'Mensah',
  'Nair',
  'Okoro',
  'Pham',
  'Quispe',
  'Rahman',
  'Silva',
  'Tan',
];
