import { describe, expect, it } from "vitest";
import {
  applyDistortions,
  createRngRoot,
  defineTable,
  getColumn,
  tableFromRows,
  takeRows,
} from "../src/index.js";

const spec = defineTable({
  name: "task",
  description: "t",
  columns: [
    { name: "id", type: "string", description: "id", role: "identifier" },
    {
      name: "x",
      type: "float64",
      description: "x",
      role: "feature",
      nullable: true,
      bounds: { min: 0 },
    },
    { name: "k", type: "int32", description: "k", role: "feature", nullable: true },
    { name: "strict", type: "int32", description: "never null", role: "feature" },
    { name: "trap", type: "int32", description: "trap", role: "trap", nullable: true },
    { name: "y", type: "bool", description: "label", role: "label" },
  ],
});
const n = 4000;
const rows = Array.from({ length: n }, (_, i) => ({
  id: `r${i}`,
  x: (i % 100) / 10,
  k: i % 7,
  strict: i % 3,
  trap: i % 11,
  y: i % 2 === 0,
}));
const table = tableFromRows(spec, rows);
const rowKeys = rows.map((r) => r.id);
const params = { noiseScale: 0.5, missingRate: 0.1, outlierRate: 0.02 };
const rng = createRngRoot(3);

describe("applyDistortions", () => {
  const out = applyDistortions({ table, rowKeys, rng, streamName: "d", params });

  it("adds noise, missingness and outliers to features only", () => {
    const x = getColumn(out, "x") as (number | null)[];
    const nulls = x.filter((v) => v === null).length / n;
    expect(nulls).toBeGreaterThan(0.08);
    expect(nulls).toBeLessThan(0.12);
    expect(x.some((v, i) => v !== null && v !== rows[i]!.x)).toBe(true);
    expect(getColumn(out, "trap")).toEqual(getColumn(table, "trap"));
    expect(getColumn(out, "y")).toEqual(getColumn(table, "y"));
    expect(getColumn(out, "id")).toEqual(getColumn(table, "id"));
  });

  it("keeps integers integral, clamps to bounds and never blanks non-nullable columns", () => {
    const k = getColumn(out, "k") as (number | null)[];
    expect(k.every((v) => v === null || Number.isInteger(v))).toBe(true);
    expect(k.some((v) => v === null)).toBe(true);
    expect((getColumn(out, "strict") as (number | null)[]).every((v) => v !== null)).toBe(true);
    expect((getColumn(out, "x") as (number | null)[]).every((v) => v === null || v >= 0)).toBe(
      true,
    );
  });

  it("does not depend on row order", () => {
    const perm = [...Array(n).keys()].reverse();
    const shuffled = applyDistortions({
      table: takeRows(table, perm),
      rowKeys: perm.map((i) => rowKeys[i]!),
      rng,
      streamName: "d",
      params: { ...params, noiseScale: 0 },
    });
    const direct = applyDistortions({
      table,
      rowKeys,
      rng,
      streamName: "d",
      params: { ...params, noiseScale: 0 },
    });
    const a = getColumn(direct, "k") as (number | null)[];
    const b = getColumn(shuffled, "k") as (number | null)[];
    perm.forEach((orig, j) => {
      expect(b[j]).toBe(a[orig]);
    });
  });

  it("is the identity at zero strength", () => {
    const same = applyDistortions({
      table,
      rowKeys,
      rng,
      streamName: "d",
      params: { noiseScale: 0, missingRate: 0, outlierRate: 0 },
    });
    expect(same.columns).toEqual(table.columns);
  });
});
