import { formatIsoDate } from "@leadforge/core";
import type { LifecycleWorld } from "./build-world.js";
import { ENGINE_CONSTANTS } from "./engine.js";
import { MAX_PROBABILITY } from "./hazards.js";

/**
 * The instructor's `mechanism_summary.json`: the data-generating process with the parameter
 * values this world actually used (motif tables, engine constants, the tier's world knobs).
 */
export function mechanismSummary(world: LifecycleWorld): Record<string, unknown> {
  const { motif, profile, params } = world;
  return {
    motif_family: motif.name,
    calendar: {
      observation_date: formatIsoDate(world.observationDay),
      acquisition_start_date: formatIsoDate(world.acquisitionStartDay),
      acquisition_window_weeks: params.acquisition_window_weeks,
      early_tenure_weeks: params.early_tenure_weeks,
      horizon_rule:
        "each customer is simulated through max(observation_date, start + early_tenure_weeks) + 730 days",
      week_order: [
        "health_signal",
        "dunning_resolution",
        "invoice",
        "churn_draw",
        "renewal",
        "expansion",
      ],
    },
    latent_bias: motif.latentBias,
    churn_hazard: {
      formula:
        "min(0.95, base · churn_scale · exp(Σ w·(latent−0.5)) · frailty · (1 + 1.5·exp(−week/4)) · exp(engagement_weight·(0.5−engagement)) · [2 if engagement < 0.3] · [renewal_multiplier · exp(Σ w_r·(latent−0.5)) in renewal weeks]); skipped while in dunning",
      base_weekly_rate: motif.churn.baseWeeklyRate,
      latent_weights: motif.churn.latentWeights,
      renewal_hazard_multiplier: motif.churn.renewalMultiplier,
      renewal_latent_weights: motif.churn.renewalLatentWeights,
      frailty: "exp(frailty_sd · z − frailty_sd²/2), z ~ N(0,1) per customer (unobserved)",
    },
    expansion_propensity: {
      formula:
        "min(0.95, base · expansion_scale · exp(Σ w·(latent−0.5)) · band_factor · appetite · (0.5 + feature_depth) · max(0, 1 − mrr/ceiling)); delta ~ U[lo·mrr, hi·mrr] capped at the ceiling; none while in dunning",
      base_weekly_rate: motif.expansion.baseWeeklyRate,
      latent_weights: motif.expansion.latentWeights,
      expansion_mrr_frac_range: motif.expansion.mrrFracRange,
      band_factor: ENGINE_CONSTANTS.expansionBandFactor,
      mrr_ceiling_multiple: ENGINE_CONSTANTS.mrrCeilingMultiple,
      appetite:
        "exp(expansion_appetite_sd · z − expansion_appetite_sd²/2) per customer (unobserved)",
    },
    payment_failure: {
      formula:
        "min(0.95, base · payment_failure_scale · exp(Σ w·(latent−0.5)) · [2.5 on the first invoice] · exp(0.5·engagement_weight·(0.5−engagement))); while a case is open every new invoice joins it",
      base_monthly_rate: motif.payment.baseMonthlyRate,
      latent_weights: motif.payment.latentWeights,
      dunning_weeks: motif.payment.dunningWeeks,
      recovery_rate: motif.payment.recoveryRate,
      recovery_formula:
        "clamp((recovery_rate + 0.3·(budget_stability−0.5)) · [0.6 if the case began with the first invoice] / exp(0.5·engagement_weight·(0.5−engagement)), 0.02, 0.99); failure → every case invoice written off and churn (payment_failure)",
    },
    engagement: {
      formula:
        "e ← clamp(e + 0.15·(target − e) + engagement_volatility·N(0,1), 0, 1); target = clamp(0.2 + 0.4·adoption + 0.3·fit) minus 0.15 when the champion leaves (weekly prob 0.003·(1.4 − champion))",
      observed_as:
        "feature_depth_score = clamp(e·ramp + N(0, 0.04·signal_noise)); active_users ∝ seats·ramp·(0.4 + 1.2e); tickets ~ Poisson((0.3 + 1.2(1−fit))·(1.5 − e))",
    },
    engine_constants: ENGINE_CONSTANTS,
    max_probability: MAX_PROBABILITY,
    difficulty_profile: profile,
  };
}
