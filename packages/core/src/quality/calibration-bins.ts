import { assertSameLength, type NumericArray } from "./numeric-array.js";

/** One calibration bin: a probability range, its size and mean prediction vs observed rate. */
export interface CalibrationBin {
  /** Lower edge of the predicted-probability range (inclusive). */
  readonly lo: number;
  /** Upper edge (exclusive, except 1 for the last bin). */
  readonly hi: number;
  /** Rows in the bin. */
  readonly count: number;
  /** Mean predicted probability. */
  readonly meanPredicted: number;
  /** Observed positive rate. */
  readonly observedRate: number;
}

/** Options of {@link calibrationBins}. */
export interface CalibrationBinsOptions {
  /** Number of equal-width bins on [0, 1] before merging. @default 10 */
  readonly nBins?: number;
  /**
   * Smallest bin kept on its own; sparser bins are merged into their neighbour so a 2-row
   * bin cannot dominate the max error (a known wart of the reference). @default 20
   */
  readonly minBinSize?: number;
}

/** Calibration bins plus their summary errors. */
export interface CalibrationResult {
  /** Non-empty bins, in increasing probability. */
  readonly bins: readonly CalibrationBin[];
  /** Largest |mean predicted − observed rate| over bins. */
  readonly maxError: number;
  /** Expected calibration error: the count-weighted mean of the same gap. */
  readonly expectedError: number;
}

/**
 * Reliability bins: equal-width bins on [0, 1] (the last closed on the right), empty bins
 * dropped, then adjacent bins merged left to right until each holds at least
 * `minBinSize` rows (a short tail merges into the bin before it).
 */
export function calibrationBins(
  labels: NumericArray,
  probabilities: NumericArray,
  options: CalibrationBinsOptions = {},
): CalibrationResult {
  assertSameLength(labels, probabilities, "calibrationBins");
  const nBins = options.nBins ?? 10;
  const minBinSize = options.minBinSize ?? 20;
  const count = new Float64Array(nBins);
  const sumP = new Float64Array(nBins);
  const sumY = new Float64Array(nBins);
  for (let i = 0; i < labels.length; i++) {
    const p = probabilities[i]!;
    const b = Math.min(nBins - 1, Math.max(0, Math.floor(p * nBins)));
    count[b]!++;
    sumP[b]! += p;
    sumY[b]! += labels[i]!;
  }
  type Acc = { lo: number; hi: number; n: number; p: number; y: number };
  const merged: Acc[] = [];
  let cur: Acc | null = null;
  for (let b = 0; b < nBins; b++) {
    if (count[b] === 0) continue;
    if (!cur) cur = { lo: b / nBins, hi: (b + 1) / nBins, n: 0, p: 0, y: 0 };
    cur.hi = (b + 1) / nBins;
    cur.n += count[b]!;
    cur.p += sumP[b]!;
    cur.y += sumY[b]!;
    if (cur.n >= minBinSize) {
      merged.push(cur);
      cur = null;
    }
  }
  if (cur) {
    const last = merged.at(-1);
    if (last) {
      last.hi = cur.hi;
      last.n += cur.n;
      last.p += cur.p;
      last.y += cur.y;
    } else merged.push(cur);
  }
  const bins = merged.map((a) => ({
    lo: a.lo,
    hi: a.hi,
    count: a.n,
    meanPredicted: a.p / a.n,
    observedRate: a.y / a.n,
  }));
  let maxError = bins.length ? 0 : Number.NaN;
  let weighted = 0;
  let total = 0;
  for (const b of bins) {
    const gap = Math.abs(b.meanPredicted - b.observedRate);
    maxError = Math.max(maxError, gap);
    weighted += gap * b.count;
    total += b.count;
  }
  return { bins, maxError, expectedError: total ? weighted / total : Number.NaN };
}
