import { describe, expect, it } from "vitest";
import { createRngRoot, Rng } from "../src/index.js";
import { murmur3x86x128 } from "../src/rng/murmur3.js";

describe("xoshiro128**", () => {
  it("matches the published reference sequence for state (1, 2, 3, 4)", () => {
    const rng = new Rng([1, 2, 3, 4]);
    expect([rng.nextU32(), rng.nextU32(), rng.nextU32(), rng.nextU32()]).toEqual([
      11520, 0, 5927040, 70819200,
    ]);
  });
});

describe("murmur3 x86_128", () => {
  it("hashes the empty string with seed 0 to zero", () => {
    expect(murmur3x86x128("")).toEqual([0, 0, 0, 0]);
  });
  // Expected words cross-checked against the murmurhash3js package (x86.hash128).
  it("matches an independent implementation on short and multi-block inputs", () => {
    expect(murmur3x86x128("leadforge").map((w) => w.toString(16))).toMatchInlineSnapshot(`
      [
        "a349ec0c",
        "e776c9f0",
        "bc232218",
        "7e9105c8",
      ]
    `);
    expect(
      murmur3x86x128("a much longer key that spans more than one sixteen-byte block").map((w) =>
        w.toString(16),
      ),
    ).toMatchInlineSnapshot(`
      [
        "f1ed16b7",
        "66064c19",
        "71c9b8fd",
        "5bd3f5c0",
      ]
    `);
  });
});

describe("keyed streams", () => {
  it("pins golden vectors for (seed, name, keys)", () => {
    const root = createRngRoot(42);
    const a = root.stream("population.account", 0);
    expect([a.next(), a.next(), a.next()]).toMatchInlineSnapshot(`
      [
        0.07174816217017366,
        0.8832974493503447,
        0.15250683006616927,
      ]
    `);
    const b = root.stream("simulation", 17, "lead");
    expect([b.nextU32(), b.nextU32()]).toMatchInlineSnapshot(`
      [
        683164604,
        923796639,
      ]
    `);
    expect(root.unit("split:task:group", "acct_000001")).toMatchInlineSnapshot(
      `0.05010076937877783`,
    );
  });

  it("is a pure function of (seed, name, keys)", () => {
    const x = createRngRoot(7).stream("s", 3, "k").next();
    const y = createRngRoot(7).stream("s", 3, "k").next();
    expect(x).toBe(y);
    expect(createRngRoot(8).stream("s", 3, "k").next()).not.toBe(x);
    expect(createRngRoot(7).stream("t", 3, "k").next()).not.toBe(x);
    expect(createRngRoot(7).stream("s", 4, "k").next()).not.toBe(x);
    expect(createRngRoot(7).stream("s", 3).next()).not.toBe(x);
  });

  it("does not depend on the order in which entities are processed", () => {
    const root = createRngRoot(1211);
    const n = 500;
    const forward = [...Array(n).keys()].map((i) => {
      const s = root.stream("entity", i);
      return [s.next(), s.normal(), s.poisson(3)];
    });
    const order = [...Array(n).keys()];
    createRngRoot(99).stream("order").shuffle(order);
    const fresh = createRngRoot(1211);
    const shuffled: number[][] = new Array(n);
    for (const i of order) {
      // Interleave unrelated streams: they must not perturb the entity streams.
      fresh.stream("noise", i).next();
      const s = fresh.stream("entity", i);
      shuffled[i] = [s.next(), s.normal(), s.poisson(3)];
    }
    expect(shuffled).toEqual(forward);
  });

  it("gives distinct streams for adjacent keys (no trivial correlation)", () => {
    const root = createRngRoot(42);
    const firsts = new Set([...Array(10_000).keys()].map((i) => root.stream("k", i).nextU32()));
    expect(firsts.size).toBeGreaterThan(9_990);
    // Mean of the first draw across consecutive keys is uniform.
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += root.stream("k", i).next();
    expect(sum / 20_000).toBeCloseTo(0.5, 2);
  });

  it("rejects invalid seeds and keys", () => {
    expect(() => createRngRoot(-1)).toThrow(/seed must be a non-negative integer/);
    expect(() => createRngRoot(1.5)).toThrow(/seed/);
    expect(() => createRngRoot(1).stream("x", -3)).toThrow(/stream key/);
  });
});

function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const variance = xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

describe("samplers", () => {
  const N = 200_000;
  const draw = (f: (r: Rng) => number, name: string) => {
    const r = createRngRoot(2024).stream(name);
    return Array.from({ length: N }, () => f(r));
  };

  it("uniform and int cover their ranges with the right moments", () => {
    const u = moments(draw((r) => r.uniform(2, 6), "u"));
    expect(u.mean).toBeCloseTo(4, 1);
    expect(u.variance).toBeCloseTo(16 / 12, 1);
    const ints = draw((r) => r.int(1, 6), "i");
    expect(ints.reduce((a, b) => Math.min(a, b))).toBe(1);
    expect(ints.reduce((a, b) => Math.max(a, b))).toBe(6);
    expect(moments(ints).mean).toBeCloseTo(3.5, 1);
  });

  it("bernoulli has rate p", () => {
    expect(moments(draw((r) => (r.bernoulli(0.23) ? 1 : 0), "b")).mean).toBeCloseTo(0.23, 2);
  });

  it("normal and lognormal have the right moments", () => {
    const n = moments(draw((r) => r.normal(3, 2), "n"));
    expect(n.mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(n.variance)).toBeCloseTo(2, 1);
    const ln = moments(draw((r) => r.lognormal(0, 0.5), "ln"));
    expect(ln.mean).toBeCloseTo(Math.exp(0.125), 1);
  });

  it("exponential, gamma and beta have the right means and variances", () => {
    expect(moments(draw((r) => r.exponential(4), "e")).mean).toBeCloseTo(0.25, 2);
    const g = moments(draw((r) => r.gamma(2.5, 2), "g"));
    expect(g.mean).toBeCloseTo(5, 1);
    expect(g.variance / 10).toBeCloseTo(1, 1);
    const gs = moments(draw((r) => r.gamma(0.4, 1), "gs"));
    expect(gs.mean).toBeCloseTo(0.4, 1);
    const b = moments(draw((r) => r.beta(2, 5), "be"));
    expect(b.mean).toBeCloseTo(2 / 7, 2);
    expect(b.variance).toBeCloseTo((2 * 5) / (49 * 8), 3);
  });

  it("poisson has mean = variance = lambda on both algorithm branches", () => {
    for (const lambda of [0.7, 4, 29, 31, 250]) {
      const m = moments(draw((r) => r.poisson(lambda), `p${lambda}`));
      expect(m.mean / lambda).toBeCloseTo(1, 1);
      expect(m.variance / lambda).toBeCloseTo(1, 1);
    }
    expect(createRngRoot(1).stream("z").poisson(0)).toBe(0);
  });

  it("categorical follows its weights and never picks a zero weight", () => {
    const w = [1, 0, 3, 6];
    const counts = [0, 0, 0, 0];
    for (const i of draw((r) => r.categorical(w), "c")) counts[i]!++;
    expect(counts[1]).toBe(0);
    expect(counts[0]! / N).toBeCloseTo(0.1, 2);
    expect(counts[3]! / N).toBeCloseTo(0.6, 2);
    expect(() => createRngRoot(1).stream("c").categorical([0, 0])).toThrow(/positive sum/);
  });

  it("shuffle is a uniform permutation", () => {
    const r = createRngRoot(5).stream("sh");
    const firstPos = [0, 0, 0, 0, 0];
    for (let i = 0; i < 50_000; i++) firstPos[r.shuffle([0, 1, 2, 3, 4])[0]!]!++;
    for (const c of firstPos) expect(c / 50_000).toBeCloseTo(0.2, 2);
    const arr = [...Array(100).keys()];
    expect(r.shuffle(arr.slice()).sort((a, b) => a - b)).toEqual(arr);
  });
});
