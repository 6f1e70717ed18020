import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  applyDistortions,
  type ColumnarTable,
  type ColumnValues,
  createCellTable,
  createLazyTable,
  createRngRoot,
  defineTable,
  dropColumns,
  encodeCsv,
  isLazyTable,
  readColumn,
  readColumns,
  readSlice,
  tableFromRows,
  takeRows,
} from "../src/index.js";
import { writeParquetFile } from "../src/node/stream-parquet.js";

const spec = defineTable({
  name: "t",
  description: "t",
  columns: [
    { name: "id", type: "string", description: "id", role: "identifier" },
    { name: "x", type: "float64", description: "x", role: "feature", nullable: true },
    { name: "k", type: "int32", description: "k", role: "feature" },
    { name: "y", type: "bool", description: "label", role: "label" },
  ],
});
const n = 5000;
const row = (i: number) => ({
  id: `r${i}`,
  x: i % 13 === 0 ? null : (i % 97) / 7,
  k: i % 5,
  y: i % 3 === 0,
});
const eager = tableFromRows(
  spec,
  Array.from({ length: n }, (_, i) => row(i)),
);

/** A lazy copy of `eager` that counts the rows it computes. */
function lazyCopy(): { table: ColumnarTable; computed: () => number } {
  let computed = 0;
  const table = createLazyTable({
    spec,
    length: n,
    read: (rows) => {
      computed += rows.length;
      const cols = spec.columns.map(() => new Array(rows.length)) as unknown[][];
      rows.forEach((r, j) => {
        const v = row(r);
        cols[0]![j] = v.id;
        cols[1]![j] = v.x;
        cols[2]![j] = v.k;
        cols[3]![j] = v.y;
      });
      return cols as ColumnValues[];
    },
  });
  return { table, computed: () => computed };
}

const dirs: string[] = [];
afterAll(async () => {
  for (const d of dirs) await rm(d, { recursive: true, force: true });
});

describe("lazy tables", () => {
  it("compute only the rows that are read", () => {
    const { table, computed } = lazyCopy();
    expect(isLazyTable(table)).toBe(true);
    expect(isLazyTable(eager)).toBe(false);
    expect(readSlice(table, 100, 3)).toEqual(readSlice(eager, 100, 3));
    expect(computed()).toBe(3);
    expect(readColumn(table, "x")).toEqual(readColumn(eager, "x"));
    expect(table.columns).toEqual(eager.columns);
  });

  it("can be defined cell by cell, computing only the columns read", () => {
    const calls = [0, 0, 0, 0];
    const cell = (c: number, f: (r: number) => string | number | boolean | null) => (r: number) => {
      calls[c]!++;
      return f(r);
    };
    const table = createCellTable({
      spec,
      length: n,
      cells: [
        cell(0, (r) => row(r).id),
        cell(1, (r) => row(r).x),
        cell(2, (r) => row(r).k),
        cell(3, (r) => row(r).y),
      ],
    });
    expect(readColumn(table, "k")).toEqual(readColumn(eager, "k"));
    expect(calls).toEqual([0, 0, n, 0]);
    expect(table.columns).toEqual(eager.columns);
    expect(() => createCellTable({ spec, length: 1, cells: [() => "a"] })).toThrow(
      /declares 4 columns but 1 cell functions/,
    );
  });

  it("check types when materialized, like an in-memory table", () => {
    const bad = createLazyTable({ spec, length: 1, read: () => [["a"], [1], [1.5], [true]] });
    expect(() => bad.columns).toThrow(/'k' \(int32\) row 0 holds 1.5/);
  });

  it("stay lazy through dropColumns, takeRows and applyDistortions, with the same values", () => {
    const { table, computed } = lazyCopy();
    const pick = Array.from({ length: 700 }, (_, i) => (i * 7) % n).sort((a, b) => a - b);
    const opts = {
      rowKeys: Array.from({ length: n }, (_, i) => `r${i}`),
      rng: createRngRoot(9),
      streamName: "d",
      params: { noiseScale: 0.4, missingRate: 0.2, outlierRate: 0.05 },
    };
    const viaLazy = takeRows(
      dropColumns(applyDistortions({ ...opts, table }), ["k"]),
      Int32Array.from(pick),
    );
    const viaEager = takeRows(
      dropColumns(applyDistortions({ ...opts, table: eager }), ["k"]),
      pick,
    );
    expect(isLazyTable(viaLazy)).toBe(true);
    // Only the statistics pass has run so far (one scan for both feature columns).
    expect(computed()).toBe(n);
    expect(viaLazy.spec.columns.map((c) => c.name)).toEqual(["id", "x", "y"]);
    expect(viaLazy.columns).toEqual(viaEager.columns);
    expect(computed()).toBe(n + pick.length);
  });

  it("read only the columns asked for, with the same values as a full read", () => {
    const { table } = lazyCopy();
    const opts = {
      rowKeys: Array.from({ length: n }, (_, i) => `r${i}`),
      rng: createRngRoot(4),
      streamName: "d",
      params: { noiseScale: 0.4, missingRate: 0.2, outlierRate: 0.05 },
    };
    const lazy = applyDistortions({ ...opts, table });
    const full = applyDistortions({ ...opts, table: eager });
    // k is distorted after x in the same per-row stream: reading k alone must still match.
    expect(readColumns(lazy, ["k"])).toEqual([readColumn(full, "k")]);
    expect(readColumns(lazy, ["y", "x"])).toEqual([readColumn(full, "y"), readColumn(full, "x")]);
    expect(readColumn(dropColumns(lazy, ["id"]), "x")).toEqual(readColumn(full, "x"));
  });

  it("refuse a null in a non-nullable column when written", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lf-lazy-"));
    dirs.push(dir);
    const bad = createCellTable({
      spec,
      length: 10,
      cells: [(r) => (r === 7 ? null : `r${r}`), () => 1.5, () => 1, () => true],
    });
    await expect(writeParquetFile(join(dir, "bad.parquet"), bad)).rejects.toThrow(
      /column 'id' is not nullable but 1 of rows 0..9 are null/,
    );
  });

  it("encode to the same Parquet and CSV bytes as the in-memory table", async () => {
    const dir = await mkdtemp(join(tmpdir(), "lf-lazy-"));
    dirs.push(dir);
    const { table } = lazyCopy();
    const a = await writeParquetFile(join(dir, "a.parquet"), table, { rowGroupRows: 2048 });
    const b = await writeParquetFile(join(dir, "b.parquet"), eager, { rowGroupRows: 2048 });
    expect(a).toEqual(b);
    expect([...encodeCsv(table, 999)].join("")).toBe([...encodeCsv(eager, 999)].join(""));
  });
});
