import type { TaskType } from "../config/enums.js";
import type { ColumnarTable } from "../table/types.js";
import { type DictionaryEntry, parseFeatureDictionary } from "./parse-feature-dictionary.js";
import type { BundleReader, ValidationContext } from "./types.js";

/** Split names in file order. */
export const BUNDLE_SPLITS = ["train", "valid", "test"] as const;

/** What validators and the report need to know about one task of a bundle. */
export interface BundleTask {
  /** Task id (folder name). */
  readonly id: string;
  /** Task type from `task_manifest.json` (or the scheme). */
  readonly type: TaskType | string;
  /** Label column. */
  readonly labelColumn: string;
  /** The relational table a row stands for (e.g. `leads`). */
  readonly primaryTable: string | null;
  /** The row-key column in the task files (the primary table's key, e.g. `lead_id`). */
  readonly keyColumn: string | null;
  /** The column splits are grouped by (e.g. `account_id`), or null. */
  readonly splitGroup: string | null;
  /** Relative path of each split file. */
  readonly files: Readonly<Record<(typeof BUNDLE_SPLITS)[number], string>>;
  /** The raw `task_manifest.json`, if readable. */
  readonly taskManifest: Readonly<Record<string, unknown>> | null;
}

/** Read and parse the bundle's feature dictionary (empty when absent or unreadable). */
export async function readDictionary(bundle: BundleReader): Promise<DictionaryEntry[]> {
  if (!bundle.listFiles().includes("feature_dictionary.csv")) return [];
  try {
    return parseFeatureDictionary(await bundle.readText("feature_dictionary.csv"));
  } catch {
    return [];
  }
}

/** Path of a split file (Parquet preferred, CSV when that is all there is). */
function splitFile(bundle: BundleReader, id: string, split: string): string {
  const parquet = `tasks/${id}/${split}.parquet`;
  const files = bundle.listFiles();
  if (files.includes(parquet)) return parquet;
  const csv = `tasks/${id}/${split}.csv`;
  return files.includes(csv) ? csv : parquet;
}

/**
 * Describe every task of a bundle from its manifest, `task_manifest.json` files and (when
 * available) the scheme: label, type, primary table and its key, split grouping.
 */
export async function listBundleTasks(
  bundle: BundleReader,
  context?: ValidationContext,
): Promise<BundleTask[]> {
  const out: BundleTask[] = [];
  for (const id of Object.keys(bundle.manifest.tasks).sort()) {
    let tm: Record<string, unknown> | null = null;
    const tmPath = `tasks/${id}/task_manifest.json`;
    if (bundle.listFiles().includes(tmPath)) {
      try {
        tm = JSON.parse(await bundle.readText(tmPath)) as Record<string, unknown>;
      } catch {
        tm = null;
      }
    }
    const spec = context?.scheme?.tasks.find((t) => t.id === id);
    const primaryTable =
      (typeof tm?.primary_table === "string" ? tm.primary_table : null) ??
      spec?.primaryTable ??
      null;
    const tableSpec = context?.scheme?.tables.find((t) => t.name === primaryTable);
    const keyColumn = tableSpec?.primaryKey ?? null;
    out.push({
      id,
      type: (typeof tm?.task_type === "string" ? tm.task_type : null) ?? spec?.type ?? "unknown",
      labelColumn:
        (typeof tm?.label_column === "string" ? tm.label_column : null) ?? spec?.labelColumn ?? id,
      primaryTable,
      keyColumn,
      splitGroup: typeof tm?.split_group === "string" ? tm.split_group : null,
      files: {
        train: splitFile(bundle, id, "train"),
        valid: splitFile(bundle, id, "valid"),
        test: splitFile(bundle, id, "test"),
      },
      taskManifest: tm,
    });
  }
  return out;
}

/** Whether a task is binary classification. */
export function isClassification(task: BundleTask): boolean {
  return task.type === "binary_classification" || task.type === "classification";
}

/** Read a split table, or null when the file is absent or not Parquet. */
export async function readSplit(
  bundle: BundleReader,
  task: BundleTask,
  split: (typeof BUNDLE_SPLITS)[number],
): Promise<ColumnarTable | null> {
  const path = task.files[split];
  if (!path.endsWith(".parquet") || !bundle.listFiles().includes(path)) return null;
  return bundle.readTable(path);
}

/** Label values as 0/1 numbers (null stays null). */
export function labelAsNumbers(values: readonly unknown[]): (number | null)[] {
  return values.map((v) =>
    v === null || v === undefined ? null : typeof v === "boolean" ? (v ? 1 : 0) : Number(v),
  );
}

/**
 * The rows of a task split whose label is present, with the labels as 0/1 (or numeric
 * targets); null when the split has no label column. Used by the report and the probes.
 */
export function labelledRows(
  table: ColumnarTable,
  label: string,
): { table: ColumnarTable; y: number[] } | null {
  const i = table.spec.columns.findIndex((c) => c.name === label);
  if (i < 0) return null;
  const y = labelAsNumbers(table.columns[i] as unknown[]);
  const keep: number[] = [];
  y.forEach((v, r) => {
    if (v !== null) keep.push(r);
  });
  if (keep.length === table.length) return { table, y: y as number[] };
  return {
    table: {
      spec: table.spec,
      length: keep.length,
      columns: table.columns.map((c) => keep.map((r) => c[r]!)) as ColumnarTable["columns"],
    },
    y: keep.map((r) => y[r]!),
  };
}

/** Path of a relational table file, from the manifest. */
export function tableFile(bundle: BundleReader, name: string): string | null {
  const entry = bundle.manifest.tables[name];
  return entry ? entry.file : null;
}
