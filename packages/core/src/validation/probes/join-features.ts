import type { ColumnarTable, TableSpec } from "../../table/types.js";

/** Per-key aggregate features built by joining relational tables onto a task key. */
export interface JoinFeatures {
  /** Feature names, e.g. `opportunities.stage=closed_won`, `touches:count`. */
  readonly names: readonly string[];
  /** Source table of each feature. */
  readonly tables: readonly string[];
  /** Column-major values: `values[j][keyIndex]`. */
  readonly values: readonly Float64Array[];
  /** Key → row index into each value array. */
  readonly keyIndex: ReadonlyMap<string, number>;
}

/** A published table with the spec used to interpret it. */
export interface JoinTable {
  /** Declared spec (scheme) or the file's own when undeclared. */
  readonly spec: TableSpec;
  /** Data. */
  readonly data: ColumnarTable;
}

const MAX_LEVELS = 30;
const MICROS_PER_DAY = 86_400_000_000;

function col(t: ColumnarTable, name: string): unknown[] | null {
  const i = t.spec.columns.findIndex((c) => c.name === name);
  return i < 0 ? null : (t.columns[i] as unknown[]);
}

/** Foreign-key edges child.column → parent table, from specs, or inferred by key names. */
function edges(
  tables: ReadonlyMap<string, JoinTable>,
): { child: string; column: string; parent: string }[] {
  const out: { child: string; column: string; parent: string }[] = [];
  const pkOwner = new Map<string, string>();
  for (const [name, t] of tables) if (t.spec.primaryKey) pkOwner.set(t.spec.primaryKey, name);
  for (const [name, t] of tables) {
    for (const c of t.spec.columns) {
      if (c.name === t.spec.primaryKey) continue;
      const parent = c.references?.table ?? pkOwner.get(c.name);
      if (parent && parent !== name && tables.has(parent))
        out.push({ child: name, column: c.name, parent });
    }
  }
  return out;
}

/**
 * Build per-key features from every published table that hangs off the task's primary
 * table (the primary table itself, tables referencing it, and tables referencing those):
 * row counts, counts per level of each low-cardinality categorical column (this is how
 * an end-of-horizon `stage` or `status` shows up), sums of booleans, sum and max of numeric
 * columns, non-null counts of nullable and date columns, and the latest date (day number).
 * Identifier-like columns are ignored.
 */
export function buildJoinFeatures(options: {
  readonly tables: ReadonlyMap<string, JoinTable>;
  readonly primaryTable: string;
  readonly keyColumn: string;
  readonly keys: readonly string[];
  readonly maxDepth?: number;
}): JoinFeatures {
  const { tables, primaryTable, keyColumn } = options;
  const keyIndex = new Map<string, number>();
  for (const k of options.keys) if (!keyIndex.has(k)) keyIndex.set(k, keyIndex.size);
  const nKeys = keyIndex.size;
  const names: string[] = [];
  const owners: string[] = [];
  const values: Float64Array[] = [];
  const add = (table: string, name: string, init: number): Float64Array => {
    const v = new Float64Array(nKeys).fill(init);
    names.push(`${table}${name}`);
    owners.push(table);
    values.push(v);
    return v;
  };
  // Row → key index per reachable table, breadth-first over FK edges pointing at it.
  const rowKey = new Map<string, Int32Array>();
  const primary = tables.get(primaryTable);
  if (!primary) return { names, tables: owners, values, keyIndex };
  const pk = col(primary.data, keyColumn);
  if (!pk) return { names, tables: owners, values, keyIndex };
  rowKey.set(
    primaryTable,
    Int32Array.from(pk, (k) => keyIndex.get(String(k)) ?? -1),
  );
  const all = edges(tables);
  let frontier = [primaryTable];
  for (let depth = 0; depth < (options.maxDepth ?? 2); depth++) {
    const next: string[] = [];
    for (const parent of frontier) {
      const parentTable = tables.get(parent)!;
      const ppk = parentTable.spec.primaryKey;
      const parentKeys = ppk ? col(parentTable.data, ppk) : null;
      const parentRowKey = rowKey.get(parent)!;
      const byParent = new Map<unknown, number>();
      parentKeys?.forEach((k, r) => {
        byParent.set(k, parentRowKey[r]!);
      });
      for (const e of all) {
        if (e.parent !== parent || rowKey.has(e.child)) continue;
        const childCol = col(tables.get(e.child)!.data, e.column);
        if (!childCol) continue;
        const direct = e.column === keyColumn && parent === primaryTable;
        rowKey.set(
          e.child,
          Int32Array.from(childCol, (v) =>
            direct ? (keyIndex.get(String(v)) ?? -1) : (byParent.get(v) ?? -1),
          ),
        );
        next.push(e.child);
      }
    }
    frontier = next;
  }
  for (const [name, map] of [...rowKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const t = tables.get(name)!;
    const n = t.data.length;
    const count = add(name, ":count", 0);
    for (let r = 0; r < n; r++) if (map[r]! >= 0) count[map[r]!]!++;
    const fkCols = new Set(all.filter((e) => e.child === name).map((e) => e.column));
    for (const spec of t.spec.columns) {
      const v = col(t.data, spec.name);
      if (!v || spec.name === t.spec.primaryKey || fkCols.has(spec.name) || spec.name === keyColumn)
        continue;
      if (spec.role === "identifier" || (spec.type === "string" && spec.name.endsWith("_id")))
        continue;
      if (spec.type === "string") {
        const levels = [...new Set(v.filter((x) => x !== null) as string[])].sort();
        if (levels.length < 1 || levels.length > MAX_LEVELS) continue;
        const slot = new Map(levels.map((l) => [l, add(name, `.${spec.name}=${l}`, 0)] as const));
        for (let r = 0; r < n; r++) {
          const k = map[r]!;
          if (k >= 0 && v[r] !== null) slot.get(v[r] as string)![k]!++;
        }
      } else if (spec.type === "bool") {
        const s = add(name, `.${spec.name}:sum`, 0);
        for (let r = 0; r < n; r++) if (map[r]! >= 0 && v[r] === true) s[map[r]!]!++;
      } else if (spec.type === "date" || spec.type === "timestamp") {
        const scale = spec.type === "timestamp" ? MICROS_PER_DAY : 1;
        const nn = add(name, `.${spec.name}:nonnull`, 0);
        const last = add(name, `.${spec.name}:max`, Number.NaN);
        for (let r = 0; r < n; r++) {
          const k = map[r]!;
          if (k < 0 || v[r] === null) continue;
          nn[k]!++;
          const d = (v[r] as number) / scale;
          if (!(last[k]! >= d)) last[k] = d;
        }
      } else {
        const sum = add(name, `.${spec.name}:sum`, 0);
        const max = add(name, `.${spec.name}:max`, Number.NaN);
        const nn = spec.nullable ? add(name, `.${spec.name}:nonnull`, 0) : null;
        for (let r = 0; r < n; r++) {
          const k = map[r]!;
          if (k < 0 || v[r] === null) continue;
          const x = v[r] as number;
          sum[k]! += x;
          if (!(max[k]! >= x)) max[k] = x;
          if (nn) nn[k]!++;
        }
      }
    }
  }
  return { names, tables: owners, values, keyIndex };
}
