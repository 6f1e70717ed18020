import { TableSchemaError } from "../errors/errors.js";
import type { ColumnarTable, ColumnValues, Row, TableSpec } from "./types.js";

/** Appends rows to a columnar table. */
export interface TableBuilder {
  /** Rows appended so far. */
  readonly length: number;
  /** Append one row; missing keys become null. */
  append(row: Row): void;
  /** Append every row of another table with the same spec (e.g. a worker's partition). */
  appendTable(table: ColumnarTable): void;
  /** Check nullability and types, and return the table. The builder must not be reused. */
  finish(): ColumnarTable;
}

/** Create a builder for `spec`. */
export function createTableBuilder(spec: TableSpec): TableBuilder {
  const names = spec.columns.map((c) => c.name);
  const cols: unknown[][] = spec.columns.map(() => []);
  let length = 0;
  return {
    get length() {
      return length;
    },
    append(row) {
      for (let i = 0; i < names.length; i++) cols[i]!.push(row[names[i]!] ?? null);
      length++;
    },
    appendTable(table) {
      if (table.spec.name !== spec.name) {
        throw new TableSchemaError(`cannot append table '${table.spec.name}' to '${spec.name}'`);
      }
      for (let i = 0; i < cols.length; i++) {
        const src = table.columns[i]!;
        const dst = cols[i]!;
        for (let r = 0; r < src.length; r++) dst.push(src[r]);
      }
      length += table.length;
    },
    finish() {
      return checkTable({ spec, length, columns: cols as ColumnValues[] });
    },
  };
}

/** Build a table straight from rows. */
export function tableFromRows(spec: TableSpec, rows: Iterable<Row>): ColumnarTable {
  const b = createTableBuilder(spec);
  for (const r of rows) b.append(r);
  return b.finish();
}

/** Verify that every value matches its column's declared type and nullability. */
export function checkTable(table: ColumnarTable): ColumnarTable {
  const { spec } = table;
  spec.columns.forEach((c, i) => {
    const values = table.columns[i];
    if (!values || values.length !== table.length) {
      throw new TableSchemaError(`table '${spec.name}' column '${c.name}' has the wrong length`);
    }
    for (let r = 0; r < values.length; r++) {
      const v = values[r];
      if (v === null || v === undefined) {
        if (!c.nullable) {
          throw new TableSchemaError(
            `table '${spec.name}' column '${c.name}' is not nullable but row ${r} is null`,
          );
        }
        continue;
      }
      const ok =
        c.type === "string"
          ? typeof v === "string"
          : c.type === "bool"
            ? typeof v === "boolean"
            : c.type === "float64"
              ? typeof v === "number"
              : typeof v === "number" && Number.isInteger(v);
      if (!ok) {
        throw new TableSchemaError(
          `table '${spec.name}' column '${c.name}' (${c.type}) row ${r} holds ${JSON.stringify(v)}`,
        );
      }
    }
  });
  return table;
}
