import { TableSchemaError } from "../errors/errors.js";
import { createLazyTable, isLazyTable } from "./create-lazy-table.js";
import type { ColumnarTable, ColumnValues, TableSpec } from "./types.js";

/** Index of a column by name, or -1. */
export function columnIndex(table: ColumnarTable, name: string): number {
  return table.spec.columns.findIndex((c) => c.name === name);
}

/** The values of a named column (throws if absent). */
export function getColumn<T extends ColumnValues = ColumnValues>(
  table: ColumnarTable,
  name: string,
): T {
  const i = columnIndex(table, name);
  if (i < 0) throw new TableSchemaError(`table '${table.spec.name}' has no column '${name}'`);
  return table.columns[i] as T;
}

/**
 * A copy of `table` without the named columns (names that are absent are ignored). A lazy
 * table stays lazy.
 */
export function dropColumns(table: ColumnarTable, names: Iterable<string>): ColumnarTable {
  const drop = new Set(names);
  const keep = table.spec.columns.map((c, i) => [c, i] as const).filter(([c]) => !drop.has(c.name));
  if (keep.length === table.spec.columns.length) return table;
  const spec: TableSpec = { ...table.spec, columns: keep.map(([c]) => c) };
  if (isLazyTable(table)) {
    const base = table.readRows;
    return createLazyTable({
      spec,
      length: table.length,
      read: (rows, columns) => {
        const all = base(
          rows,
          columns?.map((k) => keep[k]![1]),
        );
        return keep.map(([, i]) => all[i]!);
      },
    });
  }
  return { spec, length: table.length, columns: keep.map(([, i]) => table.columns[i]!) };
}

/** A copy of `table` holding only the rows whose index passes `keep`, in order. */
export function filterRows(table: ColumnarTable, keep: (row: number) => boolean): ColumnarTable {
  const idx: number[] = [];
  for (let r = 0; r < table.length; r++) if (keep(r)) idx.push(r);
  return takeRows(table, idx);
}

/**
 * A copy of `table` holding the rows at `indices`, in that order. A lazy table stays lazy
 * (its rows are computed when read).
 */
export function takeRows(
  table: ColumnarTable,
  indices: readonly number[] | Int32Array,
): ColumnarTable {
  if (isLazyTable(table)) {
    const base = table.readRows;
    const at = Int32Array.from(indices);
    return createLazyTable({
      spec: table.spec,
      length: at.length,
      read: (rows, columns) =>
        base(
          rows.map((r) => at[r]!),
          columns,
        ),
    });
  }
  const columns = table.columns.map((col) => Array.from(indices, (r) => col[r]!) as ColumnValues);
  return { spec: table.spec, length: indices.length, columns };
}

/** Replace the values of one column (same length), returning a new table. */
export function withColumn(
  table: ColumnarTable,
  name: string,
  values: ColumnValues,
): ColumnarTable {
  const i = columnIndex(table, name);
  if (i < 0) throw new TableSchemaError(`table '${table.spec.name}' has no column '${name}'`);
  if (values.length !== table.length)
    throw new TableSchemaError(`column '${name}' has the wrong length`);
  const columns = table.columns.slice();
  columns[i] = values;
  return { spec: table.spec, length: table.length, columns };
}

/** Read row `r` as a plain object (for tests and small tables; not for hot loops). */
export function rowAt(table: ColumnarTable, r: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  table.spec.columns.forEach((c, i) => {
    out[c.name] = table.columns[i]![r];
  });
  return out;
}
