import { z } from "@leadforge/core";

const rate = z.number().min(0).max(1);

/**
 * One difficulty profile of a lifecycle recipe. The first three knobs distort task features
 * (measurement noise); the rest change the simulated world itself, so a harder tier is
 * genuinely less predictable rather than merely noisier.
 */
export const lifecycleProfileSchema = z.strictObject({
  /** Plain-language summary for the dataset card. */
  description: z.string().min(1).optional(),
  /** Gaussian noise on health aggregates, as a fraction of each column's sd. */
  noise_scale: z.number().min(0).max(5),
  /** MCAR blanking rate of nullable health aggregates. */
  missing_rate: rate,
  /** Rate of median ± 5 sd outliers on float health aggregates. */
  outlier_rate: rate,
  /** Multiplier on the week-to-week observation noise of health signals. */
  signal_noise: z.number().min(0).max(10),
  /**
   * Multiplier on every voluntary churn hazard: harder tiers churn more, so more of each
   * customer's revenue depends on when (not whether) a random churn happens.
   */
  churn_scale: z.number().min(0).max(10),
  /** Multiplier on the monthly payment-failure probability (more collections cases when higher). */
  payment_failure_scale: z.number().min(0).max(10),
  /** Sd of the unobserved per-customer churn frailty (log scale, mean-one). */
  frailty_sd: z.number().min(0).max(3),
  /** How strongly the (observable) engagement level drives churn and payment failure. */
  engagement_weight: z.number().min(0).max(10),
  /** Sd of the weekly engagement random walk (how much health drifts after onboarding). */
  engagement_volatility: z.number().min(0).max(0.5),
  /** Multiplier on the weekly expansion propensity (more, less predictable growth when higher). */
  expansion_scale: z.number().min(0).max(10),
  /** Sd (log scale) of unobserved per-customer expansion appetite. */
  expansion_appetite_sd: z.number().min(0).max(3),
});

/** A validated difficulty profile. */
export type LifecycleProfile = z.output<typeof lifecycleProfileSchema>;
