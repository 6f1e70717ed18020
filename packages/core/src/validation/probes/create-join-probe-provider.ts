import { fitGradientBoosting } from "../../quality/fit-gradient-boosting.js";
import type { Matrix } from "../../quality/matrix.js";
import { fitFeaturePlan } from "../../quality/prepare-features.js";
import { rocAuc } from "../../quality/roc-auc.js";
import type { ColumnarTable, TableSpec } from "../../table/types.js";
import { isClassification, listBundleTasks, readDictionary } from "../bundle-tasks.js";
import type {
  BundleReader,
  Finding,
  Severity,
  ValidationContext,
  ValidationProvider,
} from "../types.js";
import { buildJoinFeatures, type JoinFeatures, type JoinTable } from "./join-features.js";
import { aucStandardError, exceedsThreshold, hstack, PROBE_ITERATIONS } from "./probe-auc.js";
import { loadProbeSplits } from "./task-probe-data.js";

/** Options of {@link createJoinProbeProvider}. */
export interface JoinProbeOptions {
  /**
   * Largest AUC gain from adding the joined relational features to the task's own features.
   * Legitimate tables only restate what the snapshot features already say (gain ≈ 0); a
   * table carrying post-cutoff state (an end-of-horizon `stage`) adds a lot. @default 0.04
   */
  readonly maxLift?: number;
  /**
   * Optional cap on the AUC of the joined features alone, restricted to `tables` when given
   * (e.g. outcome tables such as opportunities/customers). @default none
   */
  readonly maxAuc?: number;
  /** Tables the absolute `maxAuc` check uses. @default every joined table */
  readonly tables?: readonly string[];
  /** Modes probed. @default modes whose bundles are snapshot-safe */
  readonly modes?: readonly string[];
  /** Tasks probed. @default every classification task */
  readonly taskIds?: readonly string[];
  /** Severity over threshold. @default "error" */
  readonly severity?: Severity;
}

function rowsFor(
  features: JoinFeatures,
  keys: readonly unknown[],
  select?: ReadonlySet<number>,
): Matrix {
  const cols = select ? [...select] : features.values.map((_, j) => j);
  const p = cols.length;
  const data = new Float64Array(keys.length * p);
  keys.forEach((k, r) => {
    const i = features.keyIndex.get(String(k));
    for (let j = 0; j < p; j++)
      data[r * p + j] = i === undefined ? Number.NaN : features.values[cols[j]!]![i]!;
  });
  return { rows: keys.length, cols: p, data };
}

function aucOf(train: Matrix, y: readonly number[], evalX: Matrix, evalY: readonly number[]) {
  const model = fitGradientBoosting(train, y, { maxIter: PROBE_ITERATIONS });
  return { auc: rocAuc(evalY, model.predict(evalX)), gain: model.featureGain };
}

/**
 * Join-reconstruction probe: try to rebuild the label from the published relational tables.
 * For each classification task it joins everything hanging off the task's primary key
 * (see {@link buildJoinFeatures}), trains a small GBM on train keys and scores test keys:
 * once on the task features, once on task + joined features. The AUC gain ("lift") is what
 * the tables reveal beyond the snapshot — a leak such as `opportunities.stage` holding the
 * final stage shows up as a large gain, and the finding names the strongest joined columns.
 */
export function createJoinProbeProvider(options: JoinProbeOptions = {}): ValidationProvider {
  const maxLift = options.maxLift ?? 0.04;
  return {
    name: "join_probe",
    async check(bundle: BundleReader, context?: ValidationContext) {
      const out: Finding[] = [];
      const m = bundle.manifest;
      const applies = options.modes
        ? options.modes.includes(m.exposure_mode)
        : m.relational_snapshot_safe;
      if (!applies || context?.probes === false) return out;
      const files = new Set(bundle.listFiles());
      const tables = new Map<string, JoinTable>();
      for (const [name, entry] of Object.entries(m.tables)) {
        if (!entry.file.endsWith(".parquet") || !files.has(entry.file)) continue;
        const data: ColumnarTable = await bundle.readTable(entry.file);
        const declared = context?.scheme?.tables.find((t) => t.name === name);
        const spec: TableSpec = declared ?? {
          ...data.spec,
          name,
          primaryKey: data.spec.columns[0]?.name,
        };
        tables.set(name, { spec, data });
      }
      const dictionary = await readDictionary(bundle);
      const roles = Object.fromEntries(dictionary.map((d) => [d.name, d.role as never]));
      for (const task of await listBundleTasks(bundle, context)) {
        if (!isClassification(task) || (options.taskIds && !options.taskIds.includes(task.id)))
          continue;
        if (!task.primaryTable || !task.keyColumn || !tables.has(task.primaryTable)) continue;
        // Pool valid with test: a larger evaluation set makes the AUC gain less noisy.
        const splits = await loadProbeSplits(bundle, task, 10, true);
        if (!splits) continue;
        const keyOf = (t: ColumnarTable) => {
          const i = t.spec.columns.findIndex((c) => c.name === task.keyColumn);
          return i < 0 ? null : (t.columns[i] as unknown[]);
        };
        const trainKeys = keyOf(splits.train);
        const evalKeys = keyOf(splits.evaluation);
        if (!trainKeys || !evalKeys) continue;
        const features = buildJoinFeatures({
          tables,
          primaryTable: task.primaryTable,
          keyColumn: task.keyColumn,
          keys: [...trainKeys, ...evalKeys].map(String),
        });
        if (features.names.length === 0) continue;
        const jTrain = rowsFor(features, trainKeys);
        const jEval = rowsFor(features, evalKeys);
        const plan = fitFeaturePlan(splits.train, {
          encoding: "ordinal",
          exclude: [task.labelColumn],
          roles,
        });
        const tTrain = plan.transform(splits.train);
        const tEval = plan.transform(splits.evaluation);
        const base = aucOf(tTrain, splits.trainY, tEval, splits.evalY).auc;
        const both = aucOf(
          hstack(tTrain, jTrain),
          splits.trainY,
          hstack(tEval, jEval),
          splits.evalY,
        );
        const joinOnly = aucOf(jTrain, splits.trainY, jEval, splits.evalY);
        const lift = both.auc - base;
        const top = [...joinOnly.gain]
          .map((g, j) => [g, j] as const)
          .filter(([g]) => g > 0)
          .sort((a, b) => b[0] - a[0] || a[1] - b[1])
          .slice(0, 3)
          .map(([, j]) => features.names[j]!);
        // The two AUCs share rows, so their difference is no noisier than one AUC: a lift
        // within 2 standard errors of the base AUC is not evidence of a leak.
        const pos = splits.evalY.reduce((a, b) => a + b, 0);
        const se = aucStandardError(base, pos, splits.evalY.length - pos);
        const noisy = lift > maxLift && lift <= 2 * se;
        const over = lift > maxLift && !noisy;
        out.push({
          severity: over ? (options.severity ?? "error") : "info",
          code: over ? "probe_join_reconstruction" : "probe_join_reconstruction_ok",
          value: lift,
          threshold: maxLift,
          message: over
            ? `Task '${task.id}': the public relational tables reconstruct the label beyond the task features (AUC ${base.toFixed(3)} → ${both.auc.toFixed(3)}, +${lift.toFixed(3)} > ${maxLift}; joined tables alone ${joinOnly.auc.toFixed(3)}); strongest joined signals: ${top.join(", ")}`
            : `Task '${task.id}': join-reconstruction lift ${lift >= 0 ? "+" : ""}${lift.toFixed(3)} (task ${base.toFixed(3)}, with joins ${both.auc.toFixed(3)}, joins alone ${joinOnly.auc.toFixed(3)}) ${noisy ? `exceeds ${maxLift} but not 2 standard errors of the AUC (${(2 * se).toFixed(3)}) on this evaluation set` : `is within ${maxLift}`}`,
        });
        if (options.maxAuc !== undefined) {
          const only = new Set(options.tables ?? features.tables);
          const sel = new Set(
            features.tables.map((t, j) => (only.has(t) ? j : -1)).filter((j) => j >= 0),
          );
          if (sel.size) {
            const r = aucOf(
              rowsFor(features, trainKeys, sel),
              splits.trainY,
              rowsFor(features, evalKeys, sel),
              splits.evalY,
            );
            const auc = Math.max(r.auc, 1 - r.auc);
            const over2 = exceedsThreshold(auc, options.maxAuc, splits.evalY).over;
            out.push({
              severity: over2 ? (options.severity ?? "error") : "info",
              code: over2 ? "probe_join_auc" : "probe_join_auc_ok",
              value: auc,
              threshold: options.maxAuc,
              message: `Task '${task.id}': joined ${[...only].filter((t) => features.tables.includes(t)).join(", ")} alone reach AUC ${auc.toFixed(3)} (${over2 ? "exceeds" : "within"} ${options.maxAuc})`,
            });
          }
        }
      }
      return out;
    },
  };
}
