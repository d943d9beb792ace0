/**
 * mulberry32: a small seeded PRNG giving numbers in [0, 1), the same for the same seed on every
 * machine. One copy serves the demo world, the checker's data split, sampled centrality and the
 * benchmarks' generators (not for anything secret: use node:crypto there).
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
