import { assertSameLength, type NumericArray } from "./numeric-array.js";
import { precisionAtK } from "./precision-at-k.js";

/**
 * Lift in the top `fraction` of rows by score: the positive rate among the top
 * `k = max(1, round(n·fraction))` rows divided by the overall positive rate. 1 means no
 * better than random; NaN when there are no positives.
 */
export function liftAt(labels: NumericArray, scores: NumericArray, fraction: number): number {
  assertSameLength(labels, scores, "liftAt");
  const n = labels.length;
  if (n === 0 || !(fraction > 0 && fraction <= 1)) return Number.NaN;
  let pos = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) pos++;
  if (pos === 0) return Number.NaN;
  const k = Math.max(1, Math.round(n * fraction));
  return precisionAtK(labels, scores, k) / (pos / n);
}
