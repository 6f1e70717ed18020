// Performance: generate and write a full public bundle (default 100,000 leads) on one core.
//   npx tsx --conditions=@leadforge/source scripts/bench.ts [n_leads] [mode]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRegistry, generateBundle } from "@leadforge/core";
import { writeBundle } from "@leadforge/core/node";
import { leadScoringScheme } from "../src/scheme.js";

const n = Number(process.argv[2] ?? 100_000);
const mode = process.argv[3] ?? "student_public";
const registry = createRegistry();
registry.register(leadScoringScheme);
const stages = new Map<string, number>();
let last = performance.now();
let lastStage = "setup";
const t0 = last;
const cpu0 = process.cpuUsage();
const bundle = generateBundle({
  recipe: "b2b_saas_procurement_v1",
  registry,
  options: { n_leads: n, exposure_mode: mode, seed: 42 },
  onProgress: (e) => {
    if (e.stage !== lastStage) {
      const now = performance.now();
      stages.set(lastStage, (stages.get(lastStage) ?? 0) + now - last);
      last = now;
      lastStage = e.stage;
    }
  },
});
const t1 = performance.now();
stages.set(lastStage, (stages.get(lastStage) ?? 0) + t1 - last);
const dir = await mkdtemp(join(tmpdir(), "lf-bench-"));
await writeBundle({ bundle, outDir: join(dir, "bundle") });
const t2 = performance.now();
await rm(dir, { recursive: true, force: true });
const cpu = process.cpuUsage(cpu0);
const rows = bundle.tables.reduce((s, t) => s + t.length, 0);
console.log(
  `${n} leads (${mode}): generate ${((t1 - t0) / 1000).toFixed(2)} s [${[...stages]
    .map(([k, v]) => `${k} ${(v / 1000).toFixed(2)}`)
    .join(
      ", ",
    )}], write ${((t2 - t1) / 1000).toFixed(2)} s, total ${((t2 - t0) / 1000).toFixed(2)} s wall, ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s CPU; ${rows} table rows; peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
