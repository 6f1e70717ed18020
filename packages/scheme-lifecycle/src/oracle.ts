import type { RngRoot } from "@leadforge/core";
import type { Regime, Snapshot } from "./build-snapshot.js";
import type { LifecycleWorld } from "./build-world.js";
import { cloneState, type ForecastAccumulator, simulateWeek } from "./engine.js";

/** True expected targets of a snapshot's rows under the world's own mechanism. */
export interface OracleScores {
  /** Expected revenue per window (90, 365, 730 days), one entry per snapshot row. */
  readonly revenue: readonly [Float64Array, Float64Array, Float64Array];
  /** Probability of churning within 180 days after the cutoff. */
  readonly churn180: Float64Array;
}

/** Inputs to {@link computeOracle}. */
export interface ComputeOracleOptions {
  readonly world: LifecycleWorld;
  readonly snapshot: Snapshot;
  readonly rng: RngRoot;
  /** Monte Carlo replicates per row. */
  readonly replicates: number;
}

/**
 * The oracle: for each row, restart the simulation from the customer's exact hidden state at
 * the cutoff (latents, frailty, engagement, MRR, open dunning case) with fresh keyed streams,
 * run it forward `replicates` times and average the targets. This is the Bayes-optimal
 * prediction given everything the world knows at the cutoff (up to Monte Carlo error,
 * sd ≈ target sd / √replicates).
 */
export function computeOracle(opts: ComputeOracleOptions): OracleScores {
  const { world, snapshot, rng, replicates } = opts;
  const regime: Regime = snapshot.regime;
  const states = world.cutoffStates[regime];
  const n = snapshot.customers.length;
  const revenue: [Float64Array, Float64Array, Float64Array] = [
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
  ];
  const churn180 = new Float64Array(n);
  const env = { profile: world.profile };
  const regimeKey = regime === "calendar" ? 0 : 1;
  for (let r = 0; r < n; r++) {
    const i = snapshot.customers[r]!;
    const cut = snapshot.cutoffs[r]!;
    const d = world.dynamics[i]!;
    const start = states[i];
    if (!start) continue;
    let r90 = 0;
    let r365 = 0;
    let r730 = 0;
    let churned = 0;
    for (let rep = 0; rep < replicates; rep++) {
      const st = cloneState(start);
      const s = rng.stream("lifecycle.oracle", i, regimeKey, rep);
      const acc: ForecastAccumulator = { cutoffDay: cut, revenue: [0, 0, 0], churnDay: -1 };
      for (;;) {
        const day = d.startDay + 7 * st.week;
        if (day > d.endDay) break;
        // Past the longest window only an open dunning case can still change the targets.
        if (day > cut + 730 && st.caseWeek < 0) break;
        if (!simulateWeek(d, st, s, env, null, null, acc)) break;
      }
      r90 += acc.revenue[0];
      r365 += acc.revenue[1];
      r730 += acc.revenue[2];
      if (acc.churnDay >= 0 && acc.churnDay <= cut + 180) churned++;
    }
    revenue[0][r] = r90 / replicates;
    revenue[1][r] = r365 / replicates;
    revenue[2][r] = r730 / replicates;
    churn180[r] = churned / replicates;
  }
  return { revenue, churn180 };
}
