import type { ColumnarTable, ColumnRole, ColumnSpec } from "../table/types.js";
import type { Matrix } from "./matrix.js";

/** How string columns become numbers: one-hot for linear models, ordinal codes for trees. */
export type CategoricalEncoding = "one-hot" | "ordinal";

/** Options of {@link fitFeaturePlan}. */
export interface FeaturePlanOptions {
  /**
   * `one-hot`: numeric columns are median-imputed with a missing indicator (when the training
   * column has nulls), strings one-hot encoded — for linear models. `ordinal`: numeric columns
   * keep NaN for missing, strings become sorted ordinal codes — for the boosted model.
   */
  readonly encoding: CategoricalEncoding;
  /** Column names never used as features (ids, the label, …). */
  readonly exclude?: readonly string[];
  /**
   * Roles by column name (from the feature dictionary). Columns whose role is `identifier`,
   * `label` or `split` are excluded. Without a role, a string column named `*_id` is
   * treated as an identifier.
   */
  readonly roles?: Readonly<Record<string, ColumnRole | undefined>>;
  /** Most categories one-hot encoded per column (most frequent first); the rest map to zeros. @default 50 */
  readonly maxCategories?: number;
}

/** One output column of a plan. */
export interface PlannedFeature {
  /** Output name, e.g. `lead_source=webinar`, `days_since__missing`. */
  readonly name: string;
  /** Source column in the table. */
  readonly source: string;
}

/** A fitted recipe turning tables with the training columns into model matrices. */
export interface FeaturePlan {
  /** Output columns in matrix order. */
  readonly features: readonly PlannedFeature[];
  /** Source columns used, in table order. */
  readonly sources: readonly string[];
  /** Encode a table (train, test or anything with the same columns). */
  transform(table: ColumnarTable): Matrix;
}

const MICROS_PER_DAY = 86_400_000_000;
const EXCLUDED_ROLES: ReadonlySet<string> = new Set(["identifier", "label", "split"]);

/** Numeric view of a non-string value: bool → 0/1, timestamp → fractional day, else as is. */
function toNumber(spec: ColumnSpec, v: unknown): number {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === "boolean") return v ? 1 : 0;
  if (spec.type === "timestamp") return (v as number) / MICROS_PER_DAY;
  return v as number;
}

type Encoder = {
  readonly features: PlannedFeature[];
  write(
    values: readonly unknown[],
    spec: ColumnSpec,
    out: Float64Array,
    stride: number,
    col: number,
  ): void;
};

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = Float64Array.from(values).sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function numericEncoder(
  spec: ColumnSpec,
  values: readonly unknown[],
  encoding: CategoricalEncoding,
): Encoder {
  const name = spec.name;
  if (encoding === "ordinal") {
    return {
      features: [{ name, source: name }],
      write(vals, s, out, stride, col) {
        for (let r = 0; r < vals.length; r++) out[r * stride + col] = toNumber(s, vals[r]);
      },
    };
  }
  const present: number[] = [];
  let missing = 0;
  for (const v of values) {
    const x = toNumber(spec, v);
    if (Number.isNaN(x)) missing++;
    else present.push(x);
  }
  const fill = median(present);
  const indicator = missing > 0;
  const features: PlannedFeature[] = [{ name, source: name }];
  if (indicator) features.push({ name: `${name}__missing`, source: name });
  return {
    features,
    write(vals, s, out, stride, col) {
      for (let r = 0; r < vals.length; r++) {
        const x = toNumber(s, vals[r]);
        const miss = Number.isNaN(x);
        out[r * stride + col] = miss ? fill : x;
        if (indicator) out[r * stride + col + 1] = miss ? 1 : 0;
      }
    },
  };
}

const MISSING_LEVEL = "(missing)";

function categoricalEncoder(
  spec: ColumnSpec,
  values: readonly unknown[],
  encoding: CategoricalEncoding,
  maxCategories: number,
): Encoder {
  const name = spec.name;
  const counts = new Map<string, number>();
  for (const v of values) {
    const k = v === null || v === undefined ? MISSING_LEVEL : String(v);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  if (encoding === "ordinal") {
    const levels = [...counts.keys()].filter((k) => k !== MISSING_LEVEL).sort();
    const code = new Map(levels.map((k, i) => [k, i] as const));
    return {
      features: [{ name, source: name }],
      write(vals, _s, out, stride, col) {
        for (let r = 0; r < vals.length; r++) {
          const v = vals[r];
          const c = v === null || v === undefined ? undefined : code.get(String(v));
          out[r * stride + col] = c === undefined ? Number.NaN : c;
        }
      },
    };
  }
  // Most frequent first (ties by name) for the cap, then alphabetical for a stable layout.
  const levels = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    .slice(0, maxCategories)
    .map(([k]) => k)
    .sort();
  const slot = new Map(levels.map((k, i) => [k, i] as const));
  return {
    features: levels.map((k) => ({ name: `${name}=${k}`, source: name })),
    write(vals, _s, out, stride, col) {
      for (let r = 0; r < vals.length; r++) {
        const v = vals[r];
        const k = v === null || v === undefined ? MISSING_LEVEL : String(v);
        const i = slot.get(k);
        for (let j = 0; j < levels.length; j++) out[r * stride + col + j] = j === i ? 1 : 0;
      }
    },
  };
}

/**
 * Decide, from the training table, how each usable column becomes model input, and return a
 * plan that encodes any table with those columns the same way (statistics such as medians and
 * category levels come from the training table only, so nothing leaks from test).
 * Dates are day numbers and timestamps fractional days; booleans are 0/1.
 */
export function fitFeaturePlan(train: ColumnarTable, options: FeaturePlanOptions): FeaturePlan {
  const exclude = new Set(options.exclude ?? []);
  const roles = options.roles ?? {};
  const maxCategories = options.maxCategories ?? 50;
  const used: { spec: ColumnSpec; encoder: Encoder }[] = [];
  train.spec.columns.forEach((spec, i) => {
    if (exclude.has(spec.name)) return;
    const role = roles[spec.name] ?? spec.role;
    if (role && EXCLUDED_ROLES.has(role)) return;
    if (!role && spec.type === "string" && spec.name.endsWith("_id")) return;
    const values = train.columns[i]! as readonly unknown[];
    const encoder =
      spec.type === "string"
        ? categoricalEncoder(spec, values, options.encoding, maxCategories)
        : numericEncoder(spec, values, options.encoding);
    if (encoder.features.length) used.push({ spec, encoder });
  });
  const features = used.flatMap((u) => u.encoder.features);
  return {
    features,
    sources: used.map((u) => u.spec.name),
    transform(table: ColumnarTable): Matrix {
      const p = features.length;
      const data = new Float64Array(table.length * p);
      let col = 0;
      for (const { spec, encoder } of used) {
        const i = table.spec.columns.findIndex((c) => c.name === spec.name);
        if (i < 0)
          throw new RangeError(
            `transform: table '${table.spec.name}' has no column '${spec.name}'`,
          );
        encoder.write(table.columns[i]! as readonly unknown[], spec, data, p, col);
        col += encoder.features.length;
      }
      return { rows: table.length, cols: p, data };
    },
  };
}
