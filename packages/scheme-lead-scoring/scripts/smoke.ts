import { createRegistry, generateBundle } from "@leadforge/core";
import { writeBundle } from "@leadforge/core/node";
import { leadScoringScheme } from "../src/scheme.js";

const registry = createRegistry();
registry.register(leadScoringScheme);
const n = Number(process.argv[2] ?? 5000);
const mode = process.argv[3] ?? "student_public";
const difficulty = process.argv[4] ?? "intermediate";
const t0 = performance.now();
const bundle = generateBundle({
  recipe: "b2b_saas_procurement_v1",
  registry,
  options: { n_leads: n, exposure_mode: mode, difficulty, seed: 42 },
});
const t1 = performance.now();
const res = await writeBundle({ bundle, outDir: `/tmp/lf-smoke-${mode}`, force: true });
const t2 = performance.now();
console.log(`generate ${(t1 - t0).toFixed(0)} ms, write ${(t2 - t1).toFixed(0)} ms`);
console.log(JSON.stringify(res.manifest.tables, null, 0));
console.log(bundle.manifestDraft);
