import { readFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { manifestSchema } from "../bundle/manifest.js";
import { formatZodIssues } from "../config/format-zod-issues.js";
import { BundleIoError } from "../errors/errors.js";
import { isLeadforgeError } from "../errors/leadforge-error.js";
import { getDefaultRegistry, type SchemeRegistry } from "../scheme/registry.js";
import type { GenerationScheme } from "../scheme/types.js";
import {
  type CoreValidationOptions,
  coreValidationProviders,
} from "../validation/core-validation-providers.js";
import { runValidation, summarizeFindings } from "../validation/run-validation.js";
import type { Finding, ValidationProvider, ValidationResult } from "../validation/types.js";
import { checkBundleFiles } from "./check-bundle-files.js";
import { listBundleFiles, openBundle } from "./read-bundle.js";

/** Options of {@link validateBundle}. */
export interface ValidateBundleOptions {
  /** Where the manifest's `generation_scheme` is looked up. @default the process-wide registry */
  readonly registry?: SchemeRegistry;
  /** Extra providers run after core's and the scheme's. */
  readonly providers?: readonly ValidationProvider[];
  /** Warnings fail too. @default false */
  readonly strict?: boolean;
  /** Run the model-based leakage probes. @default true */
  readonly probes?: boolean;
  /** Options of core's generic checks. */
  readonly core?: CoreValidationOptions;
}

/**
 * Validate a bundle folder: file integrity (hashes, missing/unlisted files), the manifest
 * schema, then core's generic checks (schema drift, foreign keys, exposure, splits, values,
 * leakage probes) and the scheme's own `validators` (scheme resolved from the manifest's
 * `generation_scheme`; a scheme provider with the same `name` as a core provider replaces
 * it, which is how a scheme sets its own probe thresholds). Never throws for a bad bundle — problems are findings; throws
 * `BundleIoError` only when `dir` is not a readable folder.
 *
 * @example
 *   const result = await validateBundle("out/intro", { strict: true });
 *   process.stdout.write(formatFindings(result));
 *   process.exitCode = result.ok ? 0 : 1;
 */
export async function validateBundle(
  dir: string,
  options: ValidateBundleOptions = {},
): Promise<ValidationResult> {
  const strict = options.strict ?? false;
  const root = resolve(dir);
  let present: string[];
  try {
    present = await listBundleFiles(root);
  } catch (cause) {
    throw new BundleIoError(`'${dir}' is not a readable folder`, { cause });
  }
  if (!present.includes("manifest.json")) {
    return summarizeFindings(
      [
        {
          severity: "error",
          code: "manifest_missing",
          file: "manifest.json",
          message: `'${dir}' has no manifest.json, so it is not a bundle`,
        },
      ],
      strict,
    );
  }
  // Parse the manifest here (not via openBundle's exception) to report every schema issue.
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(root, "manifest.json"), "utf8"));
  } catch {
    return summarizeFindings(
      [
        {
          severity: "error",
          code: "manifest_invalid",
          file: "manifest.json",
          message: "manifest.json is not valid JSON",
        },
      ],
      strict,
    );
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    return summarizeFindings(
      formatZodIssues(parsed.error, raw).map((issue) => ({
        severity: "error" as const,
        code: "manifest_schema",
        file: "manifest.json",
        message: `manifest.json does not match the manifest schema: ${issue}`,
      })),
      strict,
    );
  }
  const bundle = await openBundle(root);
  const initial: Finding[] = (await checkBundleFiles(root, parsed.data, present)).map((f) => ({
    ...f,
    provider: "integrity",
  }));
  const registry = options.registry ?? getDefaultRegistry();
  let scheme: GenerationScheme | undefined;
  try {
    scheme = registry.get(parsed.data.generation_scheme);
  } catch (error) {
    if (!isLeadforgeError(error)) throw error;
  }
  // A scheme provider named like a core one replaces it (e.g. its own "split_probes" with
  // scheme thresholds and subsets, or "splits" with a custom row → group resolver).
  const schemeProviders = scheme?.validators ?? [];
  const replaced = new Set(schemeProviders.map((p) => p.name));
  const providers: ValidationProvider[] = [
    ...coreValidationProviders(options.core).filter((p) => !replaced.has(p.name)),
    ...schemeProviders,
    ...(options.providers ?? []),
  ];
  return runValidation(bundle, {
    providers,
    strict,
    initial,
    context: { ...(scheme ? { scheme } : {}), probes: options.probes ?? true },
  });
}
