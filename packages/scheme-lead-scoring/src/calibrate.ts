import type { RngRoot } from "@leadforge/core";
import type { CausalInputs, CausalModel } from "./causal-model.js";
import { conversionProbability } from "./conversion-probability.js";
import {
  applyLateHazards,
  computeDrivers,
  computeHazards,
  createDriverScratch,
  HAZARD_SLOTS,
  type LeadDrivers,
  type MechanismParams,
  nonlinearBlock,
} from "./mechanisms.js";
import type { Population } from "./population.js";
import {
  allocateOutcomes,
  createEventBuffers,
  type SimulationContext,
  simulateAccount,
} from "./simulate-account.js";
import { stageAt } from "./stage-at.js";
import { OPEN_STAGES, STAGE_LOST, STAGE_WON } from "./vocabulary.js";
import type { WorldCalendar } from "./world-calendar.js";

/** Result of {@link calibrateConversion}. */
export interface Calibration {
  /** Shift added to the close intercept. */
  readonly shift: number;
  /** Target conversion rate (midpoint of the tier's range). */
  readonly target: number;
  /** Expected conversion rate on the prototype sample at `shift`. */
  readonly expected: number;
  /** Prototype sample size. */
  readonly sampleSize: number;
}

/** Inputs to {@link calibrateConversion}. */
export interface CalibrateOptions {
  /** Standardised structural model. */
  readonly model: CausalModel;
  /** Mechanisms (shift ignored). */
  readonly mech: MechanismParams;
  /** Prototype sample (one lead per account). */
  readonly protos: Population;
  /** Graph inputs. */
  readonly inputs: CausalInputs;
  /** Calendar. */
  readonly calendar: WorldCalendar;
  /** Channel names. */
  readonly channels: readonly string[];
  /** Target conversion rate. */
  readonly target: number;
  /** Last lead-day that counts for the label. */
  readonly lastDay: number;
  /** Horizon (days). */
  readonly horizonDays: number;
  /** RNG root (the prefix simulations use their own keyed streams). */
  readonly rng: RngRoot;
}

/**
 * Root of the increasing function `f(x) = target` by bracketed regula falsi (Illinois
 * variant): a handful of evaluations instead of bisection's two dozen.
 */
function solveIncreasing(
  f: (x: number) => number,
  target: number,
  lo0: number,
  hi0: number,
  tolerance: number,
): number {
  let lo = lo0;
  let hi = hi0;
  let flo = f(lo) - target;
  let fhi = f(hi) - target;
  // Widen the bracket if needed (f is monotone in the shift).
  for (let k = 0; k < 8 && flo > 0; k++) {
    lo -= 4;
    flo = f(lo) - target;
  }
  for (let k = 0; k < 8 && fhi < 0; k++) {
    hi += 4;
    fhi = f(hi) - target;
  }
  if (flo > 0) return lo;
  if (fhi < 0) return hi;
  let side = 0;
  let x = (lo + hi) / 2;
  for (let iter = 0; iter < 30 && hi - lo > 1e-4; iter++) {
    x = (lo * fhi - hi * flo) / (fhi - flo);
    const fx = f(x) - target;
    if (Math.abs(fx) < tolerance) break;
    if (fx < 0) {
      lo = x;
      flo = fx;
      if (side === -1) fhi /= 2;
      side = -1;
    } else {
      hi = x;
      fhi = fx;
      if (side === 1) flo /= 2;
      side = 1;
    }
  }
  return x;
}

/**
 * Solve for the close-intercept shift that makes the expected conversion rate equal the
 * tier's target. Conversion still emerges from the simulated funnel; only its overall level
 * is calibrated, so rewiring or a different motif cannot push a tier out of its band.
 *
 * Exact where it can be: a first pass runs the dynamic programme from lead-day 0 with the
 * engagement block at zero; then each prototype's first `window + 1` days are simulated (its
 * own keyed stream), and the expected conversion is the realised early conversions plus the
 * exact probability of converting later given the state and engagement block at the window's
 * end. Two such passes.
 */
export function calibrateConversion(opts: CalibrateOptions): Calibration {
  const { model, mech, protos, inputs, calendar, channels, target, lastDay } = opts;
  const n = protos.nLeads;
  const window = mech.engagementWindow;
  const scratch = createDriverScratch(model);
  const drivers: LeadDrivers[] = [];
  for (let i = 0; i < n; i++) {
    const d: LeadDrivers = { engagement: 0, progress: 0, sales: 0, outcome: 0, eta: 0, late: 0 };
    computeDrivers(model, mech, protos, i, inputs, channels, scratch, d);
    drivers.push(d);
  }
  const h = new Float64Array(HAZARD_SLOTS);
  const dp = new Float64Array(2 * 7 * (Math.max(mech.minDwellDays, mech.closeMinDwellDays) + 1));
  const withShift = (shift: number): MechanismParams => ({ ...mech, calibrationShift: shift });

  // Pass 1: from day 0, block = 0.
  let shift = solveIncreasing(
    (s) => {
      const m = withShift(s);
      let sum = 0;
      for (let i = 0; i < n; i++) {
        computeHazards(m, drivers[i]!, channels[protos.leadSource[i]!]!, h);
        sum += conversionProbability({
          hazards: h,
          createdDay: protos.leadCreated[i]!,
          calendar,
          fromDay: 0,
          lastDay,
          state: { stage: 0, dwell: 0 },
          minDwell: mech.minDwellDays,
          closeMinDwell: mech.closeMinDwellDays,
          scratch: dp,
          lateFrom: Number.POSITIVE_INFINITY,
        });
      }
      return sum / n;
    },
    target,
    -8,
    4,
    5e-3,
  );

  const prefixDays = Math.min(opts.horizonDays, window + 1);
  const root = opts.rng;
  let expected = Number.NaN;
  if (window + 1 <= lastDay) {
    for (let pass = 0; pass < 2; pass++) {
      // Simulate each prototype's engagement window at the current shift.
      const m = withShift(shift);
      const out = allocateOutcomes(n);
      const events = createEventBuffers(n);
      const sim: SimulationContext = {
        pop: protos,
        model,
        mech: m,
        inputs,
        calendar,
        channels,
        horizonDays: prefixDays,
      };
      for (let k = 0; k < n; k++)
        simulateAccount(k, root.stream("calibration_prefix", k), sim, out, events);
      const touches = new Float64Array(n);
      const pricing = new Float64Array(n);
      const sessions = new Float64Array(n);
      const tb = events.touches;
      for (let r = 0; r < tb.length; r++) touches[tb.cols.lead[r]!]! += 1;
      const sb = events.sessions;
      for (let r = 0; r < sb.length; r++) {
        sessions[sb.cols.lead[r]!]! += 1;
        pricing[sb.cols.lead[r]!]! += sb.cols.pricing[r]!;
      }
      let early = 0;
      const alive: number[] = [];
      const blocks = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const s = stageAt(out, i, window);
        if (s === STAGE_WON) early++;
        else if (s !== STAGE_LOST) alive.push(i);
        blocks[i] = nonlinearBlock(
          mech,
          touches[i]!,
          pricing[i]!,
          sessions[i]!,
          protos.cntSeniority[protos.leadContact[i]!]!,
        );
      }
      const late = (s: number) => {
        const mm = withShift(s);
        let sum = early;
        for (const i of alive) {
          const d = drivers[i]!;
          computeHazards(mm, d, channels[protos.leadSource[i]!]!, h);
          applyLateHazards(mm, d, blocks[i]!, h);
          const st = stageAt(out, i, window);
          const entered = st === 0 ? 0 : out.stageEnter[i * OPEN_STAGES + st]!;
          sum += conversionProbability({
            hazards: h,
            createdDay: protos.leadCreated[i]!,
            calendar,
            fromDay: window + 1,
            lastDay,
            state: { stage: st, dwell: window + 1 - entered },
            minDwell: mech.minDwellDays,
            closeMinDwell: mech.closeMinDwellDays,
            scratch: dp,
            lateFrom: window + 1,
          });
        }
        return sum / n;
      };
      shift = solveIncreasing(late, target, shift - 1, shift + 1, pass === 0 ? 2e-3 : 2e-4);
      expected = late(shift);
    }
  }
  shift = Math.round(shift * 1e6) / 1e6;
  return { shift, target, expected, sampleSize: n };
}
