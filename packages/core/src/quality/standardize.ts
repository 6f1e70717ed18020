import type { Matrix } from "./matrix.js";

/** Per-column mean and scale used to standardize a matrix. */
export interface Standardizer {
  /** Column means. */
  readonly mean: Float64Array;
  /** Column standard deviations (population, ddof = 0); 1 for constant columns. */
  readonly scale: Float64Array;
}

/**
 * Fit column means and standard deviations like sklearn's `StandardScaler` (population
 * standard deviation; a constant column gets scale 1 so it maps to zeros).
 */
export function fitStandardizer(x: Matrix): Standardizer {
  const { rows: n, cols: p, data } = x;
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let r = 0; r < n; r++) {
    const o = r * p;
    for (let j = 0; j < p; j++) mean[j]! += data[o + j]!;
  }
  for (let j = 0; j < p; j++) mean[j]! /= n || 1;
  for (let r = 0; r < n; r++) {
    const o = r * p;
    for (let j = 0; j < p; j++) {
      const d = data[o + j]! - mean[j]!;
      scale[j]! += d * d;
    }
  }
  for (let j = 0; j < p; j++) {
    const sd = Math.sqrt(scale[j]! / (n || 1));
    // Relative tolerance: floating-point noise on a constant column must not become a scale.
    scale[j] = sd > 1e-12 * Math.max(1, Math.abs(mean[j]!)) ? sd : 1;
  }
  return { mean, scale };
}

/** Apply a fitted standardizer, returning a new matrix. */
export function applyStandardizer(x: Matrix, s: Standardizer): Matrix {
  const { rows: n, cols: p, data } = x;
  const out = new Float64Array(n * p);
  for (let r = 0; r < n; r++) {
    const o = r * p;
    for (let j = 0; j < p; j++) out[o + j] = (data[o + j]! - s.mean[j]!) / s.scale[j]!;
  }
  return { rows: n, cols: p, data: out };
}
