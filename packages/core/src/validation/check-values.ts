import type { ColumnarTable, ColumnSpec } from "../table/types.js";
import {
  BUNDLE_SPLITS,
  isClassification,
  labelAsNumbers,
  listBundleTasks,
  readDictionary,
  readSplit,
} from "./bundle-tasks.js";
import type { BundleReader, Finding, ValidationContext, ValidationProvider } from "./types.js";

function boundsFindings(
  file: string,
  name: string,
  values: readonly unknown[],
  bounds: { min?: number | undefined; max?: number | undefined },
  what: string,
): Finding[] {
  let below = 0;
  let above = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (typeof v !== "number" || Number.isNaN(v)) continue;
    if (bounds.min !== undefined && v < bounds.min) below++;
    if (bounds.max !== undefined && v > bounds.max) above++;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const out: Finding[] = [];
  if (below > 0) {
    out.push({
      severity: "error",
      code: "value_below_bound",
      file,
      column: name,
      value: min,
      threshold: bounds.min!,
      message: `${what} '${name}' has ${below} value(s) below ${bounds.min} (min ${min})`,
    });
  }
  if (above > 0) {
    out.push({
      severity: "error",
      code: "value_above_bound",
      file,
      column: name,
      value: max,
      threshold: bounds.max!,
      message: `${what} '${name}' has ${above} value(s) above ${bounds.max} (max ${max})`,
    });
  }
  return out;
}

function vocabularyFindings(file: string, spec: ColumnSpec, values: readonly unknown[]): Finding[] {
  if (!spec.categories || spec.type !== "string") return [];
  const allowed = new Set(spec.categories);
  const bad = new Map<string, number>();
  for (const v of values)
    if (typeof v === "string" && !allowed.has(v)) bad.set(v, (bad.get(v) ?? 0) + 1);
  if (bad.size === 0) return [];
  const examples = [...bad.keys()].sort().slice(0, 3);
  return [
    {
      severity: "error",
      code: "value_outside_vocabulary",
      file,
      column: spec.name,
      message: `Column '${spec.name}' has values outside its vocabulary: ${examples.map((e) => JSON.stringify(e)).join(", ")}`,
    },
  ];
}

function isConstant(values: readonly unknown[]): boolean {
  if (values.length < 2) return false;
  const first = values[0];
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return false;
  return true;
}

function columnValues(table: ColumnarTable, name: string): unknown[] | null {
  const i = table.spec.columns.findIndex((c) => c.name === name);
  return i < 0 ? null : (table.columns[i] as unknown[]);
}

/**
 * Value checks: table columns within their declared `bounds` and `categories`; task columns
 * whose dictionary unit is `count` non-negative; no task feature constant over the training
 * split (a constant column is noise the reader has to discover); classification labels with
 * both classes in train and test.
 */
export function createValueProvider(): ValidationProvider {
  return {
    name: "values",
    async check(bundle: BundleReader, context?: ValidationContext) {
      const out: Finding[] = [];
      const files = new Set(bundle.listFiles());
      const scheme = context?.scheme;
      if (scheme) {
        for (const spec of scheme.tables) {
          const entry = bundle.manifest.tables[spec.name];
          if (!entry || !entry.file.endsWith(".parquet") || !files.has(entry.file)) continue;
          const table = await bundle.readTable(entry.file);
          for (const c of spec.columns) {
            const values = columnValues(table, c.name);
            if (!values) continue;
            const bounds = c.bounds ?? (c.unit === "count" ? { min: 0 } : undefined);
            if (bounds)
              out.push(
                ...boundsFindings(entry.file, c.name, values, bounds, `${spec.name} column`),
              );
            out.push(...vocabularyFindings(entry.file, c, values));
          }
        }
      }
      const dictionary = await readDictionary(bundle);
      for (const task of await listBundleTasks(bundle, context)) {
        for (const split of BUNDLE_SPLITS) {
          const table = await readSplit(bundle, task, split);
          if (!table) continue;
          const file = task.files[split];
          for (const d of dictionary) {
            const values = columnValues(table, d.name);
            if (!values) continue;
            if (d.unit === "count")
              out.push(...boundsFindings(file, d.name, values, { min: 0 }, "Count feature"));
            if (
              split === "train" &&
              (d.role === "feature" || d.role === "trap") &&
              isConstant(values)
            ) {
              out.push({
                severity: "warning",
                code: "constant_feature",
                file,
                column: d.name,
                message: `Feature '${d.name}' is constant (${JSON.stringify(values[0])}) across the ${table.length} training rows of task '${task.id}'`,
              });
            }
          }
          if (isClassification(task) && split !== "valid") {
            const labels = columnValues(table, task.labelColumn);
            if (!labels) continue;
            const y = labelAsNumbers(labels).filter((v): v is number => v !== null);
            const pos = y.reduce((s, v) => s + v, 0);
            if (y.length > 0 && (pos === 0 || pos === y.length)) {
              out.push({
                severity: "error",
                code: "label_single_class",
                file,
                column: task.labelColumn,
                message: `Task '${task.id}' ${split}: every label is ${pos === 0 ? "negative" : "positive"}, so no model can be evaluated`,
              });
            }
          }
        }
      }
      return out;
    },
  };
}
