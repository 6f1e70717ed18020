import type { Manifest } from "../bundle/manifest.js";
import type { ColumnarTable } from "../table/types.js";

/** How bad a finding is. `error` fails validation; `warning` fails only with `--strict`. */
export type Severity = "error" | "warning" | "info";

/** One validation result line. */
export interface Finding {
  /** Severity. */
  readonly severity: Severity;
  /** Stable check code, e.g. `hash_mismatch`, `fk_broken`. */
  readonly code: string;
  /** One readable sentence naming what is wrong and where. */
  readonly message: string;
  /** File the finding is about, relative to the bundle root. */
  readonly file?: string;
  /** Column the finding is about. */
  readonly column?: string;
  /** A measured value (probe AUC, rate…). */
  readonly value?: number;
  /** The threshold it was compared with. */
  readonly threshold?: number;
}

/** Read access to a bundle on disk (or in memory) for validators. */
export interface BundleReader {
  /** Parsed manifest. */
  readonly manifest: Manifest;
  /** Every file path in the bundle, relative, `/`-separated, sorted. */
  listFiles(): readonly string[];
  /** Read a Parquet file (by relative path) as a columnar table with inferred column types. */
  readTable(path: string): Promise<ColumnarTable>;
  /** Read a text file. */
  readText(path: string): Promise<string>;
}

/** A named group of checks contributed by core or a scheme. */
export interface ValidationProvider {
  /** Provider name shown in reports. */
  readonly name: string;
  /** Run the checks. */
  check(bundle: BundleReader): Promise<readonly Finding[]>;
}
