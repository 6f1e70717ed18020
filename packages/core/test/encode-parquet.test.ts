import { parquetMetadata, parquetReadObjects, parquetSchema } from "hyparquet";
import { compressors } from "hyparquet-compressors";
import { describe, expect, it } from "vitest";
import { defineTable, tableFromRows } from "../src/index.js";
import { encodeParquet, PARQUET_CREATED_BY } from "../src/node/index.js";

const spec = defineTable({
  name: "t",
  description: "every column type",
  columns: [
    { name: "i", type: "int32", description: "int32" },
    { name: "n", type: "int64", nullable: true, description: "nullable int64" },
    { name: "f", type: "float64", description: "float" },
    { name: "b", type: "bool", nullable: true, description: "bool" },
    { name: "s", type: "string", nullable: true, description: "string" },
    { name: "d", type: "date", description: "date" },
    { name: "ts", type: "timestamp", description: "timestamp" },
  ],
});

const table = tableFromRows(spec, [
  { i: 1, n: 5, f: 1.5, b: true, s: "a", d: 19000, ts: 1_700_000_000_000_001 },
  { i: 2, n: null, f: -2.5, b: null, s: null, d: 19001, ts: 0 },
  { i: 3, n: 7, f: 3.25, b: false, s: "Café & Bäckerei", d: 0, ts: 86_400_000_000 },
]);

function toBuffer(u: Uint8Array): ArrayBuffer {
  return u.buffer.slice(u.byteOffset, u.byteOffset + u.byteLength) as ArrayBuffer;
}

describe("encodeParquet", () => {
  it("round-trips values and nulls through an independent reader", async () => {
    const rows = await parquetReadObjects({ file: toBuffer(encodeParquet(table)), compressors });
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ i: 1, n: 5n, f: 1.5, b: true, s: "a" });
    expect(rows[1]).toMatchObject({ i: 2, n: null, b: null, s: null });
    expect(rows[2]!.s).toBe("Café & Bäckerei");
    expect((rows[0]!.d as Date).toISOString()).toBe("2022-01-08T00:00:00.000Z");
    expect((rows[2]!.ts as Date).toISOString()).toBe("1970-01-02T00:00:00.000Z");
  });

  it("writes logical types, nullability, ZSTD and a pinned created_by", () => {
    const buf = toBuffer(encodeParquet(table));
    const meta = parquetMetadata(buf);
    expect(meta.created_by).toBe(PARQUET_CREATED_BY);
    const schema = parquetSchema(meta);
    const byName = Object.fromEntries(schema.children.map((c) => [c.element.name, c.element]));
    expect(byName.i!.repetition_type).toBe("REQUIRED");
    expect(byName.n!.repetition_type).toBe("OPTIONAL");
    expect(byName.n!.type).toBe("INT64");
    expect(byName.d!.logical_type?.type).toBe("DATE");
    expect(byName.ts!.logical_type).toMatchObject({
      type: "TIMESTAMP",
      isAdjustedToUTC: true,
      unit: "MICROS",
    });
    expect(byName.s!.logical_type?.type).toBe("STRING");
    expect(meta.row_groups[0]!.columns[0]!.meta_data!.codec).toBe("ZSTD");
  });

  it("is byte-deterministic", () => {
    expect(Buffer.from(encodeParquet(table)).equals(Buffer.from(encodeParquet(table)))).toBe(true);
  });

  it("writes an empty table with its full schema", async () => {
    const empty = tableFromRows(spec, []);
    const buf = toBuffer(encodeParquet(empty));
    const meta = parquetMetadata(buf);
    expect(Number(meta.num_rows)).toBe(0);
    expect(parquetSchema(meta).children.map((c) => c.element.name)).toEqual([
      "i",
      "n",
      "f",
      "b",
      "s",
      "d",
      "ts",
    ]);
  });
});
