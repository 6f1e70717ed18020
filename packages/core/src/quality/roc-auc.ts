import { averageRanks } from "./average-ranks.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";

/**
 * Area under the ROC curve of `scores` for binary `labels` (1 = positive), computed
 * exactly as the Mann–Whitney U statistic with tied scores counted as half. Equals
 * `sklearn.metrics.roc_auc_score`. Returns NaN when only one class is present.
 */
export function rocAuc(labels: NumericArray, scores: NumericArray): number {
  assertSameLength(labels, scores, "rocAuc");
  const ranks = averageRanks(scores);
  let nPos = 0;
  let rankSum = 0;
  for (let i = 0; i < labels.length; i++) {
    if (labels[i] === 1) {
      nPos++;
      rankSum += ranks[i]!;
    }
  }
  const nNeg = labels.length - nPos;
  if (nPos === 0 || nNeg === 0) return Number.NaN;
  return (rankSum - (nPos * (nPos + 1)) / 2) / (nPos * nNeg);
}
