import { TableSchemaError } from "../errors/errors.js";
import { isLazyTable, rowRange } from "./create-lazy-table.js";
import type { ColumnarTable, ColumnValues } from "./types.js";

/** Rows computed per read when a lazy table is scanned whole (bounds the memory of a scan). */
export const SCAN_ROWS = 1 << 16;

/**
 * Values of rows `start .. start + n − 1`, one array per column in spec order. A lazy table
 * computes just those rows; an in-memory table returns copies of the ranges.
 */
export function readSlice(table: ColumnarTable, start: number, n: number): ColumnValues[] {
  if (isLazyTable(table)) return table.readRows(rowRange(start, n));
  return table.columns.map((c) => c.slice(start, start + n) as ColumnValues);
}

/**
 * The values of one named column, without materializing the other columns of a lazy table
 * (it is scanned in slices of 65,536 rows).
 */
export function readColumn<T extends ColumnValues = ColumnValues>(
  table: ColumnarTable,
  name: string,
): T {
  return readColumns(table, [name])[0] as T;
}

/** The values of the named columns, reading a lazy table in a single scan. */
export function readColumns(table: ColumnarTable, names: readonly string[]): ColumnValues[] {
  const idx = names.map((name) => {
    const i = table.spec.columns.findIndex((c) => c.name === name);
    if (i < 0) throw new TableSchemaError(`table '${table.spec.name}' has no column '${name}'`);
    return i;
  });
  if (!isLazyTable(table)) return idx.map((i) => table.columns[i]!);
  const out = idx.map(() => new Array<unknown>(table.length));
  for (let start = 0; start < table.length; start += SCAN_ROWS) {
    const n = Math.min(SCAN_ROWS, table.length - start);
    const values = table.readRows(rowRange(start, n), idx);
    idx.forEach((i, k) => {
      const src = values[i]!;
      const dst = out[k]!;
      for (let r = 0; r < n; r++) dst[start + r] = src[r];
    });
  }
  return out as ColumnValues[];
}
