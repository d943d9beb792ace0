import { describe, expect, it } from 'vitest';
import { fold, normaliseName, skeleton } from './normalise.ts';

describe('normaliseName', () => {
  // what the transliteration actually gives, script by script (checked against any-ascii 0.3.3)
  it.each([
    ['Somchai Wattana', 'somchai wattana'],
    ['  WATTANA,   Somchai ', 'somchai wattana'],
    ['สมชาย วัฒนา', 'smchay wathna'],
    ['สมศักดิ์ ศรีสุข', 'smsak srisuk'], // silent letters under the thanthakhat dropped
    ['ไพโรจน์', 'phairot'], // leading vowel read after its consonant, final จ read 't'
    ['สุภาพร', 'suphaphon'], // final -พร read 'phon'
    ['Сергей Иванов', 'sergey ivanov'],
    ['Алексей Навальный', 'aleksey navalnyy'],
    ['王伟', 'wang wei'], // surname, then the given name as one word
    ['習近平', 'xi jinping'],
    ['欧阳修', 'ouyang xiu'], // two-character surname
    ['김정은', 'kim jeongeun'], // Korean surname as passports write it
    ['Nguyễn Văn An', 'nguyen van an'],
    ['محمد علي', 'mhmd aly'], // abjad: no short vowels; initial ayn as 'a'
    ['فاطمة', 'fatma'], // inner alef and final ta marbuta as 'a'
    ['عبد الرحمن', 'abd rhmn'], // article dropped
    ['Αλέξανδρος Παπαδόπουλος', 'alexandros papadopoulos'],
    ['राहुल गांधी', 'rahul gamdhi'],
    ["O'Brien-Smith", 'obrien smith'],
    ['José Núñez', 'jose nunez'],
  ])('%s -> %s', (raw, latin) => {
    expect(normaliseName(raw).latin).toBe(latin);
  });

  it('gives sorted unique tokens and an order-free folded key', () => {
    const a = normaliseName('Wattana Somchai Wattana');
    expect(a.tokens).toEqual(['somchai', 'wattana']);
    expect(normaliseName('Somchai Watthana').key).toBe(normaliseName('WATTHANA, Somchay').key);
    expect(normaliseName('Сомчай Ваттана').key).toBe(normaliseName('Somchai Wattana').key);
    expect(normaliseName('Sergei Ivanov').key).toBe('iwanow sergei');
  });

  it('returns empty forms for names with no letters', () => {
    expect(normaliseName(' - ; ')).toEqual({ latin: '', tokens: [], key: '' });
  });
});

describe('fold and skeleton', () => {
  it.each([
    ['watthana', 'watana'],
    ['phairot', 'pairot'],
    ['khalid', 'kalid'],
    ['sergey', 'sergei'],
    ['ivanov', 'iwanow'],
    ['youssef', 'iusef'],
    ['alexander', 'aleksander'],
    ['shevchenko', 'sewcenko'],
    ['abdulrahman', 'abdrahman'],
    ['somporn', 'sompon'],
    ['abdullah', 'abdla'],
  ])('fold(%s) = %s', (token, folded) => {
    expect(fold(token)).toBe(folded);
  });

  it('keeps the consonants only', () => {
    expect(skeleton(fold('mohammed'))).toBe('mhmd');
    expect(skeleton(fold('hassan'))).toBe('hsn');
    expect(skeleton('ai')).toBe('ai');
  });
});
