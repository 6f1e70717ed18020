import { InvalidConfigError } from "@leadforge/core";
import type { LatentWeights, Trait } from "./motifs.js";

/** Weeks per month, as a double (52 / 12); month boundaries are `trunc(k / WEEKS_PER_MONTH)`. */
export const WEEKS_PER_MONTH = 52 / 12;

/** Upper bound of every weekly/monthly probability. */
export const MAX_PROBABILITY = 0.95;

/** Latent values by trait (missing traits count as neutral 0.5). */
export type Latents = Readonly<Partial<Record<Trait, number>>>;

/** `exp(Σ w · (latent − 0.5))`: how a customer's traits scale a base rate. */
export function latentMultiplier(weights: LatentWeights, latents: Latents): number {
  let s = 0;
  for (const [trait, w] of Object.entries(weights) as [Trait, number][]) {
    s += w * ((latents[trait] ?? 0.5) - 0.5);
  }
  return Math.exp(s);
}

const ONBOARDING = Float64Array.from({ length: 256 }, (_, k) => 1 + 1.5 * Math.exp(-k / 4));

/** Onboarding elevation of churn: 2.5 at week 0, decaying to 1 with a 4-week constant. */
export function onboardingMultiplier(week: number): number {
  return week < 256 && Number.isInteger(week) ? ONBOARDING[week]! : 1 + 1.5 * Math.exp(-week / 4);
}

/** The month index of customer-relative week `week` (invoices go out when it increases). */
export function monthOfWeek(week: number): number {
  return Math.trunc(week / WEEKS_PER_MONTH);
}

function checkWeek(week: number, termMonths: number): number {
  if (!(week >= 0) || !(termMonths >= 1)) {
    throw new InvalidConfigError(
      `renewal arithmetic needs week ≥ 0 and term ≥ 1 month, got week ${week}, term ${termMonths}`,
    );
  }
  return termMonths * WEEKS_PER_MONTH;
}

/**
 * Whether customer-relative week `week` is a contract anniversary: 12-month terms renew at
 * weeks 52, 104, …; 24-month terms at 104, 208, …; never at week 0.
 */
export function isRenewalWeek(week: number, termMonths: number): boolean {
  const termWeeks = checkWeek(week, termMonths);
  if (week === 0) return false;
  const j = Math.round(week / termWeeks);
  return j >= 1 && Math.round(j * termWeeks) === week;
}

/** The first renewal week strictly after `week` (the source of `weeks_to_next_renewal`). */
export function nextRenewalWeek(week: number, termMonths: number): number {
  const termWeeks = checkWeek(week, termMonths);
  let j = Math.max(1, Math.trunc(week / termWeeks));
  while (Math.round(j * termWeeks) <= week) j++;
  return Math.round(j * termWeeks);
}
