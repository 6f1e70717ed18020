import { assertSameLength, type NumericArray } from "./numeric-array.js";

/** Mean squared difference between predicted probabilities and binary labels (lower is better). */
export function brierScore(labels: NumericArray, probabilities: NumericArray): number {
  assertSameLength(labels, probabilities, "brierScore");
  const n = labels.length;
  if (n === 0) return Number.NaN;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const d = probabilities[i]! - labels[i]!;
    s += d * d;
  }
  return s / n;
}
