import { quarterEndFlag, type WorldCalendar } from "./world-calendar.js";

/** Lead state at the end of a day, as the dynamic programme needs it. */
export interface FunnelState {
  /** Open stage index 0..6. */
  readonly stage: number;
  /** Days spent in the stage so far (the value checked against the minimum dwell). */
  readonly dwell: number;
}

/** Inputs to {@link conversionProbability}. */
export interface ConversionProbabilityOptions {
  /** Daily hazards of the lead (see `computeHazards`). */
  readonly hazards: Float64Array;
  /** The lead's creation day number (quarter-end bonus is calendar-dependent). */
  readonly createdDay: number;
  /** World calendar. */
  readonly calendar: WorldCalendar;
  /** First lead-day still to simulate. */
  readonly fromDay: number;
  /** Last lead-day that counts for the label (inclusive). */
  readonly lastDay: number;
  /** State at the start of `fromDay`. */
  readonly state: FunnelState;
  /** First lead-day that uses the late close hazards (slots 11..14). */
  readonly lateFrom: number;
  /** Minimum dwell before a stage can advance. */
  readonly minDwell: number;
  /** Minimum dwell in negotiation before a deal can close. */
  readonly closeMinDwell: number;
  /** Scratch buffer of length ≥ 2 × (6 × (minDwell + 1) + closeMinDwell + 1). */
  readonly scratch: Float64Array;
}

/**
 * The exact probability that a lead in `state` converts on a lead-day in
 * `[fromDay, lastDay]`, by forward dynamic programming over (stage, dwell) with the same
 * order of operations as the simulation (churn, stage step or close, direct conversion from
 * mql/sal). This is the oracle: the true conversion probability given everything hidden.
 */
export function conversionProbability(opts: ConversionProbabilityOptions): number {
  const {
    hazards: h,
    createdDay,
    calendar,
    fromDay,
    lastDay,
    state,
    minDwell,
    closeMinDwell,
    scratch,
    lateFrom,
  } = opts;
  // Dwell buckets: 0..minDwell for stages that advance, 0..closeMinDwell at negotiation
  // (the last bucket of each stage means "at least that many days").
  const B = minDwell + 1;
  const BN = closeMinDwell + 1;
  const NEG = 6 * B;
  const size = NEG + BN;
  let cur = scratch.subarray(0, size);
  let nxt = scratch.subarray(size, 2 * size);
  cur.fill(0);
  if (state.stage === 6) cur[NEG + Math.min(state.dwell, BN - 1)] = 1;
  else cur[state.stage * B + Math.min(state.dwell, B - 1)] = 1;
  const keep = 1 - h[6]!;
  let won = 0;
  for (let t = fromDay; t <= lastDay; t++) {
    const qe = quarterEndFlag(calendar, createdDay + t) === 1;
    const off = t >= lateFrom ? 4 : 0;
    const pClose = qe ? h[8 + off]! : h[7 + off]!;
    const pDirect = qe ? h[10 + off]! : h[9 + off]!;
    nxt.fill(0);
    for (let s = 0; s < 6; s++) {
      const into = s === 5 ? NEG + (BN > 1 ? 1 : 0) : (s + 1) * B + (B > 1 ? 1 : 0);
      for (let b = 0; b < B; b++) {
        let m = cur[s * B + b]!;
        if (m === 0) continue;
        m *= keep;
        const nb = b + 1 < B ? b + 1 : B - 1;
        let adv = b >= minDwell ? m * h[s]! : 0;
        let stay = m - adv;
        if (s + 1 <= 1) {
          const d = adv * pDirect;
          won += d;
          adv -= d;
        }
        if (s <= 1) {
          const d = stay * pDirect;
          won += d;
          stay -= d;
        }
        nxt[into]! += adv;
        nxt[s * B + nb]! += stay;
      }
    }
    for (let b = 0; b < BN; b++) {
      let m = cur[NEG + b]!;
      if (m === 0) continue;
      m *= keep;
      const pc = b >= closeMinDwell ? pClose : 0;
      won += m * pc;
      nxt[NEG + (b + 1 < BN ? b + 1 : BN - 1)]! += m * (1 - pc);
    }
    const tmp = cur;
    cur = nxt;
    nxt = tmp;
    let alive = 0;
    for (let k = 0; k < size; k++) alive += cur[k]!;
    if (alive < 1e-12) break;
  }
  return won;
}
