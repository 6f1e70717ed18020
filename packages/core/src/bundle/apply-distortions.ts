import type { RngRoot } from "../rng/create-rng-root.js";
import { createLazyTable, isLazyTable, rowRange } from "../table/create-lazy-table.js";
import { readColumns } from "../table/read-rows.js";
import type { ColumnarTable, ColumnValues } from "../table/types.js";

/** Strength of the measurement distortions applied to task features. */
export interface DistortionParams {
  /** Gaussian noise sd as a fraction of each float feature's sd. */
  readonly noiseScale: number;
  /** MCAR probability that a nullable numeric feature cell is blanked. */
  readonly missingRate: number;
  /** Probability that a float feature cell is replaced by median ± 5 sd. */
  readonly outlierRate: number;
}

/** Inputs to {@link applyDistortions}. */
export interface ApplyDistortionsOptions {
  /** The task frame. */
  readonly table: ColumnarTable;
  /** Per-row stable keys (e.g. `lead_id`): each row draws from its own stream. */
  readonly rowKeys: readonly string[];
  /** Keyed RNG root. */
  readonly rng: RngRoot;
  /** Stream name; give different task families different names. */
  readonly streamName: string;
  /** Distortion strengths. */
  readonly params: DistortionParams;
}

function sdAndMedian(values: ColumnValues): { sd: number; median: number } {
  // A typed copy: summed in row order as before, and sorted natively (numeric, no comparator).
  let n = 0;
  const xs = new Float64Array(values.length);
  for (const v of values as (number | null)[]) if (v !== null) xs[n++] = v;
  if (n < 2) return { sd: 0, median: n === 1 ? xs[0]! : 0 };
  let sum = 0;
  for (let k = 0; k < n; k++) sum += xs[k]!;
  const mean = sum / n;
  let ss = 0;
  for (let k = 0; k < n; k++) ss += (xs[k]! - mean) ** 2;
  const sd = Math.sqrt(ss / (n - 1));
  const sorted = xs.subarray(0, n).sort();
  const mid = n >> 1;
  const median = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { sd, median };
}

/**
 * Apply noise, MCAR missingness and outliers to the `feature`-role numeric columns of a
 * task frame. Labels, identifiers and trap columns are exempt by role. Values are clamped
 * to each column's declared `bounds`; integer columns stay integers (they receive
 * missingness only, never noise), and only columns declared `nullable` are blanked, so no
 * column's type ever changes because of masking. Each row draws from its own keyed stream,
 * so results do not depend on row order — which also lets a lazy table stay lazy: its rows
 * are distorted as they are read (the column statistics are computed once, up front).
 */
export function applyDistortions(opts: ApplyDistortionsOptions): ColumnarTable {
  const { table, rowKeys, rng, streamName, params } = opts;
  const targets = table.spec.columns
    .map((c, i) => ({ c, i }))
    .filter(
      ({ c }) =>
        (c.role ?? "attribute") === "feature" && ["float64", "int32", "int64"].includes(c.type),
    );
  if (targets.length === 0) return table;
  const stats = readColumns(
    table,
    targets.map(({ c }) => c.name),
  ).map(sdAndMedian);
  /** Distort, in place, the target columns of `columns` holding the values of `rows`. */
  const distort = (columns: ColumnValues[], rows: ArrayLike<number>): ColumnValues[] => {
    const out = columns.slice();
    const cols = targets.map(({ i }) => (columns[i] as (number | null)[]).slice());
    targets.forEach(({ i }, k) => {
      out[i] = cols[k]!;
    });
    for (let j = 0; j < rows.length; j++) {
      const s = rng.stream(streamName, rowKeys[rows[j]!]!);
      for (let k = 0; k < targets.length; k++) {
        // Fixed number of draws per cell keeps streams aligned whatever the values are.
        const z = s.normal();
        const uMiss = s.next();
        const uOut = s.next();
        const uSign = s.next();
        const col = cols[k]!;
        // Undefined when the reader skipped a column nobody asked for; the draws above
        // still keep the stream aligned for the columns that were.
        let v = col[j];
        if (v === null || v === undefined) continue;
        const { c } = targets[k]!;
        const { sd, median } = stats[k]!;
        const isFloat = c.type === "float64";
        if (isFloat && params.noiseScale > 0 && sd > 0) v += z * params.noiseScale * sd;
        if (isFloat && sd > 0 && uOut < params.outlierRate)
          v = median + (uSign < 0.5 ? -5 : 5) * sd;
        if (c.bounds?.min !== undefined && v < c.bounds.min) v = c.bounds.min;
        if (c.bounds?.max !== undefined && v > c.bounds.max) v = c.bounds.max;
        col[j] = c.nullable && uMiss < params.missingRate ? null : v;
      }
    }
    return out;
  };
  if (isLazyTable(table)) {
    const base = table.readRows;
    return createLazyTable({
      spec: table.spec,
      length: table.length,
      read: (rows, columns) =>
        // Nothing to distort when no feature column is asked for (e.g. a label scan).
        columns && !targets.some(({ i }) => columns.includes(i))
          ? base(rows, columns)
          : distort(base(rows, columns), rows),
    });
  }
  return {
    spec: table.spec,
    length: table.length,
    columns: distort(table.columns.slice(), rowRange(0, table.length)),
  };
}
