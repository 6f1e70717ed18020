// Data-quality sweep with the project's own commands: for each tier and seed, generate a
// public bundle and its research_instructor twin with the built CLI, run `leadforge report`
// (baselines trained on train, scored on test; oracle from the instructor bundle), and print
// per-tier medians as Markdown. Usage (after `pnpm build`):
//   node scripts/quality-sweep.mjs lead_scoring [n_leads=5000] [seeds=42,43,44,45,46]
//   node scripts/quality-sweep.mjs lifecycle [n_customers=2000] [seeds=42,43,44,45,46]
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const bin = join(root, "packages/cli/dist/bin.js");
const [scheme = "lead_scoring", sizeArg, seedsArg] = process.argv.slice(2);
const lead = scheme === "lead_scoring";
const size = Number(sizeArg ?? (lead ? 5000 : 2000));
const seeds = (seedsArg ?? "42,43,44,45,46").split(",").map(Number);
const recipe = lead ? "b2b_saas_procurement_v1" : "b2b_saas_ltv_v1";
const sizeFlag = lead ? "--n-leads" : "--n-customers";
const work = mkdtempSync(join(tmpdir(), "lf-sweep-"));
const cli = (...args) =>
  execFileSync(process.execPath, [bin, ...args], { cwd: work, encoding: "utf8" });
const median = (xs) => {
  const s = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  if (s.length === 0) return null;
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const f = (x, d = 3) => (x === null ? "–" : x.toFixed(d));

function measure(tier, seed) {
  const base = `${tier}-${seed}`;
  const common = [
    "--recipe",
    recipe,
    "--seed",
    String(seed),
    "--difficulty",
    tier,
    sizeFlag,
    String(size),
    "--quiet",
  ];
  cli("generate", ...common, "--out", `${base}-pub`);
  cli("generate", ...common, "--mode", "research_instructor", "--out", `${base}-ins`);
  cli("report", `${base}-pub`, "--oracle", `${base}-ins`, "--out", `${base}-rep`, "--json");
  const r = JSON.parse(readFileSync(join(work, `${base}-rep`, "report.json"), "utf8"));
  const task = (id) => r.tasks.find((t) => t.id === id);
  if (lead) {
    const t = task("converted_within_90_days");
    const rows = Object.values(t.splits).reduce((a, s) => a + s.rows, 0);
    const rate = Object.values(t.splits).reduce((a, s) => a + s.rows * s.labelMean, 0) / rows;
    const lr = t.models.logistic_regression.rocAuc;
    const gbm = t.models.gradient_boosting.rocAuc;
    const oracle = t.models.oracle?.rocAuc ?? null;
    const source = t.featureSignal.find((s) => s.name === "lead_source")?.score ?? null;
    return {
      conversion: rate,
      lr,
      gbm,
      gbmMinusLr: gbm - lr,
      oracle,
      oracleMinusLr: oracle - lr,
      leadSource: source,
    };
  }
  const r365 = task("pltv_revenue_365d");
  const r730 = task("pltv_revenue_730d");
  const churn = task("churned_within_180d");
  return {
    zero90: task("pltv_revenue_90d").target.train.zeroShare,
    zero365: r365.target.train.zeroShare,
    zero730: r730.target.train.zeroShare,
    top730: r730.target.train.topDecileShare,
    churn180: churn.splits.train.labelMean,
    spearmanLinear: r365.models.linear_log1p.spearman,
    spearmanGbm: r365.models.gradient_boosting_log1p.spearman,
    spearmanOracle: r365.models.oracle?.spearman ?? null,
  };
}

const cols = lead
  ? ["conversion", "lr", "gbm", "gbmMinusLr", "oracle", "oracleMinusLr", "leadSource"]
  : [
      "zero90",
      "zero365",
      "zero730",
      "top730",
      "churn180",
      "spearmanLinear",
      "spearmanGbm",
      "spearmanOracle",
    ];
console.log(
  `${scheme}, ${size} ${lead ? "leads" : "customers"}, seeds ${seeds.join(", ")} — medians (min…max)\n`,
);
console.log(`| tier | ${cols.join(" | ")} |`);
console.log(`|---|${cols.map(() => "---").join("|")}|`);
try {
  for (const tier of ["intro", "intermediate", "advanced"]) {
    const runs = seeds.map((s) => measure(tier, s));
    const cells = cols.map((c) => {
      const xs = runs.map((r) => r[c]).filter((x) => x !== null);
      return `${f(median(xs))} (${f(Math.min(...xs))}…${f(Math.max(...xs))})`;
    });
    console.log(`| ${tier} | ${cells.join(" | ")} |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
