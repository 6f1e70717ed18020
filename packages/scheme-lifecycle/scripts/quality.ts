// Per-tier learnability table (the issue's targets): zero shares, top-decile share, churn
// rates, and baseline Spearman / normalized Gini of a ridge and a boosted model on
// log1p(ltv_revenue_365d), plus the oracle's. Usage:
//   npx tsx --conditions=@leadforge/source scripts/quality.ts [n=2000] [seeds=42,43,44,45,46] [tiers]
import {
  type ColumnarTable,
  fitFeaturePlan,
  fitGradientBoosting,
  fitLinearRegression,
  getColumn,
  normalizedGini,
  spearman,
  topDecileShare,
  zeroShare,
} from "@leadforge/core";
import { generate } from "../test/helpers.js";

const n = Number(process.argv[2] ?? 2000);
const seeds = (process.argv[3] ?? "42,43,44,45,46").split(",").map(Number);
const tiers = (process.argv[4] ?? "intro,intermediate,advanced").split(",");
const EXCLUDE = ["customer_id", "account_id"];

function concat(a: ColumnarTable, b: ColumnarTable): ColumnarTable {
  return {
    spec: a.spec,
    length: a.length + b.length,
    columns: a.columns.map((c, j) => [...c, ...b.columns[j]!] as never),
  };
}

function fitAndScore(train: ColumnarTable, test: ColumnarTable, label: string, trap: boolean) {
  const exclude = [...EXCLUDE, label, ...(trap ? [] : ["mrr_change_full_period"])];
  const y = Float64Array.from(getColumn(train, label) as number[], (v) => Math.log1p(v));
  const actual = getColumn(test, label) as number[];
  const lin = fitFeaturePlan(train, { encoding: "one-hot", exclude });
  const lm = fitLinearRegression(lin.transform(train), y, { alpha: 1 });
  const pl = lm.predict(lin.transform(test));
  const ord = fitFeaturePlan(train, { encoding: "ordinal", exclude });
  const gb = fitGradientBoosting(ord.transform(train), y, {
    loss: "squared",
    maxIter: 200,
    learningRate: 0.05,
  });
  const pg = gb.predict(ord.transform(test));
  return {
    linS: spearman(pl, actual),
    gbmS: spearman(pg, actual),
    linG: normalizedGini(actual, pl),
    gbmG: normalizedGini(actual, pg),
  };
}

const med = (xs: number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const f = (x: number) => x.toFixed(3);

const summary: string[] = [];
for (const tier of tiers) {
  const acc: Record<string, number[]> = {};
  const push = (k: string, v: number) => {
    acc[k] ??= [];
    acc[k].push(v);
  };
  for (const seed of seeds) {
    const b = generate({
      n_customers: n,
      seed,
      difficulty: tier,
      exposure_mode: "research_instructor",
      oracle_replicates: 8,
    });
    const task = (id: string) => b.tasks.find((t) => t.id === id)!;
    const all = (id: string) => {
      const s = task(id).splits;
      return concat(concat(s.train, s.valid), s.test);
    };
    for (const [regime, prefix] of [
      ["cal", ""],
      ["early", "early_"],
    ] as const) {
      for (const w of [90, 365, 730]) {
        const t = all(`${prefix}pltv_revenue_${w}d`);
        push(`${regime}_zero${w}`, zeroShare(getColumn(t, `ltv_revenue_${w}d`) as number[]));
      }
      push(
        `${regime}_top10_730`,
        topDecileShare(
          getColumn(all(`${prefix}pltv_revenue_730d`), "ltv_revenue_730d") as number[],
        ),
      );
      const ch = getColumn(all(`${prefix}churned_within_180d`), "churned_within_180d") as boolean[];
      push(`${regime}_churn180`, ch.filter(Boolean).length / ch.length);
    }
    const s = task("pltv_revenue_365d").splits;
    // Fit on train, score on valid + test (30 % of rows: less split noise than test alone).
    const train = s.train;
    const heldOut = concat(s.valid, s.test);
    const honest = fitAndScore(train, heldOut, "ltv_revenue_365d", false);
    const withTrap = fitAndScore(train, heldOut, "ltv_revenue_365d", true);
    push("lin_spearman", honest.linS);
    push("gbm_spearman", honest.gbmS);
    push("lin_gini", honest.linG);
    push("gbm_gini", honest.gbmG);
    push("gbm_spearman_trap", withTrap.gbmS);
    // Oracle on the same test rows.
    const oracle = b.metadataTables.find(
      (m) => m.path === "metadata/oracle/pltv_revenue_365d.parquet",
    )!.table;
    const score = new Map(
      (getColumn(oracle, "customer_id") as string[]).map((id, r) => [
        id,
        (getColumn(oracle, "oracle_score") as number[])[r]!,
      ]),
    );
    const ids = getColumn(heldOut, "customer_id") as string[];
    const actual = getColumn(heldOut, "ltv_revenue_365d") as number[];
    const os = ids.map((id) => score.get(id)!);
    push("oracle_spearman", spearman(os, actual));
    push("oracle_gini", normalizedGini(actual, os));
    console.log(
      `${tier} seed ${seed} ${String(b.manifestDraft.motif_family).padEnd(27)} lin ${f(honest.linS)} gbm ${f(honest.gbmS)} oracle ${f(spearman(os, actual))} | gini lin ${f(honest.linG)} gbm ${f(honest.gbmG)} | gbm+trap ${f(withTrap.gbmS)}`,
    );
  }
  summary.push(
    `| ${tier} | ${Object.entries(acc)
      .map(([k, v]) => `${k}=${f(med(v))}`)
      .join(" | ")} |`,
  );
}
console.log("\nmedians over seeds:");
for (const line of summary) console.log(line);
