// Generate one bundle and run the project's validator on it (all findings printed).
//   npx tsx --conditions=@leadforge/source scripts/validate-sample.ts [tier] [mode] [seed] [n_leads]
import { createRegistry, generateBundle } from "@leadforge/core";
import { validateBundle, writeBundle } from "@leadforge/core/node";
import { leadScoringScheme } from "../src/scheme.js";

const [tier = "intro", mode = "student_public", seed = "42", n = "5000"] = process.argv.slice(2);
const registry = createRegistry();
registry.register(leadScoringScheme);
const bundle = generateBundle({
  recipe: "b2b_saas_procurement_v1",
  registry,
  options: { difficulty: tier, exposure_mode: mode, seed: Number(seed), n_leads: Number(n) },
});
const out = `/tmp/lf-validate-${tier}-${mode}-${seed}`;
await writeBundle({ bundle, outDir: out, force: true });
const result = await validateBundle(out, { registry });
for (const f of result.findings) {
  console.log(`${f.severity.padEnd(7)} ${f.code}: ${f.message}`);
}
console.log(result.ok ? "OK" : "FAILED");
