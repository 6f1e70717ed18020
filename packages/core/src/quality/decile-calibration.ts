import { stableOrder } from "./average-ranks.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";

/** One prediction-ranked group with its mean prediction and mean actual. */
export interface DecileRow {
  /** 1 = lowest predictions. */
  readonly decile: number;
  /** Rows in the group. */
  readonly count: number;
  /** Mean prediction. */
  readonly meanPredicted: number;
  /** Mean actual value. */
  readonly meanActual: number;
}

/**
 * Sort rows by prediction (ascending, stable) and cut them into `groups` groups of equal
 * size (the first `n mod groups` groups get one extra row); report mean prediction vs mean
 * actual per group. A well-calibrated regressor has the two close in every decile.
 */
export function decileCalibration(
  actual: NumericArray,
  predicted: NumericArray,
  groups = 10,
): DecileRow[] {
  assertSameLength(actual, predicted, "decileCalibration");
  const n = actual.length;
  const order = stableOrder(predicted, "asc");
  const base = Math.floor(n / groups);
  const extra = n % groups;
  const out: DecileRow[] = [];
  let start = 0;
  for (let g = 0; g < groups; g++) {
    const size = base + (g < extra ? 1 : 0);
    if (size === 0) continue;
    let sp = 0;
    let sa = 0;
    for (let i = start; i < start + size; i++) {
      sp += predicted[order[i]!]!;
      sa += actual[order[i]!]!;
    }
    out.push({ decile: g + 1, count: size, meanPredicted: sp / size, meanActual: sa / size });
    start += size;
  }
  return out;
}
