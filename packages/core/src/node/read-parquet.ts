import { type DataType, Type, tableFromIPC } from "apache-arrow";
import { readParquet } from "parquet-wasm";
import { TableSchemaError } from "../errors/errors.js";
import type { ColumnarTable, ColumnSpec, ColumnType, ColumnValues } from "../table/types.js";

function columnType(t: DataType): ColumnType | "other" {
  switch (t.typeId) {
    case Type.Int:
      return (t as unknown as { bitWidth: number }).bitWidth === 64 ? "int64" : "int32";
    case Type.Float:
      return "float64";
    case Type.Bool:
      return "bool";
    case Type.Utf8:
    case Type.LargeUtf8:
      return "string";
    case Type.Date:
      return "date";
    case Type.Timestamp:
      return "timestamp";
    default:
      return "other";
  }
}

/**
 * Read a Parquet file into a columnar table whose spec reflects the file's actual types and
 * nullability (so validators can detect schema drift). Dates come back as day numbers and
 * timestamps as µs since the epoch, as written.
 */
export function readParquetTable(bytes: Uint8Array, name = "table"): ColumnarTable {
  const wasm = readParquet(bytes);
  const arrow = tableFromIPC(wasm.intoIPCStream());
  const columns: ColumnValues[] = [];
  const specs: ColumnSpec[] = arrow.schema.fields.map((f) => {
    const type = columnType(f.type);
    if (type === "other")
      throw new TableSchemaError(`column '${f.name}' has unsupported type ${String(f.type)}`);
    return { name: f.name, type, nullable: f.nullable, description: "" };
  });
  // Arrow recomputes numRows on every access (a sum over batches): read it once.
  const numRows = arrow.numRows;
  arrow.schema.fields.forEach((f, i) => {
    const vec = arrow.getChildAt(i)!;
    const out: (number | string | boolean | null)[] = new Array(numRows);
    const type = specs[i]!.type;
    if (type === "timestamp") {
      // Arrow's getter returns whole milliseconds; read the raw values to keep µs exactly.
      const unit = (f.type as unknown as { unit: number }).unit;
      const scale = [1_000_000n, 1_000n, 1n, 1n][unit] ?? 1n;
      let r = 0;
      for (const chunk of vec.data) {
        const raw = chunk.values as unknown as BigInt64Array;
        for (let k = 0; k < chunk.length; k++, r++) {
          const us = unit === 3 ? raw[k]! / 1_000n : raw[k]! * scale;
          out[r] = chunk.getValid(k) ? Number(us) : null;
        }
      }
      columns.push(out as ColumnValues);
      return;
    }
    for (let r = 0; r < numRows; r++) {
      const v = vec.get(r) as unknown;
      if (v === null || v === undefined) out[r] = null;
      else if (type === "date")
        out[r] = Math.round((v instanceof Date ? v.getTime() : Number(v)) / 86_400_000);
      else if (type === "int64") out[r] = Number(v);
      else out[r] = v as number | string | boolean;
    }
    void f;
    columns.push(out as ColumnValues);
  });
  return { spec: { name, description: "", columns: specs }, length: numRows, columns };
}
