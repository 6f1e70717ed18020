import { TableSchemaError } from "../errors/errors.js";
import { createLazyTable, type LazyTable } from "./create-lazy-table.js";
import type { ColumnValues, TableSpec } from "./types.js";

/** One value of a column. */
export type Cell = number | string | boolean | null;

/** Options for {@link createCellTable}. */
export interface CellTableOptions {
  /** The declared schema. */
  readonly spec: TableSpec;
  /** Number of rows. */
  readonly length: number;
  /**
   * One function per column of the spec, in spec order: `cells[c](r)` is the value of
   * column `c` in row `r`. Must be pure.
   */
  readonly cells: readonly ((row: number) => Cell)[];
}

/**
 * A lazy table defined cell by cell: each column is a pure function of the row index
 * (typically reading a simulated world's typed arrays). Rows are computed a column at a time
 * when the table is read, so a scheme can describe a table of any size without holding it.
 */
export function createCellTable(options: CellTableOptions): LazyTable {
  const { spec, length, cells } = options;
  if (cells.length !== spec.columns.length) {
    throw new TableSchemaError(
      `table '${spec.name}' declares ${spec.columns.length} columns but ${cells.length} cell functions were given`,
    );
  }
  return createLazyTable({
    spec,
    length,
    read: (rows, columns) =>
      cells.map((cell, c) => {
        if (columns && !columns.includes(c)) return [];
        const out = new Array<Cell>(rows.length);
        for (let j = 0; j < rows.length; j++) out[j] = cell(rows[j]!);
        return out as ColumnValues;
      }),
  });
}
