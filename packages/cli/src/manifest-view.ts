import { readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  BundleValidationError,
  CORE_MANIFEST_KEYS,
  formatZodIssues,
  manifestSchema,
} from "@leadforge/core";

/** What `inspect` shows of a manifest; `null` where the manifest does not say. */
export interface ManifestView {
  /** The parsed JSON as written. */
  readonly raw: Readonly<Record<string, unknown>>;
  /** Set when the manifest does not match this leadforge's schema (e.g. a Python-era bundle). */
  readonly schemaIssue: string | null;
  readonly scheme: string | null;
  readonly schemePackage: { readonly name: string; readonly version: string } | null;
  readonly packageVersion: string | null;
  readonly coreVersion: string | null;
  readonly recipeId: string | null;
  readonly seed: number | null;
  readonly difficulty: string | null;
  readonly exposureMode: string | null;
  readonly splitStrategy: string | null;
  readonly generationTimestamp: string | null;
  readonly motifFamily: string | null;
  readonly redactedColumns: readonly string[];
  readonly omittedTables: readonly string[];
  /** Table → row count. */
  readonly tables: Readonly<Record<string, number | null>>;
  /** Task → `<split>_rows` / `<split>_sha256` entries. */
  readonly tasks: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Hashed files: path → sha256 (`files`, or for older manifests the table and split hashes). */
  readonly files: Readonly<Record<string, string>>;
  /** Whether `files` lists every file (so unlisted files are extra), as this leadforge writes. */
  readonly filesComplete: boolean;
  /** Top-level keys beyond the core ones (scheme fields such as `snapshot_day`). */
  readonly schemeFields: Readonly<Record<string, unknown>>;
}

const str = (v: unknown): string | null => (typeof v === "string" ? v : null);
const obj = (v: unknown): Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];

/** Keys the reference (Python) manifests wrote at top level that are not scheme fields. */
const LEGACY_CORE_KEYS = ["package_version", "generation_timestamp"];

/**
 * Read a bundle's manifest.json for display. A manifest of this leadforge is checked against
 * the schema; an older or foreign one (the reference's schema 2–6) is still shown, field by
 * field, with the first schema issue noted — so `inspect` works on any leadforge bundle.
 */
export async function readManifestView(root: string): Promise<ManifestView> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(join(root, "manifest.json"), "utf8"));
  } catch (cause) {
    throw new BundleValidationError(
      `manifest.json in '${root}' is not valid JSON: ${(cause as Error).message}`,
      { cause },
    );
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    throw new BundleValidationError(`manifest.json in '${root}' is not a JSON object`);
  }
  const m = raw as Record<string, unknown>;
  const parsed = manifestSchema.safeParse(m);
  const schemaIssue = parsed.success ? null : (formatZodIssues(parsed.error, m)[0] ?? "invalid");
  const tablesRaw = obj(m.tables);
  const tasksRaw = obj(m.tasks);
  let files: Record<string, string> = Object.fromEntries(
    Object.entries(obj(m.files)).filter((e): e is [string, string] => typeof e[1] === "string"),
  );
  if (!("files" in m)) {
    // Reference manifests hash only the Parquet tables and task splits.
    files = {};
    for (const t of Object.values(tablesRaw)) {
      const e = obj(t);
      if (typeof e.file === "string" && typeof e.sha256 === "string") files[e.file] = e.sha256;
    }
    for (const [id, t] of Object.entries(tasksRaw)) {
      for (const split of ["train", "valid", "test"]) {
        const sha = obj(t)[`${split}_sha256`];
        if (typeof sha === "string") files[`tasks/${id}/${split}.parquet`] = sha;
      }
    }
  }
  const pkg = obj(m.scheme_package);
  const redactions = obj(m.structural_redactions);
  return {
    raw: m,
    schemaIssue,
    scheme: str(m.generation_scheme),
    schemePackage:
      typeof pkg.name === "string" && typeof pkg.version === "string"
        ? { name: pkg.name, version: pkg.version }
        : null,
    packageVersion: str(m.package_version),
    coreVersion: str(m.core_version),
    recipeId: str(m.recipe_id),
    seed: typeof m.seed === "number" ? m.seed : null,
    difficulty: str(m.difficulty),
    exposureMode: str(m.exposure_mode),
    splitStrategy: str(m.split_strategy),
    generationTimestamp: str(m.generation_timestamp),
    motifFamily: str(m.motif_family),
    redactedColumns: strings(m.redacted_columns),
    omittedTables: strings(redactions.omitted_tables),
    tables: Object.fromEntries(
      Object.entries(tablesRaw).map(([n, t]) => {
        const rows = obj(t).row_count;
        return [n, typeof rows === "number" ? rows : null];
      }),
    ),
    tasks: Object.fromEntries(Object.entries(tasksRaw).map(([id, t]) => [id, obj(t)])),
    files,
    filesComplete: "files" in m,
    schemeFields: Object.fromEntries(
      Object.entries(m).filter(
        ([k]) => !CORE_MANIFEST_KEYS.includes(k) && !LEGACY_CORE_KEYS.includes(k),
      ),
    ),
  };
}
