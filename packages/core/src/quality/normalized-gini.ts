import { stableOrder } from "./average-ranks.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";

/** A point of a Lorenz (cumulative gains) curve. */
export interface LorenzPoint {
  /** Share of rows taken, highest predictions first. */
  readonly population: number;
  /** Share of the total actual value they hold. */
  readonly value: number;
}

function gini(actual: NumericArray, predicted: NumericArray): number {
  const n = actual.length;
  const order = stableOrder(predicted, "desc");
  let total = 0;
  for (let i = 0; i < n; i++) total += actual[i]!;
  if (total === 0) return Number.NaN;
  let cum = 0;
  let area = 0;
  for (let i = 0; i < n; i++) {
    cum += actual[order[i]!]!;
    area += cum / total;
  }
  // Σ cumulative share minus the diagonal's (n+1)/2, scaled by n (Kaggle's definition).
  return (area - (n + 1) / 2) / n;
}

/**
 * Normalized Gini: the Gini of `actual` ordered by `predicted`, divided by the Gini of
 * `actual` ordered by itself (so 1 is a perfect ranking and 0 a random one). Rows with tied
 * predictions keep their input order. NaN when `actual` sums to zero or is constant.
 */
export function normalizedGini(actual: NumericArray, predicted: NumericArray): number {
  assertSameLength(actual, predicted, "normalizedGini");
  const best = gini(actual, actual);
  if (!(best !== 0)) return Number.NaN;
  return gini(actual, predicted) / best;
}

/**
 * Lorenz curve of `actual` ordered by `predicted` (highest first), sampled at
 * `points + 1` evenly spaced population shares from 0 to 1.
 */
export function lorenzCurve(
  actual: NumericArray,
  predicted: NumericArray,
  points = 20,
): LorenzPoint[] {
  assertSameLength(actual, predicted, "lorenzCurve");
  const n = actual.length;
  const order = stableOrder(predicted, "desc");
  const cum = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) cum[i + 1] = cum[i]! + actual[order[i]!]!;
  const total = cum[n]!;
  const out: LorenzPoint[] = [];
  for (let j = 0; j <= points; j++) {
    const share = j / points;
    const k = Math.round(share * n);
    out.push({ population: share, value: total > 0 ? cum[k]! / total : Number.NaN });
  }
  return out;
}
