import type { RngRoot } from "@leadforge/core";
import type { Regime, Snapshot } from "./build-snapshot.js";
import type { LifecycleWorld } from "./build-world.js";
import {
  type CustomerDynamics,
  type CustomerState,
  cloneState,
  type ForecastAccumulator,
  simulateWeek,
} from "./engine.js";

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

/** Options for {@link oracleOfCustomer}. */
export interface CustomerOracleOptions {
  /** The customer's dynamics. */
  readonly dynamics: CustomerDynamics;
  /** Its state at the cutoff (see `LifecycleWorld.cutoffStates`). */
  readonly start: CustomerState;
  /** Cutoff day. */
  readonly cutoff: number;
  /** Customer index (keys the streams). */
  readonly customer: number;
  readonly regime: Regime;
  readonly rng: RngRoot;
  readonly replicates: number;
  readonly profile: LifecycleWorld["profile"];
}

/**
 * One customer's oracle: restart the simulation from its exact hidden state at the cutoff
 * with fresh keyed streams `replicates` times and average the targets. Returns expected
 * revenue over 90 / 365 / 730 days and the probability of churn within 180 days.
 */
export function oracleOfCustomer(opts: CustomerOracleOptions): [number, number, number, number] {
  const { dynamics: d, start, cutoff: cut, customer, rng, replicates } = opts;
  const env = { profile: opts.profile };
  const regimeKey = opts.regime === "calendar" ? 0 : 1;
  let r90 = 0;
  let r365 = 0;
  let r730 = 0;
  let churned = 0;
  for (let rep = 0; rep < replicates; rep++) {
    const st = cloneState(start);
    const s = rng.stream("lifecycle.oracle", customer, regimeKey, rep);
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
  return [r90 / replicates, r365 / replicates, r730 / replicates, churned / replicates];
}

/** Oracle values per customer (indexed by customer; 0 for a customer with no cutoff state). */
export interface CustomerOracle {
  readonly revenue: readonly [Float64Array, Float64Array, Float64Array];
  readonly churn180: Float64Array;
}

/** Zero-filled {@link CustomerOracle} for `n` customers. */
export function allocateCustomerOracle(n: number): CustomerOracle {
  return {
    revenue: [new Float64Array(n), new Float64Array(n), new Float64Array(n)],
    churn180: new Float64Array(n),
  };
}

/** The snapshot rows' oracle scores from per-customer values computed with the world. */
export function oracleForSnapshot(values: CustomerOracle, snapshot: Snapshot): OracleScores {
  const rows = snapshot.customers;
  const take = (col: Float64Array) => Float64Array.from(rows, (i) => col[i]!);
  return {
    revenue: [take(values.revenue[0]), take(values.revenue[1]), take(values.revenue[2])],
    churn180: take(values.churn180),
  };
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
  const out = allocateCustomerOracle(n);
  for (let r = 0; r < n; r++) {
    const i = snapshot.customers[r]!;
    const start = states[i];
    if (!start) continue;
    const v = oracleOfCustomer({
      dynamics: world.dynamics[i]!,
      start,
      cutoff: snapshot.cutoffs[r]!,
      customer: i,
      regime,
      rng,
      replicates,
      profile: world.profile,
    });
    out.revenue[0][r] = v[0];
    out.revenue[1][r] = v[1];
    out.revenue[2][r] = v[2];
    out.churn180[r] = v[3];
  }
  return out;
}
