// Diagnostics: what limits rank correlation on ltv_revenue_365d. Usage: scripts/diag.ts seed tier
import { getColumn, spearman } from "@leadforge/core";
import { buildSnapshot } from "../src/build-snapshot.js";
import { buildLifecycleWorld } from "../src/build-world.js";
import { makeContext } from "./make-context.js";

const seed = Number(process.argv[2] ?? 42);
const tier = process.argv[3] ?? "intro";
const w = buildLifecycleWorld(makeContext({ n_customers: 2000, seed, difficulty: tier }));
const s = buildSnapshot(w, "calendar");
const y = getColumn(s.table, "ltv_revenue_365d") as number[];
const col = (n: string) =>
  (getColumn(s.table, n) as (number | null)[]).map((v) => (v === null ? -1 : Number(v)));
for (const name of [
  "current_mrr",
  "initial_mrr",
  "tenure_weeks",
  "avg_feature_depth_l12w",
  "payment_failure_count",
  "unpaid_invoices_at_snapshot",
  "days_since_last_invoice",
  "weeks_to_next_renewal",
  "mrr_change_full_period",
]) {
  console.log(name.padEnd(28), spearman(col(name), y).toFixed(3));
}
const nz = y.map((v, i) => [v, i] as const).filter(([v]) => v > 0);
const mrr = col("current_mrr");
console.log(
  "non-zero only: current_mrr",
  spearman(
    nz.map(([, i]) => mrr[i]!),
    nz.map(([v]) => v),
  ).toFixed(3),
);
// Full-year survivors: revenue / mrr
const ratio = y.map((v, i) => v / mrr[i]!);
const hist = new Map<number, number>();
for (const r of ratio) hist.set(Math.round(r), (hist.get(Math.round(r)) ?? 0) + 1);
console.log(
  "revenue/mrr histogram",
  [...hist.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => `${k}:${v}`)
    .join(" "),
);
