import type { SplitStrategy } from "../config/enums.js";
import type { RngRoot } from "../rng/create-rng-root.js";

/** Split names in file order. */
export const SPLIT_NAMES = ["train", "valid", "test"] as const;
/** A split name. */
export type SplitName = (typeof SPLIT_NAMES)[number];

/** Inputs to {@link assignSplits}. */
export interface AssignSplitsOptions {
  /** Keyed RNG root (only its pure hash is used). */
  readonly rng: RngRoot;
  /** Task id, so two tasks get independent assignments. */
  readonly taskId: string;
  /** Strategy. */
  readonly strategy: SplitStrategy;
  /** Fractions. */
  readonly ratios: { readonly train: number; readonly valid: number; readonly test: number };
  /** Per-row key (random, stratified). */
  readonly rowKeys: readonly string[];
  /** Per-row group (grouped). */
  readonly groupKeys: readonly string[];
  /** Per-row stratum (stratified), e.g. the label. */
  readonly strata?: readonly (string | number | boolean | null)[];
}

function cut<T>(
  items: T[],
  weight: (t: T) => number,
  total: number,
  ratios: AssignSplitsOptions["ratios"],
) {
  // Walk items in hash order, filling train then valid; the rest is test.
  const trainTarget = Math.trunc(total * ratios.train);
  const validTarget = Math.trunc(total * ratios.valid);
  const out = new Map<T, SplitName>();
  let acc = 0;
  for (const it of items) {
    const w = weight(it);
    const name: SplitName =
      acc < trainTarget ? "train" : acc < trainTarget + validTarget ? "valid" : "test";
    out.set(it, name);
    acc += w;
  }
  return out;
}

/**
 * Assign each row to train/valid/test. Pure in its inputs: units are ordered by a keyed
 * hash of `(seed, taskId, key)` and cut at the ratio boundaries, so any worker or shard that
 * sees the same rows computes the same assignment, whatever the row order.
 *
 * - `random`: rows ordered by hash of their row key, cut by count.
 * - `stratified`: the same within each stratum, so label rates match across splits.
 * - `grouped`: groups ordered by hash, cut by cumulative row count; no group spans splits.
 */
export function assignSplits(opts: AssignSplitsOptions): SplitName[] {
  const { rng, taskId, strategy, ratios, rowKeys, groupKeys } = opts;
  const n = rowKeys.length;
  const result = new Array<SplitName>(n);
  const byHash = (keys: string[], prefix: string) => {
    const h = new Map(keys.map((k) => [k, rng.unit(`split:${taskId}:${prefix}`, k)]));
    return keys.sort((a, b) => h.get(a)! - h.get(b)! || (a < b ? -1 : a > b ? 1 : 0));
  };
  if (strategy === "grouped") {
    const sizes = new Map<string, number>();
    for (const g of groupKeys) sizes.set(g, (sizes.get(g) ?? 0) + 1);
    const order = byHash([...sizes.keys()], "group");
    const assign = cut(order, (g) => sizes.get(g)!, n, ratios);
    for (let i = 0; i < n; i++) result[i] = assign.get(groupKeys[i]!)!;
    return result;
  }
  const strata = strategy === "stratified" ? (opts.strata ?? []) : [];
  const buckets = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    const s = strategy === "stratified" ? String(strata[i] ?? "null") : "all";
    let b = buckets.get(s);
    if (!b) buckets.set(s, (b = []));
    b.push(i);
  }
  for (const rows of buckets.values()) {
    const keyToRow = new Map(rows.map((r) => [rowKeys[r]!, r]));
    const order = byHash([...keyToRow.keys()], "row");
    const assign = cut(order, () => 1, rows.length, ratios);
    for (const [k, r] of keyToRow) result[r] = assign.get(k)!;
  }
  return result;
}
