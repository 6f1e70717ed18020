import type { Matrix } from "../../quality/matrix.js";
import { fitFeaturePlan } from "../../quality/prepare-features.js";
import type { ColumnarTable } from "../../table/types.js";
import {
  BUNDLE_SPLITS,
  isClassification,
  labelAsNumbers,
  listBundleTasks,
  readDictionary,
  readSplit,
} from "../bundle-tasks.js";
import type {
  BundleReader,
  Finding,
  Severity,
  ValidationContext,
  ValidationProvider,
} from "../types.js";
import { exceedsThreshold, idToNumber, probeAuc } from "./probe-auc.js";
import { loadProbeSplits } from "./task-probe-data.js";

/** A named set of task columns whose AUC alone must stay under a threshold. */
export interface FeatureSubsetProbe {
  /** Probe name, e.g. `stage_only`. */
  readonly name: string;
  /** Task columns (absent ones are ignored; a probe with none present is skipped). */
  readonly columns: readonly string[];
  /** Largest allowed AUC. */
  readonly maxAuc: number;
  /** Severity when exceeded. @default "error" */
  readonly severity?: Severity;
}

/** Options of {@link createSplitProbeProvider}. Thresholds default to the reference's. */
export interface SplitProbeOptions {
  /** Largest AUC of a model on the id columns alone. @default 0.60 */
  readonly idOnlyMaxAuc?: number;
  /** Largest label-rate difference between two splits. @default 0.10 */
  readonly labelDriftMax?: number;
  /** Largest AUC of the trap columns (dictionary role `trap`) alone. @default 0.95 */
  readonly trapMaxAuc?: number;
  /** More column subsets to probe (e.g. stage-only). */
  readonly featureSubsets?: readonly FeatureSubsetProbe[];
  /** Tasks to probe. @default every classification task */
  readonly taskIds?: readonly string[];
}

function idMatrix(table: ColumnarTable, columns: readonly string[]): Matrix {
  const idx = columns.map((c) => table.spec.columns.findIndex((s) => s.name === c));
  const p = idx.length;
  const data = new Float64Array(table.length * p);
  idx.forEach((ci, j) => {
    const col = table.columns[ci] as unknown[];
    for (let r = 0; r < table.length; r++) data[r * p + j] = idToNumber(col[r]);
  });
  return { rows: table.length, cols: p, data };
}

function subsetProbe(
  expectLeaks: boolean,
  name: string,
  columns: readonly string[],
  maxAuc: number,
  severity: Severity,
  taskId: string,
  splits: NonNullable<Awaited<ReturnType<typeof loadProbeSplits>>>,
): Finding | null {
  const present = columns.filter((c) => splits.train.spec.columns.some((s) => s.name === c));
  if (present.length === 0) return null;
  const keep = new Set(present);
  const others = splits.train.spec.columns.filter((c) => !keep.has(c.name)).map((c) => c.name);
  const plan = fitFeaturePlan(splits.train, {
    encoding: "ordinal",
    exclude: others,
    roles: Object.fromEntries(present.map((c) => [c, "feature" as const])),
  });
  const auc = probeAuc({
    train: plan.transform(splits.train),
    trainY: splits.trainY,
    evalX: plan.transform(splits.evaluation),
    evalY: splits.evalY,
  });
  if (Number.isNaN(auc)) return null;
  const { over, noisy } = exceedsThreshold(auc, maxAuc, splits.evalY);
  return {
    severity: over && !expectLeaks ? severity : "info",
    code: over ? `probe_${name}` : `probe_${name}_ok`,
    column: present.join(","),
    value: auc,
    threshold: maxAuc,
    message: `Task '${taskId}': ${name.replaceAll("_", "-")} probe AUC ${auc.toFixed(3)} on [${present.join(", ")}] ${over || noisy ? "exceeds" : "is within"} ${maxAuc}${noisy ? " but not beyond sampling noise on this evaluation set" : ""}${over && expectLeaks ? " (expected: this mode publishes leaky columns for instructors)" : ""}`,
  };
}

/**
 * Split-level leakage probes per classification task: a GBM on the id columns alone
 * (ID-only AUC), the largest label-rate gap between splits (drift), a GBM on the trap
 * columns alone, and any declared feature subsets (e.g. stage-only). Each result is a
 * finding: an error over its threshold, a note with the measured value otherwise.
 */
export function createSplitProbeProvider(options: SplitProbeOptions = {}): ValidationProvider {
  const idMax = options.idOnlyMaxAuc ?? 0.6;
  const driftMax = options.labelDriftMax ?? 0.1;
  const trapMax = options.trapMaxAuc ?? 0.95;
  return {
    name: "split_probes",
    async check(bundle: BundleReader, context?: ValidationContext) {
      const out: Finding[] = [];
      const dictionary = await readDictionary(bundle);
      for (const task of await listBundleTasks(bundle, context)) {
        if (!isClassification(task)) continue;
        if (options.taskIds && !options.taskIds.includes(task.id)) continue;
        // Label drift needs no model.
        const rates: [string, number, number][] = [];
        for (const s of BUNDLE_SPLITS) {
          const t = await readSplit(bundle, task, s);
          const i = t ? t.spec.columns.findIndex((c) => c.name === task.labelColumn) : -1;
          if (!t || i < 0) continue;
          const y = labelAsNumbers(t.columns[i] as unknown[]).filter(
            (v): v is number => v !== null,
          );
          if (y.length) rates.push([s, y.reduce((a, b) => a + b, 0) / y.length, y.length]);
        }
        if (rates.length >= 2) {
          let worst = 0;
          let pair = "";
          let significant = false;
          for (let a = 0; a < rates.length; a++)
            for (let b = a + 1; b < rates.length; b++) {
              const [na, ra, ca] = rates[a]!;
              const [nb, rb, cb] = rates[b]!;
              const d = Math.abs(ra - rb);
              // Small splits drift by chance: only a gap beyond 3 standard errors counts.
              const pooled = (ra * ca + rb * cb) / (ca + cb);
              const se = Math.sqrt(pooled * (1 - pooled) * (1 / ca + 1 / cb));
              if (d > worst) {
                worst = d;
                significant = d > 3 * se;
                pair = `${na} ${ra.toFixed(3)} vs ${nb} ${rb.toFixed(3)}`;
              }
            }
          const over = worst > driftMax && significant;
          out.push({
            severity: over ? "error" : "info",
            code: over ? "probe_label_drift" : "probe_label_drift_ok",
            column: task.labelColumn,
            value: worst,
            threshold: driftMax,
            message: `Task '${task.id}': label-rate drift between splits ${worst.toFixed(3)} (${pair}) ${over ? "exceeds" : worst > driftMax ? "exceeds" : "is within"} ${driftMax}${!over && worst > driftMax ? " but is within sampling noise for these split sizes" : ""}`,
          });
        }
        if (context?.probes === false) continue;
        const splits = await loadProbeSplits(bundle, task);
        if (!splits) {
          out.push({
            severity: "info",
            code: "probe_skipped",
            message: `Task '${task.id}': model probes skipped (${task.files.train.endsWith(".parquet") ? "too few rows of each class" : "they need Parquet split files"})`,
          });
          continue;
        }
        const present = new Set(splits.train.spec.columns.map((c) => c.name));
        const idCols = [
          ...new Set([
            ...(task.keyColumn && present.has(task.keyColumn) ? [task.keyColumn] : []),
            ...dictionary
              .filter((d) => d.role === "identifier" && present.has(d.name))
              .map((d) => d.name),
          ]),
        ];
        if (idCols.length) {
          const auc = probeAuc({
            train: idMatrix(splits.train, idCols),
            trainY: splits.trainY,
            evalX: idMatrix(splits.evaluation, idCols),
            evalY: splits.evalY,
          });
          if (!Number.isNaN(auc)) {
            const { over, noisy } = exceedsThreshold(auc, idMax, splits.evalY);
            out.push({
              severity: over ? "error" : "info",
              code: over ? "probe_id_only" : "probe_id_only_ok",
              column: idCols.join(","),
              value: auc,
              threshold: idMax,
              message: `Task '${task.id}': ID-only probe AUC ${auc.toFixed(3)} on [${idCols.join(", ")}] ${over || noisy ? "exceeds" : "is within"} ${idMax}${noisy ? " but not beyond sampling noise on this evaluation set" : ""}; ids must not encode the outcome`,
            });
          }
        }
        const traps = dictionary.filter((d) => d.role === "trap").map((d) => d.name);
        // Instructor bundles publish leaky columns on purpose; their probes are notes there.
        const expectLeaks = !bundle.manifest.relational_snapshot_safe;
        const trap = subsetProbe(
          expectLeaks,
          "trap_only",
          traps,
          trapMax,
          "error",
          task.id,
          splits,
        );
        if (trap) out.push(trap);
        for (const s of options.featureSubsets ?? []) {
          const f = subsetProbe(
            expectLeaks,
            s.name,
            s.columns,
            s.maxAuc,
            s.severity ?? "error",
            task.id,
            splits,
          );
          if (f) out.push(f);
        }
      }
      return out;
    },
  };
}
