import { z } from "@leadforge/core";

const persona = z.strictObject({
  role: z.string().min(1),
  title_variants: z.array(z.string().min(1)).min(1),
  decision_authority: z.string().min(1),
  typical_involvement: z.string().optional(),
});

/**
 * Schema of `narrative.yaml`. Industries, geographies, channels (+ shares) and personas feed
 * the simulation; the rest is shown in the dataset card and `metadata/world_spec.json`.
 */
export const leadScoringNarrativeSchema = z.strictObject({
  company: z.strictObject({
    name: z.string().min(1),
    founded_year: z.int().optional(),
    hq_city: z.string().optional(),
    hq_country: z.string().optional(),
    stage: z.string().optional(),
    employee_range: z.tuple([z.int(), z.int()]).optional(),
  }),
  product: z.strictObject({
    name: z.string().min(1),
    category: z.string().min(1),
    deployment: z.string().optional(),
    pricing_model: z.string().optional(),
    acv_range_usd: z.tuple([z.number(), z.number()]).optional(),
    contract_terms_months: z.array(z.int().positive()).optional(),
    free_trial_available: z.boolean().optional(),
    demo_available: z.boolean().optional(),
  }),
  market: z.strictObject({
    icp_employee_range: z.tuple([z.int(), z.int()]).optional(),
    icp_industries: z.array(z.string().min(1)).min(1),
    geographies: z.array(z.string().min(1)).min(1),
    avg_deal_size_usd: z.number().positive().optional(),
    avg_sales_cycle_days: z.number().positive().optional(),
  }),
  gtm_motion: z.strictObject({
    channels: z.array(z.string().min(1)).min(1),
    inbound_share: z.number().min(0).optional(),
    outbound_share: z.number().min(0).optional(),
    partner_share: z.number().min(0).optional(),
  }),
  personas: z.array(persona).min(1),
  funnel_stages: z
    .array(z.strictObject({ name: z.string().min(1), label: z.string().min(1) }))
    .optional(),
});

/** A validated narrative. */
export type LeadScoringNarrative = z.output<typeof leadScoringNarrativeSchema>;

/** Channel shares by name, renormalised to sum 1 (all zero → uniform), as in the reference. */
export function channelShares(narrative: LeadScoringNarrative): number[] {
  const g = narrative.gtm_motion;
  const byName: Record<string, number | undefined> = {
    inbound_marketing: g.inbound_share,
    sdr_outbound: g.outbound_share,
    partner_referral: g.partner_share,
  };
  const raw = g.channels.map((c) => byName[c] ?? 0);
  const total = raw.reduce((a, b) => a + b, 0);
  return total > 0 ? raw.map((v) => v / total) : raw.map(() => 1 / raw.length);
}
