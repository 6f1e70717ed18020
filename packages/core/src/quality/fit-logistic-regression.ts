import type { Matrix } from "./matrix.js";
import { assertSameLength, type NumericArray } from "./numeric-array.js";
import { solveCholesky } from "./solve-cholesky.js";
import { applyStandardizer, fitStandardizer, type Standardizer } from "./standardize.js";

/** Options of {@link fitLogisticRegression}. */
export interface LogisticRegressionOptions {
  /** Inverse L2 strength, as sklearn's `C`: the objective is `C·Σ logloss + ½‖w‖²`. @default 1 */
  readonly C?: number;
  /** Standardize columns before fitting (coefficients are reported on the input scale). @default true */
  readonly standardize?: boolean;
  /** Newton iterations. @default 100 */
  readonly maxIter?: number;
  /** Stop when the largest coefficient step falls below this. @default 1e-10 */
  readonly tol?: number;
}

/** A fitted L2-regularised logistic regression. */
export interface LogisticRegressionModel {
  /** Coefficients on the input (unstandardized) scale. */
  readonly coef: Float64Array;
  /** Intercept on the input scale. */
  readonly intercept: number;
  /** Newton iterations used. */
  readonly iterations: number;
  /** Whether the step tolerance was reached. */
  readonly converged: boolean;
  /** Predicted probability of class 1 for each row of `x` (no missing values). */
  predictProba(x: Matrix): Float64Array;
}

function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** Penalised negative log-likelihood; used for step-halving. */
function objective(x: Matrix, y: NumericArray, w: Float64Array, lambda: number): number {
  const { rows: n, cols: p, data } = x;
  let loss = 0;
  for (let r = 0; r < n; r++) {
    let z = w[p]!;
    const o = r * p;
    for (let j = 0; j < p; j++) z += data[o + j]! * w[j]!;
    // log(1 + e^z) − y·z, computed stably.
    loss += (z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z))) - y[r]! * z;
  }
  let pen = 0;
  for (let j = 0; j < p; j++) pen += w[j]! * w[j]!;
  return loss + 0.5 * lambda * pen;
}

/**
 * Fit a binary logistic regression with an L2 penalty on the weights (not the intercept) by
 * Newton's method (IRLS) with step halving. The problem is strictly convex, so the solution
 * is unique and matches sklearn's `LogisticRegression(C=…)` (lbfgs) on the same standardized
 * design to solver tolerance; Newton is deterministic and converges in a handful of steps.
 * `y` holds 0/1 labels; `x` must not contain NaN (impute first).
 */
export function fitLogisticRegression(
  x: Matrix,
  y: NumericArray,
  options: LogisticRegressionOptions = {},
): LogisticRegressionModel {
  assertSameLength({ length: x.rows }, y, "fitLogisticRegression");
  const lambda = 1 / (options.C ?? 1);
  const maxIter = options.maxIter ?? 100;
  const tol = options.tol ?? 1e-10;
  const std: Standardizer | null = options.standardize === false ? null : fitStandardizer(x);
  const xs = std ? applyStandardizer(x, std) : x;
  const { rows: n, cols: p, data } = xs;
  const q = p + 1; // weights then intercept
  const w = new Float64Array(q);
  // Start the intercept at the log-odds of the base rate: fewer iterations, same optimum.
  let pos = 0;
  for (let r = 0; r < n; r++) pos += y[r]!;
  if (pos > 0 && pos < n) w[p] = Math.log(pos / (n - pos));
  let converged = false;
  let iterations = 0;
  let current = objective(xs, y, w, lambda);
  const h = new Float64Array(q * q);
  const g = new Float64Array(q);
  for (; iterations < maxIter; iterations++) {
    h.fill(0);
    g.fill(0);
    for (let r = 0; r < n; r++) {
      const o = r * p;
      let z = w[p]!;
      for (let j = 0; j < p; j++) z += data[o + j]! * w[j]!;
      const pr = sigmoid(z);
      const resid = pr - y[r]!;
      const wt = pr * (1 - pr);
      for (let i = 0; i < p; i++) {
        const xi = data[o + i]!;
        if (xi === 0) continue; // one-hot columns are mostly zero
        g[i]! += resid * xi;
        const wxi = wt * xi;
        const row = i * q;
        for (let j = 0; j <= i; j++) h[row + j]! += wxi * data[o + j]!;
        h[row + p]! += wxi;
      }
      g[p]! += resid;
      h[p * q + p]! += wt;
    }
    for (let i = 0; i < p; i++) {
      g[i]! += lambda * w[i]!;
      h[i * q + i]! += lambda;
      // Mirror the lower triangle (and the intercept column) into the upper triangle.
      for (let j = 0; j < i; j++) h[j * q + i] = h[i * q + j]!;
      h[p * q + i] = h[i * q + p]!;
    }
    const step = solveCholesky(h, g, q);
    let t = 1;
    const next = new Float64Array(q);
    let nextObj = Number.POSITIVE_INFINITY;
    for (let halving = 0; halving < 30; halving++) {
      for (let j = 0; j < q; j++) next[j] = w[j]! - t * step[j]!;
      nextObj = objective(xs, y, next, lambda);
      if (nextObj <= current + 1e-12 * Math.abs(current)) break;
      t /= 2;
    }
    let maxStep = 0;
    for (let j = 0; j < q; j++) maxStep = Math.max(maxStep, Math.abs(next[j]! - w[j]!));
    w.set(next);
    current = nextObj;
    if (maxStep < tol) {
      converged = true;
      iterations++;
      break;
    }
  }
  // Fold the standardization back into input-scale coefficients.
  const coef = new Float64Array(p);
  let intercept = w[p]!;
  for (let j = 0; j < p; j++) {
    const s = std ? std.scale[j]! : 1;
    const m = std ? std.mean[j]! : 0;
    coef[j] = w[j]! / s;
    intercept -= (w[j]! * m) / s;
  }
  return {
    coef,
    intercept,
    iterations,
    converged,
    predictProba(m: Matrix): Float64Array {
      if (m.cols !== p) throw new RangeError(`predictProba: expected ${p} columns, got ${m.cols}`);
      const out = new Float64Array(m.rows);
      for (let r = 0; r < m.rows; r++) {
        let z = intercept;
        const o = r * p;
        for (let j = 0; j < p; j++) z += m.data[o + j]! * coef[j]!;
        out[r] = sigmoid(z);
      }
      return out;
    },
  };
}
