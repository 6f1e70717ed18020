import { resolve } from "node:path";
import type { CliIo } from "../cli-io.js";
import { loadCoreNode } from "../core-node.js";
import { displayPath, formatDuration } from "../format.js";
import { checkBundleArg } from "../open-bundle-arg.js";

/** Flags of `leadforge report`. */
export interface ReportFlags {
  readonly out?: string;
  readonly oracle?: string;
  readonly json?: boolean;
}

type Metric = number | null;

function fmt(v: Metric | undefined): string {
  return typeof v === "number" ? v.toFixed(3) : "-";
}

/** Headline numbers per task: test ROC-AUC (classification) or Spearman (regression) per model. */
function headlines(
  tasks: readonly { id: string; type: string; models: Readonly<Record<string, object>> }[],
) {
  return tasks.map((t) => {
    const metric = t.type === "binary_classification" ? "rocAuc" : "spearman";
    const models = Object.fromEntries(
      Object.entries(t.models).map(([name, m]) => [
        name,
        (m as Record<string, Metric>)[metric] ?? null,
      ]),
    );
    return { id: t.id, type: t.type, metric, models };
  });
}

/**
 * `leadforge report BUNDLE`: core's `writeReport` — baseline models per task (and the oracle
 * from `--oracle`, the instructor bundle of the same seed), written as report.json and a
 * self-contained report.html in `--out` (default: a `-report` sibling of the bundle, so the
 * bundle itself stays as its manifest lists it).
 */
export async function runReport(bundleArg: string, flags: ReportFlags, io: CliIo): Promise<number> {
  const started = performance.now();
  const bundleDir = await checkBundleArg(bundleArg, io.cwd);
  const oracleDir = flags.oracle ? await checkBundleArg(flags.oracle, io.cwd) : undefined;
  const outDir = resolve(io.cwd, flags.out ?? `${bundleDir.replace(/\/+$/, "")}-report`);
  const { writeReport } = await loadCoreNode();
  const { report, jsonPath, htmlPath } = await writeReport({
    bundleDir,
    outDir,
    ...(oracleDir ? { oracleDir } : {}),
  });
  const lines = headlines(report.tasks);
  if (flags.json) {
    io.stdout.write(
      `${JSON.stringify({ json: jsonPath, html: htmlPath, tasks: lines, notes: report.notes }, null, 2)}\n`,
    );
    return 0;
  }
  const out = [
    `Report written to ${displayPath(htmlPath, io.cwd)} (and report.json) in ${formatDuration(performance.now() - started)}`,
    ...lines.map(
      (t) =>
        `  ${t.id} (${t.metric === "rocAuc" ? "test ROC-AUC" : "test Spearman"}): ${Object.entries(
          t.models,
        )
          .map(([name, v]) => `${name} ${fmt(v)}`)
          .join(", ")}`,
    ),
    ...report.notes.map((n) => `  note: ${n}`),
  ];
  io.stdout.write(`${out.join("\n")}\n`);
  return 0;
}
