import { describe, expect, it } from 'vitest';
import { detectChain } from './crypto.ts';
import { normalise, selectorTables } from './testkit.ts';

// Ethereum: the EIP-55 specification's examples. Bitcoin: BIP-173 / BIP-350 vectors and the
// classic Base58 examples. TRON: fictional addresses (Base58Check of 0x41 + a SHA-256 prefix).
const ETH = '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed';
const TRON = 'TAJr1UCq7sLFgDcpGnCnCzX4QbBy3opb2J';
const TRON_HEX = '4103b6cb944e29413136f7cf120e39f08598d76fb2';
const TAPROOT = 'bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0';

selectorTables('crypto', {
  valid: [
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', `crypto:ethereum:${ETH}`],
    ['0xFB6916095CA1DF60BB79CE92CE3EA74C37C5D359', 'crypto:ethereum:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'],
    ['0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB', 'crypto:ethereum:0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB'],
    ['0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb', 'crypto:ethereum:0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb'],
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'crypto:bitcoin:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
    [
      'bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
      'crypto:bitcoin:bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3',
    ],
    [TAPROOT, `crypto:bitcoin:${TAPROOT}`],
    [
      'bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
      'crypto:bitcoin:bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y',
    ],
    ['BC1SW50QGDZ25J', 'crypto:bitcoin:bc1sw50qgdz25j'],
    ['bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs', 'crypto:bitcoin:bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs'],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'crypto:bitcoin:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'crypto:bitcoin:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy'],
    [TRON, `crypto:tron:${TRON}`],
    [TRON_HEX, `crypto:tron:${TRON}`],
    ['THDJJVcUtqvRr8yqKf46WLZ7VH99DSkcHY', 'crypto:tron:THDJJVcUtqvRr8yqKf46WLZ7VH99DSkcHY'],
    [{ value: TRON, chain: 'tron', token: 'usdt' }, `crypto:tron:${TRON}`],
  ],
  invalid: [
    ['0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD', /wrong EIP-55 checksum/],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beae', /0x followed by 40 hexadecimal digits/],
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg', /0x followed by 40 hexadecimal digits/],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh', /v0 needs a bech32 checksum/],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd', /v1\+ a bech32m checksum/],
    ['BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL', /v1\+ a bech32m checksum/],
    ['BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R', /witness version above 16/],
    ['bc1pw5dgrnzv', /bad witness program/],
    ['BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P', /must be 20 or 32 bytes/],
    ['bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq', /mixed case/],
    ['bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4', /bad bech32 checksum or characters/],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5', /bad bech32 checksum/],
    ['tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx', /testnet/],
    ['mipcBbFg9gMiCh81Kj8tqqdgoZub1ZJRfn', /testnet/],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN3', /bad Base58Check checksum/],
    ['TAJr1UCq7sLFgDcpGnCnCzX4QbBy3opb2K', /bad Base58Check checksum/],
    [{ value: ETH, chain: 'tron' }, /not a TRON address/],
    [{ value: TRON, chain: 'bitcoin' }, /not a Bitcoin address \(unknown version byte/],
    [{ value: TRON, chain: 'solana' as 'tron' }, /unsupported chain 'solana'/],
    [{ value: TRON, token: 'U$DT!!' }, /invalid token symbol/],
    ['hello-wallet', /not a recognised crypto address/],
    ['5HueCGU8rMjxEXxiPuD5BDku4MkFqeZyd4dZ1jvhTVqvbTLvyTJ', /not a recognised crypto address/], // a private key (WIF)
  ],
  same: [
    ['0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed', ETH, '0x5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED'],
    ['BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4', 'bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4'],
    [TRON, TRON_HEX, `0x${TRON_HEX.toUpperCase()}`, { value: TRON, chain: 'tron', token: 'USDT' }],
  ],
  different: [
    [ETH, '0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359'],
    [TRON, 'THDJJVcUtqvRr8yqKf46WLZ7VH99DSkcHY'],
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', '3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', TAPROOT],
  ],
});

describe('crypto details and detection', () => {
  it.each([
    [ETH, 'ethereum'],
    [TRON, 'tron'],
    [TRON_HEX, 'tron'],
    [TAPROOT, 'bitcoin'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'bitcoin'],
    ['not-an-address', undefined],
  ])('detects the chain of %s', (address, chain) => {
    expect(detectChain(address)).toBe(chain);
  });

  it.each([
    ['1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2', 'p2pkh'],
    ['3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy', 'p2sh'],
    ['bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4', 'p2wpkh'],
    ['bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3', 'p2wsh'],
    [TAPROOT, 'p2tr'],
    ['BC1SW50QGDZ25J', 'witness-v16'],
  ])('names the Bitcoin address type of %s', (address, type) => {
    const result = normalise('crypto', address);
    expect(result.ok && result.selector.details.type).toBe(type);
  });

  it('records the token as context, outside the key', () => {
    const result = normalise('crypto', { value: TRON, token: 'usdt' });
    expect(result.ok && result.selector.details).toEqual({ chain: 'tron', type: 'account', token: 'USDT' });
  });
});
