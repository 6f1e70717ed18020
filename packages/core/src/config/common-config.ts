import { z } from "zod";
import { DIFFICULTY_TIERS, EXPOSURE_MODES, OUTPUT_FORMATS, SPLIT_STRATEGIES } from "./enums.js";

/** Train/valid/test fractions; each in [0, 1], summing to 1. */
export const splitRatiosSchema = z
  .strictObject({
    train: z.number().min(0).max(1),
    valid: z.number().min(0).max(1),
    test: z.number().min(0).max(1),
  })
  .refine((r) => Math.abs(r.train + r.valid + r.test - 1) < 1e-9, {
    message: "split ratios must sum to 1 (train + valid + test)",
  });

/**
 * Config fields every scheme shares. Scheme-specific fields (`n_leads`, `snapshot_day`,
 * `n_customers`, …) live in the scheme's own params schema and share the same flat
 * namespace in override files and options.
 */
export const commonConfigSchema = z.strictObject({
  /** Root seed of every random stream. */
  seed: z.int().min(0).max(4_294_967_295).default(42),
  /** What the bundle exposes. */
  exposure_mode: z.enum(EXPOSURE_MODES).default("student_public"),
  /** Difficulty tier. */
  difficulty: z.enum(DIFFICULTY_TIERS).default("intermediate"),
  /** How task rows are assigned to splits. */
  split_strategy: z.enum(SPLIT_STRATEGIES).default("grouped"),
  /** Split fractions. */
  split_ratios: splitRatiosSchema.default({ train: 0.7, valid: 0.15, test: 0.15 }),
  /** File formats for tables and task splits. */
  format: z.enum(OUTPUT_FORMATS).default("parquet"),
  /** Written to the manifest verbatim when set; never read from the clock. */
  generation_timestamp: z.string().min(1).nullable().default(null),
});

/** Shared config after defaults are applied. */
export type CommonConfig = z.output<typeof commonConfigSchema>;

/** The keys of {@link CommonConfig}. */
export const COMMON_CONFIG_KEYS = Object.keys(commonConfigSchema.shape) as (keyof CommonConfig)[];
