/**
 * Explicit indicators of trafficking recruitment that EMSCAD does not cover (it holds US job-board
 * fraud, not scam-centre recruitment). Hand-written patterns in English, Indonesian, Vietnamese,
 * Thai, Filipino, Simplified Chinese and Hindi; each indicator has a code the portal turns into a
 * plain-words reason in the visitor's language, and the piece of text that triggered it.
 */

export type IndicatorCode =
  | 'passport-handover'
  | 'travel-paid-hotspot'
  | 'hotspot-destination'
  | 'high-pay-no-experience'
  | 'messaging-app-contact'
  | 'upfront-fee'
  | 'chat-only-interview'
  | 'tourist-visa';

export interface Indicator {
  code: IndicatorCode;
  severity: 'high' | 'medium';
  /** The words of the input that matched (shown back to the visitor). */
  evidence: string;
}

const re = (parts: string[]) => new RegExp(`(${parts.join('|')})`, 'iu');

// Thai, Chinese and Hindi write without spaces between words (Thai, Chinese) or with different
// word boundaries, so patterns are plain substrings, never \b-anchored.
const PASSPORT = re([
  'passport',
  'paspor',
  'hộ chiếu',
  'ho chieu',
  'หนังสือเดินทาง',
  'พาสปอร์ต',
  'pasaporte',
  '护照',
  'पासपोर्ट',
]);
const HAND_OVER = re([
  'hand (it )?over',
  'handed over',
  'surrender',
  'give (us )?(your|the)',
  'keep (your|the)',
  'we will (keep|hold)',
  'hold (your|the)',
  'send (us )?(your|the)',
  'deposit',
  'serahkan',
  'diserahkan',
  'menyerahkan',
  'ditahan',
  'disimpan',
  'dititipkan',
  'nộp',
  'giao (lại|nộp|cho)',
  'giữ',
  'gửi (lại|cho)',
  'ส่งมอบ',
  'มอบ',
  'ยึด',
  'เก็บไว้',
  'ฝากไว้',
  'ibigay',
  'isuko',
  'iiwan',
  'itatago',
  'kukunin',
  '上交',
  '交给',
  '保管',
  '扣押',
  '交出',
  'जमा',
  'सौंप',
  'रख लेंगे',
  'रखेगी',
]);
const HOTSPOT = re([
  'cambodia',
  'kamboja',
  'campuchia',
  'kambodya',
  'cambodge',
  'กัมพูชา',
  '柬埔寨',
  'कंबोडिया',
  'myanmar',
  'burma',
  'miến điện',
  'พม่า',
  'เมียนมา',
  '缅甸',
  'म्यांमार',
  'laos',
  'lào',
  'ลาว',
  '老挝',
  'लाओस',
  'sihanoukville',
  '西港',
  'สีหนุวิลล์',
  'shwe kokko',
  'kk park',
  'myawaddy',
  'เมียวดี',
  '妙瓦底',
  'poipet',
  'ปอยเปต',
  '波贝',
  'bavet',
  'golden triangle',
  'segitiga emas',
  'tam giác vàng',
  'สามเหลี่ยมทองคำ',
  '金三角',
  'tachileik',
  'ท่าขี้เหล็ก',
  'mae sot',
  'แม่สอด',
  'bokor',
]);
const TRAVEL_PAID = re([
  '(free|paid|covered|provided|sponsored)( air)? ?(flight|ticket|travel|visa|airfare|transport)',
  '(flight|ticket|travel|visa|airfare)s?( costs?)? (is |are |will be )?(free|paid|covered|provided|sponsored)',
  'we (pay|cover|provide)',
  'tiket( pesawat)? (gratis|ditanggung|dibayar)',
  '(visa|biaya perjalanan|transportasi) ditanggung',
  'ditanggung perusahaan',
  'gratis tiket',
  'bao (vé|visa|chi phí|ăn ở|đi lại)',
  'miễn phí (vé|visa|đi lại)',
  'công ty (chi trả|lo)',
  'ออกค่า(ตั๋ว|วีซ่า|เดินทาง)',
  'ฟรี(ค่า)?(ตั๋ว|วีซ่า|เดินทาง)',
  'บริษัทออกให้',
  'libre(ng)? (pamasahe|tiket|ticket|visa|byahe)',
  'sagot (ng|na ng) (kumpanya|employer|agency)',
  '包(机票|签证|吃住|路费)',
  '报销(机票|路费)',
  '免费(机票|签证)',
  'मुफ्त (टिकट|वीज़ा|वीजा|हवाई)',
  '(टिकट|वीज़ा|वीजा) (का खर्च )?कंपनी (देगी|उठाएगी)',
]);
const NO_EXPERIENCE = re([
  'no experience',
  'without experience',
  'experience (is )?not (required|needed|necessary)',
  'no prior experience',
  'tanpa pengalaman',
  'tidak (perlu|butuh|harus) (ber)?pengalaman',
  'không cần kinh nghiệm',
  'không yêu cầu kinh nghiệm',
  'chưa có kinh nghiệm',
  'ไม่ต้องมีประสบการณ์',
  'ไม่จำเป็นต้องมีประสบการณ์',
  'ไม่มีประสบการณ์ก็ได้',
  'walang karanasan',
  'hindi kailangan (ng )?(ng )?karanasan',
  'kahit walang experience',
  '无需经验',
  '无经验',
  '不需要经验',
  '零经验',
  '不限经验',
  'अनुभव की (कोई )?(आवश्यकता|ज़रूरत|जरूरत) नहीं',
  'बिना अनुभव',
  'कोई अनुभव नहीं',
]);
const HIGH_PAY_WORDS = re([
  'high (salary|pay|income)',
  'earn big',
  'gaji (tinggi|besar)',
  'penghasilan (tinggi|besar)',
  'lương cao',
  'thu nhập cao',
  'เงินเดือนสูง',
  'รายได้สูง',
  'mataas na (sahod|sweldo|sahuran)',
  'malaking sahod',
  '高薪',
  '高收入',
  'उच्च वेतन',
  'भारी वेतन',
  'मोटी (तनख्वाह|सैलरी)',
]);
const MESSAGING = re([
  'telegram',
  't\\.me/',
  'whats ?app',
  'wa\\.me/',
  'line id',
  'line:',
  'ไลน์',
  'ไอดีไลน์',
  'wechat',
  '微信',
  '纸飞机',
  'signal',
  'viber',
  'zalo',
  'टेलीग्राम',
  'व्हाट्सएप',
]);
const UPFRONT_FEE = re([
  '(registration|processing|placement|training|application|medical|visa) fees?',
  'pay (a |the )?deposit',
  'biaya (pendaftaran|administrasi|pelatihan|proses)',
  'uang (jaminan|muka)',
  'phí (đăng ký|hồ sơ|đào tạo|xử lý)',
  'đặt cọc',
  'ค่า(สมัคร|ดำเนินการ|มัดจำ|อบรม)',
  '(placement|processing) fee',
  'bayad sa (pag-apply|proseso|placement)',
  '(押金|报名费|手续费|培训费|中介费)',
  '(पंजीकरण|प्रोसेसिंग|रजिस्ट्रेशन) (शुल्क|फीस)',
  'जमानत राशि',
]);
const CHAT_INTERVIEW = re([
  'interview (via|by|on|through|over) (chat|telegram|whats ?app|text|line|wechat)',
  'no interview',
  'wawancara (via|lewat|melalui) (chat|telegram|whatsapp|wa)',
  'tanpa wawancara',
  'phỏng vấn qua (tin nhắn|telegram|zalo|chat|facebook)',
  'không cần phỏng vấn',
  'สัมภาษณ์ผ่าน(แชท|ไลน์|เทเลแกรม|ข้อความ)',
  'ไม่ต้องสัมภาษณ์',
  'interview sa (chat|telegram|messenger)',
  'walang interview',
  '免面试',
  '聊天面试',
  '(टेलीग्राम|व्हाट्सएप|चैट) पर इंटरव्यू',
  'बिना इंटरव्यू',
]);
const TOURIST_VISA = re([
  'tourist visa',
  'visa on arrival',
  'visa (turis|kunjungan|wisata)',
  'visa du lịch',
  'thị thực du lịch',
  'วีซ่าท่องเที่ยว',
  '旅游签',
  '落地签',
  '(पर्यटक|टूरिस्ट) (वीज़ा|वीजा)',
]);

/** Monthly pay (in US dollars) above which a job "for anyone, no experience" is suspicious. */
export const HIGH_PAY_USD_PER_MONTH = 1000;

const USD_PER_UNIT: Record<string, number> = {
  usd: 1,
  eur: 1.08,
  idr: 1 / 16000,
  vnd: 1 / 25000,
  thb: 1 / 35,
  php: 1 / 57,
  cny: 1 / 7.2,
  inr: 1 / 84,
};
const CURRENCY: [RegExp, string][] = [
  [/^(\$|us\$|usd|dollars?|usdt|đô)$/iu, 'usd'],
  [/^(€|eur|euros?)$/iu, 'eur'],
  [/^(rp\.?|idr|rupiah)$/iu, 'idr'],
  [/^(vnd|đ|đồng|vnđ)$/iu, 'vnd'],
  [/^(฿|thb|baht|บาท)$/iu, 'thb'],
  [/^(₱|php|pesos?|piso)$/iu, 'php'],
  [/^(¥|rmb|cny|元|人民币)$/iu, 'cny'],
  [/^(₹|inr|rs\.?|rupees?|रुपये|रुपए)$/iu, 'inr'],
];
const MULTIPLIER: [RegExp, number][] = [
  [/^(k|rb|ribu|ngàn|nghìn|พัน|千)$/iu, 1e3],
  [/^(juta|jt|triệu|tr|ล้าน|million|m)$/iu, 1e6],
  [/^(万|หมื่น)$/u, 1e4],
  [/^(lakh|लाख)$/iu, 1e5],
];
const AMOUNT =
  /(\$|us\$|usd|usdt|€|eur|rp\.?|idr|vnd|฿|thb|₱|php|¥|rmb|₹|inr|rs\.?)?\s?(\d{1,2}(?:,\d{2})+,\d{3}|\d{1,3}(?:[.,\s]\d{3})+|\d+(?:[.,]\d+)?)\s?(?:(k|rb|ribu|juta|jt|triệu|tr|nghìn|ngàn|million|万|千|lakh|लाख|หมื่น|พัน|ล้าน)(?![a-z\u00C0-\u024F\u1E00-\u1EFF]))?\s?(?:(\$|usd|usdt|dollars?|đô|eur|euros?|rupiah|idr|vnd|đ|đồng|vnđ|baht|บาท|thb|pesos?|piso|php|元|人民币|rmb|rupees?|रुपये|रुपए|inr)(?![a-z]))?/giu;
/** A multiplier that names its currency when none is written ("gaji 25 juta", "lương 30 triệu"). */
const IMPLIED: [RegExp, string][] = [
  [/^(juta|jt|ribu|rb)$/iu, 'idr'],
  [/^(triệu|tr|nghìn|ngàn)$/iu, 'vnd'],
  [/^万$/u, 'cny'],
  [/^(lakh|लाख)$/iu, 'inr'],
];

/** Largest monthly-looking amount of money in the text, in US dollars (null: none found). */
export function largestPayUsd(text: string): number | null {
  let best: number | null = null;
  for (const m of text.matchAll(AMOUNT)) {
    const cur = m[1] ?? m[4];
    const code = cur
      ? CURRENCY.find(([r]) => r.test(cur.trim()))?.[1]
      : m[3]
        ? IMPLIED.find(([r]) => r.test(m[3] as string))?.[1]
        : undefined;
    if (!code) continue;
    const digits = m[2] ?? '';
    // 1,500 / 1.500 / 1 500 are thousands; 1.5 with a multiplier is a decimal.
    const grouped = /^\d{1,3}([.,\s]\d{3})+$/.test(digits) || /^\d{1,2}(,\d{2})+,\d{3}$/.test(digits);
    let value = grouped ? Number(digits.replace(/[.,\s]/g, '')) : Number(digits.replace(',', '.'));
    const mult = m[3] ? MULTIPLIER.find(([r]) => r.test(m[3] as string))?.[1] : undefined;
    if (mult) value *= mult;
    if (!Number.isFinite(value)) continue;
    let usd = value * (USD_PER_UNIT[code] ?? 0);
    // A weekly or daily figure: bring it to a month.
    const after = text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 16).toLowerCase();
    if (/^\s*(\/|per|a|each)?\s*(week|wk|minggu|tuần|สัปดาห์|linggo|周|सप्ताह)/u.test(after)) usd *= 4;
    else if (/^\s*(\/|per|a|each)?\s*(day|hari|ngày|วัน|araw|天|日|दिन)/u.test(after)) usd *= 22;
    if (best === null || usd > best) best = usd;
  }
  return best;
}

function near(text: string, a: RegExp, b: RegExp, window = 80): string | null {
  const ma = a.exec(text);
  if (!ma) return null;
  const start = Math.max(0, ma.index - window);
  const slice = text.slice(start, ma.index + ma[0].length + window);
  const mb = b.exec(slice);
  if (!mb) return null;
  const from = Math.min(ma.index, start + mb.index);
  const to = Math.max(ma.index + ma[0].length, start + mb.index + mb[0].length);
  return text.slice(from, to).trim();
}

const found = (r: RegExp, text: string) => r.exec(text)?.[0] ?? null;

/** The trafficking-recruitment indicators present in a job ad or recruiter message. */
export function recruitmentIndicators(raw: string): Indicator[] {
  const text = raw.normalize('NFC').toLowerCase().replace(/\s+/g, ' ');
  const out: Indicator[] = [];
  const push = (code: IndicatorCode, severity: Indicator['severity'], evidence: string | null) => {
    if (evidence) out.push({ code, severity, evidence: evidence.slice(0, 160) });
  };
  push('passport-handover', 'high', near(text, PASSPORT, HAND_OVER, 60));
  const travel = near(text, TRAVEL_PAID, HOTSPOT, 400);
  push('travel-paid-hotspot', 'high', travel);
  if (!travel) push('hotspot-destination', 'medium', found(HOTSPOT, text));
  const noExp = found(NO_EXPERIENCE, text);
  if (noExp) {
    const pay = largestPayUsd(text);
    const words = found(HIGH_PAY_WORDS, text);
    if ((pay !== null && pay >= HIGH_PAY_USD_PER_MONTH) || words) {
      push('high-pay-no-experience', 'medium', words ? `${noExp} … ${words}` : noExp);
    }
  }
  push('messaging-app-contact', 'medium', found(MESSAGING, text));
  push('upfront-fee', 'medium', found(UPFRONT_FEE, text));
  push('chat-only-interview', 'medium', found(CHAT_INTERVIEW, text));
  push('tourist-visa', 'medium', found(TOURIST_VISA, text));
  return out;
}

/** Indicators for a message from a stranger (SMS or chat): the subset that applies outside job ads. */
export function messageIndicators(raw: string): Indicator[] {
  return recruitmentIndicators(raw).filter((i) => i.code !== 'chat-only-interview');
}
