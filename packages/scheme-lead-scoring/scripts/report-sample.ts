// Cross-check with the project's quality report: write the public and instructor bundles of
// one seed and print the report's headline numbers.
//   npx tsx --conditions=@leadforge/source scripts/report-sample.ts [tier] [seed] [n_leads]
import { createQualityReport, createRegistry, generateBundle } from "@leadforge/core";
import { openBundle, writeBundle } from "@leadforge/core/node";
import { leadScoringScheme } from "../src/scheme.js";

const [tier = "intermediate", seed = "42", n = "5000"] = process.argv.slice(2);
const registry = createRegistry();
registry.register(leadScoringScheme);
const dirs: Record<string, string> = {};
for (const mode of ["student_public", "research_instructor"]) {
  const bundle = generateBundle({
    recipe: "b2b_saas_procurement_v1",
    registry,
    options: { difficulty: tier, exposure_mode: mode, seed: Number(seed), n_leads: Number(n) },
  });
  dirs[mode] = `/tmp/lf-report-${tier}-${seed}-${mode}`;
  await writeBundle({ bundle, outDir: dirs[mode]!, force: true });
}
const report = await createQualityReport(await openBundle(dirs.student_public!), {
  oracle: await openBundle(dirs.research_instructor!),
});
const t = report.tasks[0] as unknown as Record<string, unknown>;
const models = t.models as Record<string, { rocAuc: number }>;
console.log(
  JSON.stringify({
    lr: models.logistic_regression?.rocAuc,
    gbm: models.gradient_boosting?.rocAuc,
    oracle: models.oracle?.rocAuc,
  }),
);
