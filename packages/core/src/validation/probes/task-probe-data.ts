import type { ColumnarTable } from "../../table/types.js";
import { type BundleTask, labelledRows, readSplit } from "../bundle-tasks.js";
import type { BundleReader } from "../types.js";

/** The labelled rows a probe trains and evaluates on. */
export interface TaskProbeSplits {
  /** Training rows (labelled). */
  readonly train: ColumnarTable;
  /** Training labels (0/1). */
  readonly trainY: number[];
  /** Evaluation rows: test, pooled with valid when test alone is too small. */
  readonly evaluation: ColumnarTable;
  /** Evaluation labels. */
  readonly evalY: number[];
  /** Name of the evaluation set, for messages. */
  readonly evalName: string;
}

/** Rows a probe trains or evaluates on at most: enough to see a leak, bounded cost on big bundles. */
export const PROBE_MAX_ROWS = 10_000;

/** An evenly strided, order-preserving subsample of at most `max` rows (deterministic). */
function cap(
  t: { table: ColumnarTable; y: number[] },
  max: number,
): { table: ColumnarTable; y: number[] } {
  if (t.table.length <= max) return t;
  const step = t.table.length / max;
  const keep = Array.from({ length: max }, (_, k) => Math.floor(k * step));
  return {
    table: {
      spec: t.table.spec,
      length: keep.length,
      columns: t.table.columns.map((c) => keep.map((r) => c[r]!)) as ColumnarTable["columns"],
    },
    y: keep.map((r) => t.y[r]!),
  };
}

function classCounts(y: readonly number[]): [number, number] {
  let pos = 0;
  for (const v of y) pos += v === 1 ? 1 : 0;
  return [y.length - pos, pos];
}

function concat(a: ColumnarTable, b: ColumnarTable): ColumnarTable {
  const names = a.spec.columns.map((c) => c.name);
  const columns = names.map((n, i) => {
    const j = b.spec.columns.findIndex((c) => c.name === n);
    return [
      ...(a.columns[i] as unknown[]),
      ...(j >= 0 ? (b.columns[j] as unknown[]) : new Array(b.length).fill(null)),
    ];
  });
  return {
    spec: a.spec,
    length: a.length + b.length,
    columns: columns as ColumnarTable["columns"],
  };
}

/**
 * Load a classification task's train and evaluation rows for probing (each capped at
 * {@link PROBE_MAX_ROWS} by an even stride) (test, pooled with
 * valid when `poolValid` or when test alone is too small). Returns null (the
 * probe is skipped) when a split is missing or either side lacks `minClassCount` rows of
 * each class.
 */
export async function loadProbeSplits(
  bundle: BundleReader,
  task: BundleTask,
  minClassCount = 10,
  poolValid = false,
): Promise<TaskProbeSplits | null> {
  const tr = await readSplit(bundle, task, "train");
  const te = await readSplit(bundle, task, "test");
  if (!tr || !te) return null;
  const train = labelledRows(tr, task.labelColumn);
  let evaluation = labelledRows(te, task.labelColumn);
  let evalName = "test";
  if (!train || !evaluation) return null;
  if (poolValid || Math.min(...classCounts(evaluation.y)) < minClassCount) {
    const va = await readSplit(bundle, task, "valid");
    const v = va ? labelledRows(va, task.labelColumn) : null;
    if (v) {
      evaluation = { table: concat(evaluation.table, v.table), y: [...evaluation.y, ...v.y] };
      evalName = "test+valid";
    }
  }
  if (Math.min(...classCounts(train.y)) < minClassCount) return null;
  if (Math.min(...classCounts(evaluation.y)) < minClassCount) return null;
  const trc = cap(train, PROBE_MAX_ROWS);
  const evc = cap(evaluation, PROBE_MAX_ROWS);
  return { train: trc.table, trainY: trc.y, evaluation: evc.table, evalY: evc.y, evalName };
}
