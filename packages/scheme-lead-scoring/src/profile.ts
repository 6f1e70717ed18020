import { z } from "@leadforge/core";

const unit = z.number().min(0).max(1);

/**
 * Schema of one difficulty profile. A tier is a learnability ladder: it sets how strongly
 * hidden traits drive the funnel (`signal_strength`), how much of the signal lives in
 * observable non-linear effects (`nonlinear_strength`), how much unobservable per-lead noise
 * sits inside the hazards (`hazard_noise`), the target conversion rate, and the measurement
 * distortions applied to the task features.
 */
export const leadScoringProfileSchema = z
  .strictObject({
    /** What the tier is for. */
    description: z.string().min(1),
    /** Target share of leads that convert within the label window; the midpoint is calibrated. */
    conversion_rate_range: z.tuple([unit, unit]),
    /** Weight of the hidden causal graph's outcome on the conversion logit. */
    signal_strength: z.number().min(0).max(5),
    /** Weight of the observable non-linear effects (touch fatigue, pricing threshold, seniority × engagement). */
    nonlinear_strength: z.number().min(0).max(5),
    /** Standard deviation of unobserved per-lead noise inside the conversion logit. */
    hazard_noise: z.number().min(0).max(5),
    /** Standard deviation of unobserved noise acting only on closing (invisible in the early funnel). */
    late_noise: z.number().min(0).max(5),
    /** Weight of channel (lead source) effects on funnel speed and conversion. */
    channel_strength: z.number().min(0).max(5),
    /** Buying-committee friction: raises churn and slows late stages. */
    committee_friction: unit,
    /** Gaussian noise on float task features, as a fraction of each column's sd. */
    noise_scale: z.number().min(0).max(5),
    /** MCAR missing rate on numeric task features. */
    missing_rate: unit,
    /** Rate of ±5 sd outliers on float task features. */
    outlier_rate: unit,
  })
  .refine((p) => p.conversion_rate_range[0] <= p.conversion_rate_range[1], {
    path: ["conversion_rate_range"],
    message: "the lower bound must not exceed the upper bound",
  });

/** A validated difficulty profile. */
export type LeadScoringProfile = z.output<typeof leadScoringProfileSchema>;
