// mulberry32: a small, fast, seedable pseudo-random generator (public domain algorithm), shared by the benchmark's
// input generator (benches/gen.mjs) and the page's robustness test (tests/e2e/robust.mjs) so both are reproducible.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
