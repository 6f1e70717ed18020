import { averageRanks } from "./average-ranks.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";

/** Pearson correlation of two equal-length arrays; NaN when either is constant. */
export function pearson(x: NumericArray, y: NumericArray): number {
  assertSameLength(x, y, "pearson");
  const n = x.length;
  if (n < 2) return Number.NaN;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i]!;
    my += y[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i]! - mx;
    const dy = y[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return Number.NaN;
  return sxy / Math.sqrt(sxx * syy);
}

/**
 * Spearman rank correlation: Pearson correlation of average ranks (ties share their mean
 * rank), as `scipy.stats.spearmanr`. NaN when either side is constant.
 */
export function spearman(x: NumericArray, y: NumericArray): number {
  assertSameLength(x, y, "spearman");
  return pearson(averageRanks(x), averageRanks(y));
}
