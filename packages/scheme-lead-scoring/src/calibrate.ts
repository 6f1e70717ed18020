import type { CausalInputs, CausalModel } from "./causal-model.js";
import { conversionProbability } from "./conversion-probability.js";
import {
  computeDrivers,
  computeHazards,
  createDriverScratch,
  HAZARD_SLOTS,
  type LeadDrivers,
  type MechanismParams,
} from "./mechanisms.js";
import type { Population } from "./population.js";
import type { WorldCalendar } from "./world-calendar.js";

/** Result of {@link calibrateConversion}. */
export interface Calibration {
  /** Shift added to the close intercept (and −½ × to churn). */
  readonly shift: number;
  /** Target conversion rate (midpoint of the tier's range). */
  readonly target: number;
  /** Expected conversion rate on the prototype sample at `shift`. */
  readonly expected: number;
  /** Prototype sample size. */
  readonly sampleSize: number;
}

/**
 * Solve for the intercept shift that makes the expected conversion rate (exact, by dynamic
 * programming per prototype lead) equal the tier's target. Conversion emerges from the
 * simulated funnel; only its overall level is calibrated, so rewiring or a different motif
 * cannot push a tier out of its band.
 */
export function calibrateConversion(opts: {
  readonly model: CausalModel;
  readonly mech: MechanismParams;
  readonly protos: Population;
  readonly inputs: CausalInputs;
  readonly calendar: WorldCalendar;
  readonly channels: readonly string[];
  readonly target: number;
  readonly lastDay: number;
}): Calibration {
  const { model, mech, protos, inputs, calendar, channels, target, lastDay } = opts;
  const n = protos.nLeads;
  const scratch = createDriverScratch(model);
  const drivers: LeadDrivers[] = [];
  for (let i = 0; i < n; i++) {
    const d: LeadDrivers = {
      engagement: 0,
      progress: 0,
      sales: 0,
      outcome: 0,
      nonlinear: 0,
      eta: 0,
    };
    computeDrivers(model, mech, protos, i, inputs, channels, scratch, d);
    drivers.push(d);
  }
  const h = new Float64Array(HAZARD_SLOTS);
  const dp = new Float64Array(2 * 7 * (mech.minDwellDays + 1));
  const expected = (shift: number) => {
    const m: MechanismParams = { ...mech, calibrationShift: shift };
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
        scratch: dp,
      });
    }
    return sum / n;
  };
  let lo = -12;
  let hi = 12;
  for (let iter = 0; iter < 24; iter++) {
    const mid = (lo + hi) / 2;
    if (expected(mid) < target) lo = mid;
    else hi = mid;
  }
  const shift = Math.round(((lo + hi) / 2) * 1e6) / 1e6;
  return { shift, target, expected: expected(shift), sampleSize: n };
}
