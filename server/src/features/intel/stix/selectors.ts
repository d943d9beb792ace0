import type { Entity } from '@cordon/contracts';
import {
  CRYPTO_CHAINS,
  type CryptoChain,
  HANDLE_PLATFORMS,
  type HandlePlatform,
  SELECTOR_KINDS,
  type SelectorInput,
  type SelectorKind,
} from '../selectors/index.ts';
import { CORDON_EXTENSION_ID, SELECTOR_SCO, TOPLEVEL_EXTENSION } from './extension.ts';
import { scoId } from './ids.ts';
import type { StixObject } from './types.ts';

const KINDS: ReadonlySet<string> = new Set(SELECTOR_KINDS);
const PLATFORMS: ReadonlySet<string> = new Set(HANDLE_PLATFORMS);
const CHAINS: ReadonlySet<string> = new Set(CRYPTO_CHAINS);
const DOCUMENTS: ReadonlySet<string> = new Set(['passport', 'national-id', 'company-registration']);

/** Platform names in STIX's account-type-ov where one exists; otherwise the Cordon name. */
const ACCOUNT_TYPE: Partial<Record<HandlePlatform, string>> = { x: 'twitter' };
const PLATFORM_OF_ACCOUNT_TYPE: Record<string, HandlePlatform> = { twitter: 'x', 'x.com': 'x' };

/**
 * Turns a canonical key (`kind:value`, see selectors/README) back into normaliser input that gives
 * the same key again. Undefined when the key is not a Cordon selector key.
 */
export function inputFromKey(key: string): SelectorInput | undefined {
  const i = key.indexOf(':');
  if (i <= 0) return undefined;
  const kind = key.slice(0, i);
  const rest = key.slice(i + 1);
  if (!KINDS.has(kind) || rest === '') return undefined;
  const [head = '', ...tail] = rest.split(':');
  const after = tail.join(':');
  switch (kind as SelectorKind) {
    case 'crypto':
      return CHAINS.has(head) && after ? { kind: 'crypto', chain: head as CryptoChain, value: after } : undefined;
    case 'handle':
      return PLATFORMS.has(head) && after
        ? { kind: 'handle', platform: head as HandlePlatform, value: after }
        : undefined;
    case 'bank-account': {
      const [bank = '', ...account] = tail;
      if (!head || !bank || account.length === 0) return undefined;
      return { kind: 'bank-account', country: head, value: account.join(':'), ...(bank === '-' ? {} : { bank }) };
    }
    default:
      if (DOCUMENTS.has(kind)) return after ? { kind: kind as SelectorKind, country: head, value: after } : undefined;
      return { kind: kind as SelectorKind, value: rest };
  }
}

/** One selector entity as a STIX Cyber-observable Object (see README for the mapping). */
export function selectorToSco(entity: Entity, markingRefs: string[]): StixObject | undefined {
  const input = entity.key ? inputFromKey(entity.key) : undefined;
  if (!input || !entity.key) return undefined;
  const common = { spec_version: '2.1', object_marking_refs: markingRefs };
  const standard = (type: string, props: Record<string, string>): StixObject => ({
    type,
    id: scoId(type, props),
    ...common,
    ...props,
    x_cordon_key: entity.key!,
    extensions: TOPLEVEL_EXTENSION,
  });
  switch (input.kind) {
    case 'email':
      return standard('email-addr', { value: input.value });
    case 'domain':
      return standard('domain-name', { value: input.value });
    case 'url':
      return standard('url', { value: input.value });
    case 'ip':
      return standard(input.value.includes(':') ? 'ipv6-addr' : 'ipv4-addr', { value: input.value });
    case 'handle': {
      const platform = input.platform!;
      return standard('user-account', {
        account_type: ACCOUNT_TYPE[platform] ?? platform,
        account_login: input.value,
      });
    }
    default: {
      const props: Record<string, string> = { selector_kind: input.kind, key: entity.key, value: input.value };
      if (input.country) props.country = input.country;
      if (input.chain) props.chain = input.chain;
      if (input.bank) props.bank = input.bank;
      const display = entity.attrs.display;
      if (typeof display === 'string' && display) props.display = display;
      return {
        type: SELECTOR_SCO,
        id: scoId(SELECTOR_SCO, { key: entity.key }),
        ...common,
        ...props,
        extensions: { [CORDON_EXTENSION_ID]: { extension_type: 'new-sco' } },
      };
    }
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v : undefined);

/** Normaliser input for an SCO, or the reason it cannot be a Cordon selector. */
export function scoToInput(o: StixObject): SelectorInput | string {
  const key = str(o.x_cordon_key) ?? (o.type === SELECTOR_SCO ? str(o.key) : undefined);
  if (key) return inputFromKey(key) ?? `'${key}' is not a Cordon selector key`;
  const value = str(o.value);
  switch (o.type) {
    case 'email-addr':
      return value ? { kind: 'email', value } : 'email-addr without value';
    case 'domain-name':
      return value ? { kind: 'domain', value } : 'domain-name without value';
    case 'url':
      return value ? { kind: 'url', value } : 'url without value';
    case 'ipv4-addr':
    case 'ipv6-addr':
      return value ? { kind: 'ip', value } : `${o.type} without value`;
    case 'user-account': {
      const login = str(o.account_login) ?? str(o.user_id);
      if (!login) return 'user-account without account_login or user_id';
      const type = str(o.account_type)?.toLowerCase();
      const platform = type ? (PLATFORM_OF_ACCOUNT_TYPE[type] ?? type) : undefined;
      if (platform !== undefined && !PLATFORMS.has(platform))
        return `account_type '${type}' is not a platform Cordon knows (${HANDLE_PLATFORMS.join(', ')})`;
      return { kind: 'handle', value: login, ...(platform ? { platform: platform as HandlePlatform } : {}) };
    }
    case SELECTOR_SCO: {
      const kind = str(o.selector_kind);
      if (!kind || !KINDS.has(kind) || !value) return `${SELECTOR_SCO} without a valid selector_kind and value`;
      const input: SelectorInput = { kind: kind as SelectorKind, value };
      for (const k of ['country', 'chain', 'platform', 'bank'] as const) {
        const v = str(o[k]);
        if (v) (input as unknown as Record<string, string>)[k] = v;
      }
      return input;
    }
    default:
      return `no Cordon selector kind for the ${o.type} observable`;
  }
}
