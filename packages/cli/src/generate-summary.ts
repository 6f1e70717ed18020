import type { InMemoryBundle } from "@leadforge/core";
import type { WriteBundleResult } from "@leadforge/core/node";
import {
  formatBytes,
  formatCount,
  formatDuration,
  formatMean,
  formatRate,
  formatRate01,
} from "./format.js";

/** What `generate` reports when it is done (the `--json` shape). */
export interface GenerateSummary {
  readonly out: string;
  readonly recipe_id: string;
  readonly scheme: { readonly name: string; readonly package: string; readonly version: string };
  readonly seed: number;
  readonly difficulty: string;
  readonly exposure_mode: string;
  readonly split_strategy: string;
  readonly format: string;
  /** Files written, manifest included. */
  readonly files: number;
  readonly bytes: number;
  readonly elapsed_ms: number;
  /** Table → rows. */
  readonly tables: Readonly<Record<string, number>>;
  /** Task → type, rows per split, label rate (classification) or mean (regression) per split. */
  readonly tasks: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

/** Build the summary of a finished run from the bundle and what the writer wrote. */
export function summarizeGenerate(
  bundle: InMemoryBundle,
  written: WriteBundleResult,
  elapsedMs: number,
): GenerateSummary {
  const { common } = bundle.config;
  const { manifest } = written;
  return {
    out: written.outDir,
    recipe_id: bundle.config.recipe_id,
    scheme: {
      name: bundle.scheme.name,
      package: bundle.scheme.packageName,
      version: bundle.scheme.version,
    },
    seed: common.seed,
    difficulty: common.difficulty,
    exposure_mode: common.exposure_mode,
    split_strategy: common.split_strategy,
    format: common.format,
    files: Object.keys(manifest.files).length + 1,
    bytes: written.bytes,
    elapsed_ms: Math.round(elapsedMs),
    tables: Object.fromEntries(Object.entries(manifest.tables).map(([n, t]) => [n, t.row_count])),
    tasks: Object.fromEntries(
      Object.entries(bundle.facts.tasks).map(([id, t]) => [
        id,
        {
          type: t.type,
          rows: {
            train: t.splits.train.rows,
            valid: t.splits.valid.rows,
            test: t.splits.test.rows,
          },
          [t.type === "binary_classification" ? "label_rate" : "label_mean"]: {
            train: t.splits.train.labelMean,
            valid: t.splits.valid.labelMean,
            test: t.splits.test.labelMean,
          },
        },
      ]),
    ),
  };
}

/** The human summary: where, what, row counts, splits with label rates, size and time. */
export function formatGenerateSummary(s: GenerateSummary, shownPath: string): string {
  const totalRows = Object.values(s.tables).reduce((a, b) => a + b, 0);
  const quoted = /^[\w@%+=:,./-]+$/.test(shownPath)
    ? shownPath
    : `'${shownPath.replaceAll("'", "'\\''")}'`;
  const lines = [
    `Bundle written to ${shownPath}`,
    `  recipe ${s.recipe_id} · scheme ${s.scheme.name} ${s.scheme.version} · seed ${s.seed} · ${s.difficulty} · ${s.exposure_mode} · ${s.format}`,
    `  tables: ${Object.entries(s.tables)
      .map(([n, r]) => `${n} ${formatCount(r)}`)
      .join(", ")}`,
    ...Object.entries(s.tasks).map(([id, t]) => {
      const rows = t.rows as Record<"train" | "valid" | "test", number>;
      const rate = t.label_rate as Record<string, number | null> | undefined;
      const labels = (rate ?? t.label_mean) as Record<string, number | null>;
      const f = rate ? formatRate01 : formatMean;
      return `  task ${id}: train ${formatCount(rows.train)} / valid ${formatCount(rows.valid)} / test ${formatCount(rows.test)}, ${rate ? "label rate" : "label mean"} ${f(labels.train)} / ${f(labels.valid)} / ${f(labels.test)}`;
    }),
    `  ${s.files} files, ${formatBytes(s.bytes)}, ${formatCount(totalRows)} table rows in ${formatDuration(s.elapsed_ms)}${
      s.elapsed_ms > 0 ? ` (${formatRate((totalRows * 1000) / s.elapsed_ms)} rows/s)` : ""
    }`,
    `  next: leadforge inspect ${quoted} · leadforge validate ${quoted}`,
  ];
  return `${lines.join("\n")}\n`;
}
