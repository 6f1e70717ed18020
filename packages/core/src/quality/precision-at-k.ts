import { stableOrder } from "./average-ranks.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";

/**
 * Share of positives among the `k` highest-scored rows (stable descending sort: among tied
 * scores the earlier row ranks first). NaN when `k` is not in 1..n.
 */
export function precisionAtK(labels: NumericArray, scores: NumericArray, k: number): number {
  assertSameLength(labels, scores, "precisionAtK");
  if (!Number.isInteger(k) || k < 1 || k > labels.length) return Number.NaN;
  const order = stableOrder(scores, "desc");
  let tp = 0;
  for (let i = 0; i < k; i++) if (labels[order[i]!] === 1) tp++;
  return tp / k;
}
