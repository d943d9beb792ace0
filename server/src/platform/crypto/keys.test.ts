import { describe, expect, it } from 'vitest';
import { loadConfig, parsePreviousKeys } from '../config.ts';
import { FieldCipher, keyIdOf } from './secrets.ts';

const A = Buffer.alloc(32, 1);
const B = Buffer.alloc(32, 2);
const C = Buffer.alloc(32, 3);
const pair = (k: Buffer) => `${keyIdOf(k)}:${k.toString('base64')}`;

describe('previous platform keys (CORDON_PREVIOUS_SECRET_KEYS)', () => {
  it('reads id:key pairs and decrypts values of any listed key, encrypting under the current one', () => {
    const keys = parsePreviousKeys(` ${pair(A)} , ${pair(C)} `, B);
    expect(keys.map(keyIdOf)).toEqual([keyIdOf(A), keyIdOf(C)]);
    const old = new FieldCipher(A).encrypt('secret');
    const ring = new FieldCipher(B, keys);
    expect(ring.decrypt(old)).toBe('secret');
    expect(ring.isCurrent(old)).toBe(false);
    expect(ring.encrypt('x').startsWith(`v1:${keyIdOf(B)}:`)).toBe(true);
    expect(() => new FieldCipher(B).decrypt(old)).toThrow(
      `field was encrypted with key ${keyIdOf(A)}, which is neither the current key (${keyIdOf(B)}, CORDON_SECRET_KEY) nor listed in CORDON_PREVIOUS_SECRET_KEYS`,
    );
    expect(parsePreviousKeys(undefined, B)).toEqual([]);
    expect(parsePreviousKeys('  ', B)).toEqual([]);
  });

  it('refuses a bad entry at start, naming the variable and the entry', () => {
    const bad = (v: string) => () => parsePreviousKeys(v, B);
    expect(bad(A.toString('base64'))).toThrow('CORDON_PREVIOUS_SECRET_KEYS entry 1 must be <keyId>:<base64 key>');
    expect(bad(`${pair(A)},deadbeef:${Buffer.alloc(16).toString('base64')}`)).toThrow(
      'CORDON_PREVIOUS_SECRET_KEYS entry 2 (key id deadbeef): the key must be base64 of exactly 32 bytes',
    );
    expect(bad(`deadbeef:${A.toString('base64')}`)).toThrow(
      `CORDON_PREVIOUS_SECRET_KEYS entry 1: key id deadbeef does not match its key (whose id is ${keyIdOf(A)})`,
    );
    expect(bad(pair(B))).toThrow('is the current CORDON_SECRET_KEY');
    expect(bad(`${pair(A)},${pair(A)}`)).toThrow(
      `CORDON_PREVIOUS_SECRET_KEYS entry 2: key ${keyIdOf(A)} is listed twice`,
    );
    // loadConfig validates it on start.
    expect(() =>
      loadConfig({ CORDON_SECRET_KEY: B.toString('base64'), CORDON_PREVIOUS_SECRET_KEYS: 'nonsense' }),
    ).toThrow(/CORDON_PREVIOUS_SECRET_KEYS entry 1/);
    expect(
      loadConfig({ CORDON_SECRET_KEY: B.toString('base64'), CORDON_PREVIOUS_SECRET_KEYS: pair(A) }).previousSecretKeys,
    ).toEqual([A]);
  });
});
