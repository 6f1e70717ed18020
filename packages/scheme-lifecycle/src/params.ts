import { z } from "@leadforge/core";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be an ISO date (YYYY-MM-DD)")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), "must be a real calendar date");

/**
 * Params of the `lifecycle` scheme (flat keys shared with override files and CLI options).
 * The forward windows (90/365/730 days) are fixed by the scheme, not configurable: the
 * simulation horizon, the targets and the task ids are all built around them.
 */
export const lifecycleParamsSchema = z.strictObject({
  /** Customers simulated (the headline population size). */
  n_customers: z.int().min(1).max(5_000_000).default(1500),
  /** Buyer accounts; null → `max(floor(n_customers / 3), 1)`. */
  n_accounts: z.int().min(1).max(5_000_000).nullable().default(null),
  /** Calendar-regime cutoff (UTC date). Every customer starts in the acquisition window before it. */
  observation_date: isoDate.default("2026-01-26"),
  /**
   * Width of the staggered acquisition window before `observation_date`, in weeks. 104 (two
   * years) makes tenure at the cutoff span 0-104 weeks, so renewal counts vary.
   */
  acquisition_window_weeks: z.int().min(1).max(520).default(104),
  /** Tenure anchor of the early (cold-start) regime, in weeks after each customer's start. */
  early_tenure_weeks: z.int().min(1).max(52).default(4),
  /**
   * Which regime a `student_public` bundle carries. Public relational tables can be cut at one
   * cutoff per customer only, so a public bundle holds one regime: `calendar` (tables cut at
   * `observation_date`) or `early` (tables cut at each customer's tenure anchor).
   * `research_instructor` bundles always carry both regimes and the full tables.
   */
  public_regime: z.enum(["calendar", "early"]).default("calendar"),
  /** Monte Carlo replicates per customer for the instructor oracle (true expected targets). */
  oracle_replicates: z.int().min(1).max(1000).default(16),
});

/** Validated lifecycle params. */
export type LifecycleParams = z.output<typeof lifecycleParamsSchema>;
