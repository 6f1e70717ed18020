import { describe, expect, it } from "vitest";
import { fitFeaturePlan } from "../../src/quality/prepare-features.js";
import type { ColumnarTable } from "../../src/table/types.js";

const train: ColumnarTable = {
  spec: {
    name: "t",
    description: "",
    columns: [
      { name: "lead_id", type: "string", description: "" },
      { name: "n", type: "int32", nullable: true, description: "" },
      { name: "src", type: "string", nullable: true, description: "" },
      { name: "flag", type: "bool", description: "" },
      { name: "day", type: "date", description: "" },
      { name: "y", type: "bool", description: "", role: "label" },
    ],
  },
  length: 4,
  columns: [
    ["l1", "l2", "l3", "l4"],
    [1, null, 3, 10],
    ["web", "event", null, "web"],
    [true, false, true, false],
    [100, 101, 102, 103],
    [true, false, false, true],
  ],
};

describe("fitFeaturePlan", () => {
  it("one-hot: median-imputes with a missing indicator, one-hots strings, drops ids and labels", () => {
    const plan = fitFeaturePlan(train, { encoding: "one-hot" });
    expect(plan.features.map((f) => f.name)).toEqual([
      "n",
      "n__missing",
      "src=(missing)",
      "src=event",
      "src=web",
      "flag",
      "day",
    ]);
    const m = plan.transform(train);
    expect(Array.from(m.data.subarray(0, 7))).toEqual([1, 0, 0, 0, 1, 1, 100]);
    // Row 2: n missing → median of {1,3,10} = 3 with indicator 1.
    expect(Array.from(m.data.subarray(7, 14))).toEqual([3, 1, 0, 1, 0, 0, 101]);
  });
  it("ordinal: keeps NaN for missing and codes categories in sorted order, unknown → NaN", () => {
    const plan = fitFeaturePlan(train, { encoding: "ordinal", exclude: ["day"] });
    expect(plan.sources).toEqual(["n", "src", "flag"]);
    const test: ColumnarTable = {
      ...train,
      length: 1,
      columns: train.columns.map((c) => [c[1]!]) as never,
    };
    const unknown: ColumnarTable = {
      ...train,
      length: 1,
      columns: [["x"], [null], ["fax"], [true], [1], [true]],
    };
    expect(Array.from(plan.transform(test).data)).toEqual([Number.NaN, 0, 0]);
    expect(Array.from(plan.transform(unknown).data)).toEqual([Number.NaN, Number.NaN, 1]);
  });
});
