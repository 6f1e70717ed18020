import type { LeadScoringWorld } from "./build-world.js";
import { conversionProbability } from "./conversion-probability.js";
import { HAZARD_SLOTS } from "./mechanisms.js";
import { DRIVER_SLOTS } from "./simulate-account.js";
import { stageAt } from "./stage-at.js";
import { OPEN_STAGES, STAGE_LOST, STAGE_WON } from "./vocabulary.js";

/** Options for {@link oracleScores} and {@link priorScores}. */
export interface ScoreOptions {
  /** Score only these leads (e.g. a worker's partition). @default every lead */
  readonly leads?: ArrayLike<number>;
  /** Write into this array (indexed by lead) instead of a new one. */
  readonly into?: Float64Array;
}

function allLeads(n: number): Int32Array {
  const leads = new Int32Array(n);
  for (let i = 0; i < n; i++) leads[i] = i;
  return leads;
}

/**
 * The oracle: each lead's true probability of the label given everything hidden at the
 * snapshot (its traits, the mechanism and its funnel state at the end of lead-day
 * `snapshot_day`), computed exactly by dynamic programming over the remaining days. Leads
 * already won score 1, leads already lost score 0.
 */
export function oracleScores(world: LeadScoringWorld, options: ScoreOptions = {}): Float64Array {
  const { pop, outcomes, params, mech, calendar } = world;
  const n = pop.nLeads;
  const W = params.snapshot_day;
  const last = Math.min(params.horizon_days - 1, params.label_window_days);
  const out = options.into ?? new Float64Array(n);
  const scratch = new Float64Array(
    2 * 7 * (Math.max(mech.minDwellDays, mech.closeMinDwellDays) + 1),
  );
  const leads = options.leads ?? allLeads(n);
  for (let k = 0; k < leads.length; k++) {
    const i = leads[k]!;
    const s = stageAt(outcomes, i, W);
    if (s === STAGE_WON) {
      out[i] = 1;
      continue;
    }
    if (s === STAGE_LOST) continue;
    const entered = s === 0 ? 0 : outcomes.stageEnter[i * OPEN_STAGES + s]!;
    out[i] = conversionProbability({
      hazards: outcomes.hazards.subarray(i * HAZARD_SLOTS, (i + 1) * HAZARD_SLOTS),
      createdDay: pop.leadCreated[i]!,
      calendar,
      fromDay: W + 1,
      lastDay: last,
      state: { stage: s, dwell: W + 1 - entered },
      lateFrom: mech.engagementWindow + 1,
      minDwell: mech.minDwellDays,
      closeMinDwell: mech.closeMinDwellDays,
      scratch,
    });
  }
  return out;
}

/**
 * Each lead's conversion probability at creation (lead-day 0) by the same programme, with the
 * engagement block left at zero (its value is not known at creation).
 */
export function priorScores(world: LeadScoringWorld, options: ScoreOptions = {}): Float64Array {
  const { pop, outcomes, params, mech, calendar } = world;
  const n = pop.nLeads;
  const last = Math.min(params.horizon_days - 1, params.label_window_days);
  const out = options.into ?? new Float64Array(n);
  const scratch = new Float64Array(
    2 * 7 * (Math.max(mech.minDwellDays, mech.closeMinDwellDays) + 1),
  );
  const leads = options.leads ?? allLeads(n);
  for (let k = 0; k < leads.length; k++) {
    const i = leads[k]!;
    out[i] = conversionProbability({
      hazards: outcomes.hazards.subarray(i * HAZARD_SLOTS, (i + 1) * HAZARD_SLOTS),
      createdDay: pop.leadCreated[i]!,
      calendar,
      fromDay: 0,
      lastDay: last,
      state: { stage: 0, dwell: 0 },
      lateFrom: Number.POSITIVE_INFINITY,
      minDwell: mech.minDwellDays,
      closeMinDwell: mech.closeMinDwellDays,
      scratch,
    });
  }
  return out;
}

/** Driver value `slot` of lead `i` (see `DRIVER_SLOTS`). */
export function driverOf(world: LeadScoringWorld, i: number, slot: number): number {
  return world.outcomes.drivers[i * DRIVER_SLOTS + slot]!;
}
