// Parquet writer micro-benchmark: 1,000,000 rows × 10 typed columns through the columnar
// model → Arrow → parquet-wasm (ZSTD), reporting rows/s, MB/s of output and peak RSS.
import { createRngRoot, createTableBuilder, defineTable } from "@leadforge/core";
import { encodeParquet } from "@leadforge/core/node";
import { report, time } from "../lib.mjs";

const N = Number(process.env.BENCH_ROWS ?? 1_000_000);
const spec = defineTable({
  name: "bench",
  description: "bench",
  columns: [
    { name: "id", type: "string", description: "" },
    { name: "n", type: "int32", description: "" },
    { name: "big", type: "int64", description: "" },
    { name: "x", type: "float64", description: "" },
    { name: "industry", type: "string", description: "" },
    { name: "flag", type: "bool", description: "" },
    { name: "d", type: "date", description: "" },
    { name: "ts", type: "timestamp", description: "" },
    { name: "maybe", type: "int32", nullable: true, description: "" },
    { name: "label", type: "string", nullable: true, description: "" },
  ],
});
const INDUSTRIES = [
  "software",
  "healthcare",
  "manufacturing",
  "retail",
  "logistics",
  "Café & Bäckerei",
];
const rng = createRngRoot(1).stream("rows");
let table;
const build = time(() => {
  const b = createTableBuilder(spec);
  for (let i = 0; i < N; i++) {
    b.append({
      id: `lead_${String(i + 1).padStart(7, "0")}`,
      n: rng.int(0, 1000),
      big: rng.int(0, 2 ** 40),
      x: rng.normal(),
      industry: INDUSTRIES[i % INDUSTRIES.length],
      flag: rng.bernoulli(0.3),
      d: 19000 + (i % 365),
      ts: (19000 + (i % 365)) * 86_400_000_000 + rng.int(0, 86_399) * 1_000_000,
      maybe: rng.bernoulli(0.1) ? null : i,
      label: rng.bernoulli(0.1) ? null : INDUSTRIES[(i * 7) % 6],
    });
  }
  table = b.finish();
});
let bytes;
const write = time(() => {
  bytes = encodeParquet(table);
});
report("core-parquet", [
  { metric: "table build rows/s", value: N / build, unit: "/s", higherIsBetter: true },
  { metric: "parquet encode rows/s", value: N / write, unit: "/s", higherIsBetter: true },
  {
    metric: "parquet output MB/s",
    value: bytes.byteLength / 1e6 / write,
    unit: "MB/s",
    higherIsBetter: true,
  },
  { metric: "parquet file size", value: bytes.byteLength / 1e6, unit: "MB", higherIsBetter: false },
]);
