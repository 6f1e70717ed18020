import type { ColumnarTable } from "../table/types.js";
import { type BundleTask, labelledRows, readSplit } from "../validation/bundle-tasks.js";
import type { DictionaryEntry } from "../validation/parse-feature-dictionary.js";
import type { BundleReader } from "../validation/types.js";
import { metric } from "./metric-value.js";
import type { SplitSummary } from "./types.js";

/** A task's splits with labelled rows only, and its feature columns. */
export interface TaskData {
  readonly train: ColumnarTable;
  readonly test: ColumnarTable;
  readonly trainY: number[];
  readonly testY: number[];
  readonly splits: Record<"train" | "valid" | "test", SplitSummary>;
  /** Feature and trap columns present in the task files, in file order. */
  readonly features: { readonly name: string; readonly role: string }[];
  /** Columns never used as model input (ids, labels, split markers). */
  readonly exclude: string[];
}

/**
 * Load a task for the report: train and test (valid is summarised but not used — the
 * protocol trains on train and scores test), features by dictionary role (`feature` and
 * `trap`; identifiers, labels and everything else excluded; with `excludeLeaky`, features
 * flagged `leakage_risk` that are not the trap are excluded too). Null when a split or the
 * label is missing.
 */
export async function loadTaskData(
  bundle: BundleReader,
  task: BundleTask,
  dictionary: readonly DictionaryEntry[],
  excludeLeaky = true,
): Promise<TaskData | null> {
  const tr = await readSplit(bundle, task, "train");
  const te = await readSplit(bundle, task, "test");
  const va = await readSplit(bundle, task, "valid");
  if (!tr || !te) return null;
  const train = labelledRows(tr, task.labelColumn);
  const test = labelledRows(te, task.labelColumn);
  if (!train || !test) return null;
  const mean = (y: number[]) =>
    metric(y.length ? y.reduce((a, b) => a + b, 0) / y.length : Number.NaN);
  const valid = va ? labelledRows(va, task.labelColumn) : null;
  const roles = new Map(dictionary.map((d) => [d.name, d.role] as const));
  // Instructor-only columns flagged as leakage risks (e.g. a stage withheld from public
  // bundles) would make the baselines describe a dataset students never see.
  const leaky = new Set(
    excludeLeaky
      ? dictionary.filter((d) => d.leakageRisk && d.role === "feature").map((d) => d.name)
      : [],
  );
  const features: { name: string; role: string }[] = [];
  const exclude: string[] = [];
  for (const c of tr.spec.columns) {
    const role = roles.get(c.name) ?? (c.name === task.labelColumn ? "label" : "attribute");
    if (
      c.name !== task.labelColumn &&
      (role === "trap" || (role === "feature" && !leaky.has(c.name)))
    )
      features.push({ name: c.name, role });
    else exclude.push(c.name);
  }
  return {
    train: train.table,
    test: test.table,
    trainY: train.y,
    testY: test.y,
    splits: {
      train: { rows: tr.length, labelMean: mean(train.y) },
      valid: { rows: va?.length ?? 0, labelMean: valid ? mean(valid.y) : null },
      test: { rows: te.length, labelMean: mean(test.y) },
    },
    features,
    exclude,
  };
}

/**
 * The oracle scores for the test rows, from `metadata/oracle/<task>.parquet` (an id column
 * plus `oracle_score`), aligned by that id column. Null when absent or when any test row
 * has no oracle value.
 */
export async function loadOracle(
  reader: BundleReader | undefined,
  taskId: string,
  test: ColumnarTable,
): Promise<Float64Array | null> {
  const path = `metadata/oracle/${taskId}.parquet`;
  if (!reader || !reader.listFiles().includes(path)) return null;
  const oracle = await reader.readTable(path);
  const si = oracle.spec.columns.findIndex((c) => c.name === "oracle_score");
  const key = oracle.spec.columns.find(
    (c, i) => i !== si && test.spec.columns.some((t) => t.name === c.name),
  );
  if (si < 0 || !key) return null;
  const ki = oracle.spec.columns.indexOf(key);
  const byId = new Map<unknown, number>();
  (oracle.columns[ki] as unknown[]).forEach((k, r) => {
    byId.set(k, (oracle.columns[si] as number[])[r]!);
  });
  const tk = test.columns[test.spec.columns.findIndex((c) => c.name === key.name)] as unknown[];
  const out = new Float64Array(test.length);
  for (let r = 0; r < test.length; r++) {
    const v = byId.get(tk[r]);
    if (v === undefined || v === null) return null;
    out[r] = v;
  }
  return out;
}
