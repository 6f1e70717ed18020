import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { prettyJson } from "../bundle/canonical-json.js";
import { BundleIoError } from "../errors/errors.js";
import { createQualityReport, type QualityReportOptions } from "../report/create-quality-report.js";
import { renderReportHtml } from "../report/render-report-html.js";
import type { QualityReport } from "../report/types.js";
import { openBundle } from "./read-bundle.js";

/** Options of {@link writeReport}. */
export interface WriteReportOptions {
  /** The bundle to report on. */
  readonly bundleDir: string;
  /** Where `report.json` and `report.html` go (created if needed). */
  readonly outDir: string;
  /** An instructor bundle of the same seed, for oracle scores (`metadata/oracle/*.parquet`). */
  readonly oracleDir?: string;
  /** Further report options. */
  readonly report?: Omit<QualityReportOptions, "oracle">;
}

/** What {@link writeReport} wrote. */
export interface WriteReportResult {
  /** The report. */
  readonly report: QualityReport;
  /** Absolute path of `report.json`. */
  readonly jsonPath: string;
  /** Absolute path of `report.html` (self-contained). */
  readonly htmlPath: string;
}

/**
 * Build the quality report of a bundle folder and write `report.json` and a self-contained
 * `report.html` into `outDir`. Both are deterministic for a given bundle.
 *
 * @example
 *   const { htmlPath } = await writeReport({ bundleDir: "out/intro", outDir: "out/intro-report" });
 */
export async function writeReport(options: WriteReportOptions): Promise<WriteReportResult> {
  const bundle = await openBundle(options.bundleDir);
  const oracle = options.oracleDir ? await openBundle(options.oracleDir) : undefined;
  const report = await createQualityReport(bundle, {
    ...options.report,
    ...(oracle ? { oracle } : {}),
  });
  const out = resolve(options.outDir);
  const jsonPath = join(out, "report.json");
  const htmlPath = join(out, "report.html");
  try {
    await mkdir(out, { recursive: true });
    await writeFile(jsonPath, prettyJson(report));
    await writeFile(htmlPath, renderReportHtml(report));
  } catch (cause) {
    throw new BundleIoError(`Could not write the report to '${options.outDir}'`, { cause });
  }
  return { report, jsonPath, htmlPath };
}
