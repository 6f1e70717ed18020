import {
  Bool,
  type Data,
  type DataType,
  DateDay,
  Field,
  Float64,
  Int32,
  Int64,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Utf8,
} from "apache-arrow";
import { TableSchemaError } from "../errors/errors.js";
import { isLazyTable, rowRange } from "../table/create-lazy-table.js";
import type { ColumnarTable, ColumnSpec, ColumnValues } from "../table/types.js";

const encoder = new TextEncoder();

function arrowType(c: ColumnSpec): DataType {
  switch (c.type) {
    case "int32":
      return new Int32();
    case "int64":
      return new Int64();
    case "float64":
      return new Float64();
    case "bool":
      return new Bool();
    case "string":
      return new Utf8();
    case "date":
      return new DateDay();
    case "timestamp":
      return new TimestampMicrosecond("UTC");
  }
}

function validity(
  values: ColumnValues,
  start: number,
  n: number,
): { bitmap: Uint8Array | undefined; nulls: number } {
  let nulls = 0;
  const bitmap = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) {
    if (values[start + i] === null || values[start + i] === undefined) nulls++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return { bitmap: nulls > 0 ? bitmap : undefined, nulls };
}

function columnData(c: ColumnSpec, values: ColumnValues, start: number, n: number): Data {
  const { bitmap, nulls } = validity(values, start, n);
  // Lazy tables are computed here for the first time, so this is where a null in a
  // non-nullable column is caught (an in-memory table was checked when it was built).
  if (nulls > 0 && !c.nullable) {
    throw new TableSchemaError(
      `column '${c.name}' is not nullable but ${nulls} of rows ${start}..${start + n - 1} are null`,
    );
  }
  const base = { length: n, nullCount: nulls, ...(bitmap ? { nullBitmap: bitmap } : {}) };
  switch (c.type) {
    case "int32":
    case "date": {
      const data = new Int32Array(n);
      for (let i = 0; i < n; i++) data[i] = (values[start + i] as number | null) ?? 0;
      return c.type === "date"
        ? makeData({ type: new DateDay(), ...base, data })
        : makeData({ type: new Int32(), ...base, data });
    }
    case "int64":
    case "timestamp": {
      // Write the two 32-bit halves directly; BigInt() per value is ~10x slower.
      const data = new BigInt64Array(n);
      const words = new Int32Array(data.buffer);
      for (let i = 0; i < n; i++) {
        const v = (values[start + i] as number | null) ?? 0;
        const hi = Math.floor(v / 4294967296);
        words[2 * i] = v - hi * 4294967296;
        words[2 * i + 1] = hi;
      }
      return c.type === "timestamp"
        ? makeData({ type: new TimestampMicrosecond("UTC"), ...base, data: data as never })
        : makeData({ type: new Int64(), ...base, data });
    }
    case "float64": {
      const data = new Float64Array(n);
      for (let i = 0; i < n; i++) data[i] = (values[start + i] as number | null) ?? 0;
      return makeData({ type: new Float64(), ...base, data });
    }
    case "bool": {
      const data = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (values[start + i] === true) data[i >> 3]! |= 1 << (i & 7);
      return makeData({ type: new Bool(), ...base, data });
    }
    case "string": {
      const offsets = new Int32Array(n + 1);
      let data = new Uint8Array(Math.max(64, n * 12));
      let total = 0;
      for (let i = 0; i < n; i++) {
        const v = values[start + i] as string | null;
        if (v !== null && v !== undefined) {
          // Worst case 3 bytes per UTF-16 unit; grow geometrically when needed.
          if (total + v.length * 3 > data.length) {
            const grown = new Uint8Array(Math.max(data.length * 2, total + v.length * 3));
            grown.set(data.subarray(0, total));
            data = grown;
          }
          let ascii = true;
          for (let k = 0; k < v.length; k++) {
            const code = v.charCodeAt(k);
            if (code > 127) {
              ascii = false;
              break;
            }
            data[total + k] = code;
          }
          total += ascii ? v.length : encoder.encodeInto(v, data.subarray(total)).written;
        }
        offsets[i + 1] = total;
      }
      return makeData({
        type: new Utf8(),
        ...base,
        valueOffsets: offsets,
        data: data.slice(0, total),
      });
    }
  }
}

/** Arrow schema of a table spec: declared types, nullability, UTC timestamps. */
export function toArrowSchema(table: Pick<ColumnarTable, "spec">): Schema {
  return new Schema(
    table.spec.columns.map((c) => new Field(c.name, arrowType(c), c.nullable ?? false)),
  );
}

/**
 * Convert rows `[start, start + n)` of a columnar table to one Arrow record batch with the
 * given schema (from {@link toArrowSchema}). Lets a writer hold one row group of Arrow
 * buffers at a time instead of the whole table; a lazy table computes just those rows.
 */
export function toArrowBatch(
  table: ColumnarTable,
  schema: Schema,
  start: number,
  n: number,
): RecordBatch {
  const lazy = isLazyTable(table) ? table.readRows(rowRange(start, n)) : undefined;
  const children = table.spec.columns.map((c, i) =>
    lazy ? columnData(c, lazy[i]!, 0, n) : columnData(c, table.columns[i]!, start, n),
  );
  const data = makeData({ type: new Struct(schema.fields), length: n, nullCount: 0, children });
  return new RecordBatch(schema, data);
}

/**
 * Row ranges of the record batches {@link toArrowTable} makes: `batchRows` each, the last
 * one shorter, and a single empty batch for an empty table (so the schema is still written).
 */
export function batchRanges(length: number, batchRows: number): { start: number; n: number }[] {
  const out: { start: number; n: number }[] = [];
  for (let start = 0; start === 0 || start < length; start += batchRows) {
    out.push({ start, n: Math.min(batchRows, length - start) });
  }
  return out;
}

/**
 * Convert a columnar table to an Apache Arrow table in record batches of at most
 * `batchRows` rows, building buffers by hand (the builder API is an order of magnitude
 * slower for strings).
 */
export function toArrowTable(table: ColumnarTable, batchRows = 1 << 20): Table {
  const schema = toArrowSchema(table);
  const batches = batchRanges(table.length, batchRows).map(({ start, n }) =>
    toArrowBatch(table, schema, start, n),
  );
  return new Table(schema, batches);
}
