import {
  applyDistortions,
  type ColumnarTable,
  type ColumnValues,
  createLazyTable,
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
    allTouches: new Int32Array(n),
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
    agg.allTouches[i]!++;
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
  const read = (rows: Int32Array): ColumnValues[] => {
    const cols: ColumnValues[] = spec.columns.map(() => new Array(rows.length));
    let j = 0;
    const put = (k: number, v: number | string | boolean | null) => {
      (cols[k] as unknown[])[j] = v;
    };
    for (; j < rows.length; j++) {
      const i = rows[j]!;
      const a = pop.leadAccount[i]!;
      const c = pop.leadContact[i]!;
      const persona = narrative.personas[pop.cntPersona[c]!]!;
      put(0, ids.accounts[a]!);
      put(1, narrative.market.icp_industries[pop.acctIndustry[a]!]!);
      put(2, narrative.market.geographies[pop.acctRegion[a]!]!);
      put(3, EMPLOYEE_BANDS[pop.acctEmployees[a]!]!);
      put(4, REVENUE_BANDS[pop.acctRevenue[a]!]!);
      put(5, MATURITY_BANDS[pop.acctMaturityBand[a]!]!);
      put(6, ids.contacts[c]!);
      put(7, persona.role);
      put(8, SENIORITIES[pop.cntSeniority[c]!]!);
      put(9, persona.decision_authority);
      put(10, ids.leads[i]!);
      put(11, pop.leadCreated[i]!);
      put(12, narrative.gtm_motion.channels[pop.leadSource[i]!]!);
      put(13, STAGES[stageAt(outcomes, i, W)]!);
      put(14, isSqlAt(outcomes, i, W));
      put(15, agg.touches[i]!);
      put(16, agg.inbound[i]!);
      put(17, agg.outbound[i]!);
      put(18, agg.sessions[i]!);
      put(19, agg.pricing[i]!);
      put(20, agg.demo[i]!);
      put(21, agg.duration[i]!);
      put(22, agg.early[i]!);
      put(23, agg.recent[i]!);
      put(24, agg.firstT[i]! < 0 ? null : W - agg.firstT[i]!);
      put(25, agg.activities[i]!);
      put(26, agg.lastT[i]! < 0 ? null : W - agg.lastT[i]!);
      const ct = world.oppCreatedT[i]!;
      const hasOpp = ct >= 0 && ct <= W;
      const closed = closedDay(outcomes, i);
      const open = hasOpp && (closed < 0 || closed > W);
      put(27, hasOpp);
      put(28, open);
      put(29, open ? pop.leadAcv[i]! : null);
      put(30, open ? pop.leadAcv[i]! : REVENUE_BAND_ACV_MIDPOINTS[pop.acctRevenue[a]!]!);
      put(31, agg.allTouches[i]!);
      const conv = outcomes.convDay[i]!;
      put(32, conv >= 0 && conv <= params.label_window_days);
    }
    return cols;
  };
  return createLazyTable({ spec, length: n, read });
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
