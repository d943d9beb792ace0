import type { SelectorInput, SelectorKind } from '../selectors/index.ts';
import { SELECTOR_SCO } from './extension.ts';
import { inputFromKey } from './selectors.ts';

export interface Comparison {
  path: string;
  value: string;
}

/**
 * Parses the one STIX pattern shape that names selectors: equality comparisons joined by OR,
 * within one observation or across observations joined by OR, e.g.
 * `[domain-name:value = 'a.example' OR ipv4-addr:value = '198.51.100.1']`.
 * Anything else (AND, MATCHES, LIKE, qualifiers, FOLLOWEDBY …) is refused with a reason, because a
 * conjunction or a regular expression does not name one selector.
 */
export function parsePattern(pattern: string): Comparison[] | string {
  const out: Comparison[] = [];
  let i = 0;
  const ws = () => {
    while (i < pattern.length && /\s/.test(pattern[i]!)) i++;
  };
  const word = (w: string) => {
    ws();
    if (pattern.slice(i, i + w.length).toUpperCase() === w && !/[A-Za-z]/.test(pattern[i + w.length] ?? '')) {
      i += w.length;
      return true;
    }
    return false;
  };
  const unsupported = () => {
    ws();
    const rest = pattern.slice(i, i + 24);
    return `unsupported pattern near '${rest}': only [object:path = 'value'] comparisons joined by OR are read`;
  };
  for (;;) {
    ws();
    if (pattern[i] !== '[') return unsupported();
    i++;
    for (;;) {
      ws();
      const path = /^[a-z0-9-]+:[A-Za-z0-9_.[\]*-]+/.exec(pattern.slice(i))?.[0];
      if (!path) return unsupported();
      i += path.length;
      ws();
      if (pattern[i] !== '=') return unsupported();
      i++;
      ws();
      if (pattern[i] !== "'") return unsupported();
      i++;
      let value = '';
      for (;;) {
        const c = pattern[i];
        if (c === undefined) return 'unterminated string in pattern';
        i++;
        if (c === "'") break;
        if (c === '\\') {
          const n = pattern[i];
          if (n !== "'" && n !== '\\') return 'invalid escape in pattern string';
          value += n;
          i++;
        } else value += c;
      }
      out.push({ path, value });
      ws();
      if (pattern[i] === ']') {
        i++;
        break;
      }
      if (!word('OR')) return unsupported();
    }
    ws();
    if (i >= pattern.length) return out;
    if (!word('OR')) return unsupported();
  }
}

const PATH_KINDS: Record<string, SelectorKind> = {
  'ipv4-addr:value': 'ip',
  'ipv6-addr:value': 'ip',
  'domain-name:value': 'domain',
  'url:value': 'url',
  'email-addr:value': 'email',
  'email-message:from_ref.value': 'email',
  'email-message:sender_ref.value': 'email',
  'phone-number:value': 'phone',
  'x-phone-number:value': 'phone',
  'cryptocurrency-wallet:address': 'crypto',
  'cryptocurrency-wallet:value': 'crypto',
  'user-account:account_login': 'handle',
};

/** A comparison as normaliser input, or why it names no selector. */
export function comparisonToInput(c: Comparison): SelectorInput | string {
  if (c.path === `${SELECTOR_SCO}:key` || c.path.endsWith(':x_cordon_key'))
    return inputFromKey(c.value) ?? `'${c.value}' is not a Cordon selector key`;
  const kind = PATH_KINDS[c.path];
  return kind ? { kind, value: c.value } : `${c.path} names no selector Cordon keeps`;
}
