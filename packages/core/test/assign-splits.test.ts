import { describe, expect, it } from "vitest";
import { assignSplits, createRngRoot } from "../src/index.js";

const rng = createRngRoot(42);
const n = 3000;
const rowKeys = Array.from({ length: n }, (_, i) => `lead_${i}`);
const groupKeys = rowKeys.map((_, i) => `acct_${i % 900}`);
const labels = rowKeys.map((_, i) => i % 5 === 0);
const ratios = { train: 0.7, valid: 0.15, test: 0.15 };
const count = (s: string[], name: string) => s.filter((x) => x === name).length;

describe("assignSplits", () => {
  it("random: exact ratio cut, deterministic, independent of row order", () => {
    const a = assignSplits({ rng, taskId: "t", strategy: "random", ratios, rowKeys, groupKeys });
    expect(count(a, "train")).toBe(2100);
    expect(count(a, "valid")).toBe(450);
    expect(count(a, "test")).toBe(450);
    const perm = [...Array(n).keys()].reverse();
    const b = assignSplits({
      rng,
      taskId: "t",
      strategy: "random",
      ratios,
      rowKeys: perm.map((i) => rowKeys[i]!),
      groupKeys: perm.map((i) => groupKeys[i]!),
    });
    perm.forEach((orig, j) => {
      expect(b[j]).toBe(a[orig]);
    });
  });

  it("stratified: each split keeps the label rate", () => {
    const s = assignSplits({
      rng,
      taskId: "t",
      strategy: "stratified",
      ratios,
      rowKeys,
      groupKeys,
      strata: labels,
    });
    for (const name of ["train", "valid", "test"]) {
      const idx = s.map((x, i) => (x === name ? i : -1)).filter((i) => i >= 0);
      const rate = idx.filter((i) => labels[i]).length / idx.length;
      expect(rate).toBeCloseTo(0.2, 2);
    }
  });

  it("grouped: no group spans two splits and sizes are close to the ratios", () => {
    const g = assignSplits({ rng, taskId: "t", strategy: "grouped", ratios, rowKeys, groupKeys });
    const where = new Map<string, string>();
    g.forEach((s, i) => {
      const prev = where.get(groupKeys[i]!);
      if (prev) expect(prev).toBe(s);
      where.set(groupKeys[i]!, s);
    });
    expect(Math.abs(count(g, "train") / n - 0.7)).toBeLessThan(0.01);
    expect(Math.abs(count(g, "test") / n - 0.15)).toBeLessThan(0.02);
  });

  it("gives different tasks independent assignments", () => {
    const a = assignSplits({ rng, taskId: "a", strategy: "random", ratios, rowKeys, groupKeys });
    const b = assignSplits({ rng, taskId: "b", strategy: "random", ratios, rowKeys, groupKeys });
    expect(a).not.toEqual(b);
  });
});
