import { describe, expect, it } from "vitest";
import type { ColumnarTable } from "../../src/index.js";
import { encodeParquet, readParquetTable } from "../../src/node/index.js";

// Validators compare timestamps with cutoffs, so reading them back must be exact (µs).
describe("readParquetTable timestamps", () => {
  it("round-trips microseconds exactly, nulls included", () => {
    const t: ColumnarTable = {
      spec: {
        name: "t",
        description: "",
        columns: [{ name: "ts", type: "timestamp", nullable: true, description: "" }],
      },
      length: 3,
      columns: [[1_700_000_000_000_001, null, 86_400_000_000]],
    };
    expect(readParquetTable(encodeParquet(t)).columns[0]).toEqual([
      1_700_000_000_000_001,
      null,
      86_400_000_000,
    ]);
  });
});
