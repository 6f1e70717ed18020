import {
  applyDistortions,
  type BuildContext,
  type ColumnarTable,
  type ColumnSpec,
  checkTable,
  defineTable,
  dropColumns,
  formatIsoDate,
  getColumn,
  type MetadataFile,
  makeId,
  type RenderedBundle,
  type RenderedTask,
  withColumn,
} from "@leadforge/core";
import { buildSnapshot, cutoffDay, type Regime, type Snapshot } from "./build-snapshot.js";
import { type LifecycleWorld, MAX_WINDOW_DAYS } from "./build-world.js";
import { renderDatasetCard } from "./dataset-card.js";
import { LIFECYCLE_EXPOSURE } from "./exposure.js";
import { mechanismSummary } from "./mechanism-summary.js";
import type { LifecycleNarrative } from "./narrative.js";
import { computeOracle, oracleForSnapshot } from "./oracle.js";
import type { LifecycleParams } from "./params.js";
import type { LifecycleProfile } from "./profile.js";
import { renderRelationalTables } from "./render-tables.js";
import {
  earlyDegenerateColumns,
  HEALTH_COLUMNS,
  SNAPSHOT_COLUMNS,
  TARGET_COLUMNS,
} from "./snapshot-columns.js";
import { regimeTasks } from "./tasks.js";

/** The forward windows of the revenue targets, in days (fixed by the scheme). */
export const FORWARD_WINDOWS_DAYS = [90, 365, MAX_WINDOW_DAYS] as const;

const ORACLE_TABLE = defineTable({
  name: "oracle",
  description: "True expected target per task row (instructor only).",
  columns: [
    { name: "customer_id", type: "string", role: "identifier", description: "Customer." },
    {
      name: "oracle_score",
      type: "float64",
      description:
        "Expected target given the full hidden state at the cutoff (Monte Carlo over the world's own mechanism): USD for revenue tasks, probability for churn.",
    },
  ],
});

type Ctx = BuildContext<LifecycleParams, LifecycleNarrative, LifecycleProfile>;

function distortHealth(snap: Snapshot, ctx: Ctx): ColumnarTable {
  const p = ctx.profile;
  const health = dropColumns(
    snap.table,
    snap.table.spec.columns
      .map((c) => c.name)
      .filter((n) => !(HEALTH_COLUMNS as readonly string[]).includes(n)),
  );
  const distorted = applyDistortions({
    table: health,
    rowKeys: getColumn(snap.table, "customer_id") as string[],
    rng: ctx.rng,
    streamName: `lifecycle.distort.${snap.regime}`,
    params: { noiseScale: p.noise_scale, missingRate: p.missing_rate, outlierRate: p.outlier_rate },
  });
  let out = snap.table;
  for (const c of distorted.spec.columns) {
    out = withColumn(out, c.name, getColumn(distorted, c.name));
  }
  return checkTable(out);
}

function zeroShare(values: readonly (number | null)[]): number {
  if (values.length === 0) return 0;
  let z = 0;
  for (const v of values) if (v === 0) z++;
  return z / values.length;
}

/**
 * Render the world for the requested exposure mode: relational tables (cut at the cutoff in
 * public bundles), the regime snapshots with tier distortions, the task frames, and — in
 * instructor bundles — latents, the mechanism summary and per-task oracle scores.
 */
export function renderLifecycle(world: LifecycleWorld, ctx: Ctx): RenderedBundle {
  const mode = ctx.config.common.exposure_mode;
  const rule = LIFECYCLE_EXPOSURE[mode];
  const regimes: Regime[] = rule.snapshotSafe
    ? [world.params.public_regime]
    : ["calendar", "early"];
  const publicRegime = regimes[0]!;
  const tables = renderRelationalTables(
    world,
    rule.snapshotSafe ? (i) => cutoffDay(world, publicRegime, i) : null,
  );

  const tasks: RenderedTask[] = [];
  const metadata: MetadataFile[] = [];
  const zero: Record<string, number> = {};
  const published = new Set<string>();
  const snapshotRows: Record<string, number> = {};
  for (const regime of regimes) {
    ctx.progress({ stage: `snapshot_${regime}`, done: 0, total: 1, unit: "regime" });
    const snap = buildSnapshot(world, regime);
    snapshotRows[regime] = snap.customers.length;
    const table = distortHealth(snap, ctx);
    const rowKeys = getColumn(table, "customer_id") as string[];
    const groupKeys = getColumn(table, "account_id") as string[];
    const drop = regime === "early" ? earlyDegenerateColumns(world.params.early_tenure_weeks) : [];
    // Computed with the world (on the world-building threads); recomputed here only for a
    // world built without it.
    const oracle = !rule.metadata
      ? null
      : world.oracle
        ? oracleForSnapshot(world.oracle[regime], snap)
        : computeOracle({
            world,
            snapshot: snap,
            rng: ctx.rng,
            replicates: world.params.oracle_replicates,
          });
    for (const spec of regimeTasks(regime)) {
      const others = TARGET_COLUMNS.filter((t) => t !== spec.labelColumn);
      const taskTable = dropColumns(table, [...others, ...drop]);
      for (const c of taskTable.spec.columns) published.add(c.name);
      // One split key per regime: the four tasks share rows, and their labels are nested
      // (ltv_730 ⊇ ltv_90, same zeros), so a customer must sit in the same split in all four.
      tasks.push({ spec, table: taskTable, rowKeys, groupKeys, splitKey: `lifecycle_${regime}` });
      if (spec.type === "regression" && taskTable.length > 0) {
        zero[spec.id] = zeroShare(getColumn(taskTable, spec.labelColumn) as number[]);
      }
      if (oracle) {
        const w = spec.labelWindowDays === 90 ? 0 : spec.labelWindowDays === 365 ? 1 : 2;
        const scores = spec.type === "regression" ? oracle.revenue[w] : oracle.churn180;
        metadata.push({
          path: `oracle/${spec.id}.parquet`,
          table: checkTable({
            spec: ORACLE_TABLE,
            length: rowKeys.length,
            columns: [rowKeys.slice(), Array.from(scores)],
          }),
        });
      }
    }
  }

  if (rule.metadata) {
    metadata.unshift(
      { path: "latent_registry.json", content: latentRegistry(world) },
      { path: "mechanism_summary.json", content: mechanismSummary(world) },
    );
  }

  const featureDictionary: ColumnSpec[] = SNAPSHOT_COLUMNS.filter((c) => published.has(c.name));
  const nAccounts = world.accounts.length;
  return {
    tables,
    tasks,
    featureDictionary,
    metadata,
    manifestFields: {
      n_customers: world.customers.length,
      n_accounts: nAccounts,
      observation_date: formatIsoDate(world.observationDay),
      acquisition_window_weeks: world.params.acquisition_window_weeks,
      forward_windows_days: [...FORWARD_WINDOWS_DAYS],
      early_tenure_weeks: world.params.early_tenure_weeks,
      published_regimes: regimes,
      snapshot_rows: snapshotRows,
      // End-of-simulation facts are hidden truth: instructor bundles only.
      ...(rule.metadata
        ? { churned_by_horizon: world.final.churnWeek.reduce((a, w) => a + (w >= 0 ? 1 : 0), 0) }
        : {}),
    },
    motifFamily: world.motif.name,
    datasetCard: (facts) => renderDatasetCard({ world, regimes, zeroShare: zero }, facts),
  };
}

function latentRegistry(world: LifecycleWorld): Record<string, unknown> {
  const account_latents: Record<string, unknown> = {};
  for (const a of world.accounts) account_latents[makeId("acct", a.index + 1)] = a.latents;
  const customer_latents: Record<string, unknown> = {};
  world.customers.forEach((c, i) => {
    const d = world.dynamics[i]!;
    customer_latents[makeId("cust", i + 1)] = {
      ...c.latents,
      merged: d.latents,
      frailty: d.frailty,
      expansion_appetite: d.appetite,
      champion_departure_week:
        world.final.departureWeek[i]! < 0 ? null : world.final.departureWeek[i],
    };
  });
  return { account_latents, customer_latents };
}
