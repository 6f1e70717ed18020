import {
  applyDistortions,
  type ColumnarTable,
  createCellTable,
  type RngRoot,
} from "@leadforge/core";
import type { LeadScoringWorld } from "./build-world.js";
import type { IdCache } from "./render-tables.js";
import { snapshotSpec } from "./snapshot-spec.js";
import { closedDay, isSqlAt, stageAt } from "./stage-at.js";
import {
  EMPLOYEE_BANDS,
  MATURITY_BANDS,
  REVENUE_BAND_ACV_MIDPOINTS,
  REVENUE_BANDS,
  SENIORITIES,
  STAGES,
} from "./vocabulary.js";

/** Per-lead windowed aggregates of the event logs. */
export interface SnapshotAggregates {
  /** Touches in the window. */
  readonly touches: Int32Array;
  /** Inbound touches in the window. */
  readonly inbound: Int32Array;
  /** Outbound touches in the window. */
  readonly outbound: Int32Array;
  /** Touches on lead days 0..7. */
  readonly early: Int32Array;
  /** Touches in the last 7 days of the window. */
  readonly recent: Int32Array;
  /** First touch lead-day in the window (−1 none). */
  readonly firstT: Int32Array;
  /** Last touch lead-day in the window (−1 none). */
  readonly lastT: Int32Array;
  /** Touches over the whole horizon (the trap). */
  readonly allTouches: Int32Array;
  /** Sessions in the window. */
  readonly sessions: Int32Array;
  /** Pricing-page views in the window. */
  readonly pricing: Int32Array;
  /** Demo-page views in the window. */
  readonly demo: Int32Array;
  /** Session seconds in the window. */
  readonly duration: Int32Array;
  /** Activities in the window. */
  readonly activities: Int32Array;
}

/** Aggregate the event logs per lead over lead-days 0..W (inclusive). */
export function aggregateSnapshot(world: LeadScoringWorld): SnapshotAggregates {
  const n = world.pop.nLeads;
  const W = world.params.snapshot_day;
  const agg: SnapshotAggregates = {
    touches: new Int32Array(n),
    inbound: new Int32Array(n),
    outbound: new Int32Array(n),
    early: new Int32Array(n),
    recent: new Int32Array(n),
    firstT: new Int32Array(n).fill(-1),
    lastT: new Int32Array(n).fill(-1),
    // Counted by the simulation: a snapshot-safe world no longer holds the later touches.
    allTouches: world.outcomes.horizonTouches,
    sessions: new Int32Array(n),
    pricing: new Int32Array(n),
    demo: new Int32Array(n),
    duration: new Int32Array(n),
    activities: new Int32Array(n),
  };
  const tb = world.events.touches;
  const tl = tb.cols.lead as Int32Array;
  const tt = tb.cols.t as Int32Array;
  const td = tb.cols.direction as Uint8Array;
  for (let r = 0; r < tb.length; r++) {
    const i = tl[r]!;
    const t = tt[r]!;
    if (t > W) continue;
    agg.touches[i]!++;
    if (td[r] === 0) agg.inbound[i]!++;
    else agg.outbound[i]!++;
    if (t <= 7) agg.early[i]!++;
    if (t > W - 7) agg.recent[i]!++;
    if (agg.firstT[i]! < 0 || t < agg.firstT[i]!) agg.firstT[i] = t;
    if (t > agg.lastT[i]!) agg.lastT[i] = t;
  }
  const sb = world.events.sessions;
  const sl = sb.cols.lead as Int32Array;
  const st = sb.cols.t as Int32Array;
  for (let r = 0; r < sb.length; r++) {
    if (st[r]! > W) continue;
    const i = sl[r]!;
    agg.sessions[i]!++;
    agg.pricing[i]! += sb.cols.pricing[r]!;
    agg.demo[i]! += sb.cols.demo[r]!;
    agg.duration[i]! += sb.cols.duration[r]!;
  }
  const ab = world.events.activities;
  const al = ab.cols.lead as Int32Array;
  const at = ab.cols.t as Int32Array;
  for (let r = 0; r < ab.length; r++) if (at[r]! <= W) agg.activities[al[r]!]!++;
  return agg;
}

/**
 * Build the undistorted 33-column snapshot table (rows in lead order), computed on demand
 * from the world and the per-lead aggregates when it is read.
 */
export function buildSnapshotTable(world: LeadScoringWorld, ids: IdCache): ColumnarTable {
  const { pop, outcomes, params, narrative } = world;
  const n = pop.nLeads;
  const W = params.snapshot_day;
  const spec = snapshotSpec({
    snapshotDay: W,
    labelWindowDays: params.label_window_days,
    horizonDays: params.horizon_days,
    taskId: params.primary_task,
  });
  const agg = aggregateSnapshot(world);
  const account = (i: number) => pop.leadAccount[i]!;
  const contact = (i: number) => pop.leadContact[i]!;
  const persona = (i: number) => narrative.personas[pop.cntPersona[contact(i)]!]!;
  const hasOpp = (i: number) => {
    const ct = world.oppCreatedT[i]!;
    return ct >= 0 && ct <= W;
  };
  const open = (i: number) => {
    const closed = closedDay(outcomes, i);
    return hasOpp(i) && (closed < 0 || closed > W);
  };
  // One function per column (spec order), so a scan of a few columns computes only those.
  return createCellTable({
    spec,
    length: n,
    cells: [
      (i) => ids.accounts[account(i)]!,
      (i) => narrative.market.icp_industries[pop.acctIndustry[account(i)]!]!,
      (i) => narrative.market.geographies[pop.acctRegion[account(i)]!]!,
      (i) => EMPLOYEE_BANDS[pop.acctEmployees[account(i)]!]!,
      (i) => REVENUE_BANDS[pop.acctRevenue[account(i)]!]!,
      (i) => MATURITY_BANDS[pop.acctMaturityBand[account(i)]!]!,
      (i) => ids.contacts[contact(i)]!,
      (i) => persona(i).role,
      (i) => SENIORITIES[pop.cntSeniority[contact(i)]!]!,
      (i) => persona(i).decision_authority,
      (i) => ids.leads[i]!,
      (i) => pop.leadCreated[i]!,
      (i) => narrative.gtm_motion.channels[pop.leadSource[i]!]!,
      (i) => STAGES[stageAt(outcomes, i, W)]!,
      (i) => isSqlAt(outcomes, i, W),
      (i) => agg.touches[i]!,
      (i) => agg.inbound[i]!,
      (i) => agg.outbound[i]!,
      (i) => agg.sessions[i]!,
      (i) => agg.pricing[i]!,
      (i) => agg.demo[i]!,
      (i) => agg.duration[i]!,
      (i) => agg.early[i]!,
      (i) => agg.recent[i]!,
      (i) => (agg.firstT[i]! < 0 ? null : W - agg.firstT[i]!),
      (i) => agg.activities[i]!,
      (i) => (agg.lastT[i]! < 0 ? null : W - agg.lastT[i]!),
      hasOpp,
      open,
      (i) => (open(i) ? pop.leadAcv[i]! : null),
      (i) =>
        open(i) ? pop.leadAcv[i]! : REVENUE_BAND_ACV_MIDPOINTS[pop.acctRevenue[account(i)]!]!,
      (i) => agg.allTouches[i]!,
      (i) => {
        const conv = outcomes.convDay[i]!;
        return conv >= 0 && conv <= params.label_window_days;
      },
    ],
  });
}

/** Apply the tier's measurement distortions to the snapshot (features only; trap and label exempt). */
export function distortSnapshot(
  world: LeadScoringWorld,
  snapshot: ColumnarTable,
  ids: IdCache,
  rng: RngRoot,
): ColumnarTable {
  const p = world.profile;
  return applyDistortions({
    table: snapshot,
    rowKeys: ids.leads,
    rng,
    streamName: "snapshot_distortions",
    params: { noiseScale: p.noise_scale, missingRate: p.missing_rate, outlierRate: p.outlier_rate },
  });
}
