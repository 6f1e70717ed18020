import type { Rng } from "@leadforge/core";

/**
 * The reference's latent primitive: a trait in [0, 1] drawn as N(mean, sd) clipped to [0, 1],
 * with the mean clamped to [0.10, 0.90].
 */
export function sampleLatent(rng: Rng, mean: number, sd = 0.2): number {
  const m = Math.min(0.9, Math.max(0.1, mean));
  const x = rng.normal(m, sd);
  return Math.min(1, Math.max(0, x));
}

/** A [0, 1] trait on the z scale the structural equations use (0.5 ↦ 0, sd 0.2 ↦ 1). */
export function latentZ(x: number): number {
  return (x - 0.5) / 0.2;
}

/** Logistic sigmoid. */
export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
