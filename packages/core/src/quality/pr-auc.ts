import { stableOrder } from "./average-ranks.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";

/**
 * Average precision: Σₙ (Rₙ − Rₙ₋₁)·Pₙ over the distinct score thresholds, highest first,
 * where Pₙ and Rₙ are the precision and recall of predicting positive at or above the n-th
 * threshold. This is the step-wise area under the precision–recall curve of
 * `sklearn.metrics.average_precision_score` (no interpolation). NaN when there are no
 * positives.
 */
export function prAuc(labels: NumericArray, scores: NumericArray): number {
  assertSameLength(labels, scores, "prAuc");
  const n = labels.length;
  let totalPos = 0;
  for (let i = 0; i < n; i++) if (labels[i] === 1) totalPos++;
  if (totalPos === 0) return Number.NaN;
  const order = stableOrder(scores, "desc");
  let tp = 0;
  let seen = 0;
  let prevRecall = 0;
  let ap = 0;
  let i = 0;
  while (i < n) {
    const s = scores[order[i]!]!;
    // Consume every row tied at this threshold before taking a point on the curve.
    while (i < n && scores[order[i]!] === s) {
      if (labels[order[i]!] === 1) tp++;
      seen++;
      i++;
    }
    const recall = tp / totalPos;
    ap += (recall - prevRecall) * (tp / seen);
    prevRecall = recall;
  }
  return ap;
}
