import { describe, expect, it } from 'vitest';
import { normalise, selectorTables } from './testkit.ts';

selectorTables('email', {
  valid: [
    ['Somchai.K@Example.co.th', 'email:somchai.k@example.co.th'],
    ['J.Doe+scam@GoogleMail.com', 'email:jdoe@gmail.com'],
    ['recruiter@bücher.de', 'email:recruiter@xn--bcher-kva.de'],
    ['mailto:HR@Dream-Jobs-Abroad.com', 'email:hr@dream-jobs-abroad.com'],
    ['hr[@]dream-jobs-abroad[.]com', 'email:hr@dream-jobs-abroad.com'],
    ["o'brien@example.ie", "email:o'brien@example.ie"],
    ['agent+thailand@outlook.com', 'email:agent@outlook.com'],
    ['+onlytag@example.com', 'email:+onlytag@example.com'],
    ['Ünal@example.de', 'email:ünal@example.de'],
    ['jobs@hr.scam-co.com.kh', 'email:jobs@hr.scam-co.com.kh'],
  ],
  invalid: [
    ['no-at-sign.example.com', /no '@'/],
    ['@example.com', /empty local part/],
    ['a..b@example.com', /invalid e-mail local part/],
    ['.ab@example.com', /invalid e-mail local part/],
    ['"john doe"@example.com', /invalid e-mail local part/],
    [`${'x'.repeat(65)}@example.com`, /longer than 64/],
    ['user@localhost', /invalid e-mail domain: a single label/],
    ['user@[192.0.2.1]', /invalid e-mail domain/],
    ['user@192.0.2.1', /IP address is not a domain/],
    ['user@example.invalid', /unknown top-level domain/],
    ['user@co.uk', /public suffix/],
    ['...@gmail.com', /invalid e-mail local part/],
  ],
  same: [
    ['J.Doe@gmail.com', 'jdoe@gmail.com', 'j.d.o.e+promo@googlemail.com', 'JDOE@GMAIL.COM', 'mailto:jdoe@gmail.com'],
    ['Agent@Bücher.de', 'agent@xn--bcher-kva.de', 'AGENT+x@BÜCHER.DE'],
    ['recruit@dream-jobs.com', 'recruit+tg@dream-jobs.com', 'Recruit@Dream-Jobs.COM.'],
  ],
  different: [
    ['j.doe@outlook.com', 'jdoe@outlook.com'],
    ['jdoe@gmail.com', 'jdoe@example.com', 'jdoe2@gmail.com'],
  ],
});

describe('email details', () => {
  it('keeps the removed tag and the registrable domain', () => {
    const result = normalise('email', 'Agent+Thai@HR.Dream-Jobs.co.uk');
    expect(result.ok && result.selector.details).toEqual({
      domain: 'hr.dream-jobs.co.uk',
      registrable: 'dream-jobs.co.uk',
      tag: 'thai',
    });
  });

  it('displays an internationalised domain in Unicode', () => {
    const result = normalise('email', 'recruiter@xn--bcher-kva.de');
    expect(result.ok && result.selector.display).toBe('recruiter@bücher.de');
  });
});
