import type { DifficultyTier } from "../config/enums.js";
import { BUNDLE_SPLITS, labelAsNumbers, listBundleTasks, readSplit } from "./bundle-tasks.js";
import type {
  BundleReader,
  Finding,
  Severity,
  ValidationContext,
  ValidationProvider,
} from "./types.js";

/** An inclusive range; either end may be open. */
export interface Band {
  readonly min?: number;
  readonly max?: number;
}

/** Options of {@link createLabelBandProvider}. */
export interface LabelBandOptions {
  /** Task id. */
  readonly taskId: string;
  /** Band of the label mean (rate for classification) per difficulty tier. */
  readonly bands: Partial<Record<DifficultyTier, Band>>;
  /** Skip (note only) below this many labelled rows: small bundles are noisy. @default 200 */
  readonly minRows?: number;
  /** Severity when outside. @default "error" */
  readonly severity?: Severity;
}

/** The tier's declared band for a task's label rate (or mean), over all splits pooled. */
export function createLabelBandProvider(options: LabelBandOptions): ValidationProvider {
  return {
    name: `label_band:${options.taskId}`,
    async check(bundle: BundleReader, context?: ValidationContext) {
      const tier = bundle.manifest.difficulty;
      const band = options.bands[tier];
      const task = (await listBundleTasks(bundle, context)).find((t) => t.id === options.taskId);
      if (!band || !task) return [];
      let sum = 0;
      let n = 0;
      for (const s of BUNDLE_SPLITS) {
        const t = await readSplit(bundle, task, s);
        const i = t ? t.spec.columns.findIndex((c) => c.name === task.labelColumn) : -1;
        if (!t || i < 0) continue;
        for (const v of labelAsNumbers(t.columns[i] as unknown[])) {
          if (v === null) continue;
          sum += v;
          n++;
        }
      }
      if (n === 0) return [];
      const rate = sum / n;
      const range = `[${band.min ?? "−∞"}, ${band.max ?? "∞"}]`;
      const outside =
        (band.min !== undefined && rate < band.min) || (band.max !== undefined && rate > band.max);
      if (!outside) return [];
      const small = n < (options.minRows ?? 200);
      const f: Finding = {
        severity: small ? "info" : (options.severity ?? "error"),
        code: "label_rate_out_of_band",
        column: task.labelColumn,
        value: rate,
        message: `Task '${task.id}' label ${task.type === "regression" ? "mean" : "rate"} ${rate.toFixed(4)} is outside the ${tier} band ${range}${small ? ` (only ${n} rows; not judged)` : ""}`,
      };
      return [f];
    },
  };
}
