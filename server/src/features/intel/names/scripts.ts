import anyAscii from 'any-ascii';

/**
 * Script-aware transliteration. any-ascii maps one character at a time; for a few scripts that is
 * not how names are read, so runs of those scripts are reshaped first (Thai, Chinese, Korean) or
 * tidied after (Arabic, Hebrew, Greek). Everything else goes through any-ascii unchanged.
 */

const RUN =
  /(\p{Script=Thai}+|\p{Script=Han}+|\p{Script=Hangul}+|\p{Script=Arabic}+|\p{Script=Hebrew}+|\p{Script=Greek}+)/u;

/** Chinese two-character surnames (simplified and traditional); everything else: one character. */
const HAN_COMPOUND_SURNAMES = new Set([
  '欧阳',
  '歐陽',
  '司马',
  '司馬',
  '诸葛',
  '諸葛',
  '上官',
  '东方',
  '東方',
  '皇甫',
  '尉迟',
  '尉遲',
  '公孙',
  '公孫',
  '慕容',
  '夏侯',
  '令狐',
  '司徒',
  '端木',
  '长孙',
  '長孫',
]);

/**
 * Korean surnames as passports and the press write them, keyed by any-ascii's Revised Romanization
 * of the syllable (김 gives 'Gim', but the holder's passport says KIM).
 */
const KOREAN_SURNAMES: Record<string, string> = {
  gim: 'kim',
  i: 'lee',
  ri: 'lee',
  bag: 'park',
  choe: 'choi',
  jeong: 'jung',
  gang: 'kang',
  jo: 'cho',
  im: 'lim',
  o: 'oh',
  gwon: 'kwon',
  go: 'ko',
  gu: 'koo',
  gwak: 'kwak',
  no: 'roh',
  lyu: 'ryu',
  bae: 'bae',
  jeon: 'jeon',
};

const THAI_CONSONANT = '[\u0E01-\u0E2E]';
const THAI_RULES: [RegExp, string][] = [
  // tone marks carry no letters
  [/[\u0E48-\u0E4B]/g, ''],
  // thanthakhat: the consonant it sits on (and any vowel sign on that consonant) is silent
  [new RegExp(`${THAI_CONSONANT}[\u0E31\u0E34-\u0E3A]*\u0E4C`, 'g'), ''],
  // silent ho nam before a sonorant: หนู is 'nu', หญิง is 'ying'
  [/ห(?=[งญนมยรลว])/g, ''],
  // vowels written before the consonant (cluster) are read after it: เปรม is 'prem', ไพ is 'phai'
  [new RegExp(`([\u0E40-\u0E44])([กขคตปพ][รล](?=[\u0E01-\u0E4E])|${THAI_CONSONANT})`, 'g'), '$2$1'],
  // a word-initial อ before a consonant carries an implicit 'a' (อนุชา is 'anucha')
  [/^อ(?=[\u0E01-\u0E2E])/, '\u0E30'],
  // อ as a silent carrier of a vowel sign
  [/อ(?=[\u0E30-\u0E39\u0E40-\u0E44\u0E47])/g, ''],
  // a bare consonant + ร at the end of a word is read 'on' (สมพร Somphon, popularly Somporn)
  [/(?<=[\u0E01-\u0E2E\u0E32\u0E33])([\u0E01-\u0E2E])ร$/, '$1อน'],
  // syllable-final ญ and word-final ล/ฬ sound 'n'; word-final stops sound t/k/p
  [/ญ(?=[\u0E01-\u0E2E]|$)/g, 'น'],
  [/(?<=.)[ลฬ]$/, 'น'],
  [/(?<=.)[จชซฎฏฐฑฒดถทธศษส]$/, 'ต'],
  [/(?<=.)[ขคฆ]$/, 'ก'],
  [/(?<=.)[บพฟภ]$/, 'ป'],
];

function thai(word: string): string {
  let w = word;
  for (const [pattern, replacement] of THAI_RULES) w = w.replace(pattern, replacement);
  return anyAscii(w);
}

/** Surname, a space, then the given name as one word: 王伟 -> 'wang wei', 习近平 -> 'xi jinping'. */
function hanOrHangul(run: string, korean: boolean): string {
  const chars = [...run];
  if (chars.length < 2) return anyAscii(run);
  const surnameLength = !korean && HAN_COMPOUND_SURNAMES.has(chars[0]! + chars[1]!) && chars.length > 2 ? 2 : 1;
  let surname = anyAscii(chars.slice(0, surnameLength).join('')).toLowerCase();
  if (korean) surname = KOREAN_SURNAMES[surname] ?? surname;
  const given = chars.slice(surnameLength);
  return given.length === 0 ? surname : ` ${surname} ${anyAscii(given.join('')).toLowerCase()} `;
}

/**
 * Arabic is written without short vowels: any-ascii gives 'mhmd' for Muhammad. Drop the article,
 * write inner alef and ta marbuta as 'a' (فاطمة 'ftmh' -> 'ftma' ~ 'fatima'), turn an initial
 * ayn into 'a', drop other hamza/ayn marks and read an inner waw as 'u'.
 */
function arabic(word: string): string {
  let bare = word.length > 3 && word.startsWith('ال') ? word.slice(2) : word;
  // any-ascii leaves out alef and writes ta marbuta as 'h': both are heard as 'a' in a name
  bare = bare.charAt(0) + bare.slice(1).replace(/[اة]/g, 'a');
  // an initial ayn is usually written with a vowel (Ali, Abd, Aisha), an initial hamza often not
  const w = anyAscii(bare).replace(/^`/, 'a').replace(/[`']/g, '');
  return w.charAt(0) + w.slice(1).replace(/w/g, 'u');
}

function hebrew(word: string): string {
  const w = anyAscii(word).replace(/[`']/g, '');
  return w.length > 2 ? w.replace(/h$/, '') : w;
}

/** Greek upsilon after omicron is the diphthong 'ou' (any-ascii writes 'oy'). */
function greek(word: string): string {
  return anyAscii(word).replace(/oy/gi, 'ou');
}

/** Scripts that leave vowels unwritten: abjads (short vowels) and abugidas (the inherent vowel). */
const VOWELS_IMPLIED =
  /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]/u;
const NON_LATIN_LETTER = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;

export interface Transliteration {
  text: string;
  nonLatin: boolean;
  /** written in a script that leaves vowels unwritten (Arabic, Hebrew, Thai, Devanagari...) */
  vowelsImplied: boolean;
}

export function transliterate(raw: string): Transliteration {
  const parts = raw.split(RUN).map((part, i) => {
    if (i % 2 === 0) return anyAscii(part);
    const script = part.codePointAt(0)!;
    if (script >= 0x0e00 && script <= 0x0e7f) return thai(part);
    if (script >= 0x0590 && script <= 0x05ff) return hebrew(part);
    if (script >= 0x0370 && script <= 0x03ff) return greek(part);
    if (/\p{Script=Arabic}/u.test(part)) return arabic(part);
    return hanOrHangul(part, /\p{Script=Hangul}/u.test(part));
  });
  return { text: parts.join(''), nonLatin: NON_LATIN_LETTER.test(raw), vowelsImplied: VOWELS_IMPLIED.test(raw) };
}
