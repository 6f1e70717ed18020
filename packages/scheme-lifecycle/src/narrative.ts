import { z } from "@leadforge/core";

const nonEmpty = z.string().min(1);

const planSchema = z.strictObject({
  /** Plan id used in `initial_plan` / `plan_name`. */
  name: z.string().regex(/^[a-z][a-z0-9_]*$/),
  /** Inclusive monthly recurring revenue range at signing, USD. */
  mrr_range: z.tuple([z.number().positive(), z.number().positive()]),
  /** Weekly active seats a fully adopted customer of this plan typically has. */
  base_seats: z.number().positive(),
});

/**
 * The lifecycle narrative: the vendor's world after the deal closes. Firmographic
 * vocabularies (industries, geographies) need at least two values each so that no
 * published categorical feature is constant.
 */
export const lifecycleNarrativeSchema = z.looseObject({
  company: z.looseObject({ name: nonEmpty, description: nonEmpty.optional() }),
  product: z.looseObject({ name: nonEmpty, category: nonEmpty.optional() }).optional(),
  market: z.looseObject({
    icp_industries: z.array(nonEmpty).min(2),
    geographies: z.array(nonEmpty).min(2),
  }),
  customer_success: z
    .strictObject({
      /** Customer-success managers (`rep_000001` …). */
      csm_team_size: z.int().min(1).max(10_000),
      /** Share of contracts signed for 24 months (the rest are 12 months). */
      share_24_month_terms: z.number().min(0).max(1),
    })
    .default({ csm_team_size: 8, share_24_month_terms: 0.35 }),
  plans: z
    .array(planSchema)
    .length(3)
    .refine((ps) => ps.every((p) => p.mrr_range[0] <= p.mrr_range[1]), "mrr_range must be [lo, hi]")
    .default([
      { name: "starter", mrr_range: [1000, 3500], base_seats: 8 },
      { name: "growth", mrr_range: [3500, 9000], base_seats: 25 },
      { name: "enterprise", mrr_range: [9000, 25000], base_seats: 60 },
    ]),
});

/** A validated lifecycle narrative. */
export type LifecycleNarrative = z.output<typeof lifecycleNarrativeSchema>;
