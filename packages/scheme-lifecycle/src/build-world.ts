import { type BuildContext, CancelledError, formatIsoDate, parseIsoDate } from "@leadforge/core";
import {
  type CustomerDynamics,
  type CustomerState,
  cloneState,
  createDynamics,
  initialState,
  simulateWeek,
} from "./engine.js";
import { LIFECYCLE_EXPOSURE } from "./exposure.js";
import { Ledger } from "./ledger.js";
import { MOTIF_NAMES, MOTIFS, type MotifMechanism } from "./motifs.js";
import type { LifecycleNarrative } from "./narrative.js";
import { allocateCustomerOracle, type CustomerOracle, oracleOfCustomer } from "./oracle.js";
import type { LifecycleParams } from "./params.js";
import {
  type AccountRecord,
  buildAccount,
  buildCustomer,
  type CustomerRecord,
  mergedLatents,
} from "./population.js";
import type { LifecycleProfile } from "./profile.js";

/** The longest forward window: every customer is simulated this far past its latest cutoff. */
export const MAX_WINDOW_DAYS = 730;

/** The simulated lifecycle world: population, full history, terminal state and cutoff states. */
export interface LifecycleWorld {
  readonly params: LifecycleParams;
  readonly profile: LifecycleProfile;
  readonly narrative: LifecycleNarrative;
  readonly motif: MotifMechanism;
  /** Calendar cutoff (day number). */
  readonly observationDay: number;
  /** First day of the acquisition window. */
  readonly acquisitionStartDay: number;
  readonly accounts: readonly AccountRecord[];
  readonly customers: readonly CustomerRecord[];
  readonly dynamics: readonly CustomerDynamics[];
  /** Full simulated history. */
  readonly ledger: Ledger;
  /** Terminal state per customer (end of simulation). */
  readonly final: {
    readonly mrr: Float64Array;
    readonly renewals: Int32Array;
    readonly expansions: Int32Array;
    /** Churn week, or -1 while active. */
    readonly churnWeek: Int32Array;
    /** 0 voluntary, 1 non_renewal, 2 payment_failure, -1 active. */
    readonly churnReason: Int8Array;
    /** Week the champion left, or -1. */
    readonly departureWeek: Int32Array;
  };
  /**
   * State right after the last week on or before each regime's cutoff, for customers still
   * active then (null otherwise). The oracle restarts the simulation from it.
   */
  readonly cutoffStates: {
    readonly calendar: readonly (CustomerState | null)[];
    readonly early: readonly (CustomerState | null)[];
  };
  /**
   * The oracle per customer and regime, computed while the world is built (so it runs on
   * the world-building threads) — instructor bundles only, the only ones that publish it.
   */
  readonly oracle: { readonly calendar: CustomerOracle; readonly early: CustomerOracle } | null;
}

/**
 * A copy of the state for the oracle to restart from. Ledger row numbers of an open case are
 * dropped: the oracle records no rows, and they would differ between partitioned builds.
 */
function cutoffState(st: CustomerState): CustomerState {
  const s = cloneState(st);
  s.caseRow.fill(-1);
  return s;
}

/** Draw the world's motif family from its own world-level stream. */
export function drawMotif(ctx: { rng: BuildContext<unknown, unknown, unknown>["rng"] }) {
  const name = ctx.rng.stream("lifecycle.motif").choice(MOTIF_NAMES);
  return MOTIFS.find((m) => m.name === name)!;
}

/**
 * Build the lifecycle world: accounts, customers with staggered starts, then the weekly
 * simulation of every customer through `max(observation, start + early tenure) + 730 days`.
 * Every customer draws from its own keyed streams, so its history is the same whatever
 * other customers exist or the order they are processed in.
 */
export function buildLifecycleWorld(
  ctx: BuildContext<LifecycleParams, LifecycleNarrative, LifecycleProfile>,
): LifecycleWorld {
  const params = ctx.config.params;
  const { profile, narrative } = ctx;
  const observationDay = parseIsoDate(params.observation_date, "observation_date");
  const span = 7 * params.acquisition_window_weeks;
  const acquisitionStartDay = observationDay - span;
  const motif = drawMotif(ctx);
  const nAccounts = params.n_accounts ?? Math.max(Math.floor(params.n_customers / 3), 1);
  // Parallel generation builds consecutive customer ranges on workers and merges them; the
  // world-level draws (motif, accounts) are repeated in full by every part.
  const first = ctx.unitRange?.start ?? 0;
  const last = ctx.unitRange?.end ?? params.n_customers;
  const n = last - first;

  const accounts: AccountRecord[] = [];
  for (let j = 0; j < nAccounts; j++) {
    accounts.push(buildAccount({ rng: ctx.rng, index: j, narrative, motif, acquisitionStartDay }));
  }

  const customers: CustomerRecord[] = [];
  const dynamics: CustomerDynamics[] = [];
  const ledger = new Ledger();
  const final = {
    mrr: new Float64Array(n),
    renewals: new Int32Array(n),
    expansions: new Int32Array(n),
    churnWeek: new Int32Array(n),
    churnReason: new Int8Array(n),
    departureWeek: new Int32Array(n),
  };
  const calendar: (CustomerState | null)[] = new Array(n).fill(null);
  const early: (CustomerState | null)[] = new Array(n).fill(null);
  const env = { profile };
  const earlyWeek = params.early_tenure_weeks;
  const withOracle = LIFECYCLE_EXPOSURE[ctx.config.common.exposure_mode]?.metadata ?? false;
  const oracle = withOracle
    ? { calendar: allocateCustomerOracle(n), early: allocateCustomerOracle(n) }
    : null;
  const step = Math.max(1, Math.ceil(n / 100));

  for (let local = 0; local < n; local++) {
    const i = first + local;
    if (local % step === 0) {
      if (ctx.signal?.aborted) throw new CancelledError();
      ctx.progress({ stage: "simulate", done: local, total: n, unit: "customers" });
    }
    const c = buildCustomer({
      rng: ctx.rng,
      index: i,
      accounts,
      narrative,
      motif,
      acquisitionStartDay,
      acquisitionSpanDays: span,
    });
    const a = accounts[c.account]!;
    const earlyDay = c.startDay + 7 * earlyWeek;
    const d = createDynamics({
      customer: c,
      account: a,
      latents: mergedLatents(c, a),
      motif,
      profile,
      baseSeats: narrative.plans[c.plan]!.base_seats,
      endDay: Math.max(observationDay, earlyDay) + MAX_WINDOW_DAYS,
    });
    customers.push(c);
    dynamics.push(d);
    const st = initialState(d);
    const rng = ctx.rng.stream("lifecycle.sim", i);
    const cosmetic = ctx.rng.stream("lifecycle.cosmetic", i);
    ledger.beginCustomer();
    for (;;) {
      const k = st.week;
      const day = d.startDay + 7 * k;
      if (day > d.endDay) break;
      if (!simulateWeek(d, st, rng, env, ledger, cosmetic, null)) break;
      if (day <= observationDay && day + 7 > observationDay) calendar[local] = cutoffState(st);
      if (k === earlyWeek) early[local] = cutoffState(st);
    }
    final.mrr[local] = st.mrr;
    final.renewals[local] = st.renewals;
    final.expansions[local] = st.expansions;
    final.churnWeek[local] = st.churnWeek;
    final.churnReason[local] = st.churnReason;
    final.departureWeek[local] = st.departureWeek;
    if (oracle) {
      for (const regime of ["calendar", "early"] as const) {
        const start = (regime === "calendar" ? calendar : early)[local];
        if (!start) continue;
        const v = oracleOfCustomer({
          dynamics: d,
          start,
          // The regime's cutoff (as `cutoffDay` computes it for the snapshot rows).
          cutoff: regime === "calendar" ? observationDay : earlyDay,
          customer: i,
          regime,
          rng: ctx.rng,
          replicates: params.oracle_replicates,
          profile,
        });
        const o = oracle[regime];
        o.revenue[0][local] = v[0];
        o.revenue[1][local] = v[1];
        o.revenue[2][local] = v[2];
        o.churn180[local] = v[3];
      }
    }
  }
  ledger.seal();
  ctx.progress({ stage: "simulate", done: n, total: n, unit: "customers" });
  return {
    params,
    profile,
    narrative,
    motif,
    observationDay,
    acquisitionStartDay,
    accounts,
    customers,
    dynamics,
    ledger,
    final,
    cutoffStates: { calendar, early },
    oracle,
  };
}

function concatTyped<T extends Float64Array | Int32Array | Int8Array>(parts: readonly T[]): T {
  const total = parts.reduce((a, p) => a + p.length, 0);
  const out = new (parts[0]!.constructor as new (n: number) => T)(total);
  let at = 0;
  for (const p of parts) {
    out.set(p as never, at);
    at += p.length;
  }
  return out;
}

/**
 * Merge worlds built for consecutive customer ranges (in range order) into the world a
 * single build would have produced: customers, ledger, terminal state and cutoff states are
 * concatenated; world-level parts (motif, accounts, calendar) come from the first part.
 */
export function mergeLifecycleWorlds(parts: readonly LifecycleWorld[]): LifecycleWorld {
  const head = parts[0]!;
  const pick = <K extends keyof LifecycleWorld["final"]>(k: K) =>
    concatTyped(parts.map((p) => p.final[k] as LifecycleWorld["final"][K]));
  return {
    ...head,
    customers: parts.flatMap((p) => p.customers),
    dynamics: parts.flatMap((p) => p.dynamics),
    ledger: Ledger.concat(parts.map((p) => p.ledger)),
    final: {
      mrr: pick("mrr"),
      renewals: pick("renewals"),
      expansions: pick("expansions"),
      churnWeek: pick("churnWeek"),
      churnReason: pick("churnReason"),
      departureWeek: pick("departureWeek"),
    },
    cutoffStates: {
      calendar: parts.flatMap((p) => p.cutoffStates.calendar),
      early: parts.flatMap((p) => p.cutoffStates.early),
    },
    oracle: head.oracle && {
      calendar: mergeOracle(parts.map((p) => p.oracle!.calendar)),
      early: mergeOracle(parts.map((p) => p.oracle!.early)),
    },
  };
}

function mergeOracle(parts: readonly CustomerOracle[]): CustomerOracle {
  return {
    revenue: [0, 1, 2].map((w) => concatTyped(parts.map((p) => p.revenue[w]!))) as [
      Float64Array,
      Float64Array,
      Float64Array,
    ],
    churn180: concatTyped(parts.map((p) => p.churn180)),
  };
}

/** ISO date of a day number (re-exported for renderers). */
export const isoDate = formatIsoDate;
