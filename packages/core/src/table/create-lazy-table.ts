import { checkTable } from "./create-table-builder.js";
import type { ColumnarTable, ColumnValues, TableSpec } from "./types.js";

/**
 * Computes the values of chosen rows of a table: one array per column of the spec, in spec
 * order, each holding the values of `rows` (row indexes, in the order given). When `columns`
 * (positions in the spec) is given, only those arrays must hold values — the others may be
 * empty — so a reader can skip work nobody asked for (e.g. distorting features when only
 * the label is read).
 */
export type RowReader = (rows: Int32Array, columns?: readonly number[]) => ColumnValues[];

/**
 * A table whose values are computed on demand from its source (typically a simulated world),
 * a slice of rows at a time. The writer reads it in row-group-aligned slices, so a large
 * table never exists whole in memory. Reading `columns` still works: it computes every row
 * once, checks types and nullability, and keeps the result (use it for small tables and tests).
 */
export interface LazyTable extends ColumnarTable {
  /** Values of the given rows. */
  readonly readRows: RowReader;
}

/** Options for {@link createLazyTable}. */
export interface LazyTableOptions {
  /** The declared schema. */
  readonly spec: TableSpec;
  /** Number of rows. */
  readonly length: number;
  /** Computes rows; must be pure (the same rows give the same values on every call). */
  readonly read: RowReader;
}

/** Whether a table computes its rows on demand (see {@link createLazyTable}). */
export function isLazyTable(table: ColumnarTable): table is LazyTable {
  return typeof (table as Partial<LazyTable>).readRows === "function";
}

/** Row indexes `start .. start + n − 1`. */
export function rowRange(start: number, n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let k = 0; k < n; k++) rows[k] = start + k;
  return rows;
}

/** Create a table whose rows are computed on demand by `read`. */
export function createLazyTable(options: LazyTableOptions): LazyTable {
  const { spec, length, read } = options;
  let columns: readonly ColumnValues[] | undefined;
  return {
    spec,
    length,
    readRows: read,
    get columns() {
      columns ??= checkTable({ spec, length, columns: read(rowRange(0, length)) }).columns;
      return columns;
    },
  };
}
