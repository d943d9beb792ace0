import { describe, expect, it } from 'vitest';
import { type IndicatorCode, largestPayUsd, recruitmentIndicators } from './indicators.ts';

const codes = (text: string) => recruitmentIndicators(text).map((i) => i.code);

/** One hand-written recruitment ad per language, each carrying the same red flags. */
const ADS: Record<string, { text: string; expect: IndicatorCode[] }> = {
  en: {
    text: 'Earn $2,500 per month, no experience needed! Free flight ticket and visa to Sihanoukville. Contact only on Telegram. Hand over your passport on arrival for safekeeping. Registration fee $200.',
    expect: [
      'passport-handover',
      'travel-paid-hotspot',
      'high-pay-no-experience',
      'messaging-app-contact',
      'upfront-fee',
    ],
  },
  id: {
    text: 'Lowongan kerja tanpa pengalaman, gaji 25 juta per bulan, tiket pesawat gratis ke Kamboja. Paspor diserahkan ke perusahaan. Hubungi WhatsApp, wawancara via chat.',
    expect: [
      'passport-handover',
      'travel-paid-hotspot',
      'high-pay-no-experience',
      'messaging-app-contact',
      'chat-only-interview',
    ],
  },
  vi: {
    text: 'Tuyển nhân viên không cần kinh nghiệm, lương 30 triệu/tháng, bao vé máy bay sang Campuchia, nộp hộ chiếu cho công ty, liên hệ Telegram.',
    expect: ['passport-handover', 'travel-paid-hotspot', 'high-pay-no-experience', 'messaging-app-contact'],
  },
  th: {
    text: 'รับสมัครพนักงาน ไม่ต้องมีประสบการณ์ เงินเดือน 50,000 บาท บริษัทออกค่าตั๋วไปเมียวดี ติดต่อไลน์ ต้องส่งมอบพาสปอร์ตให้บริษัท',
    expect: ['passport-handover', 'travel-paid-hotspot', 'high-pay-no-experience', 'messaging-app-contact'],
  },
  fil: {
    text: 'Hiring! Walang karanasan, sahod ₱90,000 kada buwan, libreng pamasahe papuntang Cambodia gamit ang tourist visa. Kailangang ibigay ang pasaporte.',
    expect: ['passport-handover', 'travel-paid-hotspot', 'high-pay-no-experience', 'tourist-visa'],
  },
  'zh-Hans': {
    text: '招聘客服，无需经验，月薪3万元，包机票到西港，护照交给公司保管，联系微信，免面试。',
    expect: [
      'passport-handover',
      'travel-paid-hotspot',
      'high-pay-no-experience',
      'messaging-app-contact',
      'chat-only-interview',
    ],
  },
  hi: {
    text: 'बिना अनुभव नौकरी, वेतन ₹1,50,000 प्रति माह, मुफ्त टिकट म्यांमार, पासपोर्ट कंपनी में जमा करना होगा, टेलीग्राम पर संपर्क करें।',
    expect: ['passport-handover', 'travel-paid-hotspot', 'high-pay-no-experience', 'messaging-app-contact'],
  },
};

describe('trafficking-recruitment indicators', () => {
  it.each(Object.entries(ADS))('finds every red flag of the %s ad', (_lang, ad) => {
    expect(codes(ad.text).sort()).toEqual([...ad.expect].sort());
  });

  it('stays quiet on an ordinary ad (experience asked, normal pay, no travel, e-mail contact)', () => {
    expect(codes('Accountant, 5 years experience, salary 40,000 THB, Bangkok office, apply by email.')).toEqual([]);
  });

  it('needs a hand-over verb for the passport and a high figure for the pay', () => {
    expect(codes('Applicants must hold a valid passport.')).toEqual([]);
    expect(codes('No experience needed, salary $400 per month.')).toEqual([]);
    expect(codes('No experience needed, salary $400 per week.')).toEqual(['high-pay-no-experience']);
  });

  it('names a hotspot destination on its own when travel is not paid', () => {
    expect(codes('Office job in Poipet.')).toEqual(['hotspot-destination']);
  });

  it('reads amounts in local notations and currencies', () => {
    expect(largestPayUsd('gaji 16 juta')).toBeCloseTo(1000);
    expect(largestPayUsd('lương 25 triệu')).toBeCloseTo(1000);
    expect(largestPayUsd('₹1,68,000')).toBeCloseTo(2000);
    expect(largestPayUsd('月薪7.2万元')).toBeCloseTo(10000);
    expect(largestPayUsd('₱57,000 kada buwan')).toBeCloseTo(1000);
    expect(largestPayUsd('35,000 บาท')).toBeCloseTo(1000);
    expect(largestPayUsd('no money here 12345')).toBeNull();
  });
});
