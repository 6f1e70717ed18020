import { rocAuc } from "../quality/roc-auc.js";
import { spearman } from "../quality/spearman.js";
import type { ColumnarTable } from "../table/types.js";
import { metric } from "./metric-value.js";
import type { FeatureSignal } from "./types.js";

const MICROS_PER_DAY = 86_400_000_000;

function numeric(v: unknown, type: string): number {
  if (v === null || v === undefined) return Number.NaN;
  if (typeof v === "boolean") return v ? 1 : 0;
  return type === "timestamp" ? (v as number) / MICROS_PER_DAY : (v as number);
}

/**
 * Univariate signal of each feature column: fitted on train, scored on test. Numeric
 * columns use their raw value (missing → train median); categorical columns use the
 * training mean of the target per level (unseen/missing → the overall mean). Classification
 * reports the test ROC-AUC folded to ≥ 0.5 with its direction; regression |Spearman|.
 */
export function featureSignals(options: {
  readonly train: ColumnarTable;
  readonly test: ColumnarTable;
  readonly trainY: readonly number[];
  readonly testY: readonly number[];
  readonly columns: readonly { readonly name: string; readonly role: string }[];
  readonly task: "classification" | "regression";
}): FeatureSignal[] {
  const { train, test, trainY, testY } = options;
  const out: FeatureSignal[] = [];
  const meanY = trainY.reduce((a, b) => a + b, 0) / (trainY.length || 1);
  for (const { name, role } of options.columns) {
    const i = train.spec.columns.findIndex((c) => c.name === name);
    const j = test.spec.columns.findIndex((c) => c.name === name);
    if (i < 0 || j < 0) continue;
    const spec = train.spec.columns[i]!;
    const trv = train.columns[i] as unknown[];
    const tev = test.columns[j] as unknown[];
    const missing = trv.reduce<number>((n, v) => n + (v === null ? 1 : 0), 0) / (trv.length || 1);
    let score: number[];
    let kind: FeatureSignal["kind"];
    if (spec.type === "string") {
      kind = "categorical";
      const sum = new Map<string, [number, number]>();
      trv.forEach((v, r) => {
        const k = v === null ? "\u0000" : String(v);
        const s = sum.get(k) ?? [0, 0];
        s[0] += trainY[r]!;
        s[1]++;
        sum.set(k, s);
      });
      score = tev.map((v) => {
        const s = sum.get(v === null ? "\u0000" : String(v));
        return s ? s[0] / s[1] : meanY;
      });
    } else {
      kind = "numeric";
      const present = trv
        .map((v) => numeric(v, spec.type))
        .filter((x) => !Number.isNaN(x))
        .sort((a, b) => a - b);
      const med = present.length ? present[present.length >> 1]! : 0;
      score = tev.map((v) => {
        const x = numeric(v, spec.type);
        return Number.isNaN(x) ? med : x;
      });
    }
    const raw = options.task === "classification" ? rocAuc(testY, score) : spearman(testY, score);
    const centre = options.task === "classification" ? 0.5 : 0;
    const direction: 1 | -1 = kind === "categorical" || !(raw < centre) ? 1 : -1;
    const folded = options.task === "classification" ? (raw < 0.5 ? 1 - raw : raw) : Math.abs(raw);
    out.push({
      name,
      role,
      kind,
      score: metric(folded),
      direction,
      missingShare: metric(missing) ?? 0,
    });
  }
  return out.sort((a, b) => (b.score ?? -1) - (a.score ?? -1) || (a.name < b.name ? -1 : 1));
}
