import { createRngRoot } from "@leadforge/core";
import { describe, expect, it } from "vitest";
import { compileCausalModel } from "../src/causal-model.js";
import { MOTIF_FAMILIES, MOTIF_TEMPLATES } from "../src/motifs.js";
import { oracleScores } from "../src/oracle-scores.js";
import { graphViolation, sampleGraph } from "../src/sample-graph.js";
import { world } from "./helpers.js";

describe("hidden graph", () => {
  it("every canonical template satisfies the structural rules", () => {
    for (const f of MOTIF_FAMILIES) {
      const t = MOTIF_TEMPLATES[f];
      expect(graphViolation(t.nodes, t.edges)).toBeNull();
    }
  });

  it("draws all five families across seeds, rewires weights within ±0.15 and [−1, 1]", () => {
    const seen = new Set<string>();
    let confounders = 0;
    for (let seed = 0; seed < 200; seed++) {
      const g = sampleGraph(createRngRoot(seed).stream("hidden_graph"));
      seen.add(g.family);
      if (g.confounder) confounders++;
      const template = MOTIF_TEMPLATES[g.family];
      for (const e of g.edges) {
        const base = template.edges.find((x) => x.source === e.source && x.target === e.target);
        if (!base) continue;
        expect(Math.abs(e.weight - base.weight)).toBeLessThanOrEqual(0.15 + 1e-9);
        expect(Math.abs(e.weight)).toBeLessThanOrEqual(1);
      }
      expect(graphViolation(g.nodes, g.edges)).toBeNull();
    }
    expect(seen.size).toBe(5);
    expect(confounders / 200).toBeGreaterThan(0.2);
    expect(confounders / 200).toBeLessThan(0.5);
  });

  it("is executed: the compiled model reads every surviving edge", () => {
    const g = sampleGraph(createRngRoot(4).stream("hidden_graph"), "fit_dominant");
    const model = compileCausalModel(g);
    const edgeCount = model.nodes.reduce((n, x) => n + x.parents.length, 0);
    expect(edgeCount).toBe(g.edges.length);
    expect(model.driverIndex.outcome).toBeGreaterThanOrEqual(0);
  });

  it("rewiring changes the data: another family under the same seed changes outcomes", () => {
    const a = world({ seed: 9, n_leads: 300, motif_family: "fit_dominant" });
    const b = world({ seed: 9, n_leads: 300, motif_family: "intent_dominant" });
    expect(Array.from(b.outcomes.convDay)).not.toEqual(Array.from(a.outcomes.convDay));
  });
});

describe("oracle", () => {
  it("is the true probability: its mean matches the realised label rate", () => {
    const w = world({
      seed: 12,
      n_leads: 3000,
      difficulty: "intro",
      exposure_mode: "research_instructor",
    });
    const p = oracleScores(w);
    let sumP = 0;
    let sumY = 0;
    for (let i = 0; i < p.length; i++) {
      sumP += p[i]!;
      const d = w.outcomes.convDay[i]!;
      sumY += d >= 0 && d <= w.params.label_window_days ? 1 : 0;
    }
    // Binomial sd of the mean is ≈ 0.009 at n = 3000; allow 3.5 sd.
    expect(Math.abs(sumP - sumY) / p.length).toBeLessThan(0.032);
  });

  it("lands the conversion rate in the tier's band", () => {
    for (const [tier, lo, hi] of [
      ["intro", 0.34, 0.5],
      ["advanced", 0.05, 0.13],
    ] as const) {
      const w = world({ seed: 5, n_leads: 3000, difficulty: tier });
      let conv = 0;
      for (let i = 0; i < 3000; i++) if (w.outcomes.convDay[i]! >= 0) conv++;
      expect(conv / 3000).toBeGreaterThan(lo);
      expect(conv / 3000).toBeLessThan(hi);
    }
  });
});
