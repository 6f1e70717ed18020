import type { BundleFacts } from "@leadforge/core";
import type { Regime } from "./build-snapshot.js";
import type { LifecycleWorld } from "./build-world.js";
import { isoDate } from "./build-world.js";
import { TRAP_COLUMN } from "./snapshot-columns.js";

/** What the card needs besides the bundle facts. */
export interface LifecycleCardInput {
  readonly world: LifecycleWorld;
  /** Regimes whose tasks this bundle publishes. */
  readonly regimes: readonly Regime[];
  /** Zero share per published revenue task (whole frame, before splitting). */
  readonly zeroShare: Readonly<Record<string, number>>;
}

const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

/** Render the lifecycle dataset card (markdown). */
export function renderDatasetCard(input: LifecycleCardInput, facts: BundleFacts): string {
  const { world, regimes } = input;
  const tier = facts.config.common.difficulty;
  const mode = facts.config.common.exposure_mode;
  const isPublic = !facts.exposure.metadata;
  const obs = isoDate(world.observationDay);
  const early = world.params.early_tenure_weeks;
  const company = world.narrative.company.name;
  const L: string[] = [];
  L.push(`# B2B SaaS pLTV Dataset — ${tier[0]!.toUpperCase()}${tier.slice(1)} Tier`, "");
  L.push(
    `A weekly simulation of ${fmt(world.customers.length)} B2B SaaS customers of ${company} after the deal closed: monthly invoices, payment failures and dunning, renewals, expansions and churn. The question is predictive lifetime value: *given what is known about a customer at a cutoff, how much revenue will it bring in over the next 90, 365 or 730 days?* Churn within 180 days is a secondary label.`,
    "",
  );
  L.push("## The target is zero-inflated and heavy-tailed (ZILN)", "");
  L.push(
    "Revenue targets sum the invoices dated strictly after the cutoff inside the window whose final status is `paid` or `recovered` (failed and written-off invoices never count). A share of customers brings in nothing at all (they churn or are written off before paying again) and a few expanding customers bring in a large part of the total. Model it as `P(value > 0) × E[value | value > 0]` (e.g. a zero-inflated lognormal), or at least on `log1p(target)`; do not judge models by raw-scale MSE, which the few largest customers dominate.",
    "",
  );
  const zs = Object.entries(input.zeroShare);
  if (zs.length > 0) {
    L.push("| task | zero share |", "|---|---|");
    for (const [task, z] of zs) L.push(`| ${task} | ${pct(z)} |`);
    L.push("");
  }
  L.push("## Observation regimes", "");
  if (regimes.includes("calendar")) {
    L.push(
      `- **Calendar-anchored** (tasks \`pltv_revenue_90d\`, \`pltv_revenue_365d\`, \`pltv_revenue_730d\`, \`churned_within_180d\`): one cutoff, the observation date ${obs}, for every customer active then; tenure varies from 0 to ${world.params.acquisition_window_weeks} weeks.`,
    );
  }
  if (regimes.includes("early")) {
    L.push(
      `- **Early pLTV, tenure-anchored** (tasks prefixed \`early_\`): each customer's own cutoff is its start date + ${early} weeks (cold start); every row has the same short tenure, so columns that are constant by construction at that anchor are left out.`,
    );
  }
  if (isPublic) {
    L.push(
      "",
      `This public bundle carries one regime, because its relational tables can be cut at one cutoff per customer only: ${regimes[0] === "calendar" ? `every event table is cut at ${obs}` : `every event table is cut at each customer's own anchor (start + ${early} weeks)`}. The other regime is available with \`public_regime\` (or in the instructor bundle).`,
    );
  }
  L.push(
    "",
    "## Tasks",
    "",
    "| task | type | target | window (days) | rows (train / valid / test) |",
  );
  L.push("|---|---|---|---|---|");
  for (const [id, t] of Object.entries(facts.tasks)) {
    const label = id.replace(/^early_/, "").replace(/^pltv_revenue_/, "ltv_revenue_");
    const win = /(\d+)d$/.exec(id)?.[1] ?? "";
    L.push(
      `| ${id} | ${t.type} | ${label} | ${win} | ${fmt(t.splits.train.rows)} / ${fmt(t.splits.valid.rows)} / ${fmt(t.splits.test.rows)} |`,
    );
  }
  L.push(
    "",
    `Splits are ${facts.config.common.split_strategy}${facts.config.common.split_strategy === "grouped" ? " by `account_id`: customers of one account share account-level traits, so no account spans two splits" : ""}.`,
  );
  L.push("", "## Relational tables", "", "| table | rows |", "|---|---|");
  for (const [name, rows] of Object.entries(facts.tableRows)) L.push(`| ${name} | ${fmt(rows)} |`);
  L.push("");
  if (isPublic) {
    L.push(
      "The event tables (`subscription_events`, `health_signals`, `invoices`) contain nothing dated after the cutoff, and invoice `payment_status` is shown as it stood at the cutoff (`failed` while dunning is still open). `subscriptions` drops its end-of-simulation columns (status, current MRR, counts, churn date and reason). Row IDs are numbered over the published rows.",
      "",
    );
  } else {
    L.push(
      "The tables hold the full simulated history, including everything after the cutoffs (that is what makes this the instructor bundle).",
      "",
    );
  }
  L.push("## Right-censoring", "");
  L.push(
    "The targets are never censored: every customer is simulated through its latest cutoff + 730 days, so each window is complete (a customer who churns inside a window simply brings in less, or nothing). The *total* lifetime value in the relational tables is censored: the simulation stops at that horizon, so a customer still active then (`subscription_status = active` in instructor bundles) would have kept paying. Summing a customer's invoices is not its lifetime value.",
    "",
    "Because a live customer is invoiced every month, a zero at 90 days means the customer is gone, so the zero share is the same in every window; what grows with the window is the low-value mass and the right tail.",
    "",
  );
  L.push("## Leakage trap", "");
  L.push(
    `\`${TRAP_COLUMN}\` is the MRR change up to the **end of the simulation**, so it includes expansions after the cutoff that produce the very revenue being predicted. It is kept on purpose (flagged in \`feature_dictionary.csv\`) as a lesson: compare a model with and without it. Its honest counterpart is \`mrr_change_at_snapshot\`.`,
    "",
  );
  L.push("## This tier", "");
  L.push(
    `${world.profile.description ?? tier}. Harder tiers change the world, not only the measurements: more unobserved churn frailty and expansion appetite, noisier health signals, weaker coupling of observed engagement to outcomes, plus noise, missingness and outliers on the health aggregates (noise ${world.profile.noise_scale}, missing ${world.profile.missing_rate}, outliers ${world.profile.outlier_rate}).`,
    "",
  );
  L.push("## How to evaluate", "");
  L.push(
    "- **Spearman** rank correlation between prediction and actual (ranking quality).",
    "- **Normalized Gini**: Gini of actual value ordered by prediction over the Gini of the perfect ordering (value-weighted ranking).",
    "- **Decile calibration**: mean predicted vs mean actual per predicted decile, and total predicted / total actual.",
    "- Error on `log1p(value)` if you need a point-error metric. For `churned_within_180d`: ROC-AUC and calibration.",
    "",
  );
  L.push("## Reproducibility", "");
  L.push(
    `Recipe \`${facts.config.recipe_id}\`, scheme \`${facts.scheme.name}\` (${facts.scheme.packageName}@${facts.scheme.version}), seed ${facts.config.common.seed}, mode \`${mode}\`, motif family \`${world.motif.name}\`. The same scheme version, recipe, seed and config regenerate this bundle byte for byte; \`manifest.json\` records the hash of every file.`,
    "",
  );
  return L.join("\n");
}
