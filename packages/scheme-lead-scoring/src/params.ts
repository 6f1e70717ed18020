import { z } from "@leadforge/core";
import { MOTIF_FAMILIES } from "./motifs.js";

const positiveInt = z.int().positive();

/**
 * The lead-scoring scheme's own config keys (flat, beside the shared seed/mode/difficulty
 * keys). `n_leads` sets the size; accounts and contacts follow it at the reference ratios
 * (1,500 accounts and 4,200 contacts per 5,000 leads) unless given.
 */
export const leadScoringParamsSchema = z
  .strictObject({
    /** Number of leads (the task's rows). */
    n_leads: positiveInt.max(50_000_000).default(5000),
    /** Number of buyer accounts. @default round(0.3 × n_leads) */
    n_accounts: positiveInt.max(50_000_000).optional(),
    /** Number of contacts. @default round(0.84 × n_leads) */
    n_contacts: positiveInt.max(50_000_000).optional(),
    /** Days simulated per lead, from its creation date. */
    horizon_days: positiveInt.max(3650).default(90),
    /** The label counts a conversion on lead-days 0..label_window_days. */
    label_window_days: positiveInt.max(3650).default(90),
    /** Features see lead-days 0..snapshot_day (inclusive); public tables are cut there. */
    snapshot_day: z.int().min(0).max(3650).default(30),
    /** Task id (folder name under `tasks/`). */
    primary_task: z
      .string()
      .regex(/^[a-z][a-z0-9_]*$/, "must be snake_case (a-z, 0-9, _)")
      .default("converted_within_90_days"),
    /** Days over which lead creation dates are spread (from the world start, 2024-01-01). */
    lead_creation_days: positiveInt.max(3650).default(182),
    /** Pin the motif family instead of drawing it from the seed. */
    motif_family: z.enum(MOTIF_FAMILIES).optional(),
  })
  .superRefine((p, ctx) => {
    if (p.label_window_days > p.horizon_days) {
      ctx.addIssue({
        code: "custom",
        path: ["label_window_days"],
        message: `must be ≤ horizon_days (${p.horizon_days}), got ${p.label_window_days}`,
      });
    }
    if (p.snapshot_day > p.label_window_days) {
      ctx.addIssue({
        code: "custom",
        path: ["snapshot_day"],
        message: `must be ≤ label_window_days (${p.label_window_days}), got ${p.snapshot_day}`,
      });
    }
  });

/** Validated lead-scoring params. */
export type LeadScoringParams = z.output<typeof leadScoringParamsSchema>;

/** Population sizes after applying the reference ratios to `n_leads`. */
export interface PopulationSizes {
  /** Accounts. */
  readonly nAccounts: number;
  /** Contacts. */
  readonly nContacts: number;
  /** Leads. */
  readonly nLeads: number;
}

/** Resolve account and contact counts (reference ratios 1,500 / 4,200 per 5,000 leads). */
export function resolvePopulationSizes(params: LeadScoringParams): PopulationSizes {
  const nLeads = params.n_leads;
  return {
    nAccounts: params.n_accounts ?? Math.max(1, Math.round((nLeads * 1500) / 5000)),
    nContacts: params.n_contacts ?? Math.max(1, Math.round((nLeads * 4200) / 5000)),
    nLeads,
  };
}
