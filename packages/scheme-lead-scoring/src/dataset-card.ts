import type { BundleFacts } from "@leadforge/core";
import type { LeadScoringWorld } from "./build-world.js";
import { TRAP_COLUMN } from "./snapshot-spec.js";

const TIER_TEXT: Readonly<Record<string, string>> = {
  intro:
    "Strong, mostly additive signal: firmographics, seniority, channel and early engagement all move the odds, and a linear model does well.",
  intermediate:
    "Part of the signal is non-linear (touch fatigue, a pricing-page threshold, seniority × engagement) and there is more unobserved noise: tree ensembles beat linear models.",
  advanced:
    "Weak and mostly non-linear signal, heavy noise and distorted measurements; conversions are rare. Expect modest scores and check calibration.",
};

const fmt = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
const pct = (x: number | null) => (x === null ? "n/a" : `${(100 * x).toFixed(1)}%`);

/** Render `dataset_card.md` from the bundle's facts (no claims the bundle does not back). */
export function renderDatasetCard(world: LeadScoringWorld, facts: BundleFacts): string {
  const { narrative, params } = world;
  const common = facts.config.common;
  const tier = common.difficulty;
  const task = facts.tasks[params.primary_task];
  const title = tier.charAt(0).toUpperCase() + tier.slice(1);
  const rows = Object.entries(facts.tableRows)
    .map(([name, n]) => `| ${name} | ${fmt(n)} |`)
    .join("\n");
  const splitRows = task
    ? (["train", "valid", "test"] as const)
        .map((s) => `| ${s} | ${fmt(task.splits[s].rows)} | ${pct(task.splits[s].labelMean)} |`)
        .join("\n")
    : "";
  const isPublic = facts.exposure.snapshotSafe;
  const channels = narrative.gtm_motion.channels.join(", ");
  const [lo, hi] = world.profile.conversion_rate_range;
  const splitText =
    common.split_strategy === "grouped"
      ? "grouped by `account_id`: no account appears in two splits, so leads of the same company never leak between train and test"
      : common.split_strategy === "stratified"
        ? "stratified on the label (each split has the same conversion rate); accounts can appear in several splits"
        : "random by lead; accounts can appear in several splits";
  return `# B2B Lead Scoring Dataset — ${title} Tier

Synthetic data: every company, person and event below was simulated by leadforge; nothing describes a real organisation.

## What you are predicting

\`${params.primary_task}\`: will the lead close-won within ${params.label_window_days} days of its creation? The label emerges from a simulated sales funnel (mql → sal → sql → demo_scheduled → demo_completed → proposal_sent → negotiation → closed_won, with closed_lost possible from any open stage); it was never drawn directly. Features describe each lead as of **lead day ${params.snapshot_day}** (its first ${params.snapshot_day + 1} days, day 0 included).

## This tier: ${tier}

${TIER_TEXT[tier] ?? ""}

| property | value |
|---|---|
| target conversion range | ${pct(lo)} – ${pct(hi)} |
| realised conversion (train / valid / test) | ${task ? `${pct(task.splits.train.labelMean)} / ${pct(task.splits.valid.labelMean)} / ${pct(task.splits.test.labelMean)}` : "n/a"} |
| feature noise (sd fraction) | ${world.profile.noise_scale} |
| missing rate (numeric features) | ${pct(world.profile.missing_rate)} |
| outlier rate (float features) | ${pct(world.profile.outlier_rate)} |

## Splits

Rows are split ${splitText}.

| split | rows | conversion rate |
|---|---|---|
${splitRows}

## Tables

| table | rows |
|---|---|
${rows}

${facts.exposure.cutoff}${
  isPublic
    ? ` Tables withheld in this bundle: ${facts.structuralRedactions.omitted_tables.join(", ") || "none"}; columns withheld: ${
        Object.entries(facts.structuralRedactions.columns)
          .map(([t, cs]) => `${t}.${cs.join(`, ${t}.`)}`)
          .join("; ") || "none"
      }.`
    : ""
}

## The trap column

\`${TRAP_COLUMN}\` counts a lead's touches over the **whole** simulated horizon, including the days after the snapshot. It is in the task files on purpose and is flagged in \`feature_dictionary.csv\` (role \`trap\`, leakage risk): no model could know it at prediction time. Whatever it seems to add comes from the future — evaluate with and without it, and ship without it.

## The simulated world

${narrative.company.name} sells ${narrative.product.name} (${narrative.product.category}) to companies in ${narrative.market.icp_industries.join(", ")} across ${narrative.market.geographies.join(", ")}. Leads arrive through ${channels}; each belongs to a contact at an account and is worked by one of ten sales reps. Lead creation is spread over ${params.lead_creation_days} days from 2024-01-01, so a chronological split shows some drift.

${isPublic ? "The hidden causal structure, every entity's latent traits and the true conversion probabilities are withheld from this bundle." : "This instructor bundle includes `metadata/`: the hidden causal graph that generated the data (it is executed: every edge is a term in a mechanism), every entity's latent traits, the mechanism parameters actually simulated, and `metadata/oracle/` with each lead's true conversion probability at the snapshot."}

## How to load

\`\`\`python
import pandas as pd
train = pd.read_parquet("tasks/${params.primary_task}/train.parquet")
leads = pd.read_parquet("tables/leads.parquet")
\`\`\`

Dates are Parquet DATE columns and event times are TIMESTAMP(µs, UTC); integer columns stay integers.

## Reproducibility

Generated by ${facts.scheme.packageName}@${facts.scheme.version} (scheme \`${facts.scheme.name}\`), recipe \`${facts.config.recipe_id}\`, seed ${common.seed}, difficulty \`${tier}\`, exposure \`${common.exposure_mode}\`, ${fmt(params.n_leads)} leads:

\`\`\`
leadforge generate --recipe ${facts.config.recipe_id} --seed ${common.seed} --difficulty ${tier} --mode ${common.exposure_mode} --n-leads ${params.n_leads}
\`\`\`

The same versions, recipe, seed and config give byte-identical files.

## Intended uses

Teaching and practising lead scoring: feature engineering from relational CRM tables, leakage awareness, grouped validation, calibration and ranking metrics.

## Caveats

- Synthetic: distributions are plausible, not measured from real companies; conversion rates are set per tier for teaching.
- The label window is anchored at lead creation, not at the snapshot; a few leads have already converted by the snapshot.
- Measurement distortions (noise, missing values, outliers) are applied to task features only, never to the relational tables, so features recomputed from the tables differ from the task columns in distorted cells.
`;
}
