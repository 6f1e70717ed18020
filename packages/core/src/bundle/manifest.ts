import { z } from "zod";
import { DIFFICULTY_TIERS, EXPOSURE_MODES, SPLIT_STRATEGIES } from "../config/enums.js";

/** Bundle layout/manifest version; "6" is the reference's shape, which we extend additively. */
export const BUNDLE_SCHEMA_VERSION = "6";

const sha = z.string().regex(/^[0-9a-f]{64}$/);

/** Schema of `manifest.json`. Unknown top-level keys are allowed only as scheme fields. */
export const manifestSchema = z.looseObject({
  bundle_schema_version: z.literal(BUNDLE_SCHEMA_VERSION),
  package_version: z.string(),
  generation_scheme: z.string(),
  scheme_package: z.strictObject({ name: z.string(), version: z.string() }),
  core_version: z.string(),
  rng_algorithm: z.string(),
  recipe_id: z.string(),
  seed: z.int().min(0),
  generation_timestamp: z.string().nullable(),
  exposure_mode: z.enum(EXPOSURE_MODES),
  difficulty: z.enum(DIFFICULTY_TIERS),
  motif_family: z.string().nullable(),
  redacted_columns: z.array(z.string()),
  relational_snapshot_safe: z.boolean(),
  structural_redactions: z.strictObject({
    columns: z.record(z.string(), z.array(z.string())),
    omitted_tables: z.array(z.string()),
  }),
  split_strategy: z.enum(SPLIT_STRATEGIES),
  tables: z.record(
    z.string(),
    z.strictObject({ row_count: z.int().min(0), file: z.string(), sha256: sha }),
  ),
  tasks: z.record(z.string(), z.record(z.string(), z.union([z.int().min(0), sha]))),
  files: z.record(z.string(), sha),
  config: z.record(z.string(), z.unknown()),
  config_sha256: sha,
});

/** A parsed `manifest.json`. */
export type Manifest = z.output<typeof manifestSchema>;

/** Keys core writes; scheme `manifestFields` may not use them. */
export const CORE_MANIFEST_KEYS: readonly string[] = Object.keys(manifestSchema.shape);
