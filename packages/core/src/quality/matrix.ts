/** A dense row-major matrix of float64 values: row `r`, column `c` is `data[r * cols + c]`. */
export interface Matrix {
  /** Number of rows (samples). */
  readonly rows: number;
  /** Number of columns (features). */
  readonly cols: number;
  /** Values, row-major; NaN marks a missing value (only the boosted model accepts it). */
  readonly data: Float64Array;
}

/** Build a {@link Matrix} from an array of equal-length rows (convenient in tests). */
export function matrixFromRows(rows: readonly (readonly number[])[]): Matrix {
  const n = rows.length;
  const p = n ? rows[0]!.length : 0;
  const data = new Float64Array(n * p);
  rows.forEach((row, r) => {
    if (row.length !== p)
      throw new RangeError(`matrixFromRows: row ${r} has ${row.length} values, expected ${p}`);
    data.set(row, r * p);
  });
  return { rows: n, cols: p, data };
}

/** A copy of `m` restricted to the listed columns, in that order. */
export function selectColumns(m: Matrix, columns: readonly number[]): Matrix {
  const p = columns.length;
  const data = new Float64Array(m.rows * p);
  for (let r = 0; r < m.rows; r++) {
    const src = r * m.cols;
    const dst = r * p;
    for (let j = 0; j < p; j++) data[dst + j] = m.data[src + columns[j]!]!;
  }
  return { rows: m.rows, cols: p, data };
}
