import { createRngRoot, getColumn, spearman } from "@leadforge/core";
import { describe, expect, it } from "vitest";
import { buildSnapshot } from "../src/build-snapshot.js";
import { computeOracle, oracleForSnapshot } from "../src/oracle.js";
import { buildWorld } from "./helpers.js";

const world = buildWorld({ seed: 44, n_customers: 800, difficulty: "intermediate" });

describe.each(["calendar", "early"] as const)("oracle (%s)", (regime) => {
  const snap = buildSnapshot(world, regime);
  const oracle = computeOracle({ world, snapshot: snap, rng: createRngRoot(44), replicates: 24 });
  const mean = (xs: ArrayLike<number>) => Array.from(xs).reduce((a, b) => a + b, 0) / xs.length;

  it("is calibrated in aggregate: expected revenue and churn match the realized ones", () => {
    for (const [w, name] of [
      [0, "ltv_revenue_90d"],
      [1, "ltv_revenue_365d"],
      [2, "ltv_revenue_730d"],
    ] as const) {
      const actual = mean(getColumn(snap.table, name) as number[]);
      expect(Math.abs(mean(oracle.revenue[w]) / actual - 1), name).toBeLessThan(0.08);
    }
    const churn = (getColumn(snap.table, "churned_within_180d") as boolean[]).map(Number);
    expect(Math.abs(mean(oracle.churn180) - mean(churn))).toBeLessThan(0.03);
  });

  it("ranks realized revenue better than current MRR alone", () => {
    const actual = getColumn(snap.table, "ltv_revenue_365d") as number[];
    const mrr = getColumn(snap.table, "current_mrr") as number[];
    expect(spearman(oracle.revenue[1], actual)).toBeGreaterThan(spearman(mrr, actual));
  });

  it("is deterministic and independent of other rows", () => {
    const again = computeOracle({ world, snapshot: snap, rng: createRngRoot(44), replicates: 24 });
    expect(Array.from(again.revenue[1])).toEqual(Array.from(oracle.revenue[1]));
  });
});

describe("oracle computed with the world", () => {
  it("equals the render-time oracle in instructor worlds and is absent from public ones", () => {
    const options = { seed: 45, n_customers: 300 };
    const ins = buildWorld({ ...options, exposure_mode: "research_instructor" });
    const pub = buildWorld({ ...options, exposure_mode: "student_public" });
    expect(pub.oracle).toBeNull();
    for (const regime of ["calendar", "early"] as const) {
      const snap = buildSnapshot(ins, regime);
      const fresh = computeOracle({
        world: ins,
        snapshot: snap,
        rng: createRngRoot(45),
        replicates: ins.params.oracle_replicates,
      });
      const kept = oracleForSnapshot(ins.oracle![regime], snap);
      expect(Array.from(kept.revenue[2]), regime).toEqual(Array.from(fresh.revenue[2]));
      expect(Array.from(kept.churn180), regime).toEqual(Array.from(fresh.churn180));
      expect(kept.revenue[1].some((v) => v > 0)).toBe(true);
    }
  });
});
