import type { Manifest } from "../bundle/manifest.js";
import type { GenerationScheme } from "../scheme/types.js";
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
  /** Name of the provider that reported it (filled in by the runner). */
  readonly provider?: string;
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

/** What a provider knows besides the bundle. */
export interface ValidationContext {
  /** The scheme named by the manifest, when it is registered (else generic checks only). */
  readonly scheme?: GenerationScheme;
  /** Whether leakage probes that train models should run. @default true */
  readonly probes?: boolean;
}

/** A named group of checks contributed by core or a scheme. */
export interface ValidationProvider {
  /** Provider name shown in reports. */
  readonly name: string;
  /**
   * Run the checks. Throwing is allowed: the runner turns it into one `provider_failed`
   * error, so one broken check never hides the others.
   */
  check(bundle: BundleReader, context?: ValidationContext): Promise<readonly Finding[]>;
}

/** The outcome of validating a bundle. */
export interface ValidationResult {
  /** True when no finding fails (errors; warnings too under `strict`). */
  readonly ok: boolean;
  /** Whether warnings counted as failures. */
  readonly strict: boolean;
  /** Every finding, in provider order. */
  readonly findings: readonly Finding[];
  /** Counts per severity. */
  readonly counts: Readonly<Record<Severity, number>>;
}
