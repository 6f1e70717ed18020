import type { ColumnarTable } from "../table/types.js";
import { BUNDLE_SPLITS, type BundleTask, listBundleTasks, readSplit } from "./bundle-tasks.js";
import type { BundleReader, Finding, ValidationContext, ValidationProvider } from "./types.js";

/**
 * Maps each row of a task split to its split group (e.g. lead → account). Return null when
 * the grouping cannot be resolved; the provider then reports that it could not check.
 */
export type SplitGroupResolver = (args: {
  readonly bundle: BundleReader;
  readonly task: BundleTask;
  readonly split: ColumnarTable;
}) => Promise<readonly (string | null)[] | null>;

/** Options of {@link createSplitProvider}. */
export interface SplitProviderOptions {
  /**
   * Row → group mapping for grouped splits. Default: the task's `split_group` column
   * (`task_manifest.json`, e.g. `account_id`) when the task files carry it, else looked up
   * through the primary table (task key → primary-table row → group column).
   */
  readonly groupOf?: SplitGroupResolver;
  /**
   * `exact`: every primary-table row must appear in some split (error). `subset`: task rows
   * must exist in the primary table; unused primary rows are only noted. @default "subset"
   */
  readonly coverage?: "exact" | "subset";
}

function column(table: ColumnarTable, name: string | null): unknown[] | null {
  if (!name) return null;
  const i = table.spec.columns.findIndex((c) => c.name === name);
  return i < 0 ? null : (table.columns[i] as unknown[]);
}

/** The default {@link SplitGroupResolver}. */
export const defaultSplitGroups: SplitGroupResolver = async ({ bundle, task, split }) => {
  const group = task.splitGroup ?? "account_id";
  const direct = column(split, group);
  if (direct) return direct.map((v) => (v === null ? null : String(v)));
  const keys = column(split, task.keyColumn);
  const entry = task.primaryTable ? bundle.manifest.tables[task.primaryTable] : undefined;
  if (!keys || !entry || !entry.file.endsWith(".parquet")) return null;
  const primary = await bundle.readTable(entry.file);
  const pk = column(primary, task.keyColumn);
  const pg = column(primary, group);
  if (!pk || !pg) return null;
  const map = new Map<unknown, unknown>();
  pk.forEach((k, i) => {
    map.set(k, pg[i]);
  });
  return keys.map((k) => {
    const g = map.get(k);
    return g === undefined || g === null ? null : String(g);
  });
};

/**
 * Splits: row counts match the manifest, no row key in two splits (or twice in one), task
 * rows exist in the primary table (and cover it when `coverage: "exact"`), and with the
 * `grouped` strategy no group (account) spans two splits.
 */
export function createSplitProvider(options: SplitProviderOptions = {}): ValidationProvider {
  const groupOf = options.groupOf ?? defaultSplitGroups;
  return {
    name: "splits",
    async check(bundle: BundleReader, context?: ValidationContext) {
      const out: Finding[] = [];
      const m = bundle.manifest;
      for (const task of await listBundleTasks(bundle, context)) {
        const entry = m.tasks[task.id] ?? {};
        const tables: Partial<Record<(typeof BUNDLE_SPLITS)[number], ColumnarTable>> = {};
        for (const s of BUNDLE_SPLITS) {
          const t = await readSplit(bundle, task, s);
          if (!t) {
            if (!bundle.listFiles().includes(task.files[s])) {
              out.push({
                severity: "error",
                code: "split_missing",
                file: task.files[s],
                message: `Task '${task.id}' has no ${s} split file`,
              });
            }
            continue;
          }
          tables[s] = t;
          const declared = entry[`${s}_rows`];
          if (typeof declared === "number" && declared !== t.length) {
            out.push({
              severity: "error",
              code: "split_row_count",
              file: task.files[s],
              value: t.length,
              message: `Task '${task.id}' ${s}: manifest says ${declared} rows, file has ${t.length}`,
            });
          }
        }
        const key = task.keyColumn ?? null;
        const keyName = key && Object.values(tables).every((t) => column(t, key)) ? key : null;
        if (!keyName) {
          out.push({
            severity: "warning",
            code: "split_key_unknown",
            message: `Task '${task.id}': no row-key column found in the split files, so overlap was not checked`,
          });
          continue;
        }
        const where = new Map<unknown, string>();
        const overlaps = new Map<string, unknown[]>();
        let dupWithin = 0;
        for (const s of BUNDLE_SPLITS) {
          const t = tables[s];
          if (!t) continue;
          for (const k of column(t, keyName)!) {
            const prev = where.get(k);
            if (prev === undefined) where.set(k, s);
            else if (prev === s) dupWithin++;
            else {
              const pair = `${prev}∩${s}`;
              const list = overlaps.get(pair) ?? [];
              list.push(k);
              overlaps.set(pair, list);
            }
          }
        }
        for (const [pair, keys] of overlaps) {
          out.push({
            severity: "error",
            code: "split_overlap",
            file: `tasks/${task.id}/`,
            column: keyName,
            value: keys.length,
            message: `Task '${task.id}': ${keys.length} ${keyName} value(s) appear in both ${pair.replace("∩", " and ")}, e.g. ${keys
              .slice(0, 3)
              .map((k) => JSON.stringify(k))
              .join(", ")}`,
          });
        }
        if (dupWithin > 0) {
          out.push({
            severity: "error",
            code: "split_duplicate_rows",
            file: `tasks/${task.id}/`,
            column: keyName,
            value: dupWithin,
            message: `Task '${task.id}': ${dupWithin} ${keyName} value(s) repeated within a split`,
          });
        }
        // Coverage against the primary table.
        const pEntry = task.primaryTable ? m.tables[task.primaryTable] : undefined;
        if (pEntry?.file.endsWith(".parquet") && bundle.listFiles().includes(pEntry.file)) {
          const primary = await bundle.readTable(pEntry.file);
          const pk = column(primary, keyName);
          if (pk) {
            const pkSet = new Set(pk);
            const orphans = [...where.keys()].filter((k) => !pkSet.has(k));
            if (orphans.length) {
              out.push({
                severity: "error",
                code: "split_orphan_rows",
                file: `tasks/${task.id}/`,
                column: keyName,
                value: orphans.length,
                message: `Task '${task.id}': ${orphans.length} row(s) have a ${keyName} not in ${task.primaryTable}, e.g. ${JSON.stringify(orphans[0])}`,
              });
            }
            const uncovered = pk.filter((k) => !where.has(k)).length;
            if (uncovered > 0) {
              const exact = options.coverage === "exact";
              out.push({
                severity: exact ? "error" : "info",
                code: "split_coverage",
                file: `tasks/${task.id}/`,
                column: keyName,
                value: uncovered,
                message: `Task '${task.id}': ${uncovered} ${task.primaryTable} row(s) are in no split`,
              });
            }
          }
        }
        if (m.split_strategy === "grouped") {
          const groupSplit = new Map<string, string>();
          const spanning = new Set<string>();
          let unresolved = false;
          for (const s of BUNDLE_SPLITS) {
            const t = tables[s];
            if (!t) continue;
            const groups = await groupOf({ bundle, task, split: t });
            if (!groups) {
              unresolved = true;
              break;
            }
            for (const g of groups) {
              if (g === null) continue;
              const prev = groupSplit.get(g);
              if (prev === undefined) groupSplit.set(g, s);
              else if (prev !== s) spanning.add(g);
            }
          }
          if (unresolved) {
            out.push({
              severity: "warning",
              code: "split_group_unknown",
              message: `Task '${task.id}': split strategy is grouped but the group of each row could not be resolved`,
            });
          } else if (spanning.size > 0) {
            const example = [...spanning].sort()[0];
            out.push({
              severity: "error",
              code: "split_group_leak",
              file: `tasks/${task.id}/`,
              value: spanning.size,
              message: `Task '${task.id}': grouped split violated: ${spanning.size} ${task.splitGroup ?? "group"}(s) appear in more than one split, e.g. ${JSON.stringify(example)}`,
            });
          }
        }
      }
      return out;
    },
  };
}
