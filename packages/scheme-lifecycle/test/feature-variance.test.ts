import { getColumn } from "@leadforge/core";
import { describe, expect, it } from "vitest";
import { generate } from "./helpers.js";

describe.each(["intro", "intermediate", "advanced"])("task features (%s)", (difficulty) => {
  const bundle = generate({
    seed: 11,
    n_customers: 400,
    difficulty,
    exposure_mode: "research_instructor",
    oracle_replicates: 2,
  });

  it("has no zero-variance feature in any task file of either regime", () => {
    expect(bundle.tasks).toHaveLength(8);
    for (const task of bundle.tasks) {
      const train = task.splits.train;
      for (const c of train.spec.columns) {
        if (c.role !== "feature") continue;
        const values = new Set((getColumn(train, c.name) as unknown[]).map(String));
        expect(values.size, `${task.id}.${c.name}`).toBeGreaterThan(1);
      }
    }
  });

  it("distorts only health aggregates, never money, counts, the trap or labels", () => {
    const clean = generate({
      seed: 11,
      n_customers: 400,
      difficulty,
      exposure_mode: "student_public",
    });
    const a = bundle.tasks.find((t) => t.id === "pltv_revenue_365d")!.splits.train;
    const b = clean.tasks.find((t) => t.id === "pltv_revenue_365d")!.splits.train;
    for (const name of [
      "current_mrr",
      "expansion_count",
      "mrr_change_full_period",
      "ltv_revenue_365d",
    ]) {
      expect(getColumn(a, name)).toEqual(getColumn(b, name));
    }
    const depth = getColumn(a, "avg_feature_depth_l12w") as (number | null)[];
    for (const v of depth) if (v !== null) expect(v >= 0 && v <= 1).toBe(true);
  });
});
