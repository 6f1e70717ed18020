// Lifecycle benchmark (a script, never a test). Usage:
//   npx tsx --conditions=@leadforge/source scripts/bench.ts [n=100000] [mode=student_public]
import { rm } from "node:fs/promises";
import { createRegistry, generateBundle } from "@leadforge/core";
import { writeBundle } from "@leadforge/core/node";
import { lifecycleScheme } from "../src/scheme.js";

const n = Number(process.argv[2] ?? 100_000);
const mode = process.argv[3] ?? "student_public";
const registry = createRegistry();
registry.register(lifecycleScheme);
const stages: Record<string, number> = {};
let last = performance.now();
let lastStage = "";
const t0 = last;
let peak = 0;
const timer = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 100);
const bundle = generateBundle({
  recipe: "b2b_saas_ltv_v1",
  registry,
  options: { n_customers: n, exposure_mode: mode },
  onProgress: (e) => {
    peak = Math.max(peak, process.memoryUsage().rss);
    if (e.stage !== lastStage) {
      const now = performance.now();
      if (lastStage) stages[lastStage] = (stages[lastStage] ?? 0) + now - last;
      last = now;
      lastStage = e.stage;
    }
  },
});
const t1 = performance.now();
stages[lastStage] = (stages[lastStage] ?? 0) + t1 - last;
const out = `/tmp/lifecycle-bench-${n}`;
const res = await writeBundle({ bundle, outDir: out, force: true });
const t2 = performance.now();
clearInterval(timer);
peak = Math.max(peak, process.memoryUsage().rss);
const rows = Object.values(res.manifest.tables).reduce((a, t) => a + t.row_count, 0);
console.log(
  JSON.stringify(
    {
      n_customers: n,
      mode,
      generate_s: +((t1 - t0) / 1000).toFixed(2),
      stages_s: Object.fromEntries(
        Object.entries(stages).map(([k, v]) => [k, +(v / 1000).toFixed(2)]),
      ),
      write_s: +((t2 - t1) / 1000).toFixed(2),
      total_s: +((t2 - t0) / 1000).toFixed(2),
      table_rows: rows,
      customers_per_s: Math.round(n / ((t2 - t0) / 1000)),
      peak_rss_mb: Math.round(peak / 2 ** 20),
      bytes: res.bytes,
    },
    null,
    1,
  ),
);
await rm(out, { recursive: true, force: true });
