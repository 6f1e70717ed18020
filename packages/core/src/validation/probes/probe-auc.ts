import { fitGradientBoosting } from "../../quality/fit-gradient-boosting.js";
import type { Matrix } from "../../quality/matrix.js";
import { rocAuc } from "../../quality/roc-auc.js";

/** Train/eval matrices and labels for one probe. */
export interface ProbeData {
  readonly train: Matrix;
  readonly trainY: readonly number[];
  readonly evalX: Matrix;
  readonly evalY: readonly number[];
}

/** Boosting iterations of probe models: enough to find a leak, cheaper than the report's 100. */
export const PROBE_ITERATIONS = 50;

/**
 * Test AUC of a small histogram GBM trained on the probe's columns. AUC is symmetric
 * around 0.5 for a leak (a perfectly inverted signal leaks just as much), so the result is
 * `max(auc, 1 − auc)`. NaN when a side has a single class or no columns.
 */
export function probeAuc(data: ProbeData, iterations = PROBE_ITERATIONS): number {
  if (data.train.cols === 0) return Number.NaN;
  const model = fitGradientBoosting(data.train, data.trainY, { maxIter: iterations });
  const auc = rocAuc(data.evalY, model.predict(data.evalX));
  return Number.isNaN(auc) ? auc : Math.max(auc, 1 - auc);
}

/** Concatenate the columns of two matrices with the same rows. */
export function hstack(a: Matrix, b: Matrix): Matrix {
  const p = a.cols + b.cols;
  const data = new Float64Array(a.rows * p);
  for (let r = 0; r < a.rows; r++) {
    data.set(a.data.subarray(r * a.cols, (r + 1) * a.cols), r * p);
    data.set(b.data.subarray(r * b.cols, (r + 1) * b.cols), r * p + a.cols);
  }
  return { rows: a.rows, cols: p, data };
}

/** Numeric form of an id for the ID-only probe: its trailing digits (creation order), else a hash. */
export function idToNumber(v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === "number") return v;
  const s = String(v);
  const m = /(\d+)$/.exec(s);
  if (m) return Number(m[1]);
  // FNV-1a 32-bit: any stable scrambling will do; the probe then tests memorisation only.
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Standard error of an AUC estimated from `nPos` positives and `nNeg` negatives
 * (Hanley & McNeil, 1982). Used so small bundles do not fail a probe by chance.
 */
export function aucStandardError(auc: number, nPos: number, nNeg: number): number {
  if (nPos < 1 || nNeg < 1) return Number.POSITIVE_INFINITY;
  const q1 = auc / (2 - auc);
  const q2 = (2 * auc * auc) / (1 + auc);
  const v =
    (auc * (1 - auc) + (nPos - 1) * (q1 - auc * auc) + (nNeg - 1) * (q2 - auc * auc)) /
    (nPos * nNeg);
  return Math.sqrt(Math.max(0, v));
}

/**
 * Whether a probe AUC exceeds its threshold beyond sampling noise: `auc − 2·SE > threshold`.
 * A real leak has a high AUC with a small SE; a chance excursion of a weak signal on a
 * small evaluation set does not fail the bundle (it is reported as a note instead).
 */
export function exceedsThreshold(
  auc: number,
  threshold: number,
  y: readonly number[],
): { over: boolean; noisy: boolean } {
  let pos = 0;
  for (const v of y) pos += v === 1 ? 1 : 0;
  const se = aucStandardError(auc, pos, y.length - pos);
  const raw = auc > threshold;
  const over = raw && auc - 2 * se > threshold;
  return { over, noisy: raw && !over };
}
