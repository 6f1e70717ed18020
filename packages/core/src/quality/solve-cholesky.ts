/**
 * Solve `A x = b` for a symmetric positive-definite `A` (p×p, row-major) by Cholesky
 * decomposition. `A` and `b` are not modified. A tiny diagonal jitter is added if the
 * factorisation meets a non-positive pivot (near-singular designs, e.g. duplicated
 * one-hot columns), which keeps the solve deterministic instead of failing.
 */
export function solveCholesky(a: Float64Array, b: Float64Array, p: number): Float64Array {
  const l = new Float64Array(p * p);
  let jitter = 0;
  for (let attempt = 0; attempt < 8; attempt++) {
    if (factor(a, l, p, jitter)) break;
    jitter = jitter === 0 ? 1e-10 : jitter * 100;
  }
  // Forward then back substitution.
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= l[i * p + k]! * y[k]!;
    y[i] = s / l[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= l[k * p + i]! * x[k]!;
    x[i] = s / l[i * p + i]!;
  }
  return x;
}

function factor(a: Float64Array, l: Float64Array, p: number, jitter: number): boolean {
  l.fill(0);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * p + j]!;
      for (let k = 0; k < j; k++) s -= l[i * p + k]! * l[j * p + k]!;
      if (i === j) {
        s += jitter * (1 + Math.abs(a[i * p + i]!));
        if (!(s > 0)) return false;
        l[i * p + i] = Math.sqrt(s);
      } else l[i * p + j] = s / l[j * p + j]!;
    }
  }
  return true;
}
