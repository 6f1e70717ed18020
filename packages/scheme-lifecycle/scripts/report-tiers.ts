// Per-tier table from core's quality report (createQualityReport: train on train, score on
// test, ridge and boosting on log1p(target), trap included as the report does). Usage:
//   npx tsx --conditions=@leadforge/source scripts/report-tiers.ts [n=2000] [seeds=42,43,44,45,46]
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createQualityReport, type RegressionTaskReport } from "@leadforge/core";
import { openBundle, writeBundle } from "@leadforge/core/node";
import { generate } from "../test/helpers.js";

const n = Number(process.argv[2] ?? 2000);
const seeds = (process.argv[3] ?? "42,43,44,45,46").split(",").map(Number);
const med = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const dir = await mkdtemp(join(tmpdir(), "lifecycle-report-"));
const rows: string[] = [];
for (const tier of ["intro", "intermediate", "advanced"]) {
  const acc: Record<string, number[]> = {};
  const push = (k: string, v: number | null | undefined) => {
    if (v === null || v === undefined) return;
    acc[k] ??= [];
    acc[k].push(v);
  };
  for (const seed of seeds) {
    const bundle = generate({
      n_customers: n,
      seed,
      difficulty: tier,
      exposure_mode: "research_instructor",
      oracle_replicates: 16,
    });
    const out = join(dir, `${tier}-${seed}`);
    await writeBundle({ bundle, outDir: out });
    const report = await createQualityReport(await openBundle(out));
    for (const t of report.tasks) {
      if (t.type !== "regression") continue;
      const r = t as RegressionTaskReport;
      const key = r.id;
      push(`${key}.zero`, r.target.test.zeroShare);
      push(`${key}.top10`, r.target.test.topDecileShare);
      push(`${key}.lin`, r.models.linear_log1p?.spearman);
      push(`${key}.gbm`, r.models.gradient_boosting_log1p?.spearman);
      push(`${key}.linGini`, r.models.linear_log1p?.normalizedGini);
      push(`${key}.gbmGini`, r.models.gradient_boosting_log1p?.normalizedGini);
      push(`${key}.oracle`, r.models.oracle?.spearman);
    }
    const c = report.tasks.find((t) => t.id === "pltv_revenue_365d") as RegressionTaskReport;
    console.log(
      `${tier} ${seed} lin ${c.models.linear_log1p?.spearman} gbm ${c.models.gradient_boosting_log1p?.spearman} oracle ${c.models.oracle?.spearman}`,
    );
    await rm(out, { recursive: true, force: true });
  }
  const g = (k: string) => (acc[k] ? med(acc[k]).toFixed(3) : "—");
  rows.push(
    `| ${tier} | ${g("pltv_revenue_365d.zero")} | ${g("early_pltv_revenue_365d.zero")} | ${g("pltv_revenue_730d.top10")} | ${g("pltv_revenue_365d.lin")} | ${g("pltv_revenue_365d.gbm")} | ${g("pltv_revenue_365d.linGini")} | ${g("pltv_revenue_365d.gbmGini")} | ${g("pltv_revenue_365d.oracle")} | ${g("early_pltv_revenue_365d.lin")} | ${g("early_pltv_revenue_365d.gbm")} | ${g("early_pltv_revenue_365d.oracle")} | ${g("pltv_revenue_90d.gbm")} | ${g("pltv_revenue_730d.gbm")} |`,
  );
}
await rm(dir, { recursive: true, force: true });
console.log(
  "\n| tier | zero 365d cal | zero 365d early | top-decile 730d | Spearman ridge | Spearman GBM | Gini ridge | Gini GBM | Spearman oracle | early ridge | early GBM | early oracle | GBM 90d | GBM 730d |",
);
console.log("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
for (const r of rows) console.log(r);
