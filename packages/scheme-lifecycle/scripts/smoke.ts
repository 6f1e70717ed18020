// Quick end-to-end smoke run: node --conditions via tsx. Usage: npx tsx --conditions=@leadforge/source scripts/smoke.ts [n] [mode] [tier] [seed]
import { createRegistry, generateBundle } from "@leadforge/core";
import { writeBundle } from "@leadforge/core/node";
import { lifecycleScheme } from "../src/scheme.js";

const [n = "1500", mode = "research_instructor", tier = "intermediate", seed = "42"] =
  process.argv.slice(2);
const registry = createRegistry();
registry.register(lifecycleScheme);
const t0 = performance.now();
const bundle = generateBundle({
  recipe: "b2b_saas_ltv_v1",
  registry,
  options: { n_customers: Number(n), exposure_mode: mode, difficulty: tier, seed: Number(seed) },
});
const t1 = performance.now();
const res = await writeBundle({ bundle, outDir: `/tmp/lc-smoke-${mode}`, force: true });
const t2 = performance.now();
console.log(
  `generate ${(t1 - t0).toFixed(0)} ms, write ${(t2 - t1).toFixed(0)} ms, bytes ${res.bytes}`,
);
console.log(JSON.stringify(res.manifest.tables, null, 0));
console.log(bundle.texts.get("dataset_card.md")?.slice(0, 1500));
